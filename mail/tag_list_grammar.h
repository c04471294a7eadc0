// PEGTL grammar for the tag=value lists of RFC 6376 section 3.2, which DKIM
// keys use and DMARC (RFC 7489 6.4), MTA-STS (RFC 8461 3.1), TLS-RPT (RFC
// 8460 3) and BIMI records follow.
//
//   tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
//   tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
//   tag-name  =  ALPHA *ALNUMPUNC
//   tag-value =  [ tval *( 1*(WSP / FWS) tval ) ]
//   tval      =  1*VALCHAR
//   VALCHAR   =  %x21-3A / %x3C-7E
//   ALNUMPUNC =  ALPHA / DIGIT / "_"
//
// In DNS text there are no line breaks, so FWS is WSP here (a CRLF is
// accepted where FWS allows it, as some publishers paste folded text).
#ifndef ZONELINT_MAIL_TAG_LIST_GRAMMAR_H_
#define ZONELINT_MAIL_TAG_LIST_GRAMMAR_H_

#include "tao/pegtl.hpp"

namespace zonelint::grammar::tag_list {

namespace pegtl = tao::pegtl;

struct wsp : pegtl::one<' ', '\t'> {};
struct fws : pegtl::plus<pegtl::sor<wsp, pegtl::one<'\r', '\n'>>> {};
struct alnumpunc : pegtl::sor<pegtl::alnum, pegtl::one<'_'>> {};
struct tag_name : pegtl::seq<pegtl::alpha, pegtl::star<alnumpunc>> {};
struct valchar
    : pegtl::sor<pegtl::range<0x21, 0x3A>, pegtl::range<0x3C, 0x7E>> {};
struct tval : pegtl::plus<valchar> {};
struct tag_value
    : pegtl::opt<tval, pegtl::star<fws, tval>> {};
struct equals : pegtl::one<'='> {};
struct tag_spec
    : pegtl::seq<pegtl::opt<fws>, tag_name, pegtl::opt<fws>, equals,
                 pegtl::opt<fws>, tag_value, pegtl::opt<fws>> {};
struct separator : pegtl::one<';'> {};
// An empty list, or trailing ";" followed by blanks only.
struct tag_list_end : pegtl::seq<pegtl::opt<fws>, pegtl::eof> {};

}  // namespace zonelint::grammar::tag_list

#endif  // ZONELINT_MAIL_TAG_LIST_GRAMMAR_H_

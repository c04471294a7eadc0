// PEGTL grammar for the values of the tags of a DKIM key record (RFC 6376
// section 3.6.1, with RFC 8463 for ed25519). The tag list itself
// ("v=DKIM1; k=rsa; p=...") is split by ParseTagList (mail/tag_list.h);
// these rules check one tag's value, from its first character to its last
// (ParseTagList has trimmed the blanks around it). Rule names follow the
// RFC ABNF with '_' for '-'.
//
//   key-v-tag       = %x76 [FWS] "=" [FWS] %x44.4B.49.4D.31      ; "DKIM1"
//   key-h-tag       = %x68 [FWS] "=" [FWS] key-h-tag-alg
//                     *( [FWS] ":" [FWS] key-h-tag-alg )
//   key-h-tag-alg   = "sha1" / "sha256" / x-key-h-tag-alg
//   key-k-tag       = %x76 [FWS] "=" [FWS] key-k-tag-type
//   key-k-tag-type  = "rsa" / x-key-k-tag-type
//   key-n-tag       = %x6e [FWS] "=" [FWS] qp-section
//   key-p-tag       = %x70 [FWS] "=" [ [FWS] base64string]
//   key-s-tag       = %x73 [FWS] "=" [FWS] key-s-tag-type
//                     *( [FWS] ":" [FWS] key-s-tag-type )
//   key-s-tag-type  = "email" / "*" / x-key-s-tag-type
//   key-t-tag       = %x74 [FWS] "=" [FWS] key-t-tag-flag
//                     *( [FWS] ":" [FWS] key-t-tag-flag )
//   key-t-tag-flag  = "y" / "s" / x-key-t-tag-flag
//   x-...           = hyphenated-word
//   hyphenated-word = ALPHA [ *(ALPHA / DIGIT / "-") (ALPHA / DIGIT) ]
//   base64string    = ALPHADIGITPS *([FWS] ALPHADIGITPS)
//                     [ [FWS] "=" [ [FWS] "=" ] ]
//
// Known algorithms, key types, services and flags are hyphenated words
// too, so each list is a list of hyphenated words (or "*"); mail/dkim.cc
// tells the known ones from the others. qp-section is accepted as any
// printable text: notes are for people, and verifiers ignore them.
#ifndef ZONELINT_MAIL_DKIM_GRAMMAR_H_
#define ZONELINT_MAIL_DKIM_GRAMMAR_H_

#include "tao/pegtl.hpp"

namespace zonelint::grammar::dkim {

namespace pegtl = tao::pegtl;

// In DNS text FWS is blanks (a CRLF is accepted, as in tag_list_grammar.h).
struct fws : pegtl::plus<pegtl::one<' ', '\t', '\r', '\n'>> {};

// hyphenated-word: a '-' may not end the word. PEG does not backtrack, so
// the inner part takes a '-' only when a letter or digit follows later.
struct hyphenated_word
    : pegtl::seq<pegtl::alpha,
                 pegtl::star<pegtl::sor<pegtl::alnum,
                                        pegtl::seq<pegtl::plus<pegtl::one<'-'>>,
                                                   pegtl::at<pegtl::alnum>>>>> {
};

// A ':' separated list of Item, blanks allowed around each ':'.
struct colon : pegtl::seq<pegtl::opt<fws>, pegtl::one<':'>, pegtl::opt<fws>> {};
template <typename Item>
struct colon_list : pegtl::seq<Item, pegtl::star<colon, Item>> {};

// v=
struct key_v_value
    : pegtl::seq<pegtl::string<'D', 'K', 'I', 'M', '1'>, pegtl::eof> {};

// h=
struct key_h_tag_alg : hyphenated_word {};
struct key_h_value : pegtl::seq<colon_list<key_h_tag_alg>, pegtl::eof> {};

// k=
struct key_k_tag_type : hyphenated_word {};
struct key_k_value : pegtl::seq<key_k_tag_type, pegtl::eof> {};

// n=: qp-section, accepted as printable text and blanks.
struct key_n_value
    : pegtl::seq<pegtl::star<pegtl::sor<pegtl::range<0x21, 0x7E>, fws>>,
                 pegtl::eof> {};

// p=: base64 with blanks anywhere, '=' padding only at the end; may be
// empty (a revoked key).
struct alphadigitps : pegtl::sor<pegtl::alnum, pegtl::one<'+', '/'>> {};
struct base64_pad : pegtl::one<'='> {};
struct base64string
    : pegtl::seq<alphadigitps, pegtl::star<pegtl::opt<fws>, alphadigitps>,
                 pegtl::opt<pegtl::opt<fws>, base64_pad,
                            pegtl::opt<pegtl::opt<fws>, base64_pad>>> {};
struct key_p_value : pegtl::seq<pegtl::opt<base64string>, pegtl::eof> {};

// s=
struct key_s_tag_type : pegtl::sor<pegtl::one<'*'>, hyphenated_word> {};
struct key_s_value : pegtl::seq<colon_list<key_s_tag_type>, pegtl::eof> {};

// t=
struct key_t_tag_flag : hyphenated_word {};
struct key_t_value : pegtl::seq<colon_list<key_t_tag_flag>, pegtl::eof> {};

}  // namespace zonelint::grammar::dkim

#endif  // ZONELINT_MAIL_DKIM_GRAMMAR_H_

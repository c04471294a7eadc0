// PEGTL grammar for SPF records: the ABNF of RFC 7208 section 12, rule for
// rule. Rule names follow the RFC (with '_' for '-').
//
// Two places need more than a literal transcription, because PEG does not
// backtrack:
//  * domain-spec = macro-string domain-end: macro-string would eat the
//    domain-end (and, in "a" and "mx", the CIDR suffix, since '/' is a
//    macro-literal). domain_spec<Stop> therefore takes macro items only
//    while "domain-end followed by Stop" does not match, then domain-end.
//    Stop is what may follow the domain-spec in its term.
//  * toplabel tries the hyphenated form first, so "ab-cd" is not cut at
//    "ab".
// A term ends at a space or the end of the input (term_end), so the same
// rules parse a whole record (record) or one term on its own (term_only),
// which is how mail/spf.cc uses them.
//
// Letters c, r and t are accepted in every macro here; spf.cc reports them
// outside explanation text (RFC 7208 7.2), like CIDR lengths over 32 or 128.
#ifndef ZONELINT_MAIL_SPF_GRAMMAR_H_
#define ZONELINT_MAIL_SPF_GRAMMAR_H_

#include "parser/field_grammar.h"
#include "tao/pegtl.hpp"

namespace zonelint::grammar::spf {

namespace pegtl = tao::pegtl;

// Only the space separates terms (RFC 7208 4.6.1, 12).
struct sp : pegtl::one<' '> {};
struct term_end : pegtl::at<pegtl::sor<sp, pegtl::eof>> {};

// version = "v=spf1", then a space or the end (RFC 7208 4.5).
struct version : pegtl::seq<TAO_PEGTL_ISTRING("v=spf1"), term_end> {};

// Not RFC 7208: how a mistyped version is written, for FindLookalike: the
// tag "v=" (blanks around '=', or left out), "spf", an optional "v", "1",
// blanks between them ("v=spfv1", "v = spf1", "v=spf 1", "spf1").
struct lookalike_blanks : pegtl::star<pegtl::one<' ', '\t'>> {};
struct lookalike_tag : pegtl::seq<pegtl::one<'v', 'V'>, lookalike_blanks,
                                  pegtl::one<'='>, lookalike_blanks> {};
struct lookalike_version
    : pegtl::seq<
          pegtl::opt<lookalike_tag>, TAO_PEGTL_ISTRING("spf"), lookalike_blanks,
          pegtl::opt<pegtl::one<'v', 'V'>, lookalike_blanks>, pegtl::one<'1'>> {
};

// qualifier = "+" / "-" / "?" / "~"
struct qualifier : pegtl::one<'+', '-', '?', '~'> {};

// RFC 7208 7.1: the macro language.
struct macro_letter
    : pegtl::one<'s', 'S', 'l', 'L', 'o', 'O', 'd', 'D', 'i', 'I', 'p', 'P',
                 'h', 'H', 'c', 'C', 'r', 'R', 't', 'T', 'v', 'V'> {};
struct transformer_digits : pegtl::star<pegtl::digit> {};
struct transformer_reverse : pegtl::one<'r', 'R'> {};
struct transformers
    : pegtl::seq<transformer_digits, pegtl::opt<transformer_reverse>> {};
struct delimiter : pegtl::one<'.', '-', '+', ',', '/', '_', '='> {};
struct macro_letter_expand
    : pegtl::seq<pegtl::one<'%'>, pegtl::one<'{'>, macro_letter, transformers,
                 pegtl::star<delimiter>, pegtl::one<'}'>> {};
struct macro_escape : pegtl::seq<pegtl::one<'%'>, pegtl::one<'%', '_', '-'>> {};
struct macro_expand : pegtl::sor<macro_letter_expand, macro_escape> {};
// macro-literal = %x21-24 / %x26-7E (visible characters but '%').
struct macro_literal
    : pegtl::sor<pegtl::range<0x21, 0x24>, pegtl::range<0x26, 0x7E>> {};
struct macro_item : pegtl::sor<macro_expand, macro_literal> {};
struct macro_string : pegtl::star<macro_item> {};

// toplabel = ( *alphanum ALPHA *alphanum ) /
//            ( 1*alphanum "-" *( alphanum / "-" ) alphanum )
struct toplabel_hyphenated
    : pegtl::seq<pegtl::plus<pegtl::alnum>,
                 pegtl::plus<pegtl::plus<pegtl::one<'-'>>,
                             pegtl::plus<pegtl::alnum>>> {};
struct toplabel_alpha : pegtl::seq<pegtl::star<pegtl::digit>, pegtl::alpha,
                                   pegtl::star<pegtl::alnum>> {};
struct toplabel : pegtl::sor<toplabel_hyphenated, toplabel_alpha> {};
// domain-end = ( "." toplabel [ "." ] ) / macro-expand
struct domain_end
    : pegtl::sor<
          pegtl::seq<pegtl::one<'.'>, toplabel, pegtl::opt<pegtl::one<'.'>>>,
          macro_expand> {};
// domain-spec = macro-string domain-end, followed by Stop.
template <typename Stop>
struct domain_spec
    : pegtl::seq<pegtl::star<pegtl::not_at<domain_end, Stop>, macro_item>,
                 domain_end, pegtl::at<Stop>> {};

// ip4-cidr-length = "/" ( "0" / %x31-39 0*1DIGIT )   ; 0-32, checked later
// ip6-cidr-length = "/" ( "0" / %x31-39 0*2DIGIT )   ; 0-128, checked later
// dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]
struct ip4_cidr_value
    : pegtl::sor<pegtl::one<'0'>,
                 pegtl::seq<pegtl::range<'1', '9'>, pegtl::opt<pegtl::digit>>> {
};
struct ip6_cidr_value
    : pegtl::sor<pegtl::one<'0'>, pegtl::seq<pegtl::range<'1', '9'>,
                                             pegtl::rep_max<2, pegtl::digit>>> {
};
struct ip4_cidr_length : pegtl::seq<pegtl::one<'/'>, ip4_cidr_value> {};
struct ip6_cidr_length : pegtl::seq<pegtl::one<'/'>, ip6_cidr_value> {};
// Written so that it never matches the empty string.
struct dual_cidr_length
    : pegtl::sor<pegtl::seq<ip4_cidr_length,
                            pegtl::opt<pegtl::one<'/'>, ip6_cidr_length>>,
                 pegtl::seq<pegtl::one<'/'>, ip6_cidr_length>> {};
// What may follow the domain-spec of "a" and "mx".
struct cidr_stop
    : pegtl::sor<term_end, pegtl::seq<dual_cidr_length, term_end>> {};

// ip4-network = qnum "." qnum "." qnum "." qnum (RFC 7208 qnum is RFC 3986
// dec-octet); ip6-network = <as per RFC 4291 section 2.2>.
struct ip4_network : field::IPv4address {};
struct ip6_network : field::IPv6address {};

// Mechanisms (RFC 7208 5). Names are case-insensitive.
struct all : pegtl::seq<TAO_PEGTL_ISTRING("all"), term_end> {};
struct include : pegtl::seq<TAO_PEGTL_ISTRING("include"), pegtl::one<':'>,
                            domain_spec<term_end>> {};
struct a : pegtl::seq<TAO_PEGTL_ISTRING("a"),
                      pegtl::opt<pegtl::one<':'>, domain_spec<cidr_stop>>,
                      pegtl::opt<dual_cidr_length>, term_end> {};
struct mx : pegtl::seq<TAO_PEGTL_ISTRING("mx"),
                       pegtl::opt<pegtl::one<':'>, domain_spec<cidr_stop>>,
                       pegtl::opt<dual_cidr_length>, term_end> {};
struct ptr
    : pegtl::seq<TAO_PEGTL_ISTRING("ptr"),
                 pegtl::opt<pegtl::one<':'>, domain_spec<term_end>>, term_end> {
};
struct ip4 : pegtl::seq<TAO_PEGTL_ISTRING("ip4"), pegtl::one<':'>, ip4_network,
                        pegtl::opt<ip4_cidr_length>, term_end> {};
struct ip6 : pegtl::seq<TAO_PEGTL_ISTRING("ip6"), pegtl::one<':'>, ip6_network,
                        pegtl::opt<ip6_cidr_length>, term_end> {};
struct exists : pegtl::seq<TAO_PEGTL_ISTRING("exists"), pegtl::one<':'>,
                           domain_spec<term_end>> {};
// "all" before "a", so that "a" does not take its first letter.
struct mechanism : pegtl::sor<all, include, a, mx, ptr, ip4, ip6, exists> {};
// directive = [ qualifier ] mechanism
struct directive : pegtl::seq<pegtl::opt<qualifier>, mechanism> {};

// Modifiers (RFC 7208 6).
struct redirect : pegtl::seq<TAO_PEGTL_ISTRING("redirect"), pegtl::one<'='>,
                             domain_spec<term_end>> {};
struct explanation : pegtl::seq<TAO_PEGTL_ISTRING("exp"), pegtl::one<'='>,
                                domain_spec<term_end>> {};
// name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
struct name
    : pegtl::seq<
          pegtl::alpha,
          pegtl::star<pegtl::sor<pegtl::alnum, pegtl::one<'-', '_', '.'>>>> {};
struct known_modifier_name
    : pegtl::seq<
          pegtl::sor<TAO_PEGTL_ISTRING("redirect"), TAO_PEGTL_ISTRING("exp")>,
          pegtl::one<'='>> {};
struct modifier_value : macro_string {};
// unknown-modifier = name "=" macro-string  ; where name is not a known one
struct unknown_modifier
    : pegtl::seq<pegtl::not_at<known_modifier_name>, name, pegtl::one<'='>,
                 modifier_value, term_end> {};
struct modifier : pegtl::sor<redirect, explanation, unknown_modifier> {};

struct term : pegtl::sor<directive, modifier> {};
// One term on its own: what spf.cc parses after splitting on spaces.
struct term_only : pegtl::seq<term, pegtl::eof> {};
// record = version terms *SP; terms = *( 1*SP ( directive / modifier ) )
struct terms : pegtl::star<pegtl::plus<sp>, term> {};
struct record : pegtl::seq<version, terms, pegtl::star<sp>, pegtl::eof> {};

}  // namespace zonelint::grammar::spf

#endif  // ZONELINT_MAIL_SPF_GRAMMAR_H_

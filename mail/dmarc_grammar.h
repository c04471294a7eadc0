// PEGTL grammar for the tag values of DMARC records: the ABNF of RFC 7489
// section 6.4, rule for rule (names with '_' for '-'), plus the DMARCbis
// tags np, psd and t. The tag list itself (tags separated by ';', blanks
// around '=') is split by mail/tag_list.h; each value is then matched
// whole by one of the *_value rules below, which mail/dmarc.cc uses.
//
//   dmarc-version   = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31
//   dmarc-request   = "p" *WSP "=" *WSP ( "none" / "quarantine" / "reject" )
//   dmarc-uri       = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
//   dmarc-auri      = "rua" *WSP "=" *WSP dmarc-uri *(*WSP "," *WSP dmarc-uri)
//   dmarc-adkim     = "adkim" *WSP "=" *WSP ( "r" / "s" )
//   dmarc-ainterval = "ri" *WSP "=" *WSP 1*DIGIT
//   dmarc-fo        = "fo" *WSP "=" *WSP ( "0" / "1" / "d" / "s" )
//                     *(*WSP ":" *WSP ( "0" / "1" / "d" / "s" ))
//   dmarc-rfmt      = "rf" *WSP "=" *WSP Keyword *(*WSP ":" Keyword)
//   dmarc-percent   = "pct" *WSP "=" *WSP 1*3DIGIT
//
// Quoted ABNF strings are case-insensitive; only the version is not.
// URI is RFC 3986's; commas and '!' must be percent-encoded inside a
// dmarc-uri (RFC 7489 6.2), and ';' ends the tag, so uri_char leaves them
// out. The URI rule checks the scheme and the characters only: which
// URIs are usable for reports (mailto: with an addr-spec, https: with a
// host) is checked by mailto_address and https_host.
#ifndef ZONELINT_MAIL_DMARC_GRAMMAR_H_
#define ZONELINT_MAIL_DMARC_GRAMMAR_H_

#include "tao/pegtl.hpp"

namespace zonelint::grammar::dmarc {

namespace pegtl = tao::pegtl;

struct wsp : pegtl::one<' ', '\t'> {};
struct owsp : pegtl::star<wsp> {};

// %x44 %x4d %x41 %x52 %x43 %x31: "DMARC1", case-sensitive.
struct version_value : pegtl::seq<TAO_PEGTL_STRING("DMARC1"), pegtl::eof> {};

// "none" / "quarantine" / "reject" (p, sp and np).
struct policy
    : pegtl::sor<TAO_PEGTL_ISTRING("none"), TAO_PEGTL_ISTRING("quarantine"),
                 TAO_PEGTL_ISTRING("reject")> {};
struct policy_value : pegtl::seq<policy, pegtl::eof> {};

// "r" / "s" (adkim, aspf).
struct alignment : pegtl::one<'r', 's', 'R', 'S'> {};
struct alignment_value : pegtl::seq<alignment, pegtl::eof> {};

// ri = 1*DIGIT (the 32-bit range is checked by dmarc.cc).
struct interval : pegtl::plus<pegtl::digit> {};
struct interval_value : pegtl::seq<interval, pegtl::eof> {};

// pct = 1*3DIGIT (0-100 is checked by dmarc.cc).
struct percent : pegtl::rep_min_max<1, 3, pegtl::digit> {};
struct percent_value : pegtl::seq<percent, pegtl::eof> {};

// fo = ( "0" / "1" / "d" / "s" ) *(*WSP ":" *WSP ( "0" / "1" / "d" / "s" ))
struct fo_option : pegtl::one<'0', '1', 'd', 's', 'D', 'S'> {};
struct fo_sep : pegtl::seq<owsp, pegtl::one<':'>, owsp> {};
struct fo_value
    : pegtl::seq<fo_option, pegtl::star<fo_sep, fo_option>, pegtl::eof> {};

// Keyword = Ldh-str (RFC 5321 4.1.2): letters, digits and inner '-'.
struct keyword : pegtl::seq<pegtl::plus<pegtl::alnum>,
                            pegtl::star<pegtl::plus<pegtl::one<'-'>>,
                                        pegtl::plus<pegtl::alnum>>> {};
// Blanks after ':' are accepted too (the ABNF has none there).
struct rf_sep : pegtl::seq<owsp, pegtl::one<':'>, owsp> {};
struct rf_value
    : pegtl::seq<keyword, pegtl::star<rf_sep, keyword>, pegtl::eof> {};

// psd = "y" / "n" / "u"; t = "y" / "n" (DMARCbis).
struct psd_value
    : pegtl::seq<pegtl::one<'y', 'n', 'u', 'Y', 'N', 'U'>, pegtl::eof> {};
struct testing_value : pegtl::seq<pegtl::one<'y', 'n', 'Y', 'N'>, pegtl::eof> {
};

// RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
struct scheme
    : pegtl::seq<
          pegtl::alpha,
          pegtl::star<pegtl::sor<pegtl::alnum, pegtl::one<'+', '-', '.'>>>> {};
struct pct_encoded : pegtl::seq<pegtl::one<'%'>, pegtl::xdigit, pegtl::xdigit> {
};
// unreserved / pct-encoded / sub-delims but "!" "," ";" / gen-delims.
struct uri_char
    : pegtl::sor<pegtl::alnum, pegtl::one<'-', '.', '_', '~'>, pct_encoded,
                 pegtl::one<'$', '&', '\'', '(', ')', '*', '+', '='>,
                 pegtl::one<':', '@', '/', '?', '#', '[', ']'>> {};
struct uri_rest : pegtl::star<uri_char> {};
struct uri : pegtl::seq<scheme, pegtl::one<':'>, uri_rest> {};

// [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
struct size_digits : pegtl::plus<pegtl::digit> {};
struct size_unit : pegtl::one<'k', 'm', 'g', 't', 'K', 'M', 'G', 'T'> {};
struct size_limit
    : pegtl::seq<pegtl::one<'!'>, size_digits, pegtl::opt<size_unit>> {};
struct dmarc_uri : pegtl::seq<uri, pegtl::opt<size_limit>> {};
// One entry of a list on its own: what dmarc.cc parses after splitting the
// value at ',' (which a dmarc-uri cannot contain).
struct dmarc_uri_value : pegtl::seq<dmarc_uri, pegtl::eof> {};
// dmarc-uri *(*WSP "," *WSP dmarc-uri)
struct uri_sep : pegtl::seq<owsp, pegtl::one<','>, owsp> {};
struct uri_list_value
    : pegtl::seq<dmarc_uri, pegtl::star<uri_sep, dmarc_uri>, pegtl::eof> {};

// What makes a report URI usable. A mailto: URI (RFC 6068) holds an
// addr-spec (RFC 5322 3.4.1) in dot-atom form, then optional "?hfields".
// The domain must have two labels or more. atext allows '/', but the part
// after "mailto:" must not start with one: "mailto://d@example.com" is
// written as a URL with an authority, not an address ("mailto:a/b@..." is
// fine).
struct atext
    : pegtl::sor<pegtl::alnum, pct_encoded,
                 pegtl::one<'!', '#', '$', '&', '\'', '*', '+', '-', '/', '=',
                            '?', '^', '_', '`', '{', '|', '}', '~'>> {};
struct local_part
    : pegtl::seq<
          pegtl::plus<pegtl::not_at<pegtl::one<'?'>>, atext>,
          pegtl::star<pegtl::one<'.'>,
                      pegtl::plus<pegtl::not_at<pegtl::one<'?'>>, atext>>> {};
struct ldh_label : keyword {};
struct domain : pegtl::seq<ldh_label, pegtl::plus<pegtl::one<'.'>, ldh_label>,
                           pegtl::opt<pegtl::one<'.'>>> {};
struct hfields : pegtl::seq<pegtl::one<'?'>, pegtl::star<pegtl::any>> {};
struct mailto_address
    : pegtl::seq<pegtl::not_at<pegtl::one<'/'>>, local_part, pegtl::one<'@'>,
                 domain, pegtl::opt<hfields>, pegtl::eof> {};
// After "https:": "//" host [ ":" port ] path-abempty [ "?" query ]...
struct port : pegtl::star<pegtl::digit> {};
struct https_host
    : pegtl::seq<pegtl::two<'/'>, domain, pegtl::opt<pegtl::one<':'>, port>,
                 pegtl::sor<pegtl::eof, pegtl::at<pegtl::one<'/', '?', '#'>>>> {
};

}  // namespace zonelint::grammar::dmarc

#endif  // ZONELINT_MAIL_DMARC_GRAMMAR_H_

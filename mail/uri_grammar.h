// PEGTL grammar for the report and asset URIs of the mail policy records:
// "https:" URIs (RFC 3986 appendix A, the hier-part with an authority, as
// RFC 9110 4.2.2 requires for https) and "mailto:" URIs with one address
// (RFC 6068 2; RFC 5322 3.4.1 addr-spec, without quoted strings and
// comments). TLS-RPT (RFC 8460 3) and BIMI records use them; inside a
// tag value ',' and ';' are percent-encoded, so sub-delims here leave them
// out. Each rule is meant to be matched against a whole string (see
// grammar::field::FullMatch).
#ifndef ZONELINT_MAIL_URI_GRAMMAR_H_
#define ZONELINT_MAIL_URI_GRAMMAR_H_

#include "parser/field_grammar.h"
#include "tao/pegtl.hpp"

namespace zonelint::grammar::uri {

namespace pegtl = tao::pegtl;

// unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"
struct unreserved : pegtl::sor<pegtl::alnum, pegtl::one<'-', '.', '_', '~'>> {};
// pct-encoded = "%" HEXDIG HEXDIG
struct pct_encoded : pegtl::seq<pegtl::one<'%'>, pegtl::xdigit, pegtl::xdigit> {
};
// sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "=", with ","
// and ";" left out (they separate URIs and tags in these records).
struct sub_delims : pegtl::one<'!', '$', '&', '\'', '(', ')', '*', '+', '='> {};
// pchar = unreserved / pct-encoded / sub-delims / ":" / "@"
struct pchar
    : pegtl::sor<unreserved, pct_encoded, sub_delims, pegtl::one<':', '@'>> {};

// userinfo = *( unreserved / pct-encoded / sub-delims / ":" )
struct userinfo
    : pegtl::star<
          pegtl::sor<unreserved, pct_encoded, sub_delims, pegtl::one<':'>>> {};
// IP-literal = "[" IPv6address "]"  (IPvFuture left out)
struct ip_literal
    : pegtl::seq<pegtl::one<'['>, field::IPv6address, pegtl::one<']'>> {};
// reg-name = *( unreserved / pct-encoded / sub-delims ); an IPv4address is
// a reg-name too. Non-empty here: an https URI needs a host.
struct reg_name : pegtl::plus<pegtl::sor<unreserved, pct_encoded, sub_delims>> {
};
struct host : pegtl::sor<ip_literal, reg_name> {};
// port = *DIGIT
struct port : pegtl::star<pegtl::digit> {};
// authority = [ userinfo "@" ] host [ ":" port ]
struct authority : pegtl::seq<pegtl::opt<userinfo, pegtl::one<'@'>>, host,
                              pegtl::opt<pegtl::one<':'>, port>> {};
// segment = *pchar; path-abempty = *( "/" segment )
struct segment : pegtl::star<pchar> {};
struct path_abempty : pegtl::star<pegtl::one<'/'>, segment> {};
// query = *( pchar / "/" / "?" ); fragment likewise
struct query : pegtl::star<pegtl::sor<pchar, pegtl::one<'/', '?'>>> {};
struct fragment : pegtl::star<pegtl::sor<pchar, pegtl::one<'/', '?'>>> {};
// https-URI = "https:" "//" authority path-abempty [ "?" query ]
//             [ "#" fragment ]                       (scheme any case)
struct https_scheme : TAO_PEGTL_ISTRING("https") {};
struct https_uri
    : pegtl::seq<https_scheme, pegtl::one<':'>, pegtl::two<'/'>, authority,
                 path_abempty, pegtl::opt<pegtl::one<'?'>, query>,
                 pegtl::opt<pegtl::one<'#'>, fragment>> {};

// RFC 6068: mailtoURI = "mailto:" [ to ] [ hfields ], here with one
// addr-spec = local-part "@" domain, percent-encoding allowed.
// local-part = dot-atom-text (atext and '.'), percent-encoded bytes allowed
struct atext
    : pegtl::sor<pegtl::alnum,
                 pegtl::one<'!', '#', '$', '&', '\'', '*', '+', '-', '/', '=',
                            '^', '_', '`', '{', '|', '}', '~'>,
                 pct_encoded> {};
struct local_part
    : pegtl::seq<pegtl::plus<atext>,
                 pegtl::star<pegtl::one<'.'>, pegtl::plus<atext>>> {};
// domain = dot-atom-text of letters, digits, '-' and '_', with an optional
// final '.'
struct domain_label
    : pegtl::plus<pegtl::sor<pegtl::alnum, pegtl::one<'-', '_'>>> {};
struct domain
    : pegtl::seq<domain_label, pegtl::star<pegtl::one<'.'>, domain_label>,
                 pegtl::opt<pegtl::one<'.'>>> {};
struct addr_spec : pegtl::seq<local_part, pegtl::one<'@'>, domain> {};
// hfields = "?" hfield *( "&" hfield ), kept loose: any query text.
struct hfields : pegtl::seq<pegtl::one<'?'>, query> {};
struct mailto_scheme : TAO_PEGTL_ISTRING("mailto") {};
struct mailto_uri : pegtl::seq<mailto_scheme, pegtl::one<':'>, addr_spec,
                               pegtl::opt<hfields>> {};

// scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), then ':': how a
// value that is some URI shows its scheme.
struct scheme
    : pegtl::seq<
          pegtl::alpha,
          pegtl::star<pegtl::sor<pegtl::alnum, pegtl::one<'+', '-', '.'>>>,
          pegtl::at<pegtl::one<':'>>> {};

}  // namespace zonelint::grammar::uri

#endif  // ZONELINT_MAIL_URI_GRAMMAR_H_

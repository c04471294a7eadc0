// PEGTL grammars for single rdata and directive fields: addresses, TTLs,
// numbers, encodings, and the $GENERATE range and modifiers. Each grammar
// is matched against one whole token (see FullMatch).
#ifndef ZONELINT_PARSER_FIELD_GRAMMAR_H_
#define ZONELINT_PARSER_FIELD_GRAMMAR_H_

#include <string_view>

#include "tao/pegtl.hpp"

namespace zonelint {
namespace grammar::field {

namespace pegtl = tao::pegtl;

// RFC 3986 section 3.2.2: dec-octet and IPv4address (no leading zeros, as
// BIND's inet_pton demands) and IPv6address (RFC 4291 2.2). Not
// pegtl::uri's: PEGTL 3.2.7's dec_octet (maximum_rule) reads one byte past
// the end of its input when the input ends in a digit.
// dec-octet = "25" %x30-35 / "2" %x30-34 DIGIT / "1" 2DIGIT
//           / %x31-39 DIGIT / DIGIT           (longest alternative first)
struct dec_octet
    : pegtl::sor<
          pegtl::seq<pegtl::one<'2'>, pegtl::one<'5'>, pegtl::range<'0', '5'>>,
          pegtl::seq<pegtl::one<'2'>, pegtl::range<'0', '4'>, pegtl::digit>,
          pegtl::seq<pegtl::one<'1'>, pegtl::digit, pegtl::digit>,
          pegtl::seq<pegtl::range<'1', '9'>, pegtl::digit>, pegtl::digit> {};
struct IPv4address
    : pegtl::seq<dec_octet, pegtl::one<'.'>, dec_octet, pegtl::one<'.'>,
                 dec_octet, pegtl::one<'.'>, dec_octet> {};
struct h16 : pegtl::rep_min_max<1, 4, pegtl::xdigit> {};
struct h16_colon : pegtl::seq<h16, pegtl::one<':'>> {};
// ls32 = ( h16 ":" h16 ) / IPv4address
struct ls32
    : pegtl::sor<
          pegtl::seq<h16, pegtl::one<':'>, h16, pegtl::not_at<pegtl::one<'.'>>>,
          IPv4address> {};
struct dcolon : pegtl::two<':'> {};
// [ *(N)( h16 ":" ) h16 ] before a "::"
template <unsigned N>
struct h16_list : pegtl::opt<h16, pegtl::rep_opt<N, pegtl::one<':'>, h16>> {};
struct IPv6address
    : pegtl::sor<
          pegtl::seq<pegtl::rep<6, h16_colon>, ls32>,
          pegtl::seq<dcolon, pegtl::rep<5, h16_colon>, ls32>,
          pegtl::seq<pegtl::opt<h16>, dcolon, pegtl::rep<4, h16_colon>, ls32>,
          pegtl::seq<h16_list<1>, dcolon, pegtl::rep<3, h16_colon>, ls32>,
          pegtl::seq<h16_list<2>, dcolon, pegtl::rep<2, h16_colon>, ls32>,
          pegtl::seq<h16_list<3>, dcolon, h16_colon, ls32>,
          pegtl::seq<h16_list<4>, dcolon, ls32>,
          pegtl::seq<h16_list<5>, dcolon, h16>,
          pegtl::seq<h16_list<6>, dcolon>> {};

// A TTL: decimal seconds, or BIND's units "1w2d3h4m5s" (case-insensitive);
// a last part may have no unit.
struct ttl_digits : pegtl::plus<pegtl::digit> {};
struct ttl_unit : pegtl::one<'w', 'W', 'd', 'D', 'h', 'H', 'm', 'M', 's', 'S'> {};
struct ttl_part : pegtl::seq<ttl_digits, pegtl::opt<ttl_unit>> {};
struct ttl : pegtl::plus<ttl_part> {};

// Encodings of binary rdata.
struct hex : pegtl::plus<pegtl::xdigit> {};
struct base64_char : pegtl::sor<pegtl::alnum, pegtl::one<'+', '/'>> {};
struct base64 : pegtl::seq<pegtl::plus<base64_char>,
                           pegtl::rep_max<2, pegtl::one<'='>>> {};
// RFC 4648 "base32hex" without padding, as NSEC3 uses it.
struct base32hex_char
    : pegtl::sor<pegtl::digit, pegtl::range<'a', 'v'>, pegtl::range<'A', 'V'>> {};
struct base32hex : pegtl::plus<base32hex_char> {};

// EUI-48 and EUI-64 (RFC 7043): pairs of hex digits joined by '-'.
struct hex_pair : pegtl::rep<2, pegtl::xdigit> {};
struct eui48 : pegtl::seq<hex_pair, pegtl::rep<5, pegtl::one<'-'>, hex_pair>> {};
struct eui64 : pegtl::seq<hex_pair, pegtl::rep<7, pegtl::one<'-'>, hex_pair>> {};

// NSAP (RFC 1706): "0x" and an even number of hex digits, '.' allowed.
struct nsap : pegtl::seq<pegtl::one<'0'>, pegtl::one<'x', 'X'>,
                         pegtl::plus<pegtl::sor<pegtl::xdigit, pegtl::one<'.'>>>> {};

// CAA tag (RFC 8659 section 4.1): letters and digits.
struct caa_tag : pegtl::plus<pegtl::alnum> {};

// DNSSEC time (RFC 4034 section 3.2): YYYYMMDDHHmmSS.
struct dnssec_time : pegtl::rep<14, pegtl::digit> {};

// ILNP locators (RFC 6742): L64 and NID take four groups of 1-4 hex digits
// joined by ':'.
struct locator_group : pegtl::rep_min_max<1, 4, pegtl::xdigit> {};
struct locator64
    : pegtl::seq<locator_group, pegtl::rep<3, pegtl::one<':'>, locator_group>> {};

// LOC (RFC 1876 section 3): seconds of arc with up to 3 decimals, and
// meters with up to 2 decimals and an optional 'm' (altitude may be
// negative).
struct loc_integer : pegtl::plus<pegtl::digit> {};
struct loc_seconds
    : pegtl::seq<loc_integer,
                 pegtl::opt<pegtl::one<'.'>, pegtl::rep_min_max<1, 3, pegtl::digit>>> {};
struct loc_meters
    : pegtl::seq<pegtl::opt<pegtl::one<'-'>>, loc_integer,
                 pegtl::opt<pegtl::one<'.'>, pegtl::rep_min_max<1, 2, pegtl::digit>>,
                 pegtl::opt<pegtl::one<'m', 'M'>>> {};

// APL item (RFC 3123 section 5): [!]afi:address/prefix.
struct apl_item
    : pegtl::seq<pegtl::opt<pegtl::one<'!'>>, pegtl::plus<pegtl::digit>,
                 pegtl::one<':'>, pegtl::plus<pegtl::not_one<'/'>>,
                 pegtl::one<'/'>, pegtl::plus<pegtl::digit>> {};

// $GENERATE range: start-stop[/step].
struct generate_number : pegtl::plus<pegtl::digit> {};
struct generate_range
    : pegtl::seq<generate_number, pegtl::one<'-'>, generate_number,
                 pegtl::opt<pegtl::one<'/'>, generate_number>> {};

// $GENERATE modifier after '$': {offset[,width[,base]]} (BIND).
struct generate_offset : pegtl::seq<pegtl::opt<pegtl::one<'+', '-'>>,
                                    pegtl::plus<pegtl::digit>> {};
struct generate_width : pegtl::plus<pegtl::digit> {};
struct generate_base : pegtl::one<'d', 'o', 'x', 'X', 'n', 'N'> {};
struct generate_modifier
    : pegtl::seq<pegtl::one<'{'>, generate_offset,
                 pegtl::opt<pegtl::one<','>, generate_width,
                            pegtl::opt<pegtl::one<','>, generate_base>>,
                 pegtl::one<'}'>> {};

// Length of the longest prefix of `text` that Rule matches, or -1.
template <typename Rule>
long PrefixMatch(std::string_view text) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(),
                                                     "");
  if (!pegtl::parse<Rule>(in)) return -1;
  return static_cast<long>(in.current() - text.data());
}

template <typename Rule>
bool FullMatch(std::string_view text) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(),
                                                     "");
  return pegtl::parse<pegtl::seq<Rule, pegtl::eof>>(in);
}

}  // namespace grammar::field
}  // namespace zonelint

#endif  // ZONELINT_PARSER_FIELD_GRAMMAR_H_

#include "mail/spf.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "mail/spf_grammar.h"
#include "parser/field_grammar.h"
#include "parser/name.h"
#include "tao/pegtl.hpp"
#include "util/strings.h"

namespace zonelint::spf {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::spf;

// ---------------------------------------------------------------------------
// The messages, in one table. "$1", "$2", "$3" are filled in by Format.

enum class Problem : uint8_t {
  kNotSpf,
  kControlChar,
  kNonAscii,
  kUnknownMechanism,
  kUnknownMechanismSuggest,
  kModifierWithColon,
  kQualifiedModifier,
  kBadModifierName,
  kEmptyTerm,
  kBadTerm,
  kAllTakesNothing,
  kNeedsDomain,
  kPtrNoCidr,
  kNoCidr,
  kNeedsIp4,
  kNeedsIp6,
  kBadIp4,
  kBadIp6,
  kIp4GivenIp6,
  kIp6GivenIp4,
  kCidrEmpty,
  kCidrNotNumber,
  kCidrLeadingZero,
  kCidr4TooLong,
  kCidr6TooLong,
  kIp4NoIp6Cidr,
  kBadDualCidr,
  kBadMacro,
  kBadMacroLetter,
  kLonePercent,
  kExpOnlyLetter,
  kZeroDigits,
  kNotFqdn,
  kNumericLabel,
  kEmptyLabel,
  kBadTopLabel,
  kBadDomain,
  kBadModifierValue,
  kDuplicateRedirect,
  kDuplicateExp,
  kLookalikeQuoted,
  kLookalikeBlank,
  kLookalikeVersion,
  kLookalikeNoTag,
  kLookalikeSplit,
  kLookalikeNoSpace,
  kCount,
};

struct Text {
  const char* message;
  const char* help;
};

constexpr Text kTexts[] = {
    // kNotSpf
    {"text does not start with 'v=spf1'",
     "an SPF record starts with 'v=spf1' and a space"},
    // kControlChar
    {"control character $1 in '$2'",
     "SPF records are printable 7-bit ASCII and terms are separated by "
     "single spaces only (RFC 7208 3.1, 4.6.1); remove the character"},
    // kNonAscii
    {"non-ASCII byte $1 in '$2'",
     "SPF records are 7-bit ASCII (RFC 7208 3.1); write domain names in "
     "their A-label form ('xn--...')"},
    // kUnknownMechanism
    {"unknown mechanism '$1'",
     "the mechanisms are all, include, a, mx, ptr, ip4, ip6 and exists; a "
     "modifier is written name=value"},
    // kUnknownMechanismSuggest
    {"unknown mechanism '$1'", "did you mean '$2'?"},
    // kModifierWithColon
    {"'$1' is a modifier and takes '=', not ':' in '$2'", "write '$3'"},
    // kQualifiedModifier
    {"modifier '$1' cannot have a qualifier", "write '$2'"},
    // kBadModifierName
    {"invalid modifier name '$1' in '$2'",
     "a modifier name starts with a letter and has only letters, digits, "
     "'-', '_' and '.'"},
    // kEmptyTerm
    {"empty term '$1'", "remove it"},
    // kBadTerm
    {"invalid term '$1'",
     "a term is a mechanism such as 'include:example.com' or "
     "'ip4:192.0.2.0/24',"
     " or a modifier such as 'redirect=example.com'"},
    // kAllTakesNothing
    {"'all' takes no argument: '$1'", "write 'all' (usually '-all' or '~all')"},
    // kNeedsDomain
    {"'$1' needs a domain after '$2'",
     "write the domain after '$2', for example '$1$2example.com'"},
    // kPtrNoCidr
    {"'ptr' takes no CIDR length: '$1'",
     "remove the CIDR length; better, do not use 'ptr' at all (RFC 7208 "
     "5.5)"},
    // kNoCidr
    {"'$1' takes no CIDR length: '$2'", "remove the CIDR length"},
    // kNeedsIp4
    {"'ip4' needs an IPv4 address", "write 'ip4:192.0.2.0/24'"},
    // kNeedsIp6
    {"'ip6' needs an IPv6 address", "write 'ip6:2001:db8::/32'"},
    // kBadIp4
    {"invalid ip4 address '$1' in '$2'",
     "write four decimal numbers 0-255 without leading zeros, joined by "
     "dots, such as 'ip4:192.0.2.1' or 'ip4:192.0.2.0/24'"},
    // kBadIp6
    {"invalid ip6 address '$1' in '$2'",
     "write an IPv6 address such as 'ip6:2001:db8::1' or 'ip6:2001:db8::/32'"},
    // kIp4GivenIp6
    {"'ip4' given the IPv6 address '$1' in '$2'", "write 'ip6:$1$3'"},
    // kIp6GivenIp4
    {"'ip6' given the IPv4 address '$1' in '$2'", "write 'ip4:$1$3'"},
    // kCidrEmpty
    {"missing CIDR length after '/' in '$1'",
     "write a prefix length such as '/24', or remove the '/'"},
    // kCidrNotNumber
    {"invalid CIDR length '/$1' in '$2'",
     "a CIDR length is a decimal number: 0-32 for IPv4, 0-128 for IPv6"},
    // kCidrLeadingZero
    {"CIDR length /$1 has a leading zero in '$2'", "write '/$3'"},
    // kCidr4TooLong
    {"CIDR length /$1 is over 32 in '$2'", "an IPv4 prefix length is 0 to 32"},
    // kCidr6TooLong
    {"CIDR length /$1 is over 128 in '$2'",
     "an IPv6 prefix length is 0 to 128"},
    // kIp4NoIp6Cidr
    {"'ip4' takes one CIDR length, not '$1' in '$2'",
     "write 'ip4:ADDRESS/24'; the '//64' form is for 'a' and 'mx'"},
    // kBadDualCidr
    {"invalid CIDR suffix '$1' in '$2'",
     "write '/24' for IPv4, '//64' for IPv6, or '/24//64' for both"},
    // kBadMacro
    {"invalid macro '$1' in '$2'",
     "a macro is '%{' letter [digits] ['r'] [delimiters] '}', such as "
     "'%{d}' or '%{ir}', or '%%', '%_', '%-'"},
    // kBadMacroLetter
    {"invalid macro letter '$1' in '$2'",
     "the macro letters are s, l, o, d, i, p, h and v (c, r and t only in "
     "explanation text)"},
    // kLonePercent
    {"'%' must start a macro in '$1'",
     "write '%%' for a literal '%', or a macro such as '%{d}'"},
    // kExpOnlyLetter
    {"macro letter '$1' is only allowed in exp text, not in '$2'",
     "use c, r and t only in the TXT record that exp= points to "
     "(RFC 7208 7.2)"},
    // kZeroDigits
    {"macro '$1' keeps zero labels in '$2'",
     "the number of labels to keep must be 1 or more (RFC 7208 7.3); leave "
     "it out to keep all"},
    // kNotFqdn
    {"domain '$1' is not a fully qualified name in '$2'",
     "write the full domain name, such as '_spf.example.com'"},
    // kNumericLabel
    {"domain '$1' ends in an all-numeric label in '$2'",
     "the top label of a domain must contain a letter (RFC 7208 7.1); IP "
     "addresses go in 'ip4:' or 'ip6:'"},
    // kEmptyLabel
    {"domain '$1' has an empty label in '$2'", "remove the extra '.'"},
    // kBadTopLabel
    {"domain '$1' ends in the invalid label '$3' in '$2'",
     "a top label has letters, digits and inner '-' only"},
    // kBadDomain
    {"invalid domain '$1' in '$2'",
     "write a domain name such as '_spf.example.com', macros allowed"},
    // kBadModifierValue
    {"invalid modifier value '$1' in '$2'",
     "a modifier value is visible ASCII; write '%%' for '%'"},
    // kDuplicateRedirect
    {"'redirect' given more than once: '$1'",
     "keep one redirect= modifier (RFC 7208 6)"},
    // kDuplicateExp
    {"'exp' given more than once: '$1'", "keep one exp= modifier (RFC 7208 6)"},
    // kLookalikeQuoted
    {"its text starts with a quote character: '$1'",
     "remove the quote characters that are part of the text (written \\\" "
     "inside the quoted string, or as a quote of its own), so that the "
     "text reads \"$2\""},
    // kLookalikeBlank
    {"its text starts with a blank: '$1'",
     "remove the blank: receivers take only text that starts with 'v=spf1' "
     "(RFC 7208 4.5), so that the text reads \"$2\""},
    // kLookalikeVersion
    {"its version is '$1', not 'v=spf1'",
     "write the version exactly as 'v=spf1' (RFC 7208 4.5): \"$2\""},
    // kLookalikeNoTag
    {"it starts with '$1', not 'v=spf1'",
     "start the record with 'v=spf1' (RFC 7208 4.5): \"$2\""},
    // kLookalikeSplit
    {"its $1 character-strings join with nothing between them, into '$3'",
     "write the record as one quoted string (unquoted, every word is a "
     "string of its own, and receivers join the strings without spaces, "
     "RFC 7208 3.3): \"$2\""},
    // kLookalikeNoSpace
    {"'v=spf1' runs into the next term: '$1'",
     "put a space after 'v=spf1' (RFC 7208 4.5): \"$2\""},
};
static_assert(std::size(kTexts) == static_cast<size_t>(Problem::kCount));

Error MakeError(Problem problem, Range range,
                std::initializer_list<std::string_view> args) {
  const Text& text = kTexts[static_cast<size_t>(problem)];
  return {range, FormatTemplate(text.message, args),
          FormatTemplate(text.help, args)};
}

// ---------------------------------------------------------------------------
// Actions: fill a Term while the grammar matches one term.

struct TermState {
  const char* base = nullptr;  // start of the record text
  Range range;                 // the term
  Term term;

  Range RangeOf(const char* begin, const char* end) const {
    return {static_cast<uint32_t>(begin - base),
            static_cast<uint32_t>(end - base)};
  }
  // A fresh term; mechanisms keep the qualifier parsed before them.
  void Reset(bool keep_qualifier) {
    Qualifier qualifier = term.qualifier;
    bool explicit_qualifier = term.explicit_qualifier;
    term = Term{};
    term.range = range;
    if (keep_qualifier) {
      term.qualifier = qualifier;
      term.explicit_qualifier = explicit_qualifier;
    }
  }
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <TermKind kKind>
struct set_kind {
  static void apply0(TermState& s) { s.term.kind = kKind; }
};
template <>
struct action<g::all> : set_kind<TermKind::kAll> {};
template <>
struct action<g::include> : set_kind<TermKind::kInclude> {};
template <>
struct action<g::a> : set_kind<TermKind::kA> {};
template <>
struct action<g::mx> : set_kind<TermKind::kMx> {};
template <>
struct action<g::ptr> : set_kind<TermKind::kPtr> {};
template <>
struct action<g::ip4> : set_kind<TermKind::kIp4> {};
template <>
struct action<g::ip6> : set_kind<TermKind::kIp6> {};
template <>
struct action<g::exists> : set_kind<TermKind::kExists> {};
template <>
struct action<g::redirect> : set_kind<TermKind::kRedirect> {};
template <>
struct action<g::explanation> : set_kind<TermKind::kExp> {};
template <>
struct action<g::unknown_modifier> : set_kind<TermKind::kUnknownModifier> {};

template <>
struct action<g::qualifier> {
  template <typename Input>
  static void apply(const Input& in, TermState& s) {
    s.term.qualifier = static_cast<Qualifier>(*in.begin());
    s.term.explicit_qualifier = true;
  }
};

template <typename Stop>
struct action<g::domain_spec<Stop>> {
  template <typename Input>
  static void apply(const Input& in, TermState& s) {
    s.term.domain_range = s.RangeOf(in.begin(), in.end());
  }
};
template <>
struct action<g::modifier_value> {
  template <typename Input>
  static void apply(const Input& in, TermState& s) {
    s.term.domain_range = s.RangeOf(in.begin(), in.end());
  }
};
template <>
struct action<g::macro_expand> {
  static void apply0(TermState& s) { s.term.domain_has_macro = true; }
};

template <int Family>
struct set_address {
  template <typename Input>
  static void apply(const Input& in, TermState& s) {
    s.term.address.fill(0);
    // The grammar has checked the form; inet_pton only converts. It wants
    // a C string: copied to the stack (an address has at most 45
    // characters), so parsing allocates nothing.
    const std::string_view text = in.string_view();
    char buffer[64];
    if (text.size() >= sizeof(buffer)) return;
    text.copy(buffer, text.size());
    buffer[text.size()] = '\0';
    inet_pton(Family, buffer, s.term.address.data());
  }
};
template <>
struct action<g::ip4_network> : set_address<AF_INET> {};
template <>
struct action<g::ip6_network> : set_address<AF_INET6> {};

int Decimal(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}
template <>
struct action<g::ip4_cidr_value> {
  template <typename Input>
  static void apply(const Input& in, TermState& s) {
    s.term.cidr4 = static_cast<int16_t>(Decimal(in.string_view()));
  }
};
template <>
struct action<g::ip6_cidr_value> {
  template <typename Input>
  static void apply(const Input& in, TermState& s) {
    s.term.cidr6 = static_cast<int16_t>(Decimal(in.string_view()));
  }
};
struct set_cidr_range {
  template <typename Input>
  static void apply(const Input& in, TermState& s) {
    s.term.cidr_range = s.RangeOf(in.begin(), in.end());
  }
};
template <>
struct action<g::dual_cidr_length> : set_cidr_range {};
template <>
struct action<g::ip4_cidr_length> : set_cidr_range {};
template <>
struct action<g::ip6_cidr_length> : set_cidr_range {};

// Each alternative of a term starts from a fresh Term, so that nothing an
// alternative that failed half-way set is left behind.
template <typename Rule>
inline constexpr bool kResets = false;
template <>
inline constexpr bool kResets<g::directive> = true;
template <>
inline constexpr bool kResets<g::modifier> = true;
template <>
inline constexpr bool kResets<g::all> = true;
template <>
inline constexpr bool kResets<g::include> = true;
template <>
inline constexpr bool kResets<g::a> = true;
template <>
inline constexpr bool kResets<g::mx> = true;
template <>
inline constexpr bool kResets<g::ptr> = true;
template <>
inline constexpr bool kResets<g::ip4> = true;
template <>
inline constexpr bool kResets<g::ip6> = true;
template <>
inline constexpr bool kResets<g::exists> = true;
template <>
inline constexpr bool kResets<g::redirect> = true;
template <>
inline constexpr bool kResets<g::explanation> = true;
template <>
inline constexpr bool kResets<g::unknown_modifier> = true;

template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <typename Input>
  static void start(const Input& /*in*/, TermState& s) {
    if constexpr (kResets<Rule>) {
      s.Reset(/*keep_qualifier=*/!std::is_same_v<Rule, g::directive> &&
              !std::is_same_v<Rule, g::modifier>);
    }
  }
};

// ---------------------------------------------------------------------------
// Diagnosis of a term the grammar rejected: find the part that is wrong.

struct Diagnoser {
  std::string_view text;  // the whole record
  Range term_range;

  std::string_view term() const {
    return text.substr(term_range.begin, term_range.end - term_range.begin);
  }
  std::string shown_term() const { return ShowText(term()); }
  // A range for the part s (a view into text).
  Range RangeOf(std::string_view s) const {
    uint32_t begin = static_cast<uint32_t>(s.data() - text.data());
    return {begin, begin + static_cast<uint32_t>(s.size())};
  }
  Error At(Problem problem, std::string_view part,
           std::initializer_list<std::string_view> args) const {
    return MakeError(problem, RangeOf(part), args);
  }
};

constexpr std::string_view kMechanismNames[] = {
    "all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"};
constexpr TermKind kMechanismKinds[] = {
    TermKind::kAll, TermKind::kInclude, TermKind::kA,   TermKind::kMx,
    TermKind::kPtr, TermKind::kIp4,     TermKind::kIp6, TermKind::kExists};

std::optional<TermKind> MechanismNamed(std::string_view name) {
  for (size_t i = 0; i < std::size(kMechanismNames); ++i) {
    if (EqualsIgnoreCase(name, kMechanismNames[i])) return kMechanismKinds[i];
  }
  return std::nullopt;
}

// A known name within edit distance 2 (1 for short names), or empty.
std::string_view Suggest(std::string_view name) {
  if (name.size() > 16) return {};
  std::string_view best;
  size_t best_distance = 3;
  for (std::string_view known : kMechanismNames) {
    size_t limit = known.size() <= 3 ? 1 : 2;
    size_t d = EditDistanceIgnoreCase(name, known);
    if (d <= limit && d < best_distance) {
      best = known;
      best_distance = d;
    }
  }
  return best;
}

// s without its first n bytes (empty when it is shorter).
std::string_view Tail(std::string_view s, size_t n) {
  return s.substr(std::min(n, s.size()));
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsAsciiDigit);
}

// Checks the macros of a macro-string. Returns the first problem.
std::optional<Error> CheckMacros(const Diagnoser& d, std::string_view spec,
                                 bool allow_exp_letters) {
  std::string term = d.shown_term();
  for (size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '%') continue;
    if (i + 1 >= spec.size()) {
      return d.At(Problem::kLonePercent, spec.substr(i, 1), {term});
    }
    char next = spec[i + 1];
    if (next == '%' || next == '_' || next == '-') {
      ++i;
      continue;
    }
    if (next != '{') {
      return d.At(Problem::kLonePercent, spec.substr(i, 2), {term});
    }
    size_t close = spec.find('}', i);
    std::string_view macro =
        spec.substr(i, close == std::string_view::npos ? std::string_view::npos
                                                       : close - i + 1);
    if (close == std::string_view::npos) {
      return d.At(Problem::kBadMacro, macro, {ShowText(macro), term});
    }
    std::string_view inner = spec.substr(i + 2, close - i - 2);
    if (inner.empty()) {
      return d.At(Problem::kBadMacro, macro, {ShowText(macro), term});
    }
    char letter = AsciiLower(inner[0]);
    if (std::string_view("slodiphcrtv").find(letter) ==
        std::string_view::npos) {
      return d.At(Problem::kBadMacroLetter, macro,
                  {ShowText(inner.substr(0, 1)), term});
    }
    size_t j = 1;
    size_t digits_begin = j;
    while (j < inner.size() && IsAsciiDigit(inner[j])) ++j;
    std::string_view digits = inner.substr(digits_begin, j - digits_begin);
    if (j < inner.size() && AsciiLower(inner[j]) == 'r') ++j;
    while (j < inner.size() && std::string_view(".-+,/_=").find(inner[j]) !=
                                   std::string_view::npos) {
      ++j;
    }
    if (j != inner.size()) {
      return d.At(Problem::kBadMacro, macro, {ShowText(macro), term});
    }
    if (!allow_exp_letters &&
        (letter == 'c' || letter == 'r' || letter == 't')) {
      return d.At(Problem::kExpOnlyLetter, macro,
                  {std::string_view(&inner[0], 1), term});
    }
    if (!digits.empty() && std::all_of(digits.begin(), digits.end(),
                                       [](char c) { return c == '0'; })) {
      return d.At(Problem::kZeroDigits, macro, {ShowText(macro), term});
    }
    i = close;
  }
  return std::nullopt;
}

// Why a domain-spec (known to fail the grammar, or with c/r/t macros) is
// bad. `mechanism` and `sep` name the term for "needs a domain".
Error DiagnoseDomain(const Diagnoser& d, std::string_view spec,
                     std::string_view mechanism, std::string_view sep) {
  std::string term = d.shown_term();
  if (spec.empty()) {
    return d.At(Problem::kNeedsDomain, d.term(), {mechanism, sep});
  }
  if (auto error = CheckMacros(d, spec, /*allow_exp_letters=*/false)) {
    return *error;
  }
  // Ends in a macro: the grammar only fails on the macros, checked above.
  std::string shown = ShowText(spec);
  std::string_view body = spec;
  if (body.size() >= 2 && body.back() == '.') body.remove_suffix(1);
  if (body.back() == '}' && body.find("%{") != std::string_view::npos) {
    return d.At(Problem::kBadDomain, spec, {shown, term});
  }
  size_t dot = body.rfind('.');
  if (dot == std::string_view::npos) {
    return d.At(Problem::kNotFqdn, spec, {shown, term});
  }
  std::string_view label = body.substr(dot + 1);
  if (label.empty() || (dot > 0 && body[dot - 1] == '.')) {
    return d.At(Problem::kEmptyLabel, spec, {shown, term});
  }
  if (IsDigits(label)) {
    return d.At(Problem::kNumericLabel, spec, {shown, term});
  }
  if (!grammar::field::FullMatch<g::toplabel>(label)) {
    return d.At(Problem::kBadTopLabel, spec, {shown, term, ShowText(label)});
  }
  return d.At(Problem::kBadDomain, spec, {shown, term});
}

// Checks one CIDR length (the digits after '/'), 0..max.
std::optional<Error> CheckCidrValue(const Diagnoser& d,
                                    std::string_view slash_and_value, int max) {
  std::string term = d.shown_term();
  std::string_view value = slash_and_value.substr(1);
  if (value.empty()) {
    return d.At(Problem::kCidrEmpty, slash_and_value, {term});
  }
  if (!IsDigits(value)) {
    return d.At(Problem::kCidrNotNumber, slash_and_value,
                {ShowText(value), term});
  }
  size_t nonzero = value.find_first_not_of('0');
  std::string_view trimmed =
      nonzero == std::string_view::npos ? "0" : value.substr(nonzero);
  if (value.size() > 1 && value[0] == '0') {
    return d.At(Problem::kCidrLeadingZero, slash_and_value,
                {value, term, trimmed});
  }
  if (value.size() > 3 || Decimal(value) > max) {
    return d.At(max == 32 ? Problem::kCidr4TooLong : Problem::kCidr6TooLong,
                slash_and_value, {value, term});
  }
  return std::nullopt;
}

// A dual-cidr-length suffix of "a" or "mx": "/24", "//64", "/24//64".
std::optional<Error> CheckDualCidr(const Diagnoser& d, std::string_view cidr) {
  std::string term = d.shown_term();
  std::string_view ip4;
  std::string_view ip6;
  if (cidr.substr(0, 2) == "//") {
    ip6 = cidr.substr(1);
  } else {
    size_t split = cidr.find("//");
    ip4 = cidr.substr(0, split);
    if (split != std::string_view::npos) ip6 = cidr.substr(split + 1);
  }
  if (Tail(ip4, 1).find('/') != std::string_view::npos ||
      Tail(ip6, 1).find('/') != std::string_view::npos) {
    return d.At(Problem::kBadDualCidr, cidr, {ShowText(cidr), term});
  }
  if (!ip4.empty()) {
    if (auto error = CheckCidrValue(d, ip4, 32)) return error;
  }
  if (!ip6.empty()) {
    if (auto error = CheckCidrValue(d, ip6, 128)) return error;
  }
  return std::nullopt;
}

// Where the CIDR suffix of "a:DOMAIN/24" starts: the first '/' after which
// there are only digits and '/'; the size of `s` when there is none.
size_t CidrStart(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '/') continue;
    if (s.find_first_not_of("0123456789/", i) == std::string_view::npos) {
      return i;
    }
  }
  return s.size();
}

Error DiagnoseAddress(const Diagnoser& d, TermKind kind,
                      std::string_view after_colon) {
  std::string term = d.shown_term();
  bool is4 = kind == TermKind::kIp4;
  size_t slash = after_colon.find('/');
  std::string_view address = after_colon.substr(0, slash);
  std::string_view cidr = slash == std::string_view::npos
                              ? std::string_view()
                              : after_colon.substr(slash);
  bool v4 = grammar::field::FullMatch<g::ip4_network>(address);
  bool v6 = grammar::field::FullMatch<g::ip6_network>(address);
  if (address.empty()) {
    return d.At(is4 ? Problem::kNeedsIp4 : Problem::kNeedsIp6, d.term(),
                {term});
  }
  if (is4 && !v4) {
    if (v6) return d.At(Problem::kIp4GivenIp6, address, {address, term, cidr});
    return d.At(Problem::kBadIp4, address, {ShowText(address), term});
  }
  if (!is4 && !v6) {
    if (v4) return d.At(Problem::kIp6GivenIp4, address, {address, term, cidr});
    return d.At(Problem::kBadIp6, address, {ShowText(address), term});
  }
  if (!cidr.empty()) {
    if (is4 && cidr.substr(0, 2) == "//") {
      return d.At(Problem::kIp4NoIp6Cidr, cidr, {ShowText(cidr), term});
    }
    if (cidr.substr(1).find('/') != std::string_view::npos) {
      return d.At(Problem::kBadDualCidr, cidr, {ShowText(cidr), term});
    }
    if (auto error = CheckCidrValue(d, cidr, is4 ? 32 : 128)) return *error;
  }
  return d.At(Problem::kBadTerm, d.term(), {term});
}

Error Diagnose(const Diagnoser& d) {
  std::string_view term = d.term();
  std::string shown = d.shown_term();
  if (term.empty()) return d.At(Problem::kEmptyTerm, term, {shown});
  // Bytes outside visible ASCII.
  for (size_t i = 0; i < term.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(term[i]);
    if (c < 0x21 || c == 0x7F) {
      return d.At(Problem::kControlChar, term.substr(i, 1),
                  {Cat("0x", HexByte(c).substr(2)), shown});
    }
    if (c >= 0x80) {
      size_t end = i;
      while (end < term.size() && static_cast<unsigned char>(term[end]) >= 0x80)
        ++end;
      return d.At(Problem::kNonAscii, term.substr(i, end - i),
                  {Cat("0x", HexByte(c).substr(2)), shown});
    }
  }
  bool qualified =
      std::string_view("+-?~").find(term[0]) != std::string_view::npos;
  std::string_view rest = term.substr(qualified ? 1 : 0);
  size_t name_end = rest.find_first_of(":/=");
  std::string_view name = rest.substr(0, name_end);
  char sep = name_end == std::string_view::npos ? '\0' : rest[name_end];
  std::string_view after = name_end == std::string_view::npos
                               ? std::string_view()
                               : rest.substr(name_end + 1);
  bool known_modifier =
      EqualsIgnoreCase(name, "redirect") || EqualsIgnoreCase(name, "exp");

  if (sep == '=' && !name.empty()) {
    if (qualified) {
      return d.At(Problem::kQualifiedModifier, term, {shown, ShowText(rest)});
    }
    if (!grammar::field::FullMatch<g::name>(name)) {
      return d.At(Problem::kBadModifierName, name, {ShowText(name), shown});
    }
    if (known_modifier) {
      return DiagnoseDomain(d, after, AsciiLowerString(name), "=");
    }
    if (auto error = CheckMacros(d, after, /*allow_exp_letters=*/true)) {
      return *error;
    }
    return d.At(Problem::kBadModifierValue, after, {ShowText(after), shown});
  }
  if (known_modifier) {
    std::string fixed = Cat(AsciiLowerString(name), "=", after);
    return d.At(Problem::kModifierWithColon, term,
                {AsciiLowerString(name), shown, ShowText(fixed)});
  }
  std::optional<TermKind> kind = MechanismNamed(name);
  if (!kind) {
    if (name.empty() || !IsAsciiAlpha(name[0])) {
      return d.At(Problem::kBadTerm, term, {shown});
    }
    std::string_view suggestion = Suggest(name);
    if (!suggestion.empty()) {
      std::string fixed = Cat(term.substr(0, qualified ? 1 : 0), suggestion,
                              rest.substr(name.size()));
      return d.At(Problem::kUnknownMechanismSuggest, term,
                  {shown, ShowText(fixed)});
    }
    return d.At(Problem::kUnknownMechanism, term, {shown});
  }
  std::string_view lower = TermKindName(*kind);
  switch (*kind) {
    case TermKind::kAll:
      return d.At(Problem::kAllTakesNothing, term, {shown});
    case TermKind::kInclude:
    case TermKind::kExists: {
      if (sep != ':') return d.At(Problem::kNeedsDomain, term, {lower, ":"});
      size_t cidr = CidrStart(after);
      if (cidr > 0 && cidr < after.size() &&
          grammar::field::FullMatch<g::domain_spec<g::term_end>>(
              after.substr(0, cidr))) {
        return d.At(Problem::kNoCidr, after.substr(cidr), {lower, shown});
      }
      return DiagnoseDomain(d, after, lower, ":");
    }
    case TermKind::kPtr:
      if (sep == '/') return d.At(Problem::kPtrNoCidr, term, {shown});
      if (sep == ':') {
        size_t cidr = CidrStart(after);
        if (cidr < after.size() && cidr > 0) {
          return d.At(Problem::kPtrNoCidr, after.substr(cidr), {shown});
        }
        return DiagnoseDomain(d, after, lower, ":");
      }
      break;
    case TermKind::kA:
    case TermKind::kMx: {
      std::string_view cidr;
      if (sep == ':') {
        size_t start = CidrStart(after);
        std::string_view domain = after.substr(0, start);
        cidr = after.substr(start);
        bool domain_ok =
            grammar::field::FullMatch<g::domain_spec<g::term_end>>(domain);
        if (!domain_ok) return DiagnoseDomain(d, domain, lower, ":");
      } else if (sep == '/') {
        cidr = rest.substr(name_end);
      }
      if (!cidr.empty()) {
        if (auto error = CheckDualCidr(d, cidr)) return *error;
      }
      break;
    }
    case TermKind::kIp4:
    case TermKind::kIp6:
      if (sep != ':') {
        return d.At(
            *kind == TermKind::kIp4 ? Problem::kNeedsIp4 : Problem::kNeedsIp6,
            term, {shown});
      }
      return DiagnoseAddress(d, *kind, after);
    default:
      break;
  }
  return d.At(Problem::kBadTerm, term, {shown});
}

// Checks what the grammar leaves to the meaning: CIDR lengths and macro
// letters c, r, t outside exp text.
std::optional<Error> CheckParsed(const Diagnoser& d, const Term& t) {
  if (t.cidr4 > 32 || t.cidr6 > 128) {
    // Find the value that is too long within the CIDR suffix.
    std::string_view cidr = d.text.substr(
        t.cidr_range.begin, t.cidr_range.end - t.cidr_range.begin);
    if (t.kind == TermKind::kA || t.kind == TermKind::kMx) {
      if (auto error = CheckDualCidr(d, cidr)) return error;
    } else if (auto error = CheckCidrValue(
                   d, cidr, t.kind == TermKind::kIp4 ? 32 : 128)) {
      return error;
    }
  }
  if (t.domain_has_macro && t.kind != TermKind::kUnknownModifier) {
    if (auto error = CheckMacros(
            d,
            d.text.substr(t.domain_range.begin,
                          t.domain_range.end - t.domain_range.begin),
            false)) {
      return error;
    }
  }
  return std::nullopt;
}

}  // namespace

std::string_view TermKindName(TermKind kind) {
  switch (kind) {
    case TermKind::kAll:
      return "all";
    case TermKind::kInclude:
      return "include";
    case TermKind::kA:
      return "a";
    case TermKind::kMx:
      return "mx";
    case TermKind::kPtr:
      return "ptr";
    case TermKind::kIp4:
      return "ip4";
    case TermKind::kIp6:
      return "ip6";
    case TermKind::kExists:
      return "exists";
    case TermKind::kRedirect:
      return "redirect";
    case TermKind::kExp:
      return "exp";
    case TermKind::kUnknownModifier:
      return "modifier";
  }
  return "modifier";
}

bool IsMechanism(TermKind kind) {
  return kind != TermKind::kRedirect && kind != TermKind::kExp &&
         kind != TermKind::kUnknownModifier;
}

bool CostsLookup(TermKind kind) {
  switch (kind) {
    case TermKind::kInclude:
    case TermKind::kA:
    case TermKind::kMx:
    case TermKind::kPtr:
    case TermKind::kExists:
    case TermKind::kRedirect:
      return true;
    default:
      return false;
  }
}

const Term* Record::Find(TermKind kind) const {
  for (const Term& term : terms) {
    if (term.kind == kind) return &term;
  }
  return nullptr;
}

bool IsSpfRecord(std::string_view text) {
  return grammar::field::PrefixMatch<g::version>(text) >= 0;
}

std::optional<Error> FindLookalike(std::string_view text,
                                   const std::vector<uint32_t>& string_ends) {
  if (IsSpfRecord(text)) return std::nullopt;
  using grammar::field::PrefixMatch;
  constexpr std::string_view kQuotesAndBlanks = "\"' \t";
  // Blanks and quote characters before the version, in any mix.
  const size_t start =
      std::min(text.find_first_not_of(kQuotesAndBlanks), text.size());
  const std::string_view lead = text.substr(0, start);
  const bool quoted = lead.find_first_of("\"'") != std::string_view::npos;
  // From the version on, without the closing quote of a quoted text; a
  // text that quotes a record among other words is no record.
  std::string_view body = text.substr(start);
  if (quoted) {
    const size_t last = body.find_last_not_of(kQuotesAndBlanks);
    body = body.substr(0, last == std::string_view::npos ? 0 : last + 1);
    if (body.find_first_of("\"'") != std::string_view::npos) {
      return std::nullopt;
    }
  }
  const long version_size = PrefixMatch<g::lookalike_version>(body);
  if (version_size < 0) return std::nullopt;
  const bool has_tag = PrefixMatch<g::lookalike_tag>(body) >= 0;
  const std::string_view version = body.substr(0, version_size);
  const std::string_view rest = body.substr(version_size);
  const bool exact = EqualsIgnoreCase(version, "v=spf1");
  const bool separated = rest.empty() || rest[0] == ' ';
  // "v=spf10" is another version; "v=spfv1x" or "spf1x" nothing plain.
  if (!separated && (!exact || IsAsciiDigit(rest[0]))) return std::nullopt;
  const auto rest_at = static_cast<uint32_t>(rest.data() - text.data());
  auto joins_at = [&string_ends, &text](uint32_t at) {
    return at < text.size() &&
           std::binary_search(string_ends.begin(), string_ends.end(), at);
  };
  // "v=spf1" ends where strings join: the record was written as strings
  // (words, unquoted) that receivers join with nothing between them, so a
  // space belongs at every join between two words.
  const bool split = !separated && joins_at(rest_at);
  std::string fixed = "v=spf1";
  for (size_t i = 0; i < rest.size(); ++i) {
    const bool gap =
        i == 0 ? !separated
               : split && joins_at(rest_at + static_cast<uint32_t>(i)) &&
                     rest[i - 1] != ' ' && rest[i] != ' ';
    if (gap) fixed += ' ';
    fixed += rest[i];
  }
  // Without "v=", or with "v=spf1" run into a term in one string, the text
  // is plainly SPF only when what follows reads as SPF terms.
  if (!has_tag || (!separated && !split)) {
    const Record repaired = Parse(fixed);
    if (!repaired.ok() || repaired.terms.empty()) return std::nullopt;
  }
  const Diagnoser d{text, {}};
  const std::string shown_fixed = ShowText(fixed);
  if (quoted) {
    return d.At(Problem::kLookalikeQuoted, lead, {ShowText(text), shown_fixed});
  }
  if (!lead.empty()) {
    return d.At(Problem::kLookalikeBlank, lead, {ShowText(text), shown_fixed});
  }
  if (!has_tag) {
    return d.At(Problem::kLookalikeNoTag, version,
                {ShowText(version), shown_fixed});
  }
  if (!exact) {
    return d.At(Problem::kLookalikeVersion, version,
                {ShowText(version), shown_fixed});
  }
  if (split) {
    size_t strings = 0;  // the ones with text in them
    uint32_t begin = 0;
    for (uint32_t end : string_ends) {
      strings += end > begin;
      begin = end;
    }
    return d.At(Problem::kLookalikeSplit, version,
                {std::to_string(strings), shown_fixed, ShowText(text)});
  }
  const std::string_view word = body.substr(0, body.find(' '));
  return d.At(Problem::kLookalikeNoSpace, word, {ShowText(word), shown_fixed});
}

Record Parse(std::string_view text) {
  Record record;
  record.text = text;
  if (!IsSpfRecord(text)) {
    record.errors.push_back(MakeError(
        Problem::kNotSpf,
        {0, static_cast<uint32_t>(std::min<size_t>(text.size(), 6))}, {}));
    return record;
  }
  record.version_end = 6;
  // One term a word: reserve them all, with no slack.
  size_t words = 0;
  for (size_t i = record.version_end; i < text.size(); ++i) {
    words += text[i] != ' ' && text[i - 1] == ' ';
  }
  record.terms.reserve(words);
  bool seen_redirect = false;
  bool seen_exp = false;
  size_t pos = record.version_end;
  while (pos < text.size()) {
    if (text[pos] == ' ') {
      ++pos;
      continue;
    }
    size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    Diagnoser d{text, {static_cast<uint32_t>(pos), static_cast<uint32_t>(end)}};
    std::string_view term_text = text.substr(pos, end - pos);
    pos = end;

    TermState state;
    state.base = text.data();
    state.range = d.term_range;
    state.Reset(false);
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(term_text.data(),
                                                       term_text.size(), "");
    bool ok = pegtl::parse<g::term_only, action, control>(in, state);
    if (!ok) {
      record.errors.push_back(Diagnose(d));
      continue;
    }
    if (auto error = CheckParsed(d, state.term)) {
      record.errors.push_back(std::move(*error));
      continue;
    }
    if (state.term.kind == TermKind::kRedirect) {
      if (seen_redirect) {
        record.errors.push_back(MakeError(Problem::kDuplicateRedirect,
                                          d.term_range, {d.shown_term()}));
        continue;
      }
      seen_redirect = true;
    }
    if (state.term.kind == TermKind::kExp) {
      if (seen_exp) {
        record.errors.push_back(
            MakeError(Problem::kDuplicateExp, d.term_range, {d.shown_term()}));
        continue;
      }
      seen_exp = true;
    }
    record.terms.push_back(state.term);
  }
  return record;
}

bool TargetName(const Record& record, const Term& term, std::string* name) {
  if (term.domain_has_macro) return false;
  static const Origin kRoot = MakeOrigin(".");
  bool relative;
  return ParseName(record.DomainSpec(term), &kRoot, name, &relative) ==
         NameError::kOk;
}

}  // namespace zonelint::spf

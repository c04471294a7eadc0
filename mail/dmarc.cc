#include "mail/dmarc.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mail/dmarc_grammar.h"
#include "mail/tag_list.h"
#include "tao/pegtl.hpp"
#include "util/strings.h"

namespace zonelint::dmarc {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::dmarc;

// ---------------------------------------------------------------------------
// The messages, in one table. "$1", "$2" are filled in by Format.

enum class Problem : uint8_t {
  kNotDmarc,
  // Why text meant as a DMARC record is not one (FindLookalike).
  kEmpty,
  kQuoted,
  kLeadingBlank,
  kNoVersion,
  kVersionNotFirst,
  kBadVersion,
  kVersionNoSeparator,
  // Problems of a DMARC record (ParseDmarc).
  kDuplicateTag,
  kMissingP,
  kBadPolicy,
  kBadAlignment,
  kBadPct,
  kBadRi,
  kBadFo,
  kBadRf,
  kBadPsd,
  kBadTesting,
  kEmptyUriList,
  kEmptyUri,
  kNoScheme,
  kBadUri,
  kBadSize,
  kSizeTooLarge,
  kTypoTag,
  // Report URIs that are well-formed but unusable (ReportUri::problem).
  kUnsupportedScheme,
  kHttpScheme,
  kBadMailto,
  kBadHttps,
  kCount,
};

struct Text {
  const char* message;
  const char* help;
};

constexpr Text kTexts[] = {
    // kNotDmarc
    {"text does not start with 'v=DMARC1'",
     "a DMARC record starts with 'v=DMARC1;' (RFC 7489 6.6.3)"},
    // kEmpty
    {"it is empty",
     "write the policy in it, such as \"v=DMARC1; p=none\" (add rua= to "
     "get reports, and tighten p once they are clean), or remove it"},
    // kQuoted
    {"its text starts with a quote character: '$1'",
     "remove the quote characters that are part of the text (written \\\" "
     "inside the quoted string, or as a quote of its own), so that the "
     "text reads \"$2\""},
    // kLeadingBlank
    {"its text starts with a blank: '$1'",
     "remove the blank: receivers take only text that starts with "
     "'v=DMARC1' (RFC 7489 6.6.3), so that the text reads \"$2\""},
    // kNoVersion
    {"it does not start with 'v=DMARC1': '$1'",
     "put 'v=DMARC1;' first; receivers discard records at _dmarc names that "
     "do not start with it (RFC 7489 6.6.3)"},
    // kVersionNotFirst
    {"'$1' is not its first tag",
     "move 'v=DMARC1;' to the start of the record; receivers discard records "
     "that do not start with it (RFC 7489 6.6.3)"},
    // kBadVersion
    {"its version is '$1', not 'DMARC1'",
     "write 'v=DMARC1' exactly, in upper case (RFC 7489 6.4)"},
    // kVersionNoSeparator
    {"no ';' after its version: 'v=$1'",
     "separate the tags with ';': 'v=DMARC1; $2'"},
    // kDuplicateTag
    {"tag '$1' given more than once: '$2'",
     "keep one '$1=' tag; a record with a repeated tag is invalid"},
    // kMissingP
    {"no 'p' tag (and no valid 'rua'), so receivers ignore this record",
     "add 'p=none' right after 'v=DMARC1;' (then quarantine or reject once "
     "the reports are clean); p is required (RFC 7489 6.3, 6.6.3)"},
    // kBadPolicy
    {"invalid $1 value '$2'", "write $1=none, $1=quarantine or $1=reject"},
    // kBadAlignment
    {"invalid $1 value '$2'",
     "write $1=r (relaxed, the default) or $1=s (strict)"},
    // kBadPct
    {"invalid pct value '$1'",
     "pct is a whole number from 0 to 100 (100 is the default)"},
    // kBadRi
    {"invalid ri value '$1'",
     "ri is the aggregate report interval in seconds, such as ri=86400"},
    // kBadFo
    {"invalid fo value '$1'",
     "fo is one or more of 0, 1, d and s joined by ':', such as fo=1 or "
     "fo=d:s"},
    // kBadRf
    {"invalid rf value '$1'",
     "rf is a list of report formats joined by ':'; the one defined is afrf"},
    // kBadPsd
    {"invalid psd value '$1'", "write psd=y, psd=n or psd=u"},
    // kBadTesting
    {"invalid t value '$1'", "write t=y or t=n"},
    // kEmptyUriList
    {"empty $1 list",
     "give at least one report address, such as "
     "'$1=mailto:dmarc-reports@example.com', or remove the tag"},
    // kEmptyUri
    {"empty entry in $1 list '$2'", "remove the extra ','"},
    // kNoScheme
    {"report address '$2' in $1 has no URI scheme", "write 'mailto:$2'"},
    // kBadUri
    {"invalid URI '$2' in $1",
     "write a URI such as 'mailto:dmarc-reports@example.com'; inside a URI "
     "write ',' as %2C, '!' as %21 and ';' as %3B (RFC 7489 6.2)"},
    // kBadSize
    {"invalid size limit '$2' in $1",
     "a size limit is '!', a number and an optional unit k, m, g or t, such "
     "as '!10m'"},
    // kSizeTooLarge
    {"size limit '$2' in $1 is too large",
     "write a smaller limit such as '!10m', or none"},
    // kTypoTag
    {"unknown tag '$1'",
     "did you mean '$2'? receivers ignore unknown tags (RFC 7489 6.3)"},
    // kUnsupportedScheme
    {"report URI '$1' uses the '$2' scheme, which receivers need not "
     "support",
     "use a 'mailto:' URI such as 'mailto:dmarc-reports@example.com' "
     "(RFC 7489 6.2 requires only mailto)"},
    // kHttpScheme
    {"report URI '$1' uses plain http",
     "use 'mailto:' (the one scheme every receiver supports, RFC 7489 6.2), "
     "or at least 'https:'"},
    // kBadMailto
    {"report URI '$1' has no valid email address",
     "write 'mailto:' directly followed by an address, such as "
     "'mailto:dmarc-reports@example.com' (no '//')"},
    // kBadHttps
    {"report URI '$1' has no valid host",
     "write 'https://' followed by a host name, or better use 'mailto:'"},
};
static_assert(std::size(kTexts) == static_cast<size_t>(Problem::kCount));

Error MakeError(Problem problem, Range range,
                std::initializer_list<std::string_view> args) {
  const Text& text = kTexts[static_cast<size_t>(problem)];
  return {range, FormatTemplate(text.message, args),
          FormatTemplate(text.help, args)};
}

template <typename Rule>
bool Matches(std::string_view value) {
  pegtl::memory_input in(value.data(), value.size(), "dmarc");
  try {
    return pegtl::parse<Rule>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

// ---------------------------------------------------------------------------
// Actions: the parts of one report URI.

struct UriState {
  const char* uri_end = nullptr;
  std::string_view size_digits;
  char size_unit = 0;
  std::string_view domain;
};

template <typename Rule>
struct UriAction : pegtl::nothing<Rule> {};
template <>
struct UriAction<g::uri> {
  template <typename Input>
  static void apply(const Input& in, UriState& state) {
    state.uri_end = in.end();
  }
};
template <>
struct UriAction<g::size_digits> {
  template <typename Input>
  static void apply(const Input& in, UriState& state) {
    state.size_digits = std::string_view(in.begin(), in.size());
  }
};
template <>
struct UriAction<g::size_unit> {
  template <typename Input>
  static void apply(const Input& in, UriState& state) {
    state.size_unit = AsciiLower(*in.begin());
  }
};
template <>
struct UriAction<g::domain> {
  template <typename Input>
  static void apply(const Input& in, UriState& state) {
    state.domain = std::string_view(in.begin(), in.size());
  }
};

template <typename Rule>
bool ParseWith(std::string_view text, UriState& state) {
  pegtl::memory_input in(text.data(), text.size(), "dmarc");
  try {
    return pegtl::parse<Rule, UriAction>(in, state);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

// What comes before the first tag that parsed (which begins at byte
// `first_tag`), without the blanks around it: a malformed tag-spec and its
// ';' ("x;" in "x; v=DMARC1"), or empty when only blanks come first.
std::string_view TextBeforeFirstTag(std::string_view text, uint32_t first_tag) {
  std::string_view before = text.substr(0, first_tag);
  constexpr std::string_view kBlanks = " \t\r\n";
  size_t b = before.find_first_not_of(kBlanks);
  if (b == std::string_view::npos) return {};
  size_t e = before.find_last_not_of(kBlanks);
  return before.substr(b, e - b + 1);
}

// Where `part`, a view into `text`, is in it.
Range RangeIn(std::string_view text, std::string_view part) {
  const auto begin = static_cast<uint32_t>(part.data() - text.data());
  return {begin, begin + static_cast<uint32_t>(part.size())};
}

// ---------------------------------------------------------------------------

class Parser {
 public:
  Parser(std::string_view text, TagList* list) : text_(text), list_(*list) {}

  Record Run();

 private:
  Range RangeOf(std::string_view part) const { return RangeIn(text_, part); }
  static Range Convert(TagRange r) { return {r.begin, r.end}; }
  std::string_view Spec(const TagRef& tag) const {
    return text_.substr(tag.range.begin, tag.range.end - tag.range.begin);
  }
  void Add(Problem problem, Range range,
           std::initializer_list<std::string_view> args) {
    record_.errors.push_back(MakeError(problem, range, args));
  }

  void CheckTag(const TagRef& tag);
  bool ParsePolicy(const TagRef& tag, Policy* out);
  void ParseUris(const TagRef& tag, std::vector<ReportUri>* out);
  void CheckUsable(ReportUri& uri) const;
  void CheckUnknown(const TagRef& tag);

  std::string_view text_;
  TagList& list_;
  Record record_;
  bool rua_valid_ = false;  // a syntactically valid rua URI was seen
};

constexpr std::string_view kKnownTags[] = {"v",    "p",   "sp",  "np", "adkim",
                                           "aspf", "pct", "fo",  "rf", "ri",
                                           "rua",  "ruf", "psd", "t"};

// Whether a and b (lower case) are one edit apart: one insertion, deletion,
// substitution or swap of neighbours.
bool OneEditApart(std::string_view a, std::string_view b) {
  if (a == b) return false;
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && a[i] == b[i]) ++i;
  if (a.size() == b.size()) {
    if (a.substr(i + 1) == b.substr(i + 1)) return true;  // substitution
    return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
           a.substr(i + 2) == b.substr(i + 2);  // swap
  }
  return a.substr(i) == b.substr(i + 1);  // insertion
}

Record Parser::Run() {
  if (!IsDmarcRecord(text_)) {
    Add(Problem::kNotDmarc,
        {0, static_cast<uint32_t>(std::min<size_t>(text_.size(), 8))}, {});
    return std::move(record_);
  }
  // The tags are copied out below: the caller's list is only scratch.
  TagList& list = list_;
  ParseTagList(text_, &list);
  record_.tags.reserve(list.tags.size());
  for (const Tag& tag : list.tags) {
    record_.tags.push_back({tag.name, tag.value, Convert(tag.name_range),
                            Convert(tag.value_range), Convert(tag.range)});
  }
  for (const TagListProblem& problem : list.problems) {
    record_.errors.push_back(
        {Convert(problem.range), problem.message, problem.help});
  }
  for (size_t i = 0; i < list.tags.size(); ++i) {
    const TagRef& tag = record_.tags[i];
    if (list.tags[i].duplicate) {
      Add(Problem::kDuplicateTag, tag.range,
          {AsciiLowerString(tag.name), ShowText(Spec(tag))});
      continue;
    }
    CheckTag(tag);
  }
  if (!record_.has_p && !rua_valid_) {
    const TagRef* p = record_.Find("p");
    // A bad p was reported already; a missing one is reported here, unless
    // a malformed tag-spec (reported above) may have been meant as p: "p",
    // "p:reject" or "p=\x01reject" is said once, not also as missing.
    if (p == nullptr && list.problems.empty()) {
      Range at = record_.tags.empty() ? Range{0, 0} : record_.tags[0].range;
      Add(Problem::kMissingP, at, {});
    }
  }
  return std::move(record_);
}

bool Parser::ParsePolicy(const TagRef& tag, Policy* out) {
  if (!Matches<g::policy_value>(tag.value)) {
    Add(Problem::kBadPolicy, tag.value_range,
        {AsciiLowerString(tag.name), ShowText(tag.value)});
    return false;
  }
  std::string lower = AsciiLowerString(tag.value);
  *out = lower == "reject"       ? Policy::kReject
         : lower == "quarantine" ? Policy::kQuarantine
                                 : Policy::kNone;
  return true;
}

void Parser::CheckTag(const TagRef& tag) {
  std::string name = AsciiLowerString(tag.name);
  std::string_view value = tag.value;
  if (name == "v") return;
  if (name == "p") {
    record_.p_range = tag.range;
    record_.has_p = ParsePolicy(tag, &record_.p);
  } else if (name == "sp") {
    record_.sp_range = tag.range;
    record_.has_sp = ParsePolicy(tag, &record_.sp);
  } else if (name == "np") {
    record_.np_range = tag.range;
    record_.has_np = ParsePolicy(tag, &record_.np);
  } else if (name == "adkim" || name == "aspf") {
    if (!Matches<g::alignment_value>(value)) {
      Add(Problem::kBadAlignment, tag.value_range, {name, ShowText(value)});
      return;
    }
    Alignment a =
        AsciiLower(value[0]) == 's' ? Alignment::kStrict : Alignment::kRelaxed;
    (name == "adkim" ? record_.adkim : record_.aspf) = a;
  } else if (name == "pct") {
    record_.pct_range = tag.range;
    int64_t pct = 0;
    if (!Matches<g::percent_value>(value) || !ParseInt64(value, &pct) ||
        pct > 100) {
      Add(Problem::kBadPct, tag.value_range, {ShowText(value)});
      return;
    }
    record_.has_pct = true;
    record_.pct = static_cast<int>(pct);
  } else if (name == "ri") {
    int64_t ri = 0;
    if (!Matches<g::interval_value>(value) || value.size() > 10 ||
        !ParseInt64(value, &ri) || ri > 0xFFFFFFFFLL) {
      Add(Problem::kBadRi, tag.value_range, {ShowText(value)});
      return;
    }
    record_.ri = static_cast<uint32_t>(ri);
  } else if (name == "fo" || name == "rf") {
    bool fo = name == "fo";
    if (fo ? !Matches<g::fo_value>(value) : !Matches<g::rf_value>(value)) {
      Add(fo ? Problem::kBadFo : Problem::kBadRf, tag.value_range,
          {ShowText(value)});
      return;
    }
    std::vector<std::string_view> parts;
    for (std::string_view part : Split(value, ':')) {
      size_t b = part.find_first_not_of(" \t");
      size_t e = part.find_last_not_of(" \t");
      parts.push_back(part.substr(b, e - b + 1));
    }
    (fo ? record_.fo : record_.rf) = std::move(parts);
  } else if (name == "psd") {
    if (!Matches<g::psd_value>(value)) {
      Add(Problem::kBadPsd, tag.value_range, {ShowText(value)});
      return;
    }
    char c = AsciiLower(value[0]);
    record_.psd = c == 'y' ? Psd::kYes : c == 'n' ? Psd::kNo : Psd::kUnknown;
  } else if (name == "t") {
    if (!Matches<g::testing_value>(value)) {
      Add(Problem::kBadTesting, tag.value_range, {ShowText(value)});
      return;
    }
    record_.testing = AsciiLower(value[0]) == 'y';
  } else if (name == "rua" || name == "ruf") {
    ParseUris(tag, name == "rua" ? &record_.rua : &record_.ruf);
  } else {
    CheckUnknown(tag);
  }
}

void Parser::ParseUris(const TagRef& tag, std::vector<ReportUri>* out) {
  std::string name = AsciiLowerString(tag.name);
  if (tag.value.empty()) {
    Add(Problem::kEmptyUriList, tag.range, {name});
    return;
  }
  for (std::string_view entry : Split(tag.value, ',')) {
    size_t b = entry.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) {
      Add(Problem::kEmptyUri, tag.value_range, {name, ShowText(tag.value)});
      continue;
    }
    size_t e = entry.find_last_not_of(" \t\r\n");
    entry = entry.substr(b, e - b + 1);
    Range range = RangeOf(entry);
    UriState state;
    if (!ParseWith<g::dmarc_uri_value>(entry, state)) {
      if (state.uri_end != nullptr && state.uri_end < entry.end() &&
          *state.uri_end == '!') {
        Add(Problem::kBadSize,
            RangeOf(entry.substr(state.uri_end - entry.data())),
            {name, ShowText(entry.substr(state.uri_end - entry.data()))});
      } else if (entry.find(':') == std::string_view::npos &&
                 entry.find('@') != std::string_view::npos) {
        Add(Problem::kNoScheme, range, {name, ShowText(entry)});
      } else {
        Add(Problem::kBadUri, range, {name, ShowText(entry)});
      }
      continue;
    }
    ReportUri uri;
    uri.text = entry;
    uri.range = range;
    uri.uri = entry.substr(0, state.uri_end - entry.data());
    uri.scheme = AsciiLowerString(uri.uri.substr(0, uri.uri.find(':')));
    if (!state.size_digits.empty()) {
      uri.has_size = true;
      int64_t n = 0;
      uint64_t unit = state.size_unit == 'k'   ? 1ULL << 10
                      : state.size_unit == 'm' ? 1ULL << 20
                      : state.size_unit == 'g' ? 1ULL << 30
                      : state.size_unit == 't' ? 1ULL << 40
                                               : 1;
      std::string_view size = entry.substr(uri.uri.size());
      if (state.size_digits.size() > 15 || !ParseInt64(state.size_digits, &n) ||
          static_cast<uint64_t>(n) > (~0ULL) / unit) {
        Add(Problem::kSizeTooLarge, RangeOf(size), {name, ShowText(size)});
        continue;
      }
      uri.max_bytes = static_cast<uint64_t>(n) * unit;
    }
    if (name == "rua") rua_valid_ = true;
    CheckUsable(uri);
    out->push_back(std::move(uri));
  }
}

void Parser::CheckUsable(ReportUri& uri) const {
  std::string_view rest = uri.uri.substr(uri.scheme.size() + 1);
  Problem problem = Problem::kCount;
  UriState state;
  if (uri.scheme == "mailto") {
    if (ParseWith<g::mailto_address>(rest, state)) {
      uri.address = rest.substr(0, rest.find('?'));
    } else {
      problem = Problem::kBadMailto;
    }
  } else if (uri.scheme == "https") {
    if (!ParseWith<g::https_host>(rest, state)) problem = Problem::kBadHttps;
  } else if (uri.scheme == "http") {
    problem = Problem::kHttpScheme;
    ParseWith<g::https_host>(rest, state);
  } else {
    problem = Problem::kUnsupportedScheme;
  }
  if (!state.domain.empty()) {
    std::string_view domain = state.domain;
    if (domain.back() == '.') domain.remove_suffix(1);
    uri.domain = AsciiLowerString(domain);
    uri.domain_range = RangeOf(domain);
  }
  uri.valid = problem == Problem::kCount;
  if (!uri.valid) {
    Error e = MakeError(problem, uri.range, {ShowText(uri.uri), uri.scheme});
    uri.problem = std::move(e.message);
    uri.help = std::move(e.help);
  }
}

void Parser::CheckUnknown(const TagRef& tag) {
  // Receivers ignore unknown tags (RFC 7489 6.3), so only a likely typo of
  // a known tag of three letters or more is reported: short names are one
  // edit from too many others.
  if (tag.name.size() < 3) return;
  std::string name = AsciiLowerString(tag.name);
  for (std::string_view known : kKnownTags) {
    if (known.size() >= 3 && OneEditApart(name, known)) {
      Add(Problem::kTypoTag, tag.name_range, {ShowText(tag.name), known});
      return;
    }
  }
}

}  // namespace

std::string_view PolicyName(Policy policy) {
  switch (policy) {
    case Policy::kNone:
      return "none";
    case Policy::kQuarantine:
      return "quarantine";
    case Policy::kReject:
      return "reject";
  }
  return "none";
}

const TagRef* Record::Find(std::string_view name) const {
  for (const TagRef& tag : tags) {
    if (EqualsIgnoreCase(tag.name, name)) return &tag;
  }
  return nullptr;
}

bool IsDmarcRecord(std::string_view text) {
  Tag first;
  return FirstTag(text, &first) && first.range.begin == 0 &&
         EqualsIgnoreCase(first.name, "v") && first.value == "DMARC1";
}

bool LooksLikeDmarc(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return true;
  TagList list = ParseTagList(text);
  if (!list.tags.empty() && EqualsIgnoreCase(list.tags[0].name, "v")) {
    // Another protocol's version, even misspelt ("v=spfv1"): not meant as
    // a DMARC record at all.
    std::string_view value = list.tags[0].value;
    for (std::string_view other : {"spf", "DKIM", "STS", "TLSRPT", "BIMI"}) {
      if (StartsWithIgnoreCase(value, other)) return false;
    }
    return true;
  }
  for (const Tag& tag : list.tags) {
    if (EqualsIgnoreCase(tag.name, "v") &&
        EqualsIgnoreCase(tag.value, "DMARC1")) {
      return true;
    }
  }
  return list.Find("p") != nullptr && list.Find("v") == nullptr;
}

std::optional<Error> FindLookalike(std::string_view text) {
  if (IsDmarcRecord(text)) return std::nullopt;
  constexpr std::string_view kQuotesAndBlanks = "\"' \t\r\n";
  const auto range = [&text](std::string_view part) {
    return RangeIn(text, part);
  };
  // Blanks and quote characters before the first tag, in any mix.
  const size_t start =
      std::min(text.find_first_not_of(kQuotesAndBlanks), text.size());
  const std::string_view lead = text.substr(0, start);
  std::string_view body = text.substr(start);
  if (lead.find_first_of("\"'") != std::string_view::npos) {
    // Without the closing quote too: is what is quoted meant as DMARC, and
    // not quoted among other words?
    body = body.substr(0, body.find_last_not_of(kQuotesAndBlanks) + 1);
    if (body.empty() || body.find_first_of("\"'") != std::string_view::npos ||
        !LooksLikeDmarc(body)) {
      return std::nullopt;
    }
    return MakeError(Problem::kQuoted, range(lead),
                     {ShowText(text), ShowText(body)});
  }
  if (!LooksLikeDmarc(text)) return std::nullopt;
  if (body.empty()) return MakeError(Problem::kEmpty, range(text), {});
  if (IsDmarcRecord(body)) {
    return MakeError(Problem::kLeadingBlank, range(lead),
                     {ShowText(text), ShowText(body)});
  }
  // Then the version tag is missing, not first, or not "DMARC1".
  const TagList list = ParseTagList(text);
  const Tag* version = list.Find("v");
  if (version == nullptr) {
    const std::string_view first =
        list.tags.empty()
            ? body
            : text.substr(list.tags[0].range.begin,
                          list.tags[0].range.end - list.tags[0].range.begin);
    return MakeError(Problem::kNoVersion, range(first), {ShowText(first)});
  }
  const std::string_view spec = text.substr(
      version->range.begin, version->range.end - version->range.begin);
  if (version != &list.tags[0]) {
    return MakeError(Problem::kVersionNotFirst, range(spec), {ShowText(spec)});
  }
  // "; v=DMARC1" or "x; v=DMARC1": v is the first tag that parsed, but a
  // malformed tag-spec comes before it.
  if (const std::string_view before =
          TextBeforeFirstTag(text, version->range.begin);
      !before.empty()) {
    return MakeError(Problem::kNoVersion, range(before), {ShowText(before)});
  }
  const std::string_view value = version->value;
  if (StartsWithIgnoreCase(value, "DMARC1") && value.size() > 6 &&
      (value[6] == ' ' || value[6] == '\t')) {
    std::string_view rest = value.substr(6);
    rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
    return MakeError(Problem::kVersionNoSeparator, range(spec),
                     {ShowText(value), ShowText(rest)});
  }
  return MakeError(Problem::kBadVersion, range(value), {ShowText(value)});
}

Record ParseDmarc(std::string_view text) {
  TagList list;
  return Parser(text, &list).Run();
}

Record ParseDmarc(std::string_view text, TagList* scratch) {
  return Parser(text, scratch).Run();
}

}  // namespace zonelint::dmarc

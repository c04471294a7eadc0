#include "mail/mail_policy.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "mail/mail_policy_grammar.h"
#include "mail/tag_list.h"
#include "mail/uri_grammar.h"
#include "parser/field_grammar.h"
#include "tao/pegtl.hpp"
#include "util/strings.h"

namespace zonelint {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;
using grammar::field::FullMatch;
using grammar::field::PrefixMatch;

// ---------------------------------------------------------------------------
// The messages, in one table. "$1", "$2", "$3" are filled in by Format.

enum class Problem : uint8_t {
  kNotRecord,
  kVersionCase,
  kVersionNoSep,
  kDuplicate,
  kBlankAroundEquals,
  kMissingTag,
  kTagCase,
  kBadExtName,
  kBadExtValue,
  kIdEmpty,
  kIdTooLong,
  kIdBadChar,
  kRuaEmpty,
  kRuaEmptyEntry,
  kRuaScheme,
  kRuaHttp,
  kRuaBadUri,
  kRuaNoMailto,
  kUrlSeveral,
  kUrlNotHttps,
  kUrlBad,
  kAvp,
  kCount,
};

struct Text {
  const char* message;
  const char* help;
};

constexpr Text kTexts[] = {
    // kNotRecord: $1 version, $2 kind
    {"text does not start with '$1'", "a $2 record starts with '$1'"},
    // kVersionCase: $1 as written, $2 the version, $3 reference
    {"version '$1' must be written exactly '$2'",
     "write '$2' as the first tag: the version is case-sensitive ($3)"},
    // kVersionNoSep: $1 as written, $2 the version
    {"missing ';' after '$2' in '$1'",
     "separate the tags with ';', as in '$2; ...'"},
    // kDuplicate: $1 tag name
    {"tag '$1' given more than once",
     "keep one '$1=' tag; a record with a repeated tag is invalid"},
    // kBlankAroundEquals: $1 as written, $2 name=value, $3 reference
    {"blank around '=' in '$1'", "write '$2' with no blanks around '=' ($3)"},
    // kMissingTag: $1 tag name, $2 kind, $3 the fix
    {"$2 record has no '$1=' tag", "$3"},
    // kTagCase: $1 as written, $2 the right name, $3 kind
    {"tag '$1' must be written '$2'",
     "tag names in $3 records are case-sensitive; write '$2=...'"},
    // kBadExtName: $1 name, $2 reference
    {"invalid extension tag name '$1'",
     "an extension name is 1 to 32 letters, digits, '_', '-' and '.', "
     "starting with a letter or digit ($2)"},
    // kBadExtValue: $1 name, $2 value, $3 reference
    {"invalid value '$2' of tag '$1'",
     "an extension value is one or more printable ASCII characters other "
     "than blanks, '=' and ';' ($3)"},
    // kIdEmpty
    {"'id=' is empty",
     "write an id of 1 to 32 letters and digits, such as "
     "'id=20240601T120000Z', and change it whenever the policy file changes"},
    // kIdTooLong: $1 id, $2 length
    {"id '$1' is $2 characters long; the limit is 32",
     "write an id of 1 to 32 letters and digits (RFC 8461 3.1), such as a "
     "timestamp '20240601T120000Z'"},
    // kIdBadChar: $1 id, $2 the character
    {"id '$1' has '$2', which is not a letter or digit",
     "an id is 1 to 32 letters and digits only (RFC 8461 3.1), such as "
     "'20240601T120000Z'"},
    // kRuaEmpty
    {"'rua=' has no URI",
     "write where reports go, such as 'rua=mailto:tlsrpt@example.com' or "
     "'rua=https://reports.example.com/tlsrpt'"},
    // kRuaEmptyEntry: $1 the value
    {"empty URI in 'rua=$1'", "remove the extra ','"},
    // kRuaScheme: $1 the URI, $2 the scheme
    {"report URI '$1' is $2:, not mailto: or https:",
     "TLS-RPT sends reports to 'mailto:ADDRESS' or 'https://HOST/PATH' only "
     "(RFC 8460 3)"},
    // kRuaHttp: $1 the URI, $2 the URI after "http:"
    {"report URI '$1' uses http, not https",
     "reports are posted over https only (RFC 8460 3); write 'https:$2'"},
    // kRuaBadUri: $1 the URI
    {"invalid report URI '$1'",
     "write 'mailto:tlsrpt@example.com' or 'https://HOST/PATH'; inside a "
     "URI, write ',' as '%2C' and ';' as '%3B'"},
    // kRuaNoMailto: $1 the address
    {"report URI '$1' is an address without 'mailto:'", "write 'mailto:$1'"},
    // kUrlSeveral: $1 tag, $2 value, $3 example
    {"'$1=' holds more than one URL: '$2'",
     "give one https URL, such as '$1=$3'"},
    // kUrlNotHttps: $1 tag, $2 value, $3 example
    {"'$1=' URL '$2' does not use https",
     "BIMI files are fetched over https only; write '$1=$3'"},
    // kUrlBad: $1 tag, $2 value, $3 example
    {"invalid URL '$2' in '$1='",
     "write an https URL such as '$1=$3'; inside it, write ',' as '%2C' and "
     "';' as '%3B'"},
    // kAvp: $1 value
    {"invalid avp value '$1'",
     "write 'avp=brand' or 'avp=personal', or remove the tag"},
};
static_assert(std::size(kTexts) == static_cast<size_t>(Problem::kCount));

void Add(std::vector<PolicyError>* errors, Problem problem, TagRange range,
         std::initializer_list<std::string_view> args) {
  const Text& text = kTexts[static_cast<size_t>(problem)];
  errors->push_back({range, FormatTemplate(text.message, args),
                     FormatTemplate(text.help, args)});
}

std::string_view Slice(std::string_view text, TagRange r) {
  return text.substr(r.begin, r.end - r.begin);
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// What differs between the three records.
struct Kind {
  std::string_view name;           // "MTA-STS"
  std::string_view version;        // "v=STSv1"
  std::string_view version_value;  // "STSv1"
  std::string_view reference;      // "RFC 8461 3.1"
  bool strict_equals;              // no blanks around '=' (not BIMI)
  bool extensions;                 // other tags follow ext-name "=" ext-value
};

constexpr Kind kMtaSts{"MTA-STS",      "v=STSv1", "STSv1",
                       "RFC 8461 3.1", true,      true};
constexpr Kind kTlsRpt{"TLS-RPT",    "v=TLSRPTv1", "TLSRPTv1",
                       "RFC 8460 3", true,         true};
constexpr Kind kBimi{
    "BIMI",  "v=BIMI1",
    "BIMI1", "draft-brand-indicators-for-message-identification 4.2",
    false,   false};

// The checks shared by the three: the tag-list problems, the version tag,
// duplicates and blanks around '='. Returns the tags to look at (those
// after the version, not duplicates).
std::vector<const Tag*> CheckCommon(std::string_view text, const Kind& kind,
                                    TagList* tags,
                                    std::vector<PolicyError>* errors) {
  *tags = ParseTagList(text);
  for (const TagListProblem& problem : tags->problems) {
    // RFC 8461 and RFC 8460 allow extension names with '-' and '.' and
    // starting with a digit, which RFC 6376 tag names do not.
    if (kind.extensions &&
        FullMatch<g::mail_policy::extension>(Slice(text, problem.range))) {
      continue;
    }
    errors->push_back(problem);
  }
  std::vector<const Tag*> out;
  const uint32_t size = static_cast<uint32_t>(text.size());
  if (tags->tags.empty() || !EqualsIgnoreCase(tags->tags[0].name, "v")) {
    Add(errors, Problem::kNotRecord, {0, size}, {kind.version, kind.name});
    return out;
  }
  const Tag& v = tags->tags[0];
  const std::string_view written = Slice(text, v.range);
  if (v.value.size() > kind.version_value.size() &&
      StartsWithIgnoreCase(v.value, kind.version_value) &&
      IsBlank(v.value[kind.version_value.size()])) {
    Add(errors, Problem::kVersionNoSep, v.range,
        {ShowText(written), kind.version});
  } else if (kind.strict_equals
                 ? written != kind.version
                 : (v.name != "v" || v.value != kind.version_value)) {
    Add(errors, Problem::kVersionCase, v.range,
        {ShowText(written), kind.version, kind.reference});
  }
  for (size_t i = 1; i < tags->tags.size(); ++i) {
    const Tag& tag = tags->tags[i];
    if (tag.duplicate) {
      Add(errors, Problem::kDuplicate, tag.range, {tag.name});
      continue;
    }
    // (An empty value is reported by the tag's own check, not here.)
    if (kind.strict_equals &&
        (text[tag.name_range.end] != '=' ||
         (!tag.value.empty() &&
          tag.value_range.begin != tag.name_range.end + 1))) {
      Add(errors, Problem::kBlankAroundEquals, tag.range,
          {ShowText(Slice(text, tag.range)), Cat(tag.name, "=", tag.value),
           kind.reference});
    }
    out.push_back(&tag);
  }
  return out;
}

// A tag of `kind` whose name must be written exactly `name`; reports other
// cases. Returns whether the tag is `name` in any case.
bool IsTag(const Tag& tag, std::string_view name, const Kind& kind,
           std::vector<PolicyError>* errors) {
  if (!EqualsIgnoreCase(tag.name, name)) return false;
  if (tag.name != name) {
    Add(errors, Problem::kTagCase, tag.name_range, {tag.name, name, kind.name});
  }
  return true;
}

// An extension tag (RFC 8461 3.1, RFC 8460 3).
void CheckExtension(const Tag& tag, const Kind& kind,
                    std::vector<PolicyError>* errors) {
  if (!FullMatch<g::mail_policy::ext_name>(tag.name)) {
    Add(errors, Problem::kBadExtName, tag.name_range,
        {ShowText(tag.name), kind.reference});
  } else if (!FullMatch<g::mail_policy::ext_value>(tag.value)) {
    Add(errors, Problem::kBadExtValue,
        tag.value.empty() ? tag.range : tag.value_range,
        {tag.name, ShowText(tag.value), kind.reference});
  }
}

template <typename Version>
bool StartsWithVersion(std::string_view text) {
  return PrefixMatch<Version>(text) >= 0;
}

// The scheme of a URI ("http"), or empty when it has none.
std::string_view SchemeOf(std::string_view uri) {
  long n = PrefixMatch<g::uri::scheme>(uri);
  return n > 0 ? uri.substr(0, static_cast<size_t>(n)) : std::string_view();
}

}  // namespace

// ---------------------------------------------------------------------------

namespace mta_sts {

bool IsMtaStsRecord(std::string_view text) {
  return StartsWithVersion<g::mta_sts::sts_version_loose>(text);
}

Record ParseMtaSts(std::string_view text) {
  Record out;
  std::vector<const Tag*> tags =
      CheckCommon(text, kMtaSts, &out.tags, &out.errors);
  for (const Tag* tag : tags) {
    if (!IsTag(*tag, "id", kMtaSts, &out.errors)) {
      CheckExtension(*tag, kMtaSts, &out.errors);
      continue;
    }
    if (tag->value.empty()) {
      Add(&out.errors, Problem::kIdEmpty, tag->range, {});
      continue;
    }
    bool bad = false;
    for (size_t i = 0; i < tag->value.size() && !bad; ++i) {
      if (!IsAsciiAlnum(tag->value[i])) {
        uint32_t at = tag->value_range.begin + static_cast<uint32_t>(i);
        Add(&out.errors, Problem::kIdBadChar, {at, at + 1},
            {ShowText(tag->value), ShowText(tag->value.substr(i, 1))});
        bad = true;
      }
    }
    if (bad) continue;
    if (!FullMatch<g::mta_sts::sts_id_value>(tag->value)) {
      Add(&out.errors, Problem::kIdTooLong, tag->value_range,
          {ShowText(tag->value), Cat(tag->value.size())});
      continue;
    }
    out.has_id = true;
    out.id = tag->value;
    out.id_range = tag->value_range;
  }
  if (!out.tags.tags.empty() && out.tags.Find("id") == nullptr &&
      EqualsIgnoreCase(out.tags.tags[0].name, "v")) {
    Add(&out.errors, Problem::kMissingTag,
        {0, static_cast<uint32_t>(text.size())},
        {"id", "MTA-STS",
         "add 'id=' with 1 to 32 letters and digits, such as "
         "'v=STSv1; id=20240601T120000Z', and change it whenever the policy "
         "file changes"});
  }
  return out;
}

}  // namespace mta_sts

namespace tlsrpt {

bool IsTlsRptRecord(std::string_view text) {
  return StartsWithVersion<g::tlsrpt::tlsrpt_version_loose>(text);
}

namespace {

void CheckRua(std::string_view text, const Tag& tag, Record* out) {
  if (tag.value.empty()) {
    Add(&out->errors, Problem::kRuaEmpty, tag.range, {});
    return;
  }
  uint32_t begin = tag.value_range.begin;
  const uint32_t end = tag.value_range.end;
  while (true) {
    uint32_t stop = begin;
    while (stop < end && text[stop] != ',') ++stop;
    uint32_t b = begin, e = stop;
    while (b < e && IsBlank(text[b])) ++b;
    while (e > b && IsBlank(text[e - 1])) --e;
    const std::string_view uri = text.substr(b, e - b);
    if (uri.empty()) {
      Add(&out->errors, Problem::kRuaEmptyEntry, {begin, stop},
          {ShowText(tag.value)});
    } else if (FullMatch<g::tlsrpt::tlsrpt_uri>(uri)) {
      out->rua.push_back({uri, {b, e}, StartsWithIgnoreCase(uri, "https:")});
    } else {
      std::string_view scheme = SchemeOf(uri);
      if (EqualsIgnoreCase(scheme, "http")) {
        Add(&out->errors, Problem::kRuaHttp, {b, e},
            {ShowText(uri), ShowText(uri.substr(5))});
      } else if (!scheme.empty() && !EqualsIgnoreCase(scheme, "mailto") &&
                 !EqualsIgnoreCase(scheme, "https")) {
        Add(&out->errors, Problem::kRuaScheme, {b, e},
            {ShowText(uri), ShowText(scheme)});
      } else if (scheme.empty() && FullMatch<g::uri::addr_spec>(uri)) {
        Add(&out->errors, Problem::kRuaNoMailto, {b, e}, {ShowText(uri)});
      } else {
        Add(&out->errors, Problem::kRuaBadUri, {b, e}, {ShowText(uri)});
      }
    }
    if (stop == end) break;
    begin = stop + 1;
  }
}

}  // namespace

Record ParseTlsRpt(std::string_view text) {
  Record out;
  std::vector<const Tag*> tags =
      CheckCommon(text, kTlsRpt, &out.tags, &out.errors);
  for (const Tag* tag : tags) {
    if (IsTag(*tag, "rua", kTlsRpt, &out.errors)) {
      CheckRua(text, *tag, &out);
    } else {
      CheckExtension(*tag, kTlsRpt, &out.errors);
    }
  }
  if (!out.tags.tags.empty() && out.tags.Find("rua") == nullptr &&
      EqualsIgnoreCase(out.tags.tags[0].name, "v")) {
    Add(&out.errors, Problem::kMissingTag,
        {0, static_cast<uint32_t>(text.size())},
        {"rua", "TLS-RPT",
         "add where reports go, such as "
         "'v=TLSRPTv1; rua=mailto:tlsrpt@example.com'"});
  }
  return out;
}

}  // namespace tlsrpt

namespace bimi {

bool IsBimiRecord(std::string_view text) {
  return StartsWithVersion<g::bimi::bimi_version_loose>(text);
}

namespace {

// l= and a=: empty, or one https URL.
void CheckUrl(const Tag& tag, std::string_view example,
              std::vector<PolicyError>* errors) {
  if (tag.value.empty() || FullMatch<g::bimi::bimi_uri>(tag.value)) return;
  const std::string shown = ShowText(tag.value);
  const std::string name = AsciiLowerString(tag.name);
  std::string_view scheme = SchemeOf(tag.value);
  if (tag.value.find(',') != std::string_view::npos) {
    Add(errors, Problem::kUrlSeveral, tag.value_range, {name, shown, example});
  } else if (!scheme.empty() && !EqualsIgnoreCase(scheme, "https")) {
    Add(errors, Problem::kUrlNotHttps, tag.value_range, {name, shown, example});
  } else {
    Add(errors, Problem::kUrlBad, tag.value_range, {name, shown, example});
  }
}

}  // namespace

Record ParseBimi(std::string_view text) {
  Record out;
  std::vector<const Tag*> tags =
      CheckCommon(text, kBimi, &out.tags, &out.errors);
  for (const Tag* tag : tags) {
    if (IsTag(*tag, "l", kBimi, &out.errors)) {
      out.has_l = true;
      out.l = tag->value;
      out.l_range = tag->value_range;
      CheckUrl(*tag, "https://example.com/bimi/logo.svg", &out.errors);
    } else if (IsTag(*tag, "a", kBimi, &out.errors)) {
      out.has_a = true;
      out.a = tag->value;
      out.a_range = tag->value_range;
      CheckUrl(*tag, "https://example.com/bimi/vmc.pem", &out.errors);
    } else if (IsTag(*tag, "avp", kBimi, &out.errors)) {
      if (FullMatch<g::bimi::bimi_avp_value>(tag->value)) {
        out.avp = tag->value;
      } else {
        Add(&out.errors, Problem::kAvp,
            tag->value.empty() ? tag->range : tag->value_range,
            {ShowText(tag->value)});
      }
    }
  }
  if (!out.tags.tags.empty() && !out.has_l && !out.has_a &&
      EqualsIgnoreCase(out.tags.tags[0].name, "v")) {
    Add(&out.errors, Problem::kMissingTag,
        {0, static_cast<uint32_t>(text.size())},
        {"l", "BIMI",
         "add the logo, 'l=https://example.com/bimi/logo.svg' (an SVG Tiny "
         "PS file), or an empty 'l=' to declare that the domain has none"});
  }
  return out;
}

}  // namespace bimi

}  // namespace zonelint

#include "mail/tag_list.h"

#include <algorithm>

#include "mail/tag_list_grammar.h"
#include "tao/pegtl.hpp"
#include "util/strings.h"

namespace zonelint {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::tag_list;

// The messages, in one table.
enum class Problem : uint8_t {
  kEmptyTag,
  kBadName,
  kNoEquals,
  kColonForEquals,
  kBadValueChar,
};

struct Message {
  std::string_view message;  // "$1": the tag-spec's text
  std::string_view help;
};

constexpr Message kMessages[] = {
    // kEmptyTag
    {"empty tag between ';' separators",
     "remove the extra ';' (a single ';' may end the list)"},
    // kBadName
    {"invalid tag name in '$1'",
     "a tag name starts with a letter, followed by letters, digits or '_', "
     "then '=' and the value, as in 'p=...'"},
    // kNoEquals
    {"tag '$1' has no '='",
     "write the tag as name=value, separated from the next by ';'"},
    // kColonForEquals
    {"tag '$1' is followed by ':' where '=' belongs",
     "write name=value, as in 'p=...'"},
    // kBadValueChar
    {"invalid character in the value of '$1'",
     "values are printable ASCII without ';' (RFC 6376 3.2); remove the "
     "stray character, or quote nothing: DNS text needs no quotes here"},
};

TagListProblem MakeProblem(Problem p, TagRange range, std::string_view spec) {
  const Message& m = kMessages[static_cast<size_t>(p)];
  return {range, FormatTemplate(m.message, {spec}), std::string(m.help)};
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Parses one tag-spec, the text between two separators at [begin, end):
// true with *tag set, or false with *problem set (when not null).
bool ParseSpec(std::string_view text, uint32_t begin, uint32_t end, Tag* tag,
               TagListProblem* problem) {
  std::string_view spec = text.substr(begin, end - begin);
  // Trimmed range, for messages and the tag's range.
  uint32_t b = begin, e = end;
  while (b < e && IsBlank(text[b])) ++b;
  while (e > b && IsBlank(text[e - 1])) --e;
  const TagRange trimmed{b, e};
  const std::string_view shown = text.substr(b, e - b);
  if (b == e) {
    if (problem) *problem = MakeProblem(Problem::kEmptyTag, {begin, end}, "");
    return false;
  }
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(spec.data(), spec.size(),
                                                     "");
  // The parts, matched one after the other so that a problem names its
  // place.
  auto offset = [&]() {
    return begin + static_cast<uint32_t>(in.current() - spec.data());
  };
  (void)pegtl::parse<pegtl::opt<g::fws>>(in);
  const uint32_t name_begin = offset();
  if (!pegtl::parse<g::tag_name>(in)) {
    if (problem)
      *problem = MakeProblem(Problem::kBadName, trimmed, ShowText(shown));
    return false;
  }
  const uint32_t name_end = offset();
  (void)pegtl::parse<pegtl::opt<g::fws>>(in);
  if (!pegtl::parse<g::equals>(in)) {
    // "p" alone or "p:value": the name is fine, the '=' is missing.
    if (problem) {
      *problem = MakeProblem(
          !in.empty() && *in.current() == ':' ? Problem::kColonForEquals
                                              : Problem::kNoEquals,
          trimmed, text.substr(name_begin, name_end - name_begin));
    }
    return false;
  }
  const uint32_t after_equals = offset();
  (void)pegtl::parse<pegtl::opt<g::fws>>(in);
  uint32_t value_begin = offset();
  (void)pegtl::parse<g::tag_value>(in);
  uint32_t value_end = offset();
  // An empty value ("p= ;") sits right after the '=', inside the tag, not
  // after the blanks that follow it.
  if (value_begin == value_end) value_begin = value_end = after_equals;
  (void)pegtl::parse<pegtl::opt<g::fws>>(in);
  if (!in.empty()) {
    uint32_t bad = offset();
    // Point at the bad character itself.
    if (problem) {
      *problem = MakeProblem(Problem::kBadValueChar, {bad, bad + 1},
                             text.substr(name_begin, name_end - name_begin));
    }
    return false;
  }
  *tag = Tag{};
  tag->name = text.substr(name_begin, name_end - name_begin);
  tag->value = text.substr(value_begin, value_end - value_begin);
  tag->name_range = {name_begin, name_end};
  tag->value_range = {value_begin, value_end};
  tag->range = trimmed;
  return true;
}

// Calls spec(begin, end) for each tag-spec of the list, the text between
// two separators, until it returns false. tag-list = tag-spec *( ";"
// tag-spec ) [ ";" ]: the part after a final ';' may be blank (it is then
// no tag-spec), and an empty text is an empty list.
template <typename Spec>
void ForEachSpec(std::string_view text, Spec spec) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  uint32_t begin = 0;
  while (true) {
    const size_t semi = text.find(';', begin);
    const bool last = semi == std::string_view::npos;
    const uint32_t end = last ? size : static_cast<uint32_t>(semi);
    bool blank = true;
    for (uint32_t i = begin; i < end && blank; ++i) blank = IsBlank(text[i]);
    if (!(last && blank) && !spec(begin, end)) return;
    if (last) return;
    begin = end + 1;
  }
}

}  // namespace

const Tag* TagList::Find(std::string_view name) const {
  for (const Tag& tag : tags) {
    if (EqualsIgnoreCase(tag.name, name)) return &tag;
  }
  return nullptr;
}

TagList ParseTagList(std::string_view text) {
  TagList out;
  ParseTagList(text, &out);
  return out;
}

void ParseTagList(std::string_view text, TagList* list) {
  TagList& out = *list;
  out.tags.clear();
  out.problems.clear();
  // A tag a ';'-separated part, at most.
  out.tags.reserve(std::count(text.begin(), text.end(), ';') + 1);
  ForEachSpec(text, [&](uint32_t begin, uint32_t end) {
    Tag tag;
    TagListProblem problem;
    if (!ParseSpec(text, begin, end, &tag, &problem)) {
      out.problems.push_back(std::move(problem));
      return true;
    }
    for (const Tag& earlier : out.tags) {
      if (EqualsIgnoreCase(earlier.name, tag.name)) tag.duplicate = true;
    }
    out.tags.push_back(tag);
    return true;
  });
}

bool FirstTag(std::string_view text, Tag* tag) {
  bool found = false;
  ForEachSpec(text, [&](uint32_t begin, uint32_t end) {
    found = ParseSpec(text, begin, end, tag, nullptr);
    return !found;
  });
  return found;
}

}  // namespace zonelint

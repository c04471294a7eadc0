// Tag lists ("v=DKIM1; k=rsa; p=MIIB...") as RFC 6376 3.2 defines them:
// the tags in order with the byte ranges of their names and values, and the
// problems that make the list malformed. What a tag's value means is for
// the caller (mail/dkim.cc, mail/dmarc.cc, ...).
#ifndef ZONELINT_MAIL_TAG_LIST_H_
#define ZONELINT_MAIL_TAG_LIST_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zonelint {

struct TagRange {
  uint32_t begin = 0;  // byte offsets into the text parsed
  uint32_t end = 0;
};

struct Tag {
  std::string_view name;   // as written (case kept); a view into the text
  std::string_view value;  // without the blanks around it; may be empty
  TagRange name_range;
  TagRange value_range;
  TagRange range;          // the whole tag-spec without the blanks around
  bool duplicate = false;  // an earlier tag had this name (case-insensitive)
};

struct TagListProblem {
  TagRange range;
  std::string message;  // names the bad part: "expected '=' after 'p'"
  std::string help;
};

struct TagList {
  // The tags that parsed, in order. A malformed tag-spec is reported in
  // `problems` and left out; parsing goes on after the next ';'.
  std::vector<Tag> tags;
  std::vector<TagListProblem> problems;

  // The first tag named `name` (case-insensitive), or nullptr.
  const Tag* Find(std::string_view name) const;
};

// Parses `text` (which must outlive the result). Duplicate tag names are
// marked, not reported: whether they are an error is the protocol's call
// (RFC 6376 3.2 and RFC 7489 6.3 both say they are).
TagList ParseTagList(std::string_view text);
// The same into *list, whose storage is reused: a caller that parses many
// lists one after another (one TagList per thread) allocates nothing once
// the longest has been seen.
void ParseTagList(std::string_view text, TagList* list);

// The first tag that parses, ParseTagList(text).tags.front(), found without
// building the list or any problem (what a version check needs); false
// when no tag parses.
bool FirstTag(std::string_view text, Tag* tag);

}  // namespace zonelint

#endif  // ZONELINT_MAIL_TAG_LIST_H_

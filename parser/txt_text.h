// The text of a TXT (or SPF type 99) record as mail protocols read it: its
// character-strings decoded and joined with no separator (RFC 7208 3.3,
// RFC 6376 3.6.2.2, RFC 7489 6.1), with a map from every byte back to the
// zone file, so that a diagnostic about a term points at the term's columns
// even when it spans several quoted strings or is written with escapes.
#ifndef ZONELINT_PARSER_TXT_TEXT_H_
#define ZONELINT_PARSER_TXT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "parser/source.h"
#include "parser/zone.h"

namespace zonelint {

class TxtText {
 public:
  // Joins the character-strings of `record` (a TXT or SPF record of `zone`).
  // Strings with a bad escape are joined as far as they decode.
  TxtText(const Zone& zone, const SourceSet& sources, const Record& record);

  // The joined, decoded text.
  const std::string& text() const { return text_; }
  // The number of character-strings joined.
  size_t string_count() const { return string_count_; }

  // Where bytes [begin, end) of text() are in the zone file: from the first
  // source character of byte `begin` to the last of byte `end - 1`. An empty
  // range sits where byte `begin` would be. Records made by $GENERATE map
  // to the whole record.
  SourceRange Range(uint32_t begin, uint32_t end) const;
  // The whole record, for problems with the text as a whole.
  SourceRange RecordRange() const { return record_range_; }

 private:
  // Where the bytes of text_ come from, as runs: from text byte `text`
  // on, byte i is at source offset `source + (i - text)` with width 1,
  // except in an escape run (one byte spelled "\X" or "\DDD"), whose byte
  // spans `width` source bytes. A run starts at every string and after
  // every escape, so a record costs a few runs, not a map per byte.
  struct Run {
    uint32_t text;
    uint32_t source;
    uint32_t width;  // 1, or the width of the escape (2 or 4)
  };
  // The run holding byte i (i < text_.size()).
  const Run& RunOf(uint32_t i) const;
  uint32_t StartOf(uint32_t i) const;  // first source byte of byte i
  uint32_t EndOf(uint32_t i) const;    // one past its last source byte

  std::string text_;
  size_t string_count_ = 0;
  SourceRange record_range_;
  bool generated_ = false;
  absl::InlinedVector<Run, 1> runs_;  // one run for most records
  uint32_t after_last_ = 0;  // where a byte appended at the end would be
};

}  // namespace zonelint

#endif  // ZONELINT_PARSER_TXT_TEXT_H_

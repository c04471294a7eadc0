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
  std::string text_;
  size_t string_count_ = 0;
  SourceRange record_range_;
  bool generated_ = false;
  // For byte i of text_: its source characters are [starts_[i], ends_[i]).
  // starts_ has one more entry: where a byte appended at the end would be.
  std::vector<uint32_t> starts_;
  std::vector<uint32_t> ends_;
};

}  // namespace zonelint

#endif  // ZONELINT_PARSER_TXT_TEXT_H_

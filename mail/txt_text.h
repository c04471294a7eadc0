// The text of a TXT (or SPF type 99) record as mail protocols read it: its
// character-strings decoded and joined with no separator (RFC 7208 3.3,
// RFC 6376 3.6.2.2, RFC 7489 6.1), with a map from every byte back to the
// zone file, so that a diagnostic about a term points at the term's columns
// even when it spans several quoted strings or is written with escapes.
//
// Cheap to hold for every mail record of a huge zone: a record of one string
// without escapes (most) is a view into the zone file and copies nothing;
// others are joined once into an arena. The byte-to-source map is not
// stored: Range() walks the record's strings again, which only diagnostics
// need.
#ifndef ZONELINT_MAIL_TXT_TEXT_H_
#define ZONELINT_MAIL_TXT_TEXT_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "parser/source.h"
#include "parser/zone.h"
#include "util/arena.h"

namespace zonelint {

// Where deferred texts (see TxtText::Deferred) are stored once joined.
// Safe to use from several threads: a store takes a lock, which costs
// little beside the joining itself.
class JoinedTexts {
 public:
  std::string_view Store(std::string_view s) {
    std::lock_guard<std::mutex> lock(mutex_);
    return arena_.Store(s);
  }

 private:
  std::mutex mutex_;
  StringArena arena_;
};

class TxtText {
 public:
  // Joins the character-strings of `record` (a TXT or SPF record of `zone`;
  // the zone and the sources must outlive this). Strings with a bad escape
  // are joined as far as they decode. Text that must be joined is stored in
  // `arena` when given, else in the TxtText itself.
  TxtText(const Zone& zone, const SourceSet& sources, const Record& record,
          StringArena* arena = nullptr)
      : TxtText(zone, sources, record, arena, /*defer_to=*/nullptr) {}

  // A text joined only when text() is first called, into `joined`: for
  // records that few rules read whole (DKIM keys, long and many in a big
  // zone, are parsed from TextIn() and joined for good only when a finding
  // needs their text). A one-string record without escapes is a view as
  // ever. Not for concurrent calls on one TxtText.
  static TxtText Deferred(const Zone& zone, const SourceSet& sources,
                          const Record& record, JoinedTexts* joined);

  // The joined, decoded text.
  std::string_view text() const {
    if (deferred_ != nullptr && text_.data() == nullptr) Join();
    return text_;
  }
  // The same, but a deferred text not joined yet is joined into *scratch
  // (and the view is into it) rather than stored.
  std::string_view TextIn(std::string* scratch) const;
  bool deferred() const { return deferred_ != nullptr; }
  // The first `n` bytes of the text (fewer when it is shorter), without
  // joining a deferred text: enough to see what kind of record it is.
  std::string Prefix(size_t n) const;
  // The number of character-strings joined.
  size_t string_count() const;
  // Where each character-string ends in text(), in order: the offsets at
  // which strings join (and, last, the text's size).
  std::vector<uint32_t> StringEnds() const;

  // Where bytes [begin, end) of text() are in the zone file: from the first
  // source character of byte `begin` to the last of byte `end - 1`. An empty
  // range sits where byte `begin` would be. Records made by $GENERATE map
  // to the whole record.
  SourceRange Range(uint32_t begin, uint32_t end) const;
  // The whole record, for problems with the text as a whole.
  SourceRange RecordRange() const { return record_->range(); }

 private:
  // Where text byte `i` comes from: [*start, *end) in the zone file (one
  // byte, or the whole "\X" / "\DDD" escape). false when i is past the end.
  bool Locate(uint32_t i, uint32_t* start, uint32_t* end) const;

  TxtText(const Zone& zone, const SourceSet& sources, const Record& record,
          StringArena* arena, JoinedTexts* defer_to);

  // Joins the strings (a deferred text, into deferred_).
  void Join() const;
  // The joined text, or its first `limit` bytes.
  std::string JoinedCopy(size_t limit = std::string::npos) const;
  // The same, into *out (cleared first).
  void JoinInto(std::string* out, size_t limit = std::string::npos) const;
  // Takes a stored joined text (non-null even when empty: a null view means
  // "not joined").
  void SetJoined(std::string_view stored) const;

  const Zone* zone_;
  const SourceSet* sources_;
  const Record* record_;
  mutable std::string_view text_;       // data() is null while a deferred text
                                        // is not joined
  std::unique_ptr<std::string> owned_;  // the joined text when no arena
  JoinedTexts* deferred_ = nullptr;
};

}  // namespace zonelint

#endif  // ZONELINT_MAIL_TXT_TEXT_H_

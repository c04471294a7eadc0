// An open document's text, and positions in it as the protocol counts
// them: lines end at "\n", "\r\n" or "\r", and a character is a UTF-16
// code unit (a character beyond U+FFFF counts two, a tab one). The engine
// counts bytes; these convert.
#ifndef ZONELINT_LSP_DOCUMENT_H_
#define ZONELINT_LSP_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zonelint::lsp {

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;  // UTF-16 code units
};

struct Range {
  Position start;
  Position end;
};

// Where the lines of a text start. The text is passed to each call (the
// index holds no pointer into it, so the owner may move).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  // The position of a byte offset (clamped to the text); an offset inside
  // a UTF-8 sequence counts as the sequence's start.
  Position PositionOf(std::string_view text, size_t offset) const;
  // The byte offset of a position: a character past the line's end is its
  // end (before the line break), a line past the last is the text's end.
  size_t OffsetOf(std::string_view text, Position position) const;

 private:
  std::vector<size_t> starts_;
};

// The text of an open document at its version.
class Document {
 public:
  // Largest document: a change that would make it longer is refused.
  static constexpr size_t kMaxSize = size_t{256} << 20;

  Document(std::string text, int64_t version);

  const std::string& text() const { return text_; }
  int64_t version() const { return version_; }
  void set_version(int64_t version) { version_ = version; }
  const LineIndex& index() const { return index_; }

  // Replaces `range` (the whole text when nullopt) by `text`. False, with
  // the document unchanged, when the result would be too long.
  bool Apply(const std::optional<Range>& range, std::string_view text);

 private:
  std::string text_;
  int64_t version_;
  LineIndex index_;
};

}  // namespace zonelint::lsp

#endif  // ZONELINT_LSP_DOCUMENT_H_

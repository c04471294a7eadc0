#include "lsp/document.h"

#include <algorithm>
#include <utility>

namespace zonelint::lsp {
namespace {

// The length of the UTF-8 sequence at text[i] (1 for a byte that starts
// none, so that any bytes advance) and its UTF-16 length.
void Sequence(std::string_view text, size_t i, size_t* bytes, uint32_t* units) {
  const unsigned char c = static_cast<unsigned char>(text[i]);
  size_t n = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 1;
  for (size_t k = 1; k < n; ++k) {
    if (i + k >= text.size() ||
        (static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) {
      n = 1;  // a broken sequence: each byte stands alone
      break;
    }
  }
  *bytes = n;
  *units = n == 4 ? 2 : 1;
}

bool IsBreak(char c) { return c == '\n' || c == '\r'; }

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (IsBreak(text[i])) starts_.push_back(i + 1);
  }
}

Position LineIndex::PositionOf(std::string_view text, size_t offset) const {
  offset = std::min(offset, text.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const size_t line = static_cast<size_t>(it - starts_.begin()) - 1;
  Position p{static_cast<uint32_t>(line), 0};
  for (size_t i = starts_[line]; i < offset;) {
    size_t bytes;
    uint32_t units;
    Sequence(text, i, &bytes, &units);
    if (i + bytes > offset) break;  // inside a sequence: its start
    i += bytes;
    p.character += units;
  }
  return p;
}

size_t LineIndex::OffsetOf(std::string_view text, Position position) const {
  if (position.line >= starts_.size()) return text.size();
  size_t i = starts_[position.line];
  size_t end = position.line + 1 < starts_.size() ? starts_[position.line + 1]
                                                  : text.size();
  while (end > i && IsBreak(text[end - 1])) --end;
  uint32_t units = 0;
  while (i < end && units < position.character) {
    size_t bytes;
    uint32_t n;
    Sequence(text, i, &bytes, &n);
    if (units + n > position.character) break;  // inside a surrogate pair
    i += bytes;
    units += n;
  }
  return std::min(i, end);
}

Document::Document(std::string text, int64_t version)
    : text_(std::move(text)), version_(version), index_(text_) {}

bool Document::Apply(const std::optional<Range>& range, std::string_view text) {
  size_t begin = 0;
  size_t end = text_.size();
  if (range) {
    begin = index_.OffsetOf(text_, range->start);
    end = index_.OffsetOf(text_, range->end);
    if (end < begin) std::swap(begin, end);
  }
  if (text_.size() - (end - begin) + text.size() > kMaxSize) return false;
  text_.replace(begin, end - begin, text);
  index_ = LineIndex(text_);
  return true;
}

}  // namespace zonelint::lsp

#include "lsp/suppress.h"

#include <algorithm>
#include <string>

namespace zonelint::lsp {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

SuppressionEdits::SuppressionEdits(std::string_view text)
    : text_(text), directives_(ParseDirectives(text)) {
  // The lines and records as the runner reads them (0-based here).
  ForEachZoneLine(text, [this](const ZoneLine& line) {
    line_starts_.push_back(line.begin);
    first_.push_back(line.record_first - 1);
    // The record ends here: each of its lines learns where.
    if (!line.record_open) last_.resize(first_.size(), line.number - 1);
  });
  // An offset at the end of a text that ends in '\n' (or is empty) is on
  // one more, empty line: part of a record left open, or its own.
  if (text.empty() || text.back() == '\n') {
    line_starts_.push_back(static_cast<uint32_t>(text.size()));
    first_.push_back(last_.size() < first_.size()
                         ? first_.back()
                         : static_cast<uint32_t>(first_.size()));
  }
  // A record still open at the end of the text ends on its last line.
  last_.resize(first_.size(), static_cast<uint32_t>(first_.size() - 1));
}

TextEdit SuppressionEdits::For(uint32_t offset, std::string_view rule) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
  const size_t line = static_cast<size_t>(
      std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
      line_starts_.begin() - 1);
  const uint32_t first = first_[line];
  const bool multi = first != last_[line];
  const std::string name(rule);
  // A directive of the kind this needs, on the line it needs it (1-based
  // in Directive): extend it.
  const DirectiveKind kind =
      multi ? DirectiveKind::kNextLine : DirectiveKind::kLine;
  const uint32_t at_line = multi ? first : static_cast<uint32_t>(line + 1);
  auto it = std::lower_bound(
      directives_.begin(), directives_.end(), at_line,
      [](const Directive& d, uint32_t l) { return d.line < l; });
  for (; it != directives_.end() && it->line == at_line; ++it) {
    if (it->kind != kind) continue;
    if (it->rules.empty()) {
      const uint32_t at = it->begin + static_cast<uint32_t>(it->word.size());
      return {{kNoFile, at, at}, " " + name};
    }
    const DirectiveRule& last = it->rules.back();
    const uint32_t at = last.begin + static_cast<uint32_t>(last.name.size());
    return {{kNoFile, at, at}, ", " + name};
  }
  if (!multi) {
    size_t end = line + 1 < line_starts_.size() ? line_starts_[line + 1] - 1
                                                : text_.size();
    const size_t start = line_starts_[line];
    if (end > start && text_[end - 1] == '\r') --end;
    const bool blank_before = end > start && IsBlank(text_[end - 1]);
    const uint32_t at = static_cast<uint32_t>(end);
    return {{kNoFile, at, at},
            std::string(blank_before ? "" : " ") + "; zonelint-disable-line " +
                name};
  }
  const size_t start = line_starts_[first];
  size_t indent_end = start;
  while (indent_end < text_.size() && IsBlank(text_[indent_end])) ++indent_end;
  const size_t next = line_starts_[first + 1];  // a record over lines: exists
  const bool crlf = next >= start + 2 && text_[next - 2] == '\r';
  const uint32_t at = static_cast<uint32_t>(start);
  return {{kNoFile, at, at},
          std::string(text_.substr(start, indent_end - start)) +
              "; zonelint-disable-next-line " + name + (crlf ? "\r\n" : "\n")};
}

}  // namespace zonelint::lsp

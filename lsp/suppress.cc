#include "lsp/suppress.h"

#include <algorithm>
#include <string>

namespace zonelint::lsp {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

SuppressionEdits::SuppressionEdits(std::string_view text)
    : text_(text), directives_(ParseDirectives(text)) {
  // One pass over the lines, reading parentheses as lint/suppressions.cc
  // does.
  int depth = 0;
  uint32_t record = 0;
  for (size_t pos = 0, line = 0;; ++line) {
    line_starts_.push_back(static_cast<uint32_t>(pos));
    if (depth == 0) record = static_cast<uint32_t>(line);
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    bool quoted = false;
    for (size_t i = pos; i < eol; ++i) {
      const char c = text[i];
      if (quoted) {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = true;
      } else if (c == '(') {
        ++depth;
      } else if (c == ')') {
        depth = std::max(depth - 1, 0);
      } else if (c == ';') {
        break;
      }
    }
    first_.push_back(record);
    const bool last_line = eol == text.size();
    if (depth == 0 || last_line) {
      // The record ends here: each of its lines learns where.
      for (size_t l = record; l <= line; ++l) {
        last_.push_back(static_cast<uint32_t>(line));
      }
    }
    if (last_line) break;
    pos = eol + 1;
  }
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

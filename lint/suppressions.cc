#include "lint/suppressions.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace zonelint {
namespace {

constexpr std::string_view kMarker = "zonelint-disable";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The directive that starts the comment `text[begin, end)` (after its
// ';'), if one does: only its first word can be one, so prose that
// mentions zonelint-disable is no directive. Returns where the directive
// ends, or `begin` when there is none.
size_t ParseComment(std::string_view text, size_t begin, size_t end,
                    uint32_t line, std::vector<Directive>* out) {
  text = text.substr(0, end);
  size_t i = begin;
  while (i < end && IsBlank(text[i])) ++i;
  if (text.substr(i, kMarker.size()) != kMarker) return begin;
  Directive d;
  const size_t at = i;
  while (i < end && !IsBlank(text[i]) && text[i] != ';') ++i;
  d.word = text.substr(at, i - at);
  d.begin = static_cast<uint32_t>(at);
  d.line = line;
  if (d.word == "zonelint-disable-line") {
    d.kind = DirectiveKind::kLine;
  } else if (d.word == "zonelint-disable-next-line") {
    d.kind = DirectiveKind::kNextLine;
  } else if (d.word == "zonelint-disable-file") {
    d.kind = DirectiveKind::kFile;
  }
  // NAME (blanks? ',' blanks? NAME)*; the rest is free text.
  for (;;) {
    while (i < end && IsBlank(text[i])) ++i;
    const size_t name = i;
    while (i < end && !IsBlank(text[i]) && text[i] != ',' && text[i] != ';') {
      ++i;
    }
    if (i == name) break;
    d.rules.push_back(
        {text.substr(name, i - name), static_cast<uint32_t>(name)});
    while (i < end && IsBlank(text[i])) ++i;
    if (i == end || text[i] != ',') break;
    ++i;
  }
  out->push_back(std::move(d));
  return i;
}

}  // namespace

std::vector<Directive> ParseDirectives(std::string_view text) {
  std::vector<Directive> out;
  if (text.find(kMarker) == std::string_view::npos) return out;
  // One pass over the lines, as the zone parser reads them: parentheses
  // outside quotes and comments continue a record on the next line.
  // multi_line: (first, last) line of each record that spans lines.
  std::vector<std::pair<uint32_t, uint32_t>> multi_line;
  int depth = 0;
  uint32_t line = 1;
  uint32_t record_start = 0;  // the first line of an open record, or 0
  for (size_t pos = 0; pos < text.size(); ++line) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (depth == 0) record_start = line;
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
        // The rest of the line is a comment; each ';' in it may start a
        // directive ("; zonelint-disable-line a ; zonelint-disable-file b").
        const std::string_view upto_eol = text.substr(0, eol);
        for (size_t at = i; at != std::string_view::npos;) {
          at = upto_eol.find(';', ParseComment(text, at + 1, eol, line, &out));
        }
        break;
      }
    }
    if (depth == 0 && record_start != 0 && record_start < line) {
      multi_line.emplace_back(record_start, line);
    }
    pos = eol + 1;
  }
  for (Directive& d : out) {
    switch (d.kind) {
      case DirectiveKind::kLine:
        d.first_line = d.last_line = d.line;
        break;
      case DirectiveKind::kNextLine: {
        d.first_line = d.last_line = d.line + 1;
        auto it = std::lower_bound(multi_line.begin(), multi_line.end(),
                                   std::make_pair(d.first_line, 0u));
        if (it != multi_line.end() && it->first == d.first_line) {
          d.last_line = it->second;
        }
        break;
      }
      case DirectiveKind::kFile:
        d.first_line = 1;
        d.last_line = std::numeric_limits<uint32_t>::max();
        break;
      case DirectiveKind::kUnknown:
        break;
    }
  }
  return out;
}

}  // namespace zonelint

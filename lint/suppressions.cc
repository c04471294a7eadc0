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

void ForEachZoneLine(std::string_view text,
                     absl::FunctionRef<void(const ZoneLine&)> fn) {
  int depth = 0;
  ZoneLine line;
  for (size_t pos = 0; pos < text.size(); pos = line.end + 1) {
    ++line.number;
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (depth == 0) line.record_first = line.number;
    size_t comment = eol;
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
        comment = i;
        break;
      }
    }
    line.begin = static_cast<uint32_t>(pos);
    line.end = static_cast<uint32_t>(eol);
    line.comment = static_cast<uint32_t>(comment);
    line.record_open = depth > 0;
    fn(line);
  }
}

std::vector<Directive> ParseDirectives(std::string_view text) {
  std::vector<Directive> out;
  if (text.find(kMarker) == std::string_view::npos) return out;
  // multi_line: (first, last) line of each record that spans lines.
  std::vector<std::pair<uint32_t, uint32_t>> multi_line;
  ForEachZoneLine(text, [&](const ZoneLine& line) {
    if (line.comment < line.end) {
      // The rest of the line is a comment; each ';' in it may start a
      // directive ("; zonelint-disable-line a ; zonelint-disable-file b").
      const std::string_view upto_eol = text.substr(0, line.end);
      for (size_t at = line.comment; at != std::string_view::npos;) {
        at = upto_eol.find(
            ';', ParseComment(text, at + 1, line.end, line.number, &out));
      }
    }
    if (!line.record_open && line.record_first < line.number) {
      multi_line.emplace_back(line.record_first, line.number);
    }
  });
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

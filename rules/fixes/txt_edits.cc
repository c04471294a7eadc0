#include "rules/fixes/txt_edits.h"

#include <algorithm>
#include <utility>

#include "mail/tag_list.h"

namespace zonelint::rules {
namespace {

// Which character-string byte `offset` of the joined text is in (the last
// one for the offset just past the text).
size_t StringIndex(const std::vector<uint32_t>& ends, uint32_t offset) {
  const size_t i = static_cast<size_t>(
      std::upper_bound(ends.begin(), ends.end(), offset) - ends.begin());
  return std::min(i, ends.empty() ? 0 : ends.size() - 1);
}

}  // namespace

std::optional<TextEdit> EditInOneString(const Zone& zone, const Record& record,
                                        const TxtText& text, uint32_t begin,
                                        uint32_t end, std::string replacement) {
  if (record.has(kRecordGenerated) || end < begin || end > text.text().size()) {
    return std::nullopt;
  }
  const std::vector<uint32_t> ends = text.StringEnds();
  if (ends.empty()) return std::nullopt;
  const size_t first = StringIndex(ends, begin);
  if (end > begin && StringIndex(ends, end - 1) != first) return std::nullopt;
  const SourceRange range = text.Range(begin, end);
  // The range must lie in that string's source: Range() falls back to the
  // whole record when it cannot map the bytes.
  size_t index = 0;
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind != FieldKind::kString) continue;
    if (index++ != first) continue;
    if (range.begin < field.begin || range.end > field.end) break;
    return TextEdit{range, std::move(replacement)};
  }
  return std::nullopt;
}

std::optional<std::string> SourceOf(const Zone& zone, const Record& record,
                                    const TxtText& text,
                                    const SourceSet& sources, uint32_t begin,
                                    uint32_t end) {
  std::optional<TextEdit> at =
      EditInOneString(zone, record, text, begin, end, "");
  if (!at) return std::nullopt;
  return std::string(
      sources.Get(record.file)
          .text()
          .substr(at->range.begin, at->range.end - at->range.begin));
}

std::optional<std::string> SplitCharacterString(std::string_view raw) {
  std::string out;
  size_t decoded = 0;  // bytes in the string being written
  out.push_back('"');
  for (size_t i = 0; i < raw.size();) {
    size_t width = 1;
    if (raw[i] == '"') return std::nullopt;
    if (raw[i] == '\\') {
      if (i + 1 >= raw.size()) return std::nullopt;
      if (raw[i + 1] >= '0' && raw[i + 1] <= '9') {
        if (i + 3 >= raw.size()) return std::nullopt;
        for (size_t k = 1; k <= 3; ++k) {
          if (raw[i + k] < '0' || raw[i + k] > '9') return std::nullopt;
        }
        const int value = (raw[i + 1] - '0') * 100 + (raw[i + 2] - '0') * 10 +
                          (raw[i + 3] - '0');
        if (value > 255) return std::nullopt;
        width = 4;
      } else {
        width = 2;
      }
    }
    if (decoded == 255) {
      out += "\" \"";
      decoded = 0;
    }
    out.append(raw.substr(i, width));
    ++decoded;
    i += width;
  }
  out.push_back('"');
  return out;
}

std::optional<Fix> MoveVersionFirst(const Zone& zone, const Record& record,
                                    const TxtText& text,
                                    const SourceSet& sources) {
  const TagList list = ParseTagList(text.text());
  if (!list.problems.empty()) return std::nullopt;
  const Tag* version = list.Find("v");
  if (version == nullptr || version == &list.tags.front()) return std::nullopt;
  const Tag& first = list.tags.front();
  const Tag& before = *(version - 1);
  // One string from the first tag through v=, so the two edits are certain.
  if (!EditInOneString(zone, record, text, first.range.begin,
                       version->range.end, "")) {
    return std::nullopt;
  }
  std::optional<std::string> spec = SourceOf(
      zone, record, text, sources, version->range.begin, version->range.end);
  if (!spec) return std::nullopt;
  // In an unquoted string a blank would end the string and a bare ';'
  // start a comment: "\;" there.
  bool quoted = true;
  const uint32_t at = text.Range(first.range.begin, first.range.begin).begin;
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind == FieldKind::kString && field.begin <= at &&
        at <= field.end) {
      quoted = field.quoted;
      break;
    }
  }
  std::optional<TextEdit> insert =
      EditInOneString(zone, record, text, first.range.begin, first.range.begin,
                      *spec + (quoted ? "; " : "\\;"));
  std::optional<TextEdit> remove = EditInOneString(
      zone, record, text, before.range.end, version->range.end, "");
  if (!insert || !remove) return std::nullopt;
  return Fix{"Move the v= tag to the front",
             true,
             {*std::move(insert), *std::move(remove)}};
}

}  // namespace zonelint::rules

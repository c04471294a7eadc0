#include "parser/txt_text.h"

#include <algorithm>

namespace zonelint {

TxtText::TxtText(const Zone& zone, const SourceSet& sources,
                 const Record& record)
    : record_range_(record.range()),
      generated_(record.has(kRecordGenerated)) {
  after_last_ = record.end;
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind != FieldKind::kString) continue;
    ++string_count_;
    std::string_view raw = zone.FieldText(sources, record, field);
    after_last_ = field.end;
    if (generated_) {
      // Offsets of generated text are not file offsets: Range() maps every
      // byte to the record.
      std::string decoded;
      DecodeCharacterString(raw, &decoded);
      text_ += decoded;
      continue;
    }
    bool run_open = false;  // the last run is a literal run we may extend
    size_t i = 0;
    while (i < raw.size()) {
      const uint32_t at = field.begin + static_cast<uint32_t>(i);
      const uint32_t pos = static_cast<uint32_t>(text_.size());
      size_t next = raw.find('\\', i);
      if (next != i) {
        // Literal bytes up to the next escape.
        size_t end = next == std::string_view::npos ? raw.size() : next;
        if (!run_open) runs_.push_back({pos, at, 1});
        run_open = true;
        text_.append(raw.substr(i, end - i));
        i = end;
        continue;
      }
      // An escape: \X or \DDD.
      if (i + 1 >= raw.size()) break;  // a lone '\': zone-rdata reports it
      char d = raw[i + 1];
      char c;
      uint32_t width;
      if (d >= '0' && d <= '9') {
        if (i + 3 >= raw.size() || raw[i + 2] < '0' || raw[i + 2] > '9' ||
            raw[i + 3] < '0' || raw[i + 3] > '9') {
          break;
        }
        int v = (d - '0') * 100 + (raw[i + 2] - '0') * 10 + (raw[i + 3] - '0');
        if (v > 255) break;
        c = static_cast<char>(v);
        width = 4;
      } else {
        c = d;
        width = 2;
      }
      runs_.push_back({pos, at, width});
      run_open = false;
      text_.push_back(c);
      i += width;
    }
  }
  if (generated_) after_last_ = record.end;
}

const TxtText::Run& TxtText::RunOf(uint32_t i) const {
  // The last run that starts at or before i.
  auto it = std::upper_bound(
      runs_.begin(), runs_.end(), i,
      [](uint32_t value, const Run& run) { return value < run.text; });
  return *(it - 1);
}

uint32_t TxtText::StartOf(uint32_t i) const {
  const Run& run = RunOf(i);
  return run.width == 1 ? run.source + (i - run.text) : run.source;
}

uint32_t TxtText::EndOf(uint32_t i) const {
  const Run& run = RunOf(i);
  return run.width == 1 ? run.source + (i - run.text) + 1
                        : run.source + run.width;
}

SourceRange TxtText::Range(uint32_t begin, uint32_t end) const {
  if (generated_) return record_range_;
  const uint32_t size = static_cast<uint32_t>(text_.size());
  begin = std::min(begin, size);
  end = std::min(std::max(end, begin), size);
  const FileId file = record_range_.file;
  if (begin == end) {
    uint32_t at = begin < size ? StartOf(begin) : after_last_;
    return {file, at, at};
  }
  return {file, StartOf(begin), EndOf(end - 1)};
}

}  // namespace zonelint

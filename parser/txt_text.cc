#include "parser/txt_text.h"

#include <algorithm>

namespace zonelint {

TxtText::TxtText(const Zone& zone, const SourceSet& sources,
                 const Record& record)
    : record_range_(record.range()),
      generated_(record.has(kRecordGenerated)) {
  uint32_t after_last = record.end;
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind != FieldKind::kString) continue;
    ++string_count_;
    std::string_view raw = zone.FieldText(sources, record, field);
    // Offsets of generated text are not file offsets: map to the record.
    const uint32_t base = generated_ ? record.begin : field.begin;
    auto at = [&](size_t i) {
      return generated_ ? record.begin : base + static_cast<uint32_t>(i);
    };
    for (size_t i = 0; i < raw.size(); ++i) {
      size_t width = 1;
      char c = raw[i];
      if (c == '\\' && i + 1 < raw.size()) {
        char d = raw[i + 1];
        if (d >= '0' && d <= '9') {
          if (i + 3 >= raw.size() || raw[i + 2] < '0' || raw[i + 2] > '9' ||
              raw[i + 3] < '0' || raw[i + 3] > '9') {
            break;  // a bad escape: zone-rdata reports it
          }
          int v = (d - '0') * 100 + (raw[i + 2] - '0') * 10 + (raw[i + 3] - '0');
          if (v > 255) break;
          c = static_cast<char>(v);
          width = 4;
        } else {
          c = d;
          width = 2;
        }
      } else if (c == '\\') {
        break;
      }
      text_.push_back(c);
      starts_.push_back(at(i));
      ends_.push_back(generated_ ? record.end : at(i + width));
      i += width - 1;
    }
    after_last = generated_ ? record.end : field.end;
  }
  starts_.push_back(after_last);
}

SourceRange TxtText::Range(uint32_t begin, uint32_t end) const {
  if (generated_) return record_range_;
  const uint32_t size = static_cast<uint32_t>(text_.size());
  begin = std::min(begin, size);
  end = std::min(std::max(end, begin), size);
  if (begin == end) return {record_range_.file, starts_[begin], starts_[begin]};
  return {record_range_.file, starts_[begin], ends_[end - 1]};
}

}  // namespace zonelint

#include "mail/txt_text.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace zonelint {
namespace {

// One stretch of the joined text: `length` literal bytes copied from source
// offset `source` on, or (width > 1) one byte written as an escape that
// spans `width` source bytes.
struct Run {
  uint32_t text;    // where the run starts in the joined text
  uint32_t source;  // where it starts in the field's text (file offset)
  uint32_t length;  // bytes of joined text
  uint32_t width;   // 1 for literal bytes, else the escape's width (2 or 4)
  std::string_view literal;  // the bytes of a literal run
  char escaped;              // the byte of an escape run
};

// Calls visit(run) for every run of the record's strings in order, until
// visit returns false, and string_end(offset) where each string ends in the
// joined text. A string stops at a bad escape (zone-rdata reports it); the
// next string goes on.
template <typename Visit, typename StringEnd>
void WalkRuns(const Zone& zone, const SourceSet& sources, const Record& record,
              Visit&& visit, StringEnd&& string_end) {
  uint32_t pos = 0;
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind != FieldKind::kString) continue;
    std::string_view raw = zone.FieldText(sources, record, field);
    size_t i = 0;
    while (i < raw.size()) {
      const uint32_t at = field.begin + static_cast<uint32_t>(i);
      size_t next = raw.find('\\', i);
      if (next != i) {
        size_t end = next == std::string_view::npos ? raw.size() : next;
        Run run{
            pos, at, static_cast<uint32_t>(end - i), 1, raw.substr(i, end - i),
            0};
        if (!visit(run)) return;
        pos += run.length;
        i = end;
        continue;
      }
      if (i + 1 >= raw.size()) break;  // a lone '\'
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
      if (!visit(Run{pos, at, 1, width, {}, c})) return;
      pos += 1;
      i += width;
    }
    string_end(pos);
  }
}

template <typename Visit>
void WalkRuns(const Zone& zone, const SourceSet& sources, const Record& record,
              Visit&& visit) {
  WalkRuns(zone, sources, record, std::forward<Visit>(visit), [](uint32_t) {});
}

}  // namespace

TxtText::TxtText(const Zone& zone, const SourceSet& sources,
                 const Record& record, StringArena* arena,
                 JoinedTexts* defer_to)
    : zone_(&zone), sources_(&sources), record_(&record) {
  // One non-empty string without escapes: a view, nothing to join.
  std::string_view only;
  int non_empty = 0;
  bool escapes = false;
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind != FieldKind::kString || field.begin == field.end) continue;
    only = zone.FieldText(sources, record, field);
    escapes = escapes || only.find('\\') != std::string_view::npos;
    ++non_empty;
  }
  if (non_empty <= 1 && !escapes) {
    text_ = non_empty == 1 ? only : std::string_view();
    return;
  }
  if (defer_to != nullptr) {
    deferred_ = defer_to;  // text_ stays null until text() joins it
    return;
  }
  if (arena != nullptr) {
    text_ = arena->Store(JoinedCopy());
  } else {
    std::string joined = JoinedCopy();
    owned_ = std::make_unique<std::string>(std::move(joined));
    text_ = *owned_;
  }
}

std::string TxtText::JoinedCopy(size_t limit) const {
  std::string joined;
  JoinInto(&joined, limit);
  return joined;
}

void TxtText::JoinInto(std::string* out, size_t limit) const {
  out->clear();
  // The strings' raw lengths bound the decoded text (escapes only shrink):
  // one allocation, not one per doubling.
  size_t bound = 0;
  for (const Field& field : zone_->FieldsOf(*record_)) {
    if (field.kind == FieldKind::kString) bound += field.end - field.begin;
  }
  out->reserve(std::min(bound, limit));
  WalkRuns(*zone_, *sources_, *record_, [out, limit](const Run& run) {
    if (run.width == 1) {
      out->append(run.literal.substr(0, limit - out->size()));
    } else {
      out->push_back(run.escaped);
    }
    return out->size() < limit;
  });
}

TxtText TxtText::Deferred(const Zone& zone, const SourceSet& sources,
                          const Record& record, JoinedTexts* joined) {
  return TxtText(zone, sources, record, /*arena=*/nullptr, joined);
}

std::string TxtText::Prefix(size_t n) const {
  if (deferred_ == nullptr || text_.data() != nullptr) {
    return std::string(text().substr(0, n));
  }
  return JoinedCopy(n);
}

void TxtText::SetJoined(std::string_view stored) const {
  text_ = stored.data() != nullptr ? stored : std::string_view("", 0);
}

void TxtText::Join() const { SetJoined(deferred_->Store(JoinedCopy())); }

std::string_view TxtText::TextIn(std::string* scratch) const {
  if (deferred_ == nullptr || text_.data() != nullptr) return text_;
  JoinInto(scratch);
  return *scratch;
}

std::vector<uint32_t> TxtText::StringEnds() const {
  std::vector<uint32_t> ends;
  WalkRuns(
      *zone_, *sources_, *record_, [](const Run&) { return true; },
      [&ends](uint32_t end) { ends.push_back(end); });
  return ends;
}

size_t TxtText::string_count() const {
  size_t n = 0;
  for (const Field& field : zone_->FieldsOf(*record_)) {
    if (field.kind == FieldKind::kString) ++n;
  }
  return n;
}

bool TxtText::Locate(uint32_t i, uint32_t* start, uint32_t* end) const {
  // A view into the zone file (one string, no escapes): byte i is where the
  // view's byte i is.
  if (!record_->has(kRecordGenerated)) {
    const std::string_view file = sources_->Get(record_->file).text();
    if (!text_.empty() && text_.data() >= file.data() &&
        text_.data() < file.data() + file.size()) {
      if (i >= text_.size()) return false;
      *start = static_cast<uint32_t>(text_.data() - file.data()) + i;
      *end = *start + 1;
      return true;
    }
  }
  bool found = false;
  WalkRuns(*zone_, *sources_, *record_, [&](const Run& run) {
    if (i >= run.text + run.length) return true;
    if (run.width == 1) {
      *start = run.source + (i - run.text);
      *end = *start + 1;
    } else {
      *start = run.source;
      *end = run.source + run.width;
    }
    found = true;
    return false;
  });
  return found;
}

SourceRange TxtText::Range(uint32_t begin, uint32_t end) const {
  const Record& record = *record_;
  if (record.has(kRecordGenerated)) return record.range();
  const uint32_t size = static_cast<uint32_t>(text().size());
  begin = std::min(begin, size);
  end = std::min(std::max(end, begin), size);
  const FileId file = record.file;
  uint32_t first_start, first_end, last_start, last_end;
  if (begin == end) {
    if (begin < size && Locate(begin, &first_start, &first_end)) {
      return {file, first_start, first_start};
    }
    // After the last byte: the end of the last string (the record's end
    // when it has none).
    uint32_t at = record.end;
    for (const Field& field : zone_->FieldsOf(record)) {
      if (field.kind == FieldKind::kString) at = field.end;
    }
    return {file, at, at};
  }
  if (!Locate(begin, &first_start, &first_end) ||
      !Locate(end - 1, &last_start, &last_end)) {
    return record.range();
  }
  return {file, first_start, last_end};
}

}  // namespace zonelint

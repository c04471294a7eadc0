#include "parser/zone.h"

#include <algorithm>
#include <cstring>

namespace zonelint {

void Zone::BuildIndex() {
  // Counting sort of record indexes by owner id: two passes, no per-name
  // allocation, stable (file order within a name).
  const size_t n = names_->size();
  owner_start_.assign(n + 1, 0);
  for (const Record& r : records) ++owner_start_[r.owner + 1];
  owners_.clear();
  for (size_t i = 0; i < n; ++i) owner_start_[i + 1] += owner_start_[i];
  by_owner_.resize(records.size());
  std::vector<uint32_t> next(owner_start_.begin(), owner_start_.end() - 1);
  std::vector<bool> seen(n, false);
  for (uint32_t i = 0; i < records.size(); ++i) {
    NameId o = records[i].owner;
    by_owner_[next[o]++] = i;
    if (!seen[o]) {
      seen[o] = true;
      owners_.push_back(o);
    }
  }
  incomplete_ =
      std::any_of(issues.begin(), issues.end(),
                  [](const ParseIssue& i) { return i.include_unread; });
}

absl::Span<const uint32_t> Zone::RecordsAt(NameId owner) const {
  if (owner == kNoName || owner + 1 >= owner_start_.size()) return {};
  return absl::MakeConstSpan(by_owner_.data() + owner_start_[owner],
                             owner_start_[owner + 1] - owner_start_[owner]);
}

namespace {

// Walks a character-string: `run(data, size)` for each stretch without
// escapes (found with memchr: most strings have none), `byte(c)` for each
// escape decoded. False on a bad escape.
template <typename Run, typename Byte>
bool WalkCharacterString(std::string_view raw, Run run, Byte byte) {
  size_t i = 0;
  while (i < raw.size()) {
    const void* found = std::memchr(raw.data() + i, '\\', raw.size() - i);
    const size_t slash = found == nullptr
                             ? raw.size()
                             : static_cast<const char*>(found) - raw.data();
    if (slash > i) run(raw.data() + i, slash - i);
    if (slash == raw.size()) return true;
    if (slash + 1 >= raw.size()) return false;
    const char d = raw[slash + 1];
    if (d >= '0' && d <= '9') {
      if (slash + 3 >= raw.size() || raw[slash + 2] < '0' ||
          raw[slash + 2] > '9' || raw[slash + 3] < '0' ||
          raw[slash + 3] > '9') {
        return false;
      }
      const int v = (d - '0') * 100 + (raw[slash + 2] - '0') * 10 +
                    (raw[slash + 3] - '0');
      if (v > 255) return false;
      byte(static_cast<char>(v));
      i = slash + 4;
    } else {
      byte(d);
      i = slash + 2;
    }
  }
  return true;
}

}  // namespace

bool DecodeCharacterString(std::string_view raw, std::string* out) {
  out->clear();
  return WalkCharacterString(
      raw, [out](const char* data, size_t size) { out->append(data, size); },
      [out](char c) { out->push_back(c); });
}

bool CharacterStringLength(std::string_view raw, size_t* length) {
  *length = 0;
  return WalkCharacterString(
      raw, [length](const char*, size_t size) { *length += size; },
      [length](char) { ++*length; });
}

}  // namespace zonelint

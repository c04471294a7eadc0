#include "parser/zone.h"

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
}

absl::Span<const uint32_t> Zone::RecordsAt(NameId owner) const {
  if (owner == kNoName || owner + 1 >= owner_start_.size()) return {};
  return absl::MakeConstSpan(by_owner_.data() + owner_start_[owner],
                             owner_start_[owner + 1] - owner_start_[owner]);
}

bool DecodeCharacterString(std::string_view raw, std::string* out) {
  out->clear();
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (i + 1 >= raw.size()) return false;
    char d = raw[i + 1];
    if (d >= '0' && d <= '9') {
      if (i + 3 >= raw.size() || raw[i + 2] < '0' || raw[i + 2] > '9' ||
          raw[i + 3] < '0' || raw[i + 3] > '9') {
        return false;
      }
      int v = (d - '0') * 100 + (raw[i + 2] - '0') * 10 + (raw[i + 3] - '0');
      if (v > 255) return false;
      out->push_back(static_cast<char>(v));
      i += 3;
    } else {
      out->push_back(d);
      i += 1;
    }
  }
  return true;
}

}  // namespace zonelint

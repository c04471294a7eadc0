#include "parser/zone.h"

#include <algorithm>
#include <cstring>

#include "absl/container/flat_hash_map.h"

namespace zonelint {

namespace {

// Gives back what the parser reserved beyond what a small zone used: small
// arrays live among other allocations, where their spare room is memory,
// while a big array's spare room is address space never touched.
template <typename T>
void TrimIfSmall(std::vector<T>* v) {
  constexpr size_t kSmall = size_t{1} << 20;
  if (v->capacity() > v->size() && v->capacity() * sizeof(T) < kSmall) {
    v->shrink_to_fit();
  }
}

}  // namespace

void Zone::BuildIndex() {
  TrimIfSmall(&records);
  TrimIfSmall(&fields);
  // Counting sort of record indexes by owner slot: stable (file order within
  // an owner), everything kept sized to the zone. A record's slot is found
  // in an array indexed by name when the name table is not much bigger
  // than the zone (one zone alone, or a file parsed into a table of its
  // own), else in a hash map; either is freed at the end.
  owners_.clear();
  std::vector<uint32_t> slot_of(records.size());
  std::vector<uint32_t> count;
  auto add = [&](uint32_t i, uint32_t* slot) {
    if (*slot == UINT32_MAX) {
      *slot = static_cast<uint32_t>(owners_.size());
      owners_.push_back(records[i].owner);
      count.push_back(0);
    }
    slot_of[i] = *slot;
    ++count[*slot];
  };
  if (names_->size() <= 4 * records.size() + 4096) {
    std::vector<uint32_t> slot_of_name(names_->size(), UINT32_MAX);
    for (uint32_t i = 0; i < records.size(); ++i) {
      add(i, &slot_of_name[records[i].owner]);
    }
  } else {
    absl::flat_hash_map<NameId, uint32_t> slot_of_name;
    for (uint32_t i = 0; i < records.size(); ++i) {
      add(i, &slot_of_name.try_emplace(records[i].owner, UINT32_MAX)
                  .first->second);
    }
  }
  owner_start_.assign(owners_.size() + 1, 0);
  for (size_t s = 0; s < owners_.size(); ++s) {
    owner_start_[s + 1] = owner_start_[s] + count[s];
  }
  by_owner_.resize(records.size());
  std::vector<uint32_t>& next = count;  // reused: the next place of a slot
  std::copy(owner_start_.begin(), owner_start_.end() - 1, next.begin());
  for (uint32_t i = 0; i < records.size(); ++i) {
    by_owner_[next[slot_of[i]]++] = i;
  }
  SortSlotsByName();
  incomplete_ =
      std::any_of(issues.begin(), issues.end(),
                  [](const ParseIssue& i) { return i.include_unread; });
}

void Zone::SortSlotsByName() {
  slots_by_name_.resize(owners_.size());
  for (uint32_t s = 0; s < owners_.size(); ++s) slots_by_name_[s] = s;
  // Names are mostly interned in the order the zone first uses them, so
  // this is nearly sorted already.
  std::sort(slots_by_name_.begin(), slots_by_name_.end(),
            [&](uint32_t a, uint32_t b) { return owners_[a] < owners_[b]; });
}

absl::Span<const uint32_t> Zone::RecordsAt(NameId owner) const {
  auto it = std::lower_bound(
      slots_by_name_.begin(), slots_by_name_.end(), owner,
      [&](uint32_t slot, NameId name) { return owners_[slot] < name; });
  if (it == slots_by_name_.end() || owners_[*it] != owner) return {};
  return RecordsOfOwner(*it);
}

void Zone::Remap(NameTable* names, absl::Span<const NameId> name_ids,
                 absl::Span<const FileId> file_ids) {
  names_ = names;
  auto name = [&](NameId id) { return id == kNoName ? id : name_ids[id]; };
  auto file = [&](FileId id) { return id == kNoFile ? id : file_ids[id]; };
  apex = name(apex);
  main_file = file(main_file);
  for (Record& r : records) {
    r.owner = name(r.owner);
    r.file = file(r.file);
  }
  for (Field& f : fields) {
    if (f.kind == FieldKind::kName) f.value = name(f.value);
  }
  for (ParseIssue& issue : issues) issue.range.file = file(issue.range.file);
  for (RelativeName& rel : relative_names) {
    rel.range.file = file(rel.range.file);
    rel.name = name(rel.name);
  }
  // The records stay grouped as they were; only the keys change.
  for (NameId& owner : owners_) owner = name(owner);
  SortSlotsByName();
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

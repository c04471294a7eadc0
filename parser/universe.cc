#include "parser/universe.h"

#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint {

Universe::Universe(const NameTable& names,
                   const std::vector<std::unique_ptr<Zone>>& zones)
    : names_(names), zones_(zones) {
  // Counting sort of all records by owner: stable, so zone order then file
  // order within a name.
  const size_t n = names.size();
  start_.assign(n + 1, 0);
  has_ns_.assign(n, false);
  for (const auto& zone : zones) {
    for (const Record& r : zone->records) {
      ++start_[r.owner + 1];
      if (r.type == rrtype::kNS) has_ns_[r.owner] = true;
    }
  }
  for (size_t i = 0; i < n; ++i) start_[i + 1] += start_[i];
  at_.resize(start_[n]);
  std::vector<uint32_t> next(start_.begin(), start_.end() - 1);
  for (uint32_t z = 0; z < zones.size(); ++z) {
    const Zone& zone = *zones[z];
    for (uint32_t i = 0; i < zone.records.size(); ++i) {
      at_[next[zone.records[i].owner]++] = {z, i};
    }
    if (zone.apex == kNoName) continue;
    auto [it, added] = apexes_.try_emplace(zone.apex, Apex{&zone, false});
    it->second.incomplete |= zone.incomplete();
    const size_t length = names.Text(zone.apex).size();
    if (length >= apex_length_.size()) apex_length_.resize(length + 1, false);
    apex_length_[length] = true;
  }
}

std::vector<RecordRef> Universe::RecordsAt(NameId name) const {
  std::vector<RecordRef> out;
  ForEachRecordAt(name, [&out](const RecordRef& ref) { out.push_back(ref); });
  return out;
}

bool Universe::HasRecordsAt(NameId name) const {
  return name != kNoName && name + 1 < start_.size() &&
         start_[name + 1] > start_[name];
}

std::vector<RecordRef> Universe::RecordsAt(std::string_view canonical) const {
  return RecordsAt(Find(canonical));
}

std::vector<RecordRef> Universe::RecordsAt(std::string_view canonical,
                                           uint16_t type) const {
  std::vector<RecordRef> out = RecordsAt(canonical);
  std::erase_if(out,
                [type](const RecordRef& r) { return r.record->type != type; });
  return out;
}

const Universe::Apex* Universe::HolderOf(std::string_view canonical) const {
  // The longest apex at or above the name: up its ancestors, O(depth).
  const Apex* best = nullptr;
  for (std::string_view up = canonical;; up = ParentName(up)) {
    if (up.size() < apex_length_.size() && apex_length_[up.size()]) {
      auto it = apexes_.find(names_.Find(up));
      if (it != apexes_.end()) {
        best = &it->second;
        break;
      }
    }
    if (up == ".") break;
  }
  if (best == nullptr) return nullptr;
  // A delegation between the apex (exclusive) and the name (inclusive)
  // hands the name to another zone.
  const size_t apex_size = names_.Text(best->zone->apex).size();
  for (std::string_view name = canonical; name.size() > apex_size;
       name = ParentName(name)) {
    NameId id = names_.Find(name);
    if (id >= has_ns_.size() || !has_ns_[id]) continue;
    for (uint32_t index : best->zone->RecordsAt(id)) {
      if (best->zone->records[index].type == rrtype::kNS) return nullptr;
    }
  }
  return best;
}

const Zone* Universe::ZoneOf(std::string_view canonical) const {
  const Apex* holder = HolderOf(canonical);
  return holder == nullptr ? nullptr : holder->zone;
}

const Zone* Universe::Authority(std::string_view canonical) const {
  // Every file linted for the same zone answers for it (their records are
  // all looked at): one not read whole leaves the zone's records unknown.
  const Apex* holder = HolderOf(canonical);
  return holder == nullptr || holder->incomplete ? nullptr : holder->zone;
}

NameId Universe::WildcardFor(std::string_view canonical,
                             const Zone& zone) const {
  const std::string_view apex = names_.Text(zone.apex);
  for (std::string_view up = canonical; up != apex && up != ".";) {
    up = ParentName(up);
    const NameId wildcard = Find(Cat("*.", up == "." ? "" : up));
    if (HasRecordsAt(wildcard)) return wildcard;
    // The closest encloser exists and has no wildcard: the name does not.
    if (HasRecordsAt(Find(up))) break;
  }
  return kNoName;
}

}  // namespace zonelint

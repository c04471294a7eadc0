#include "parser/universe.h"

#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint {

Universe::Universe(const NameTable& names,
                   const std::vector<std::unique_ptr<Zone>>& zones)
    : names_(names), zones_(zones) {}

std::vector<RecordRef> Universe::RecordsAt(NameId name) const {
  std::vector<RecordRef> out;
  if (name == kNoName) return out;
  for (const auto& zone : zones_) {
    for (uint32_t index : zone->RecordsAt(name)) {
      out.push_back({zone.get(), &zone->records[index]});
    }
  }
  return out;
}

bool Universe::HasRecordsAt(NameId name) const {
  if (name == kNoName) return false;
  for (const auto& zone : zones_) {
    if (!zone->RecordsAt(name).empty()) return true;
  }
  return false;
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

const Zone* Universe::ZoneOf(std::string_view canonical) const {
  const Zone* best = nullptr;
  size_t best_length = 0;
  for (const auto& zone : zones_) {
    if (zone->apex == kNoName) continue;
    std::string_view apex = names_.Text(zone->apex);
    if (!IsAtOrBelow(canonical, apex)) continue;
    if (best == nullptr || apex.size() > best_length) {
      best = zone.get();
      best_length = apex.size();
    }
  }
  if (best == nullptr) return nullptr;
  // A delegation between the apex (exclusive) and the name (inclusive)
  // hands the name to another zone.
  std::string_view apex = names_.Text(best->apex);
  for (std::string_view name = canonical; name.size() > apex.size();
       name = ParentName(name)) {
    NameId id = names_.Find(name);
    if (id == kNoName) continue;
    for (uint32_t index : best->RecordsAt(id)) {
      if (best->records[index].type == rrtype::kNS) return nullptr;
    }
  }
  return best;
}

const Zone* Universe::Authority(std::string_view canonical) const {
  const Zone* holder = ZoneOf(canonical);
  if (holder == nullptr) return nullptr;
  // Every file linted for the same zone answers for it (their records are
  // all looked at): one not read whole leaves the zone's records unknown.
  for (const auto& zone : zones_) {
    if (zone->apex == holder->apex && zone->incomplete()) return nullptr;
  }
  return holder;
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

// The universe: every zone linted together (several files given at once),
// answering what the mail rules ask across files: which records exist at a
// name, and whether zonelint can know that a name has no records at all
// (it is inside a linted zone, not delegated away, and that zone was read
// whole).
#ifndef ZONELINT_PARSER_UNIVERSE_H_
#define ZONELINT_PARSER_UNIVERSE_H_

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "parser/name.h"
#include "parser/zone.h"

namespace zonelint {

struct RecordRef {
  const Zone* zone;
  const Record* record;
};

class Universe {
 public:
  Universe(const NameTable& names,
           const std::vector<std::unique_ptr<Zone>>& zones);
  Universe(const Universe&) = delete;
  Universe& operator=(const Universe&) = delete;

  const NameTable& names() const { return names_; }
  const std::vector<std::unique_ptr<Zone>>& zones() const { return zones_; }

  // The id of a canonical name ("mail.example.com."), kNoName when no zone
  // ever mentioned it (so it has no records here).
  NameId Find(std::string_view canonical) const {
    return names_.Find(canonical);
  }

  // Records at `name` in every zone, zone by zone in file order.
  std::vector<RecordRef> RecordsAt(NameId name) const;
  // The same, one call of fn(const RecordRef&) each, without building a
  // list (lookups that run for every record of a big zone).
  template <typename Fn>
  void ForEachRecordAt(NameId name, Fn fn) const {
    if (name == kNoName || name + 1 >= start_.size()) return;
    for (uint32_t i = start_[name]; i < start_[name + 1]; ++i) {
      const Zone& zone = *zones_[at_[i].zone];
      fn(RecordRef{&zone, &zone.records[at_[i].record]});
    }
  }
  // Whether any zone has records at `name`.
  bool HasRecordsAt(NameId name) const;
  std::vector<RecordRef> RecordsAt(std::string_view canonical) const;
  // Those of one type.
  std::vector<RecordRef> RecordsAt(std::string_view canonical,
                                   uint16_t type) const;

  // The linted zone that holds `canonical`: the one with the longest apex
  // at or above it, unless an NS RRset below that apex (a delegation) is at
  // or above the name. nullptr when no linted zone holds the name. The
  // records it has at the name are there; whether one missing there is
  // absent is Authority's question.
  const Zone* ZoneOf(std::string_view canonical) const;

  // The zone that holds `canonical` (ZoneOf) when it holds all of the
  // name's records, so that a record missing there is absent from the DNS.
  // nullptr when no linted zone holds the name or the one that does (or
  // another linted file with the same apex) is incomplete (an $INCLUDE of
  // it was not read, Zone::incomplete()): then its records are unknown, not
  // absent. Every check that a name lacks a record asks this first.
  const Zone* Authority(std::string_view canonical) const;
  bool Knows(std::string_view canonical) const {
    return Authority(canonical) != nullptr;
  }

  // The wildcard that answers for `canonical`, a name with no records of
  // its own in `zone` (its Authority): "*.<closest encloser>" when that has
  // records (RFC 4592); kNoName when the closest encloser, the nearest name
  // above with records (or the apex), has no wildcard.
  NameId WildcardFor(std::string_view canonical, const Zone& zone) const;

 private:
  // A record of the set: 8 bytes, where a RecordRef takes 16.
  struct At {
    uint32_t zone;
    uint32_t record;
  };
  // The linted files with one apex: the first (which ZoneOf answers) and
  // whether any of them is incomplete (which Authority answers).
  struct Apex {
    const Zone* zone;
    bool incomplete;
  };
  // The entry of the zone that holds `canonical` (ZoneOf), or nullptr.
  const Apex* HolderOf(std::string_view canonical) const;

  const NameTable& names_;
  const std::vector<std::unique_ptr<Zone>>& zones_;
  // Every record of the set by owner, built once so that a lookup costs the
  // same for one zone or 100,000: the records at name n are
  // at_[start_[n], start_[n + 1]), zone by zone in file order.
  std::vector<uint32_t> start_;
  std::vector<At> at_;
  absl::flat_hash_map<NameId, Apex> apexes_;
  // The lengths of the apexes' texts: ZoneOf looks up only the ancestors
  // of a name that are that long (one zone: one lookup).
  std::vector<bool> apex_length_;
  // Names with an NS record in some zone (possible delegations).
  std::vector<bool> has_ns_;
};

}  // namespace zonelint

#endif  // ZONELINT_PARSER_UNIVERSE_H_

// zone-out-of-zone: a record whose owner is not at or below the zone apex.
#include "lint/rule.h"
#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

bool HasSoa(const Zone& zone, NameId name) {
  for (uint32_t i : zone.RecordsAt(name)) {
    if (zone.records[i].type == rrtype::kSOA) return true;
  }
  return false;
}

class OutOfZone final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{"zone-out-of-zone", Severity::kWarning,
                                    "a record outside the zone's origin"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      if (zone->apex == kNoName) continue;
      std::string_view apex = context.names.Text(zone->apex);
      const bool apex_has_soa = HasSoa(*zone, zone->apex);
      for (NameId owner : zone->owners()) {
        std::string_view name = context.names.Text(owner);
        if (IsAtOrBelow(name, apex)) continue;
        auto at = zone->RecordsAt(owner);
        // An SOA outside a zone with none at its origin is the zone's SOA
        // in the wrong place: zone-no-soa reports it.
        if (!apex_has_soa && at.size() == 1 &&
            zone->records[at[0]].type == rrtype::kSOA) {
          continue;
        }
        sink.Emit(zone->records[at[0]].owner_or_record_range(),
                  Cat("'", name, "' is outside the zone '", apex, "'",
                      at.size() > 1 ? Cat(" (", at.size(), " records)") : ""),
                  "servers ignore out-of-zone data: check $ORIGIN and for a "
                  "trailing dot that should not be there, or move the "
                  "records to the zone they belong to");
      }
    }
  }
};

}  // namespace

const Rule& ZoneOutOfZoneRule() {
  static const OutOfZone rule;
  return rule;
}

}  // namespace zonelint::rules

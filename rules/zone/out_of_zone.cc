// zone-out-of-zone: a record whose owner is not at or below the zone apex.
#include "lint/rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

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
      for (NameId owner : zone->owners()) {
        std::string_view name = context.names.Text(owner);
        if (IsAtOrBelow(name, apex)) continue;
        auto at = zone->RecordsAt(owner);
        const Record& first = zone->records[at[0]];
        SourceRange range = first.owner_end > first.begin ? first.owner_range()
                                                          : first.range();
        sink.Emit(range,
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

// spf-unknown-include: an include (or redirect) whose target is in no
// linted zone and in no cost table: zonelint counts it as 1 lookup, so the
// record's total is a lower bound.
#include "lint/rule.h"
#include "mail/spf_lookups.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfUnknownInclude final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-unknown-include", Severity::kInfo,
        "an include whose lookup cost zonelint cannot know"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const SpfLookupAnalysis& analysis = context.views.SpfLookups();
    for (const SpfRecordLookups& record : analysis.records()) {
      for (const SpfTermCost& cost : record.chain) {
        if (cost.source != SpfCostSource::kUnknown) continue;
        sink.Emit(SpfTermRange(*record.site, *cost.term),
                  Cat("the lookups behind '", record.TermText(cost),
                      "' are unknown: '", cost.target,
                      "' is in no linted zone and no cost table, so it counts "
                      "as 1 lookup and the record's total of ",
                      record.total, " is a lower bound"),
                  Cat("lint its zone together with this one, or give its "
                      "cost in a --spf-costs file: a line '",
                      cost.target,
                      " N' where N is the lookups its record "
                      "makes"));
      }
    }
  }
};

}  // namespace

const Rule& SpfUnknownIncludeRule() {
  static const SpfUnknownInclude rule;
  return rule;
}

}  // namespace zonelint::rules

// spf-mx-too-many: an SPF `mx` term whose target has more than 10 MX
// records (RFC 7208 4.6.4: the mx mechanism then returns permerror).
#include "lint/rule.h"
#include "mail/spf_lookups.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfMxTooMany final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-mx-too-many", Severity::kError,
        "an SPF `mx` term whose domain has more than 10 MX records"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const SpfLookupAnalysis& analysis = context.views.SpfLookups();
    for (const SpfRecordLookups& record : analysis.records()) {
      for (const SpfMxCount& mx : record.mx) {
        if (mx.mx_records <= kSpfMxLimit) continue;
        sink.Emit(SpfTermRange(*record.site, *mx.term),
                  Cat("'", mx.target, "' has ", mx.mx_records,
                      " MX records; an SPF mx term may look up at most ",
                      kSpfMxLimit, ", so '",
                      SpfTermText(*record.site, *mx.term), "' is a permerror"),
                  "list the sending hosts with ip4:/ip6: or a: terms instead "
                  "of mx, or keep the MX set to 10 records");
      }
    }
  }
};

}  // namespace

const Rule& SpfMxTooManyRule() {
  static const SpfMxTooMany rule;
  return rule;
}

}  // namespace zonelint::rules

// dmarc-pct: pct= below 100, so the policy applies to part of the failing
// mail only.
#include "lint/rule.h"
#include "mail/dmarc.h"
#include "rules/dmarc/dmarc_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DmarcPct final : public DmarcRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-pct", Severity::kInfo,
        "a DMARC pct= below 100: the policy covers part of the mail only"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const DmarcSite& site,
                   RuleSink& sink) const override {
    const dmarc::Record& r = site.record;
    if (!r.has_pct || r.pct >= 100) return;
    sink.Emit(DmarcRange(site, r.pct_range),
              Cat("'pct=", r.pct, "' applies the DMARC policy of '",
                  site.domain, "' to ", r.pct,
                  "% of the failing mail only; the rest gets the next weaker "
                  "policy"),
              "raise pct step by step to 100 (or remove it: 100 is the "
              "default; DMARCbis drops pct)");
  }
};

}  // namespace

const Rule& DmarcPctRule() {
  static const DmarcPct rule;
  return rule;
}

}  // namespace zonelint::rules

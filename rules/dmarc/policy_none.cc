// dmarc-policy-none: p=none (or no p with a valid rua, which receivers
// treat as p=none): monitoring only, nothing is quarantined or rejected.
#include "lint/rule.h"
#include "mail/dmarc.h"
#include "rules/dmarc/dmarc_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DmarcPolicyNone final : public DmarcRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-policy-none", Severity::kWarning,
        "a DMARC policy of p=none: monitoring only, spoofed mail is "
        "delivered"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const DmarcSite& site,
                   RuleSink& sink) const override {
    const dmarc::Record& r = site.record;
    const char* help =
        "read the aggregate reports, fix the senders that fail, then move to "
        "p=quarantine and p=reject";
    if (r.has_p && r.p == dmarc::Policy::kNone) {
      sink.Emit(DmarcRange(site, r.p_range),
                Cat("DMARC policy for '", site.domain,
                    "' is 'p=none': monitoring only, mail that fails DMARC is "
                    "still delivered"),
                help);
    } else if (r.p_range.empty() && !r.rua.empty()) {  // no p= written
      sink.Emit(site.site->text.RecordRange(),
                Cat("DMARC record for '", site.domain,
                    "' has no 'p' tag, so receivers treat it as 'p=none': "
                    "monitoring only"),
                Cat("add an explicit policy after 'v=DMARC1;' (p=none while "
                    "monitoring); ",
                    help));
    }
  }
};

}  // namespace

const Rule& DmarcPolicyNoneRule() {
  static const DmarcPolicyNone rule;
  return rule;
}

}  // namespace zonelint::rules

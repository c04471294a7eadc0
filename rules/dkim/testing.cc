// dkim-testing: t=y, the domain is testing DKIM; verifiers may treat its
// failed signatures like unsigned mail (RFC 6376 3.6.1).
#include "lint/rule.h"
#include "mail/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimTesting final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{"dkim-testing", Severity::kWarning,
                                    "a DKIM key in testing mode (t=y)"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    const dkim::Key& key = site.key();
    if (key.revoked) return;
    const dkim::Item* flag = key.TestingFlag();
    if (flag == nullptr) return;
    sink.Emit(
        site.Range(flag->range),
        Cat("the DKIM key at '", DkimDisplayName(context.names, site.owner),
            "' is in testing mode (t=y): verifiers may treat mail "
            "whose signature fails as unsigned",
            site.Via(context.names)),
        "remove 'y' from t= (or the whole t= tag) once signing works");
  }
};

}  // namespace

const Rule& DkimTestingRule() {
  static const DkimTesting rule;
  return rule;
}

}  // namespace zonelint::rules

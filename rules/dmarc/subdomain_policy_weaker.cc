// dmarc-subdomain-policy-weaker: sp= or np= weaker than p=, so subdomains
// (or non-existent subdomains) are easier to spoof than the domain.
#include <string_view>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "rules/dmarc/dmarc_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DmarcSubdomainPolicyWeaker final : public DmarcRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-subdomain-policy-weaker", Severity::kInfo,
        "a DMARC sp= or np= weaker than p= (subdomains easier to spoof)"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const DmarcSite& site,
                   RuleSink& sink) const override {
    const dmarc::Record& r = site.record;
    if (!r.has_p) return;
    Report(site, "sp", "subdomains", r.has_sp, r.sp, r.sp_range, sink);
    Report(site, "np", "non-existent subdomains", r.has_np, r.np, r.np_range,
           sink);
  }

 private:
  static void Report(const DmarcSite& site, std::string_view tag,
                     std::string_view who, bool has, dmarc::Policy policy,
                     dmarc::Range range, RuleSink& sink) {
    const dmarc::Record& r = site.record;
    if (!has || policy >= r.p) return;
    sink.Emit(
        DmarcRange(site, range),
        Cat("'", tag, "=", dmarc::PolicyName(policy),
            "' is weaker than 'p=", dmarc::PolicyName(r.p), "': mail from ",
            who, " of '", site.domain, "' is easier to spoof"),
        Cat("remove '", tag, "=' to apply p to ", who,
            " as well, or "
            "raise it to '",
            tag, "=", dmarc::PolicyName(r.p), "'"));
  }
};

}  // namespace

const Rule& DmarcSubdomainPolicyWeakerRule() {
  static const DmarcSubdomainPolicyWeaker rule;
  return rule;
}

}  // namespace zonelint::rules

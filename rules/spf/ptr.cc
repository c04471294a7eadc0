// spf-ptr: the `ptr` mechanism, which RFC 7208 5.5 says SHOULD NOT be used.
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfPtr final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-ptr", Severity::kWarning,
        "the `ptr` mechanism: slow, unreliable, not to be used"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext&, const SpfSite& site,
                   RuleSink& sink) const override {
    for (const spf::Term& term : site.spf.terms) {
      if (term.kind != spf::TermKind::kPtr) continue;
      sink.Emit(SpfTermRange(site, term),
                Cat("'", SpfTermText(site, term),
                    "' uses the ptr mechanism, which RFC 7208 says should not "
                    "be used: it is slow and unreliable, and some receivers "
                    "skip it"),
                "list the sending hosts with 'ip4:' and 'ip6:' (or 'a:' with "
                "their names) instead");
    }
  }
};

}  // namespace

const Rule& SpfPtrRule() {
  static const SpfPtr rule;
  return rule;
}

}  // namespace zonelint::rules

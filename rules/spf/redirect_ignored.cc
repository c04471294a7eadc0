// spf-redirect-ignored: a `redirect` modifier in a record that has an `all`
// mechanism, which makes verifiers ignore the redirect (RFC 7208 6.1).
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfRedirectIgnored final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-redirect-ignored", Severity::kWarning,
        "a `redirect` beside an `all` mechanism, which makes it ignored"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext&, const SpfSite& site,
                   RuleSink& sink) const override {
    const spf::Term* all = FirstAll(site.spf);
    if (all == nullptr) return;
    for (const spf::Term& term : site.spf.terms) {
      if (term.kind != spf::TermKind::kRedirect) continue;
      sink.Emit(SpfTermRange(site, term),
                Cat("'", SpfTermText(site, term),
                    "' is ignored because the record has an 'all' mechanism ('",
                    SpfTermText(site, *all), "')"),
                "remove 'all' to use the policy of the redirect target, or "
                "remove the redirect if this record lists every sender");
    }
  }
};

}  // namespace

const Rule& SpfRedirectIgnoredRule() {
  static const SpfRedirectIgnored rule;
  return rule;
}

}  // namespace zonelint::rules

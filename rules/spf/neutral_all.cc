// spf-neutral-all: `?all`: hosts the record does not list get "neutral",
// which receivers treat like no SPF record at all (RFC 7208 8.2).
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfNeutralAll final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-neutral-all", Severity::kWarning,
        "`?all`: unlisted hosts get neutral, as with no SPF record"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const SpfSite& site,
                   RuleSink& sink) const override {
    const spf::Term* all = FirstAll(site.spf);
    if (all == nullptr || all->qualifier != spf::Qualifier::kNeutral) return;
    sink.Emit(SpfTermRange(site, *all),
              Cat("'", SpfTermText(site, *all),
                  "' gives mail from hosts the record does not list a "
                  "neutral result, which protects '",
                  context.names.Text(site.owner),
                  "' no more than having no SPF record"),
              "end the record with '-all' (or '~all' while you are still "
              "listing your senders)",
              FailAllFix(site, *all));
  }
};

}  // namespace

const Rule& SpfNeutralAllRule() {
  static const SpfNeutralAll rule;
  return rule;
}

}  // namespace zonelint::rules

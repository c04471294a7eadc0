// spf-softfail-all: `~all`: hosts the record does not list only soft-fail.
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfSoftfailAll final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-softfail-all", Severity::kInfo,
        "`~all`: unlisted hosts only soft-fail; use `-all` once all senders "
        "are listed"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const SpfSite& site,
                   RuleSink& sink) const override {
    const spf::Term* all = FirstAll(site.spf);
    if (all == nullptr || all->qualifier != spf::Qualifier::kSoftFail) return;
    sink.Emit(SpfTermRange(site, *all),
              Cat("'", SpfTermText(site, *all),
                  "' only soft-fails mail from hosts the record does not "
                  "list, and many receivers accept such mail from '",
                  context.names.Text(site.owner), "'"),
              "once every host that sends your mail is listed, use '-all'; "
              "DMARC counts only an SPF pass, so the change matters to "
              "receivers that check SPF without DMARC",
              FailAllFix(site, *all));
  }
};

}  // namespace

const Rule& SpfSoftfailAllRule() {
  static const SpfSoftfailAll rule;
  return rule;
}

}  // namespace zonelint::rules

// dmarc-report-uri: a well-formed rua/ruf URI that cannot receive reports:
// not mailto: or https:, or a mailto: without a valid address. Malformed
// URIs (no scheme, bad size suffix) are dmarc-syntax errors.
#include <vector>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "rules/dmarc/dmarc_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DmarcReportUri final : public DmarcRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-report-uri", Severity::kError,
        "a DMARC rua/ruf URI that is not a usable mailto: (or https:) "
        "address"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const DmarcSite& site,
                   RuleSink& sink) const override {
    for (const auto* list : {&site.record.rua, &site.record.ruf}) {
      for (const dmarc::ReportUri& uri : *list) {
        if (uri.valid) continue;
        sink.Emit(DmarcRange(site, uri.range), uri.problem, uri.help);
      }
    }
  }
};

}  // namespace

const Rule& DmarcReportUriRule() {
  static const DmarcReportUri rule;
  return rule;
}

}  // namespace zonelint::rules

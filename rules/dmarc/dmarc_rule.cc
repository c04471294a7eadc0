#include "rules/dmarc/dmarc_rule.h"

namespace zonelint::rules {

void DmarcRecordRule::Check(const LintContext& context, RuleSink& sink) const {
  for (const DmarcSite& site : context.views.Dmarc()) {
    CheckRecord(context, site, sink);
  }
}

}  // namespace zonelint::rules

#include "rules/dkim/dkim_rule.h"

namespace zonelint::rules {

void DkimKeyRule::Check(const LintContext& context, RuleSink& sink) const {
  for (const DkimSite& site : context.views.Dkim().sites) {
    CheckKey(context, site, sink);
  }
}

}  // namespace zonelint::rules

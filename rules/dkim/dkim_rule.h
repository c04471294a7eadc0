// Shared by the DKIM rules (rules/dkim/*.cc): a base class that walks the
// DKIM keys of the mail views (mail/dkim_keys.h).
#ifndef ZONELINT_RULES_DKIM_DKIM_RULE_H_
#define ZONELINT_RULES_DKIM_DKIM_RULE_H_

#include "lint/rule.h"
#include "mail/dkim_keys.h"

namespace zonelint::rules {

// A rule that looks at one DKIM key record at a time.
class DkimKeyRule : public Rule {
 public:
  void Check(const LintContext& context, RuleSink& sink) const final;

 protected:
  virtual void CheckKey(const LintContext& context, const DkimSite& site,
                        RuleSink& sink) const = 0;
};

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_DKIM_DKIM_RULE_H_

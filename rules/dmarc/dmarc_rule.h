// Shared by the DMARC rules (rules/dmarc/*.cc): a base class that walks the
// DMARC records of the mail views (mail/dmarc_records.h).
#ifndef ZONELINT_RULES_DMARC_DMARC_RULE_H_
#define ZONELINT_RULES_DMARC_DMARC_RULE_H_

#include "lint/rule.h"
#include "mail/dmarc_records.h"

namespace zonelint::rules {

// A rule that looks at one DMARC record (IsDmarcRecord) at a time.
class DmarcRecordRule : public Rule {
 public:
  void Check(const LintContext& context, RuleSink& sink) const final;

 protected:
  virtual void CheckRecord(const LintContext& context, const DmarcSite& site,
                           RuleSink& sink) const = 0;
};

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_DMARC_DMARC_RULE_H_

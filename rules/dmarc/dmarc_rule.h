// Shared by the DMARC rules (rules/dmarc/*.cc): the DMARC records at
// _dmarc names, parsed, and a base class that walks them.
#ifndef ZONELINT_RULES_DMARC_DMARC_RULE_H_
#define ZONELINT_RULES_DMARC_DMARC_RULE_H_

#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "mail/mail_views.h"
#include "parser/source.h"

namespace zonelint::rules {

struct DmarcSite {
  const TxtSite* site;
  std::string_view domain;  // the policy domain, canonical ("example.com.")
  dmarc::Record record;     // views into site->text.text()
};

// The TXT records at _dmarc names that are DMARC records (IsDmarcRecord),
// parsed, in zone and file order. Parsed once per run (MailViews::Memo) and
// shared by the rules. Text meant as a DMARC record that is not one is
// dmarc-lookalike's, and no DMARC record to any other rule.
const std::vector<const DmarcSite*>& DmarcSites(const MailViews& views);
// Where bytes of the record text are in the zone file.
SourceRange DmarcRange(const DmarcSite& site, dmarc::Range range);

// Whether the TXT records at `owner` include a DMARC record.
bool HasDmarcRecordAt(const MailViews& views, NameId owner);

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

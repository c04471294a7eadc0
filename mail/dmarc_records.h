// The DMARC records of the linted zones (MailViews::Dmarc()): the TXT
// records at _dmarc names that are DMARC records, parsed.
#ifndef ZONELINT_MAIL_DMARC_RECORDS_H_
#define ZONELINT_MAIL_DMARC_RECORDS_H_

#include <string_view>
#include <vector>

#include "mail/dmarc.h"
#include "mail/mail_views.h"
#include "parser/source.h"

namespace zonelint {

struct DmarcSite {
  const TxtSite* site;
  std::string_view domain;  // the policy domain, canonical ("example.com.")
  // Views into site->text.text(). Its `tags` are left out (empty): no rule
  // reads them, and a big zone has many records.
  dmarc::Record record;
};

// Parses the DMARC records at the _dmarc names of `views` (what
// MailViews::Dmarc() holds).
std::vector<DmarcSite> ParseDmarcSites(const MailViews& views);

// Where bytes of the record text are in the zone file.
SourceRange DmarcRange(const DmarcSite& site, dmarc::Range range);

}  // namespace zonelint

#endif  // ZONELINT_MAIL_DMARC_RECORDS_H_

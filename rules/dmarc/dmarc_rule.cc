#include "rules/dmarc/dmarc_rule.h"

#include <memory>
#include <vector>

#include "parser/dmarc.h"
#include "parser/mail_names.h"
#include "parser/mail_views.h"

namespace zonelint::rules {

namespace {

// Every record at a _dmarc name that is meant as a DMARC record, parsed.
struct ParsedDmarcSites {
  std::vector<DmarcSite> parsed;           // IsDmarcRecord or LooksLikeDmarc
  std::vector<const DmarcSite*> records;   // IsDmarcRecord
  std::vector<const DmarcSite*> attempts;  // all of `parsed`
};

std::unique_ptr<ParsedDmarcSites> ParseDmarcSites(const MailViews& views) {
  auto out = std::make_unique<ParsedDmarcSites>();
  for (const TxtSite* site : views.MailTxtOfKind(MailName::kDmarc)) {
    const std::string_view text = site->text.text();
    if (!dmarc::IsDmarcRecord(text) && !dmarc::LooksLikeDmarc(text)) continue;
    out->parsed.push_back({site, site->name.domain, dmarc::ParseDmarc(text)});
  }
  // Pointers into `parsed` once it no longer grows.
  for (const DmarcSite& site : out->parsed) {
    out->attempts.push_back(&site);
    if (dmarc::IsDmarcRecord(site.site->text.text())) {
      out->records.push_back(&site);
    }
  }
  return out;
}

}  // namespace

const std::vector<const DmarcSite*>& DmarcSites(const MailViews& views,
                                                bool attempts) {
  const ParsedDmarcSites& sites =
      views.Memo<ParsedDmarcSites>([&views] { return ParseDmarcSites(views); });
  return attempts ? sites.attempts : sites.records;
}

SourceRange DmarcRange(const DmarcSite& site, dmarc::Range range) {
  return site.site->text.Range(range.begin, range.end);
}

bool HasDmarcRecordAt(const MailViews& views, NameId owner) {
  if (owner == kNoName) return false;
  for (const TxtSite* site : views.MailTxtAt(owner)) {
    if (dmarc::IsDmarcRecord(site->text.text())) return true;
  }
  return false;
}

void DmarcRecordRule::Check(const LintContext& context, RuleSink& sink) const {
  for (const DmarcSite* site : DmarcSites(context.views, false)) {
    CheckRecord(context, *site, sink);
  }
}

}  // namespace zonelint::rules

#include "mail/dmarc_records.h"

#include <utility>

#include "mail/tag_list.h"
#include "util/parallel.h"

namespace zonelint {

std::vector<DmarcSite> ParseDmarcSites(const MailViews& views) {
  std::vector<const TxtSite*> sites;
  for (const TxtSite* site : views.MailTxtOfKind(MailName::kDmarc)) {
    if (dmarc::IsDmarcRecord(site->text.text())) sites.push_back(site);
  }
  std::vector<DmarcSite> out;
  out.reserve(sites.size());  // exact: a big zone has many
  for (const TxtSite* site : sites) {
    out.push_back({site, site->name().domain, {}});
  }
  // Each record on its own: parsed side by side on a huge zone.
  ParallelFor(out.size(), [&](size_t begin, size_t end) {
    TagList scratch;  // reused by the chunk's records
    for (size_t i = begin; i < end; ++i) {
      dmarc::Record& record = out[i].record;
      record = dmarc::ParseDmarc(out[i].site->text.text(), &scratch);
      // No rule reads the tag list (the parsed fields say it all), and a
      // big zone has many records.
      record.tags = {};
    }
  });
  return out;
}

SourceRange DmarcRange(const DmarcSite& site, dmarc::Range range) {
  return site.site->text.Range(range.begin, range.end);
}

}  // namespace zonelint

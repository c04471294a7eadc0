#include "mail/dmarc_records.h"

#include <utility>

#include "mail/tag_list.h"
#include "util/parallel.h"

namespace zonelint {

std::vector<DmarcSite> ParseDmarcSites(const MailViews& views) {
  const std::vector<const TxtSite*> sites =
      views.MailTxtOfKind(MailName::kDmarc);
  size_t count = 0;
  for (const TxtSite* site : sites) {
    count += dmarc::IsDmarcRecord(site->text.text());
  }
  std::vector<DmarcSite> out;
  out.reserve(count);  // exact: a big zone has many
  for (const TxtSite* site : sites) {
    if (dmarc::IsDmarcRecord(site->text.text())) {
      out.push_back({site, site->name().domain, {}});
    }
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

#include "mail/dmarc_records.h"

#include <optional>
#include <utility>

#include "mail/tag_list.h"
#include "util/parallel.h"

namespace zonelint {

std::vector<DmarcSite> ParseDmarcSites(const MailViews& views) {
  const std::vector<const TxtSite*> sites =
      views.MailTxtOfKind(MailName::kDmarc);
  // Each record on its own: parsed side by side on a huge zone.
  std::vector<std::optional<dmarc::Record>> parsed(sites.size());
  ParallelFor(sites.size(), [&](size_t begin, size_t end) {
    TagList scratch;  // reused by the chunk's records
    for (size_t i = begin; i < end; ++i) {
      const std::string_view text = sites[i]->text.text();
      if (dmarc::IsDmarcRecord(text)) {
        parsed[i] = dmarc::ParseDmarc(text, &scratch);
      }
    }
  });
  size_t count = 0;
  for (const auto& record : parsed) count += record.has_value();
  std::vector<DmarcSite> out;
  out.reserve(count);
  for (size_t i = 0; i < sites.size(); ++i) {
    if (!parsed[i]) continue;
    out.push_back({sites[i], sites[i]->name().domain, *std::move(parsed[i])});
  }
  return out;
}

SourceRange DmarcRange(const DmarcSite& site, dmarc::Range range) {
  return site.site->text.Range(range.begin, range.end);
}

}  // namespace zonelint

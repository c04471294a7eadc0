#include "rules/dmarc/dmarc_rule.h"

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "mail/dmarc.h"
#include "mail/mail_names.h"
#include "mail/mail_views.h"
#include "util/parallel.h"

namespace zonelint::rules {

namespace {

// Every DMARC record at a _dmarc name, parsed.
struct ParsedDmarcSites {
  std::vector<DmarcSite> parsed;
  std::vector<const DmarcSite*> records;  // all of `parsed`
};

std::unique_ptr<ParsedDmarcSites> ParseDmarcSites(const MailViews& views) {
  auto out = std::make_unique<ParsedDmarcSites>();
  const std::vector<const TxtSite*> sites =
      views.MailTxtOfKind(MailName::kDmarc);
  // Each record on its own: parsed side by side on a huge zone.
  std::vector<std::optional<dmarc::Record>> parsed(sites.size());
  ParallelFor(sites.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const std::string_view text = sites[i]->text.text();
      if (dmarc::IsDmarcRecord(text)) parsed[i] = dmarc::ParseDmarc(text);
    }
  });
  size_t count = 0;
  for (const auto& record : parsed) count += record.has_value();
  out->parsed.reserve(count);
  for (size_t i = 0; i < sites.size(); ++i) {
    if (!parsed[i]) continue;
    out->parsed.push_back(
        {sites[i], sites[i]->name().domain, *std::move(parsed[i])});
    out->records.push_back(&out->parsed.back());
  }
  return out;
}

}  // namespace

const std::vector<const DmarcSite*>& DmarcSites(const MailViews& views) {
  return views
      .Memo<ParsedDmarcSites>([&views] { return ParseDmarcSites(views); })
      .records;
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
  for (const DmarcSite* site : DmarcSites(context.views)) {
    CheckRecord(context, *site, sink);
  }
}

}  // namespace zonelint::rules

#include "parser/mail_views.h"

#include "parser/rrtype.h"

namespace zonelint {

bool SpfSite::type99() const { return record->type == rrtype::kSPF; }

const std::vector<SpfSite>& MailViews::Spf() const {
  std::call_once(spf_once_, [this] { BuildSpf(); });
  return spf_;
}

std::vector<const SpfSite*> MailViews::SpfAt(NameId owner) const {
  std::vector<const SpfSite*> out;
  const std::vector<SpfSite>& all = Spf();
  auto it = spf_by_owner_.find(owner);
  if (it == spf_by_owner_.end()) return out;
  for (uint32_t index : it->second) out.push_back(&all[index]);
  return out;
}

void MailViews::BuildSpf() const {
  for (const auto& zone : universe_.zones()) {
    for (const Record& record : zone->records) {
      if (record.type != rrtype::kTXT && record.type != rrtype::kSPF) continue;
      TxtText text(*zone, sources_, record);
      if (!spf::IsSpfRecord(text.text())) continue;
      spf::Record parsed = spf::Parse(text.text());
      if (record.type == rrtype::kTXT) {
        spf_by_owner_[record.owner].push_back(
            static_cast<uint32_t>(spf_.size()));
      }
      spf_.push_back({zone.get(), &record, record.owner, std::move(text),
                      std::move(parsed)});
    }
  }
}

}  // namespace zonelint

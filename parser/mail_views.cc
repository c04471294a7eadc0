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

const std::vector<TxtSite>& MailViews::MailTxt() const {
  std::call_once(txt_once_, [this] { BuildTxt(); });
  return txt_;
}

std::vector<const TxtSite*> MailViews::MailTxtAt(NameId owner) const {
  std::vector<const TxtSite*> out;
  const std::vector<TxtSite>& all = MailTxt();
  auto it = txt_by_owner_.find(owner);
  if (it == txt_by_owner_.end()) return out;
  for (uint32_t index : it->second) out.push_back(&all[index]);
  return out;
}

std::vector<const TxtSite*> MailViews::MailTxtOfKind(MailName kind) const {
  std::vector<const TxtSite*> out;
  for (const TxtSite& site : MailTxt()) {
    if (site.record->type == rrtype::kTXT && site.name.kind == kind) {
      out.push_back(&site);
    }
  }
  return out;
}

namespace {

// Whether a canonical name has a label starting with '_'.
bool HasUnderscoreLabel(std::string_view name) {
  return name.starts_with('_') || name.find("._") != std::string_view::npos;
}

// Whether the first character-string of the record starts with "v=" (any
// case), looking at its raw text (an escaped "v=" is not worth a view).
bool StartsWithVersionTag(const Zone& zone, const SourceSet& sources,
                          const Record& record) {
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind != FieldKind::kString) continue;
    std::string_view raw = zone.FieldText(sources, record, field);
    if (raw.empty()) continue;  // "" "v=spf1 ..." joins to an SPF record
    return raw.size() >= 2 && (raw[0] == 'v' || raw[0] == 'V') &&
           raw[1] == '=';
  }
  return false;
}

}  // namespace

void MailViews::BuildTxt() const {
  const NameTable& names = universe_.names();
  for (const auto& zone : universe_.zones()) {
    for (const Record& record : zone->records) {
      if (record.type != rrtype::kTXT && record.type != rrtype::kSPF) continue;
      std::string_view owner = names.Text(record.owner);
      if (!HasUnderscoreLabel(owner) &&
          !StartsWithVersionTag(*zone, sources_, record)) {
        continue;
      }
      if (record.type == rrtype::kTXT) {
        txt_by_owner_[record.owner].push_back(
            static_cast<uint32_t>(txt_.size()));
      }
      txt_.push_back({zone.get(), &record, record.owner,
                      ClassifyMailName(owner),
                      TxtText(*zone, sources_, record)});
    }
  }
}

void MailViews::BuildSpf() const {
  for (const TxtSite& site : MailTxt()) {
    if (!spf::IsSpfRecord(site.text.text())) continue;
    spf::Record parsed = spf::Parse(site.text.text());
    if (site.record->type == rrtype::kTXT) {
      spf_by_owner_[site.owner].push_back(static_cast<uint32_t>(spf_.size()));
    }
    spf_.push_back({site.zone, site.record, site.owner, site.text,
                    std::move(parsed)});
  }
}

}  // namespace zonelint

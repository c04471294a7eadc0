#include "mail/mail_views.h"

#include <algorithm>

#include "mail/dkim_keys.h"
#include "mail/dmarc.h"
#include "mail/dmarc_records.h"
#include "mail/spf_lookups.h"
#include "parser/rrtype.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace zonelint {

MailNameInfo TxtSite::name() const {
  return ClassifyMailName(zone->names().Text(owner));
}

const std::vector<SpfSite>& MailViews::Spf() const {
  std::call_once(spf_once_, [this] { BuildSpf(); });
  return spf_;
}

namespace {

// The indexes listed for `owner` in a sorted (owner, index) list.
template <typename T>
std::vector<const T*> At(const std::vector<std::pair<NameId, uint32_t>>& index,
                         const std::vector<T>& all, NameId owner) {
  std::vector<const T*> out;
  auto it = std::lower_bound(index.begin(), index.end(),
                             std::make_pair(owner, uint32_t{0}));
  for (; it != index.end() && it->first == owner; ++it) {
    out.push_back(&all[it->second]);
  }
  return out;
}

}  // namespace

std::vector<const SpfSite*> MailViews::SpfAt(NameId owner) const {
  const std::vector<SpfSite>& all = Spf();
  return At(spf_by_owner_, all, owner);
}

MailViews::MailViews(const Universe& universe, const SourceSet& sources,
                     const SpfCostTable& costs)
    : universe_(universe), sources_(sources), costs_(costs) {}

MailViews::~MailViews() = default;

const DkimKeys& MailViews::Dkim() const {
  std::call_once(dkim_once_, [this] {
    dkim_ = std::make_unique<const DkimKeys>(CollectDkimKeys(*this));
  });
  return *dkim_;
}

const std::vector<DmarcSite>& MailViews::Dmarc() const {
  std::call_once(dmarc_once_, [this] { dmarc_ = ParseDmarcSites(*this); });
  return dmarc_;
}

std::vector<const TxtSite*> MailViews::DmarcRecordsAt(NameId owner) const {
  std::vector<const TxtSite*> out;
  if (owner == kNoName) return out;
  for (const TxtSite* site : MailTxtAt(owner)) {
    if (dmarc::IsDmarcRecord(site->text.text())) out.push_back(site);
  }
  return out;
}

std::vector<const TxtSite*> MailViews::DmarcRecordsOf(
    std::string_view domain) const {
  return DmarcRecordsAt(universe_.Find(Cat("_dmarc.", domain)));
}

const SpfLookupAnalysis& MailViews::SpfLookups() const {
  std::call_once(spf_lookups_once_, [this] {
    spf_lookups_ = std::make_unique<const SpfLookupAnalysis>(*this);
  });
  return *spf_lookups_;
}

const std::vector<TxtSite>& MailViews::MailTxt() const {
  std::call_once(txt_once_, [this] { BuildTxt(); });
  return txt_;
}

std::vector<const TxtSite*> MailViews::MailTxtAt(NameId owner) const {
  const std::vector<TxtSite>& all = MailTxt();
  return At(txt_by_owner_, all, owner);
}

std::vector<const TxtSite*> MailViews::MailTxtOfKind(MailName kind) const {
  MailTxt();
  return txt_by_kind_[static_cast<size_t>(kind)];
}

namespace {

// Whether a canonical name has a label starting with '_'.
bool HasUnderscoreLabel(std::string_view name) {
  return name.starts_with('_') || name.find("._") != std::string_view::npos;
}

// Whether the first character-string of the record starts with a version
// tag: "v=" (any case), or one written wrongly ("v =", "spf1", after blanks
// or quote characters: see spf::FindLookalike), looking at its raw text (an
// escaped "v=" is not worth a view).
bool StartsWithVersionTag(const Zone& zone, const SourceSet& sources,
                          const Record& record) {
  for (const Field& field : zone.FieldsOf(record)) {
    if (field.kind != FieldKind::kString) continue;
    std::string_view raw = zone.FieldText(sources, record, field);
    if (raw.empty()) continue;  // "" "v=spf1 ..." joins to an SPF record
    // Blanks and quote characters, escaped or not.
    raw.remove_prefix(std::min(raw.find_first_not_of(" \t\"'\\"), raw.size()));
    if (StartsWithIgnoreCase(raw, "spf")) return true;
    return raw.size() >= 2 && (raw[0] == 'v' || raw[0] == 'V') &&
           (raw[1] == '=' || raw[1] == ' ' || raw[1] == '\t');
  }
  return false;
}

}  // namespace

void MailViews::BuildTxt() const {
  const NameTable& names = universe_.names();
  // Room for every TXT record: capacity never touched costs address space,
  // not memory, and growing by copying would hold two arrays at once.
  size_t txt_records = 0;
  for (const auto& zone : universe_.zones()) {
    for (const Record& record : zone->records) {
      txt_records += record.type == rrtype::kTXT || record.type == rrtype::kSPF;
    }
  }
  txt_.reserve(txt_records);
  for (const auto& zone : universe_.zones()) {
    for (const Record& record : zone->records) {
      if (record.type != rrtype::kTXT && record.type != rrtype::kSPF) continue;
      std::string_view owner = names.Text(record.owner);
      if (!HasUnderscoreLabel(owner) &&
          !StartsWithVersionTag(*zone, sources_, record)) {
        continue;
      }
      if (record.type == rrtype::kTXT) {
        txt_by_owner_.emplace_back(record.owner,
                                   static_cast<uint32_t>(txt_.size()));
      }
      const MailName kind = ClassifyMailName(owner).kind;
      txt_.push_back(
          {zone.get(), &record, record.owner, kind,
           kind == MailName::kDkim
               ? TxtText::Deferred(*zone, sources_, record, &dkim_texts_)
               : TxtText(*zone, sources_, record, &txt_arena_)});
    }
  }
  // By owner, then file order (the indexes grow with it).
  std::sort(txt_by_owner_.begin(), txt_by_owner_.end());
  for (const TxtSite& site : txt_) {
    if (site.record->type == rrtype::kTXT) {
      txt_by_kind_[static_cast<size_t>(site.kind)].push_back(&site);
    }
  }
}

void MailViews::BuildSpf() const {
  const std::vector<TxtSite>& txt = MailTxt();
  std::vector<const TxtSite*> sites;
  for (const TxtSite& site : txt) {
    // "v=spf1" and what follows it tell; a deferred text (a DKIM key's)
    // is not joined for that.
    if (!spf::IsSpfRecord(site.text.deferred() ? site.text.Prefix(8)
                                               : site.text.text())) {
      continue;
    }
    sites.push_back(&site);
  }
  // Parsing is the costly part, and each record's is its own.
  std::vector<spf::Record> parsed(sites.size());
  ParallelFor(sites.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      parsed[i] = spf::Parse(sites[i]->text.text());
    }
  });
  spf_.reserve(sites.size());
  for (size_t i = 0; i < sites.size(); ++i) {
    const TxtSite& site = *sites[i];
    if (site.record->type == rrtype::kTXT) {
      spf_by_owner_.emplace_back(site.owner,
                                 static_cast<uint32_t>(spf_.size()));
    }
    spf_.push_back({site.zone, site.record, site.text, std::move(parsed[i]),
                    site.owner, site.record->type == rrtype::kSPF});
  }
  std::sort(spf_by_owner_.begin(), spf_by_owner_.end());
}

}  // namespace zonelint

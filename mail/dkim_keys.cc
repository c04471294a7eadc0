#include "mail/dkim_keys.h"

#include <set>

#include "absl/container/flat_hash_map.h"
#include "mail/mail_names.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "parser/universe.h"
#include "util/parallel.h"
#include "util/strings.h"

namespace zonelint {
namespace {

// How many CNAMEs in a row are followed from a _domainkey name.
constexpr int kMaxCnameHops = 8;

// _adsp._domainkey.<domain> holds an ADSP policy (RFC 5617, historic:
// "dkim=all"), not a key.
bool IsAdsp(const MailNameInfo& name) { return name.selector == "_adsp"; }

}  // namespace

SourceRange DkimSite::Range(dkim::Range range) const {
  if (range.begin == range.end && text->text().empty()) {
    return text->RecordRange();
  }
  return text->Range(range.begin, range.end);
}

std::string_view DkimSite::TextOf(dkim::Range range) const {
  const std::string_view t = text->text();
  if (range.begin >= t.size()) return {};
  return std::string_view(t).substr(range.begin, range.end - range.begin);
}

std::string DkimSite::Via(const NameTable& names) const {
  if (cname == nullptr) return "";
  return Cat(" (reached through the DKIM CNAME at '",
             DkimDisplayName(names, cname_owner), "')");
}

std::string_view DkimDisplayName(const NameTable& names, NameId name) {
  std::string_view text = names.Text(name);
  if (text.size() > 1 && text.back() == '.') text.remove_suffix(1);
  return text;
}

DkimKeys CollectDkimKeys(const MailViews& views) {
  DkimKeys keys;
  const Universe& universe = views.universe();
  const NameTable& names = universe.names();

  std::vector<const TxtSite*> sites;
  for (const TxtSite* site : views.MailTxtOfKind(MailName::kDkim)) {
    if (!IsAdsp(site->name())) sites.push_back(site);
  }
  // A key's parse depends on its text alone, and zones publish one key
  // (a provider's, a template's) under many names: each distinct text is
  // parsed once, and its sites share the Key.
  std::deque<std::string> texts;  // the distinct texts, joined
  absl::flat_hash_map<std::string_view, uint32_t> text_index;
  std::vector<uint32_t> key_of(sites.size());
  std::string joined;
  for (size_t i = 0; i < sites.size(); ++i) {
    const std::string_view text = sites[i]->text.TextIn(&joined);
    auto it = text_index.find(text);
    if (it == text_index.end()) {
      const auto index = static_cast<uint32_t>(texts.size());
      it = text_index.emplace(texts.emplace_back(text), index).first;
    }
    key_of[i] = it->second;
  }
  keys.keys.resize(texts.size());
  // Parsing (and decoding each key) is the costly part, and each text's is
  // its own.
  ParallelFor(texts.size(), [&](size_t begin, size_t end) {
    dkim::Parser parser;  // its storage reused by the chunk's texts
    for (size_t i = begin; i < end; ++i) keys.keys[i] = parser.Parse(texts[i]);
  });
  for (size_t i = 0; i < sites.size(); ++i) {
    const TxtSite* site = sites[i];
    DkimSite& dkim = keys.sites.emplace_back();
    dkim.zone = site->zone;
    dkim.record = site->record;
    dkim.owner = site->owner;
    dkim.text = &site->text;
    dkim.parsed_key = &keys.keys[key_of[i]];
  }

  // CNAMEs at _domainkey names, followed into the linted zones.
  std::set<const Record*> reached;  // TXT records of CNAME targets
  for (const auto& zone : universe.zones()) {
    for (const Record& record : zone->records) {
      if (record.type != rrtype::kCNAME) continue;
      const MailNameInfo owner = ClassifyMailName(names.Text(record.owner));
      if (owner.kind != MailName::kDkim || IsAdsp(owner)) continue;
      NameId target = CnameTarget(*zone, record);
      std::vector<RecordRef> txt;
      bool known = false;
      for (int hop = 0; hop < kMaxCnameHops && target != kNoName; ++hop) {
        if (universe.ZoneOf(names.Text(target)) == nullptr) break;
        known = true;
        NameId next = kNoName;
        txt.clear();
        for (const RecordRef& ref : universe.RecordsAt(target)) {
          if (ref.record->type == rrtype::kCNAME) {
            next = CnameTarget(*ref.zone, *ref.record);
          } else if (ref.record->type == rrtype::kTXT) {
            txt.push_back(ref);
          }
        }
        if (next == kNoName) break;
        known = false;  // the chain goes on
        target = next;
      }
      if (!known || target == kNoName) continue;
      if (txt.empty()) {
        // A zone whose $INCLUDE failed may hold the key elsewhere.
        if (!universe.Knows(names.Text(target))) continue;
        keys.missing_targets.push_back(
            {zone.get(), &record, record.owner, target});
        continue;
      }
      // A target at a _domainkey name is checked as a key of its own.
      if (ClassifyMailName(names.Text(target)).kind == MailName::kDkim) {
        continue;
      }
      for (const RecordRef& ref : txt) {
        if (!reached.insert(ref.record).second) continue;
        const TxtText& text = keys.owned_texts.emplace_back(
            *ref.zone, views.sources(), *ref.record);
        DkimSite& dkim = keys.sites.emplace_back();
        dkim.zone = ref.zone;
        dkim.record = ref.record;
        dkim.owner = target;
        dkim.text = &text;
        dkim.parsed_key = &keys.keys.emplace_back(dkim::Parse(text.text()));
        dkim.cname = &record;
        dkim.cname_owner = record.owner;
      }
    }
  }

  for (const TxtSite& site : views.MailTxt()) {
    // Keys at another mail name (_dmarc, _mta-sts, ...) are reported by
    // that name's rule.
    if (site.record->type != rrtype::kTXT || site.kind != MailName::kOther ||
        reached.count(site.record) != 0) {
      continue;
    }
    if (dkim::StartsWithDkimVersion(site.text.text())) {
      keys.outside.push_back(&site);
    }
  }
  return keys;
}

}  // namespace zonelint

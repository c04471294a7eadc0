// dmarc-missing: names that send or receive mail (MX other than a null MX,
// an SPF record other than "v=spf1 -all", or DKIM keys) that no DMARC record
// covers: none at _dmarc.<name> nor at _dmarc of a domain above it. Reported
// once per domain whose one record would cover them all: the organizational
// domain (RFC 7489 3.2, by the Public Suffix List), or the zone's apex when
// that lies above it (a zone at a public suffix, such as co.uk.). Names
// under a top-level domain the root zone lacks are skipped. When the
// organizational domain's _dmarc name is in no linted zone (a subzone
// linted alone), the policy may be there: info.
#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "lint/rule.h"
#include "mail/dmarc.h"
#include "mail/mail_names.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "parser/name.h"
#include "parser/public_names.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "parser/universe.h"
#include "parser/zone.h"
#include "rules/dmarc/dmarc_rule.h"
#include "rules/spf/spf_rule.h"
#include "rules/zone/missing_trailing_dot.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// Names that are shown when a finding lists the others of its domain.
constexpr size_t kNamesShown = 3;

// Whether `name` can be a mail domain: a host name of letters, digits and
// hyphens (RFC 5321 4.1.2), so no '_' label, wildcard or escaped byte.
bool IsHostName(std::string_view name) {
  if (name.size() <= 1) return false;
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '.') return false;
  }
  return true;
}

bool IsReverse(std::string_view name) {
  return IsAtOrBelow(name, "in-addr.arpa.") || IsAtOrBelow(name, "ip6.arpa.");
}

// Whether a canonical name is under a top-level domain of the root zone:
// names under a private one (corp.lan., woodytoys.lab., example.) never
// reach receivers on the Internet, which alone look for DMARC policies.
bool UnderPublicTld(std::string_view name) {
  std::string_view bare = name.substr(0, name.size() - 1);
  const size_t dot = bare.rfind('.');
  return IsTopLevelDomain(dot == std::string_view::npos ? bare
                                                        : bare.substr(dot + 1));
}

size_t Labels(std::string_view name) {
  return std::count(name.begin(), name.end(), '.');
}

// A name that sends or receives mail, with its first such record.
struct MailUse {
  std::string_view name;  // canonical; a view into the name table
  SourceRange range;
  std::string_view why;                    // "receives mail (MX)", ...
  std::pair<size_t, const Record*> order;  // zone index, then file order
};

// What the linted zones say of the DMARC record at _dmarc.<domain>.
enum class DmarcName {
  kAbsent,   // a linted zone holds the name, whole: no record there
  kUnknown,  // in a zone not read whole, delegated, or a CNAME elsewhere
  kOutside,  // no linted zone holds it
};

// The uncovered names whose one DMARC record would be at _dmarc.<domain>.
struct Group {
  std::string_view domain;
  bool outside = false;          // that _dmarc name is in no linted zone
  const MailUse* top = nullptr;  // the highest name, the first of those
  size_t count = 0;
  std::vector<std::string_view> first;  // the first names, in file order
};

class DmarcMissing final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-missing", Severity::kWarning,
        "names that send or receive mail with no DMARC record at or above "
        "them, once per domain whose record would cover them"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const std::vector<MailUse> uses = MailUses(context);
    // The domains with a DMARC record at their _dmarc name.
    absl::flat_hash_set<std::string_view> with_dmarc;
    for (const DmarcSite& site : context.views.Dmarc()) {
      with_dmarc.insert(site.domain);
    }
    // Also those a record was meant for whose owner lacks its final dot
    // ("_dmarc.example.com" in example.com.): zone-missing-trailing-dot
    // reports the dot, the mistake to fix.
    const std::vector<std::string> meant = MeantDmarcDomains(context);
    with_dmarc.insert(meant.begin(), meant.end());
    // And those whose _dmarc name holds text meant as a DMARC record that
    // receivers do not take: dmarc-lookalike reports that record, the one
    // mistake to fix.
    for (const TxtSite* site : context.views.MailTxtOfKind(MailName::kDmarc)) {
      if (dmarc::FindLookalike(site->text.text())) {
        with_dmarc.insert(site->name().domain);
      }
    }
    absl::flat_hash_map<std::string_view, DmarcName> dmarc_names;
    auto dmarc_name = [&](std::string_view domain) {
      auto [it, inserted] = dmarc_names.try_emplace(domain);
      if (inserted) it->second = LookAtDmarcName(context.universe, domain);
      return it->second;
    };
    absl::flat_hash_map<std::string_view, size_t> group_of;
    std::vector<Group> groups;
    for (const MailUse& use : uses) {
      const std::string_view name = use.name;
      if (!IsHostName(name) || IsReverse(name) || !UnderPublicTld(name)) {
        continue;
      }
      bool covered = false;
      for (std::string_view up = name; up != "." && !covered;
           up = ParentName(up)) {
        covered = with_dmarc.contains(up);
      }
      if (covered) continue;
      // Records outside their zone, or below a delegation, are not served.
      const Zone* zone = context.universe.ZoneOf(name);
      if (zone == nullptr || zone->apex == kNoName) continue;
      const std::string_view apex = context.names.Text(zone->apex);
      const std::string_view org = OrganizationalDomain(name);
      // The domain whose record would cover the name: its organizational
      // domain, or the apex when that lies above it.
      const std::string_view domain =
          org.empty() || IsAtOrBelow(org, apex) ? apex : org;
      // Every _dmarc name from the name up to that domain must be known to
      // hold no record, but the highest ones may lie outside the linted
      // zones (above the apex): then the policy may be there.
      bool known = true, outside = false;
      for (std::string_view up = name;; up = ParentName(up)) {
        const DmarcName at = dmarc_name(up);
        if (at == DmarcName::kOutside) {
          outside = true;
        } else if (at == DmarcName::kUnknown || outside) {
          known = false;
        }
        if (!known || up.size() <= domain.size()) break;
      }
      if (!known) continue;
      auto [it, inserted] = group_of.try_emplace(domain, groups.size());
      if (inserted) {
        Group& group = groups.emplace_back();
        group.domain = domain;
        group.outside = outside;
      }
      Group& group = groups[it->second];
      ++group.count;
      if (group.top == nullptr || Labels(name) < Labels(group.top->name)) {
        group.top = &use;
      }
      if (group.first.size() <= kNamesShown) group.first.push_back(name);
    }
    for (const Group& group : groups) Report(group, sink);
  }

 private:
  // The names that send or receive mail, each once with its first record,
  // in file order.
  static std::vector<MailUse> MailUses(const LintContext& context) {
    absl::flat_hash_map<const Zone*, size_t> zone_index;
    for (size_t i = 0; i < context.zones.size(); ++i) {
      zone_index[context.zones[i].get()] = i;
    }
    std::vector<MailUse> uses;
    absl::flat_hash_map<std::string_view, size_t> index;  // into `uses`
    auto add = [&](std::string_view name, const Zone* zone,
                   const Record* record, SourceRange range,
                   std::string_view why) {
      const MailUse use{name, range, why, {zone_index[zone], record}};
      auto [it, inserted] = index.try_emplace(name, uses.size());
      if (inserted) {
        uses.push_back(use);
      } else if (use.order < uses[it->second].order) {
        uses[it->second] = use;
      }
    };
    for (const auto& zone : context.zones) {
      for (const Record& record : zone->records) {
        if (record.type != rrtype::kMX) continue;
        auto mx = AsMx(*zone, record);
        if (!mx || context.names.Text(mx->exchange) == ".") continue;
        add(context.names.Text(record.owner), zone.get(), &record,
            record.range(), "receives mail (MX)");
      }
    }
    // A record that other SPF records include (or redirect to) lists
    // senders for them: its name need not send mail itself.
    absl::flat_hash_set<NameId> included;
    for (const SpfSite& site : context.views.Spf()) {
      spf::ForEachInclude(site.spf,
                          [&](const spf::Term&, std::string_view target) {
                            if (!target.empty())
                              included.insert(context.names.Find(target));
                            return true;
                          });
    }
    for (const SpfSite& site : context.views.Spf()) {
      if (site.type99() || SpfSendsNothing(site.spf)) continue;
      if (included.contains(site.owner)) continue;
      add(context.names.Text(site.owner), site.zone, site.record,
          site.text.RecordRange(), "sends mail (SPF)");
    }
    for (const TxtSite* site : context.views.MailTxtOfKind(MailName::kDkim)) {
      add(site->name().domain, site->zone, site->record,
          site->text.RecordRange(), "signs mail (DKIM key)");
    }
    std::sort(uses.begin(), uses.end(), [](const MailUse& a, const MailUse& b) {
      return a.order < b.order;
    });
    return uses;
  }

  // The domains of the DMARC records whose owner was written relative but
  // looks meant as complete, as they were meant ("example.com.").
  static std::vector<std::string> MeantDmarcDomains(
      const LintContext& context) {
    absl::flat_hash_map<NameId, std::string_view> written;
    for (const MissingDotName& f : NamesMissingTheirDot(context)) {
      written.emplace(f.name->name, f.name->text);
    }
    std::vector<std::string> out;
    if (written.empty()) return out;
    static const Origin kRoot = MakeOrigin(".");
    std::string meant;
    bool relative;
    for (const DmarcSite& site : context.views.Dmarc()) {
      auto it = written.find(site.site->owner);
      if (it != written.end() &&
          ParseName(it->second, &kRoot, &meant, &relative) == NameError::kOk &&
          meant.starts_with("_dmarc.")) {
        out.push_back(meant.substr(7));
      }
    }
    return out;
  }

  static DmarcName LookAtDmarcName(const Universe& universe,
                                   std::string_view domain) {
    const std::string name = Cat("_dmarc.", domain);
    if (universe.Authority(name) == nullptr) {
      // Delegated (from the zone that holds the domain) or not read whole.
      return universe.ZoneOf(name) != nullptr ||
                     universe.ZoneOf(domain) != nullptr
                 ? DmarcName::kUnknown
                 : DmarcName::kOutside;
    }
    // A CNAME hands the record to its target (a hosted DMARC service).
    bool alias = false;
    universe.ForEachRecordAt(universe.Find(name), [&](const RecordRef& ref) {
      alias = alias || ref.record->type == rrtype::kCNAME;
    });
    return alias ? DmarcName::kUnknown : DmarcName::kAbsent;
  }

  static void Report(const Group& group, RuleSink& sink) {
    const MailUse& top = *group.top;
    const std::string_view domain = group.domain;
    // "2 other names below 'example.com.' that send or receive mail
    // ('a.example.com.', 'b.example.com.')"
    std::string others;
    const size_t more = group.count - 1;
    if (more > 0) {
      std::string shown;
      size_t listed = 0;
      for (std::string_view name : group.first) {
        if (name == top.name || listed == kNamesShown) continue;
        shown += Cat(listed++ == 0 ? "'" : ", '", name, "'");
      }
      if (more > listed) shown += ", ...";
      others = Cat(more, more == 1 ? " other name" : " other names", " below '",
                   domain, "' that ",
                   more == 1 ? "sends or receives" : "send or receive",
                   " mail (", shown, ")");
    }
    if (group.outside) {
      sink.EmitWithSeverity(
          Severity::kInfo, top.range,
          Cat("'", top.name, "' ", top.why,
              " and no DMARC record in the linted zones covers it",
              others.empty() ? "" : Cat(" or the ", others),
              "; its policy may be at '_dmarc.", domain,
              "', its organizational domain, in a parent zone that is not "
              "linted here"),
          Cat("make sure that '_dmarc.", domain,
              "' holds a DMARC record (it covers every name below '", domain,
              "'), or lint the parent zone with this one; if it holds none, "
              "publish one there"));
      return;
    }
    std::string_view bare = domain;
    if (bare.size() > 1) bare.remove_suffix(1);
    sink.Emit(
        top.range,
        Cat("'", top.name, "' ", top.why,
            " but has no DMARC policy: no DMARC record at '_dmarc.", top.name,
            "'",
            top.name == domain
                ? ""
                : Cat(" nor at _dmarc of a domain above it up to '", domain,
                      "'"),
            others.empty() ? ""
                           : Cat("; a record at '_dmarc.", domain,
                                 "' would also cover the ", others)),
        Cat("publish TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@", bare,
            "\" at '_dmarc.", domain, "'",
            more > 0 ? Cat(", which covers all ", group.count, " names") : "",
            ", then tighten p once the reports are clean"));
  }
};

}  // namespace

const Rule& DmarcMissingRule() {
  static const DmarcMissing rule;
  return rule;
}

}  // namespace zonelint::rules

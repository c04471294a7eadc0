#include "mail/spf_lookups.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "mail/known_senders.h"
#include "parser/name.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "parser/universe.h"
#include "parser/zone.h"
#include "util/strings.h"

namespace zonelint {
namespace {

// Nested include/redirect levels followed before giving up.
constexpr size_t kMaxDepth = 32;
// CNAMEs followed inside the linted zones.
constexpr int kMaxCnames = 8;

// What the record at an include or redirect target costs, memoized.
struct TargetCost {
  int lookups = 0;  // the target's own cost, not counting the term
  SpfCostSource source = SpfCostSource::kUnknown;
  std::string_view note;
  std::vector<SpfVoidLookup> voids;  // met while evaluating the target
  bool has_txt = false;              // kNoSpf: TXT records, none SPF
  bool opaque = false;               // kZone: SpfRecordLookups::opaque
};

// The records answering queries for a name in the linted zones.
struct Node {
  bool linted = false;     // inside a linted zone
  bool known = false;      // and that zone was read whole: absence is
                           // knowable (Universe::Authority)
  NameId owner = kNoName;  // whose records answer (after wildcards and
                           // CNAMEs); kNoName when none
};

// One record's analysis while it is made (SpfRecordLookups holds the
// finished one as spans into the analysis's flat arrays).
struct Evaluation {
  int total = 0;
  bool opaque = false;
  std::vector<SpfTermCost> chain;
  std::vector<SpfVoidLookup> voids;
  std::vector<SpfMxCount> mx;
  std::vector<SpfNoSpfTarget> no_spf;
};

class Walker {
 public:
  Walker(const MailViews& views, const SpfCostTable& costs,
         std::vector<SpfLoop>* loops, StringArena* strings)
      : views_(views),
        universe_(views.universe()),
        names_(universe_.names()),
        costs_(costs),
        loops_(loops),
        strings_(strings) {}

  // Evaluates one record's terms, following include and redirect.
  Evaluation Evaluate(const SpfSite& site) {
    Evaluation out;
    const std::string_view owner = names_.Text(site.owner);
    path_.push_back(owner);
    const spf::Record& record = site.spf;
    const bool has_all = record.Find(spf::TermKind::kAll) != nullptr;
    absl::InlinedVector<const spf::Term*, 16> order;
    for (const spf::Term& term : record.terms) {
      if (spf::IsMechanism(term.kind) && spf::CostsLookup(term.kind)) {
        order.push_back(&term);
      }
    }
    // RFC 7208 6.1: redirect is followed only when no mechanism matched,
    // and is ignored when the record has an "all".
    const spf::Term* redirect = record.Find(spf::TermKind::kRedirect);
    if (redirect != nullptr && !has_all) order.push_back(redirect);

    out.chain.reserve(order.size());
    for (const spf::Term* term : order) {
      SpfTermCost cost;
      cost.term = term;
      const size_t voids_before = out.voids.size();
      EvaluateTerm(site, owner, *term, &cost, &out);
      cost.voids = static_cast<int>(out.voids.size() - voids_before);
      out.total += cost.lookups;
      out.chain.push_back(std::move(cost));
    }
    path_.pop_back();
    return out;
  }

 private:
  void EvaluateTerm(const SpfSite& site, std::string_view owner,
                    const spf::Term& term, SpfTermCost* cost, Evaluation* out) {
    if (term.domain_has_macro) {
      cost->source = SpfCostSource::kMacro;
      cost->note = "macro, not expanded";
      out->opaque |= term.kind == spf::TermKind::kInclude ||
                     term.kind == spf::TermKind::kRedirect;
      return;
    }
    std::string_view target;
    const std::string_view domain_spec = site.spf.DomainSpec(term);
    if (domain_spec.empty()) {
      // a, mx and ptr default to the current domain; include, exists and
      // redirect without one are syntax errors (spf-syntax).
      if (term.kind != spf::TermKind::kA && term.kind != spf::TermKind::kMx &&
          term.kind != spf::TermKind::kPtr) {
        return;
      }
      target = owner;
    } else {
      if (!spf::TargetName(site.spf, term, &scratch_)) return;
      target = Keep(scratch_);  // ParseName lower-cases
    }
    cost->target = target;
    switch (term.kind) {
      case spf::TermKind::kA:
      case spf::TermKind::kExists: {
        Node node = Resolve(target);
        if (!node.known) break;
        bool exists = term.kind == spf::TermKind::kExists;
        int addresses =
            Count(node, rrtype::kA) + (exists ? 0 : Count(node, rrtype::kAAAA));
        if (addresses == 0) {
          out->voids.push_back(
              {site.spf.Text(term.range), owner, exists ? "A" : "A/AAAA"});
        }
        break;
      }
      case spf::TermKind::kMx: {
        Node node = Resolve(target);
        if (!node.linted) break;
        // In a zone not read whole, the MX records there are a lower bound.
        int mx = Count(node, rrtype::kMX);
        out->mx.push_back({&term, target, mx});
        if (mx == 0 && node.known)
          out->voids.push_back({site.spf.Text(term.range), owner, "MX"});
        break;
      }
      case spf::TermKind::kInclude:
      case spf::TermKind::kRedirect: {
        TargetCost t = Target(site, term, target);
        cost->lookups += t.lookups;
        cost->source = t.source;
        cost->note = t.note;
        out->opaque |= t.opaque || SpfCostUnknown(t.source);
        if (t.source == SpfCostSource::kNoSpf) {
          out->no_spf.push_back({&term, target, t.has_txt});
          if (!t.has_txt)
            out->voids.push_back({site.spf.Text(term.range), owner, "TXT"});
        }
        out->voids.insert(out->voids.end(), t.voids.begin(), t.voids.end());
        break;
      }
      default:
        break;
    }
  }

  TargetCost Target(const SpfSite& site, const spf::Term& term,
                    std::string_view target) {
    auto on_path = std::find(path_.begin(), path_.end(), target);
    if (on_path != path_.end()) {
      std::vector<std::string_view> cycle(on_path, path_.end());
      std::vector<std::string_view> key = cycle;
      std::sort(key.begin(), key.end());
      std::string joined;
      for (std::string_view name : key) joined += Cat(name, " ");
      if (loop_keys_.insert(joined).second) {
        loops_->push_back({&site, &term, std::move(cycle)});
      }
      TargetCost loop;
      loop.source = SpfCostSource::kLoop;
      loop.note = "loop";
      return loop;
    }
    if (auto it = memo_.find(target); it != memo_.end()) return it->second;
    TargetCost result;
    Node node = Resolve(target);
    if (path_.size() >= kMaxDepth) {
      result.source = SpfCostSource::kTooDeep;
      result.note = "nested too deep to follow";
      return result;
    }
    std::vector<const SpfSite*> sites;
    if (node.owner != kNoName) sites = views_.SpfAt(node.owner);
    if (!sites.empty()) {
      // Several records are a permerror (spf-multiple-records); count the
      // costliest.
      result.source = SpfCostSource::kZone;
      result.lookups = -1;
      for (const SpfSite* nested : sites) {
        Evaluation r = Evaluate(*nested);
        result.opaque |= r.opaque;
        if (r.total > result.lookups) {
          result.lookups = r.total;
          result.voids = std::move(r.voids);
        }
      }
    } else if (node.known) {
      result.source = SpfCostSource::kNoSpf;
      result.note = "no SPF record";
      result.has_txt = Count(node, rrtype::kTXT) > 0;
    } else if (const SpfCostEntry* entry = costs_.Find(target)) {
      result.source = SpfCostSource::kUser;
      result.lookups = entry->lookups;
      // "N+" (another shard's record with unknown includes): as opaque as
      // that record is when linted together with this one.
      result.opaque = entry->at_least;
      result.note = Keep(Cat("from ", entry->where));
    } else if (const KnownSender* known = FindKnownSender(target)) {
      result.source = SpfCostSource::kBuiltin;
      result.lookups = known->lookups;
      result.note = Keep(Cat("built-in table: ", known->provider, ", verified ",
                             known->verified));
    } else if (node.linted) {
      result.source = SpfCostSource::kIncomplete;
      result.note = "in a zone not read whole, counted as 1";
    } else {
      result.source = SpfCostSource::kUnknown;
      result.note = "unknown, counted as 1";
    }
    memo_.emplace(target, result);
    return result;
  }

  // Which records answer for `canonical`: the name's own, else a wildcard's
  // (RFC 4592), following CNAMEs inside the linted zones. In a zone not read
  // whole, only the name's own records: it may exist in the part not read,
  // and then no wildcard answers for it.
  Node Resolve(std::string_view canonical) const {
    std::string_view name = canonical;
    for (int hops = 0;; ++hops) {
      Node node;
      const Zone* zone = universe_.ZoneOf(name);
      if (zone == nullptr) return node;
      node.linted = true;
      node.known = universe_.Authority(name) != nullptr;
      NameId id = universe_.Find(name);
      node.owner = universe_.HasRecordsAt(id) ? id
                   : node.known ? universe_.WildcardFor(name, *zone)
                                : kNoName;
      if (node.owner == kNoName || hops >= kMaxCnames) return node;
      const NameId next = CnameTargetAt(universe_, node.owner);
      if (next == kNoName) return node;
      name = names_.Text(next);
    }
  }

  int Count(const Node& node, uint16_t type) const {
    if (node.owner == kNoName) return 0;
    int n = 0;
    universe_.ForEachRecordAt(node.owner, [&](const RecordRef& ref) {
      n += ref.record->type == type;
    });
    return n;
  }

  const MailViews& views_;
  const Universe& universe_;
  const NameTable& names_;
  const SpfCostTable& costs_;
  std::vector<SpfLoop>* loops_;
  // A stored copy of `s`, one per distinct text.
  std::string_view Keep(std::string_view s) {
    auto it = kept_.find(s);
    if (it != kept_.end()) return *it;
    std::string_view stored = strings_->Store(s);
    kept_.insert(stored);
    return stored;
  }

  StringArena* strings_;
  absl::flat_hash_set<std::string_view> kept_;  // what strings_ holds
  std::string scratch_;
  // Owners of the records being evaluated.
  std::vector<std::string_view> path_;
  absl::flat_hash_map<std::string_view, TargetCost> memo_;
  absl::flat_hash_set<std::string> loop_keys_;
};

}  // namespace

const SpfTermCost* SpfRecordLookups::TermPassing(int limit, bool voids) const {
  int running = 0;
  for (const SpfTermCost& cost : chain) {
    running += voids ? cost.voids : cost.lookups;
    if (running > limit) return &cost;
  }
  return nullptr;
}

std::string_view SpfRecordLookups::TermText(const SpfTermCost& cost) const {
  return site->spf.Text(cost.term->range);
}

std::string SpfRecordLookups::ChainText() const {
  bool lower_bound = opaque;
  for (const SpfTermCost& cost : chain) {
    lower_bound |= SpfCostUnknown(cost.source);
  }
  std::string out = Cat(lower_bound ? "at least " : "", total,
                        total == 1 ? " lookup" : " lookups");
  for (size_t i = 0; i < chain.size(); ++i) {
    const SpfTermCost& cost = chain[i];
    out += Cat(i == 0 ? ": " : ", ", TermText(cost), " (", cost.lookups);
    if (!cost.note.empty()) out += Cat(", ", cost.note);
    out += ")";
  }
  return out;
}

SpfLookupAnalysis::SpfLookupAnalysis(const MailViews& views) {
  Walker walker(views, views.spf_costs(), &loops_, &strings_);
  // Where each record's parts start in the flat arrays, which must stop
  // growing before the spans point into them.
  struct Offsets {
    size_t chain, voids, mx, no_spf;
  };
  std::vector<Offsets> offsets;
  // Exact room for the chains and room enough for the mx and no-SPF
  // lists (growing big arrays by copying would hold two at once).
  size_t costly = 0, mx = 0, targets = 0;
  for (const SpfSite& site : views.Spf()) {
    if (site.type99()) continue;
    for (const spf::Term& term : site.spf.terms) {
      costly += spf::CostsLookup(term.kind);
      mx += term.kind == spf::TermKind::kMx;
      targets += term.kind == spf::TermKind::kInclude ||
                 term.kind == spf::TermKind::kRedirect;
    }
  }
  chain_.reserve(costly);
  mx_.reserve(mx);
  no_spf_.reserve(targets);
  offsets.reserve(views.Spf().size() + 1);
  records_.reserve(views.Spf().size());
  for (const SpfSite& site : views.Spf()) {
    if (site.type99()) continue;
    Evaluation e = walker.Evaluate(site);
    SpfRecordLookups& record = records_.emplace_back();
    record.site = &site;
    record.total = e.total;
    record.opaque = e.opaque;
    offsets.push_back(
        {chain_.size(), voids_.size(), mx_.size(), no_spf_.size()});
    chain_.insert(chain_.end(), e.chain.begin(), e.chain.end());
    voids_.insert(voids_.end(), e.voids.begin(), e.voids.end());
    mx_.insert(mx_.end(), e.mx.begin(), e.mx.end());
    no_spf_.insert(no_spf_.end(), e.no_spf.begin(), e.no_spf.end());
  }
  offsets.push_back({chain_.size(), voids_.size(), mx_.size(), no_spf_.size()});
  for (size_t i = 0; i < records_.size(); ++i) {
    const Offsets& at = offsets[i];
    const Offsets& next = offsets[i + 1];
    records_[i].chain =
        absl::MakeConstSpan(chain_.data() + at.chain, next.chain - at.chain);
    records_[i].voids =
        absl::MakeConstSpan(voids_.data() + at.voids, next.voids - at.voids);
    records_[i].mx = absl::MakeConstSpan(mx_.data() + at.mx, next.mx - at.mx);
    records_[i].no_spf = absl::MakeConstSpan(no_spf_.data() + at.no_spf,
                                             next.no_spf - at.no_spf);
  }
}

bool SpfCostUnknown(SpfCostSource source) {
  return source == SpfCostSource::kUnknown ||
         source == SpfCostSource::kIncomplete ||
         source == SpfCostSource::kMacro || source == SpfCostSource::kTooDeep;
}

std::string_view SpfCostSourceName(SpfCostSource source) {
  switch (source) {
    case SpfCostSource::kNone:
      return "none";
    case SpfCostSource::kZone:
      return "linted zone";
    case SpfCostSource::kUser:
      return "cost table";
    case SpfCostSource::kBuiltin:
      return "built-in table";
    case SpfCostSource::kUnknown:
      return "unknown";
    case SpfCostSource::kIncomplete:
      return "incomplete zone";
    case SpfCostSource::kMacro:
      return "macro";
    case SpfCostSource::kNoSpf:
      return "no SPF record";
    case SpfCostSource::kLoop:
      return "loop";
    case SpfCostSource::kTooDeep:
      return "too deep";
  }
  return "unknown";
}

}  // namespace zonelint

// mx-target-no-address: an MX whose target lies in a linted zone and has no
// A or AAAA record there (RFC 5321 5.1); once a target, however many MX
// records point at it.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "lint/rule.h"
#include "parser/name.h"
#include "parser/rrtype.h"
#include "parser/universe.h"
#include "parser/zone.h"
#include "rules/mx/mx_rule.h"
#include "rules/zone/missing_trailing_dot.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// What the linted zones hold at a name.
struct AtName {
  bool exists = false;   // any record (its own or a wildcard's)
  bool address = false;  // an A or AAAA
  bool alias = false;    // a CNAME (mx-target-cname reports it)
};

AtName Look(const Universe& universe, NameId name) {
  AtName at;
  universe.ForEachRecordAt(name, [&](const RecordRef& ref) {
    at.exists = true;
    const uint16_t type = ref.record->type;
    at.address = at.address || type == rrtype::kA || type == rrtype::kAAAA;
    at.alias = at.alias || type == rrtype::kCNAME;
  });
  return at;
}

class MxTargetNoAddress final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mx-target-no-address", Severity::kError,
        "an MX target in a linted zone with no A or AAAA record"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    // Relative targets written as if absolute ("mx.example.net" without its
    // dot) are zone-missing-trailing-dot's: the missing dot is the mistake
    // to fix, not a missing address at the name it makes.
    absl::flat_hash_set<std::pair<FileId, uint32_t>> missing_dot;
    for (const MissingDotName& name : NamesMissingTheirDot(context)) {
      missing_dot.insert({name.name->range.file, name.name->range.begin});
    }
    // One finding a target, at its first MX, counting the MX records that
    // point at it: the missing address is one mistake, however many names
    // receive mail through it.
    struct Target {
      MxSite first;
      int mx_records = 0;
    };
    absl::flat_hash_map<NameId, size_t> index;  // into `targets`
    std::vector<Target> targets;
    ForEachMx(context, [&](const MxSite& site) {
      if (IsNullMx(context, site.mx)) return;
      // An address written as the target is mx-target-ip's.
      const std::string_view written = site.ExchangeText(context.sources);
      if (ParseAddressLiteral(written).family != 0) return;
      const SourceRange where = site.ExchangeRange();
      if (missing_dot.contains({where.file, where.begin})) return;
      auto [it, inserted] = index.try_emplace(site.mx.exchange, targets.size());
      if (inserted) targets.push_back({site, 0});
      ++targets[it->second].mx_records;
    });
    for (const Target& t : targets)
      Report(context, t.first, t.mx_records, sink);
  }

 private:
  static void Report(const LintContext& context, const MxSite& site,
                     int mx_records, RuleSink& sink) {
    const std::string_view target = context.names.Text(site.mx.exchange);
    // Outside the linted zones, delegated from them, or in a zone not read
    // whole: not knowable.
    const Zone* zone = context.universe.Authority(target);
    if (zone == nullptr) return;
    AtName at = Look(context.universe, site.mx.exchange);
    if (!at.exists) {
      at = Look(context.universe, context.universe.WildcardFor(target, *zone));
    }
    if (at.address || at.alias) return;
    const std::string_view domain = context.names.Text(site.record->owner);
    const auto fields = site.zone->FieldsOf(*site.record);
    const bool relative = fields.size() >= 2 && fields[1].relative;
    const std::string more =
        mx_records > 1 ? Cat("; ", mx_records - 1, " more MX record",
                             mx_records > 2 ? "s point" : " points", " at it")
                       : std::string();
    sink.Emit(site.ExchangeRange(),
              at.exists
                  ? Cat("MX target '", target,
                        "' has no A or AAAA record, so mail for '", domain,
                        "' cannot be delivered to it", more)
                  : Cat("MX target '", target, "' does not exist in zone '",
                        context.names.Text(zone->apex), "', so mail for '",
                        domain, "' cannot be delivered to it", more),
              relative && !at.exists
                  ? Cat("add an A or AAAA record for '", target, "'; if '",
                        site.ExchangeText(context.sources),
                        "' is meant as a name outside the zone, end it with a "
                        "dot: a relative name gets the origin appended")
                  : Cat("add an A or AAAA record for '", target,
                        "', or point the MX at a host that has one"));
  }
};

}  // namespace

const Rule& MxTargetNoAddressRule() {
  static const MxTargetNoAddress rule;
  return rule;
}

}  // namespace zonelint::rules

// mx-target-no-address: an MX whose target lies in a linted zone and has no
// A or AAAA record there (RFC 5321 5.1).
#include <string>
#include <string_view>
#include <utility>

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
    ForEachMx(context, [&](const MxSite& site) {
      if (IsNullMx(context, site.mx)) return;
      // An address written as the target is mx-target-ip's.
      const std::string_view written = site.ExchangeText(context.sources);
      if (ParseAddressLiteral(written).family != 0) return;
      const SourceRange where = site.ExchangeRange();
      if (missing_dot.contains({where.file, where.begin})) return;
      const std::string_view target = context.names.Text(site.mx.exchange);
      // Outside the linted zones, or delegated from them: not knowable.
      const Zone* zone = context.universe.Authority(target);
      if (zone == nullptr) return;
      AtName at = Look(context.universe, site.mx.exchange);
      if (!at.exists) {
        at =
            Look(context.universe, context.universe.WildcardFor(target, *zone));
      }
      if (at.address || at.alias) return;
      const std::string_view domain = context.names.Text(site.record->owner);
      const auto fields = site.zone->FieldsOf(*site.record);
      const bool relative = fields.size() >= 2 && fields[1].relative;
      sink.Emit(
          where,
          at.exists ? Cat("MX target '", target,
                          "' has no A or AAAA record, so mail for '", domain,
                          "' cannot be delivered to it")
                    : Cat("MX target '", target, "' does not exist in zone '",
                          context.names.Text(zone->apex), "', so mail for '",
                          domain, "' cannot be delivered to it"),
          relative && !at.exists
              ? Cat("add an A or AAAA record for '", target, "'; if '", written,
                    "' is meant as a name outside the zone, end it with a "
                    "dot: a relative name gets the origin appended")
              : Cat("add an A or AAAA record for '", target,
                    "', or point the MX at a host that has one"));
    });
  }
};

}  // namespace

const Rule& MxTargetNoAddressRule() {
  static const MxTargetNoAddress rule;
  return rule;
}

}  // namespace zonelint::rules

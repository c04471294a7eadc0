// mx-target-cname: an MX whose target is an alias (RFC 2181 10.3).
#include "lint/rule.h"
#include "parser/record_views.h"
#include "rules/mx/mx_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MxTargetCname final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mx-target-cname", Severity::kError,
        "an MX whose target is a CNAME (RFC 2181 10.3)"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    ForEachMx(context, [&](const MxSite& site) {
      if (IsNullMx(context, site.mx)) return;
      // The CNAME at the target, wherever the linted zones hold it.
      const NameId alias_of = CnameTargetAt(context.universe, site.mx.exchange);
      if (alias_of == kNoName) return;
      const std::string_view target = context.names.Text(site.mx.exchange);
      const std::string_view canonical = context.names.Text(alias_of);
      sink.Emit(
          site.ExchangeRange(),
          Cat("MX target '", target, "' is an alias (CNAME to '", canonical,
              "'); an MX must name a host, not an alias (RFC 2181 "
              "10.3), and some senders will not deliver through one"),
          Cat("point the MX at '", canonical, "', or replace the CNAME at '",
              target, "' with A/AAAA records"));
    });
  }
};

}  // namespace

const Rule& MxTargetCnameRule() {
  static const MxTargetCname rule;
  return rule;
}

}  // namespace zonelint::rules

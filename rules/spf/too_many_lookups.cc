// spf-too-many-lookups: evaluating an SPF record takes more than 10
// DNS-querying terms, counted across includes and redirects (RFC 7208
// 4.6.4).
#include "lint/rule.h"
#include "mail/spf_lookups.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfTooManyLookups final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-too-many-lookups", Severity::kError,
        "an SPF record needing more than 10 DNS lookups, includes counted"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const SpfLookupAnalysis& analysis = context.views.SpfLookups();
    for (const SpfRecordLookups& record : analysis.records()) {
      const SpfTermCost* passing =
          record.TermPassing(kSpfLookupLimit, /*voids=*/false);
      if (passing == nullptr) continue;
      sink.Emit(SpfTermRange(*record.site, *passing->term),
                Cat("SPF record needs more than ", kSpfLookupLimit,
                    " DNS lookups, so verifiers return permerror from this "
                    "term on: ",
                    record.ChainText()),
                "remove unused include, a, mx and ptr terms, replace includes "
                "you control with their ip4:/ip6: ranges, or move a sender to "
                "a subdomain with its own SPF record");
    }
  }
};

}  // namespace

const Rule& SpfTooManyLookupsRule() {
  static const SpfTooManyLookups rule;
  return rule;
}

}  // namespace zonelint::rules

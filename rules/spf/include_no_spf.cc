// spf-include-no-spf: an include or redirect target that the linted zones
// hold but that has no SPF record (RFC 7208 5.2, 6.1: permerror).
#include "lint/rule.h"
#include "mail/spf.h"
#include "mail/spf_lookups.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfIncludeNoSpf final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-include-no-spf", Severity::kError,
        "an include or redirect to a name in the zones with no SPF record"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const SpfLookupAnalysis& analysis = context.views.SpfLookups();
    for (const SpfRecordLookups& record : analysis.records()) {
      for (const SpfNoSpfTarget& target : record.no_spf) {
        const bool redirect = target.term->kind == spf::TermKind::kRedirect;
        sink.Emit(SpfTermRange(*record.site, *target.term),
                  Cat("'", target.target, "' has no SPF record",
                      target.has_txt ? " (its TXT records are not SPF)"
                                     : " (no TXT record at all)",
                      ", so this ", redirect ? "redirect" : "include",
                      " makes the record a permerror"),
                  Cat("publish a \"v=spf1 ...\" TXT record at '", target.target,
                      "', or remove the ", redirect ? "redirect" : "include"));
      }
    }
  }
};

}  // namespace

const Rule& SpfIncludeNoSpfRule() {
  static const SpfIncludeNoSpf rule;
  return rule;
}

}  // namespace zonelint::rules

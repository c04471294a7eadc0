// spf-include-loop: include or redirect terms that lead back to a record
// already being evaluated (RFC 7208 5.2, 6.1): a verifier runs into the
// lookup limit and returns permerror.
#include <string>

#include "lint/rule.h"
#include "mail/spf_lookups.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfIncludeLoop final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-include-loop", Severity::kError,
        "SPF include or redirect terms that lead back to the same record"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const SpfLookupAnalysis& analysis = context.views.SpfLookups();
    for (const SpfLoop& loop : analysis.loops()) {
      std::string cycle;
      for (std::string_view name : loop.cycle) {
        cycle += Cat("'", name, "' -> ");
      }
      cycle += Cat("'", loop.cycle.front(), "'");
      sink.Emit(SpfTermRange(*loop.site, *loop.term),
                Cat("'", SpfTermText(*loop.site, *loop.term),
                    "' closes an SPF include loop: ", cycle),
                "remove the include or redirect that leads back; a verifier "
                "following the loop hits the lookup limit and returns "
                "permerror");
    }
  }
};

}  // namespace

const Rule& SpfIncludeLoopRule() {
  static const SpfIncludeLoop rule;
  return rule;
}

}  // namespace zonelint::rules

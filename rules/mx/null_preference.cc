// mx-null-preference: a null MX (exchange ".") whose preference is not 0.
#include "lint/rule.h"
#include "rules/mx/mx_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MxNullPreference final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mx-null-preference", Severity::kWarning,
        "a null MX whose preference is not 0 (RFC 7505 3)"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    ForEachMx(context, [&](const MxSite& site) {
      if (!IsNullMx(context, site.mx) || site.mx.preference == 0) return;
      sink.Emit(site.PreferenceRange(),
                Cat("null MX at '", context.names.Text(site.record->owner),
                    "' has preference ", site.mx.preference,
                    "; RFC 7505 defines the null MX with preference 0, and "
                    "senders that check for exactly '0 .' will not see it "
                    "as one"),
                "write it as 'MX 0 .'");
    });
  }
};

}  // namespace

const Rule& MxNullPreferenceRule() {
  static const MxNullPreference rule;
  return rule;
}

}  // namespace zonelint::rules

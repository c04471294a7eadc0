// dkim-version: a v= tag that is not "DKIM1" or not the first tag; RFC
// 6376 3.6.1 makes verifiers discard such a key.
#include "lint/rule.h"
#include "parser/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimVersion final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-version", Severity::kError,
        "a DKIM key whose v= is not first or not `DKIM1`"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    for (const dkim::Error& error : site.key.errors) {
      if (error.kind != dkim::ErrorKind::kVersion) continue;
      sink.Emit(site.Range(error.range),
                Cat(error.message, site.Via(context.names)), error.help);
    }
  }
};

}  // namespace

const Rule& DkimVersionRule() {
  static const DkimVersion rule;
  return rule;
}

}  // namespace zonelint::rules

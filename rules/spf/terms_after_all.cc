// spf-terms-after-all: mechanisms after the first `all`, which are never
// evaluated (RFC 7208 5.1). One diagnostic per record, at the first of them;
// modifiers after `all` are fine and not reported.
#include <string>

#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfTermsAfterAll final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-terms-after-all", Severity::kWarning,
        "mechanisms after `all`, which are never evaluated"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext&, const SpfSite& site,
                   RuleSink& sink) const override {
    const spf::Term* all = nullptr;
    const spf::Term* first = nullptr;
    int count = 0;
    for (const spf::Term& term : site.spf.terms) {
      if (!spf::IsMechanism(term.kind)) continue;
      if (all == nullptr) {
        if (term.kind == spf::TermKind::kAll) all = &term;
        continue;
      }
      if (first == nullptr) first = &term;
      ++count;
    }
    if (first == nullptr) return;
    std::string what = Cat("'", SpfTermText(site, *first), "'");
    sink.Emit(SpfTermRange(site, *first),
              count == 1
                  ? Cat(what, " comes after '", SpfTermText(site, *all),
                        "', so it is never evaluated")
                  : Cat(what, " and ", count - 1,
                        count == 2 ? " more mechanism" : " more mechanisms",
                        " come after '", SpfTermText(site, *all),
                        "', so they are never evaluated"),
              Cat(count == 1 ? "move it before 'all' or delete it"
                             : "move them before 'all' or delete them",
                  ": evaluation stops at 'all', which matches every host"));
  }
};

}  // namespace

const Rule& SpfTermsAfterAllRule() {
  static const SpfTermsAfterAll rule;
  return rule;
}

}  // namespace zonelint::rules

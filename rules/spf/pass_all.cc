// spf-pass-all: `+all` or a bare `all` as the record's `all`: every host on
// the Internet passes SPF for the domain.
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfPassAll final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-pass-all", Severity::kError,
        "`+all` or bare `all`: any host may send as the domain"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const SpfSite& site,
                   RuleSink& sink) const override {
    const spf::Term* all = FirstAll(site.spf);
    if (all == nullptr || all->qualifier != spf::Qualifier::kPass) return;
    std::string_view owner = context.names.Text(site.owner);
    sink.Emit(
        SpfTermRange(site, *all),
        all->explicit_qualifier
            ? Cat("'", SpfTermText(site, *all),
                  "' lets any host on the Internet pass SPF as '", owner, "'")
            : Cat("'", SpfTermText(site, *all),
                  "' means '+all', which lets any host on the Internet "
                  "pass SPF as '",
                  owner, "'"),
        "list the hosts that send your mail and end the record with "
        "'-all' (or '~all' while you are still listing them)");
  }
};

}  // namespace

const Rule& SpfPassAllRule() {
  static const SpfPassAll rule;
  return rule;
}

}  // namespace zonelint::rules

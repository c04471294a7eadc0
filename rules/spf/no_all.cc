// spf-no-all: an SPF record with neither an `all` mechanism nor a
// `redirect` modifier, so hosts it does not list get "neutral" (RFC 7208
// 4.7). Records with syntax errors are left to spf-syntax: their `all` may
// be the term that failed to parse.
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfNoAll final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-no-all", Severity::kWarning,
        "an SPF record with no `all` and no `redirect` (defaults to neutral)"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const SpfSite& site,
                   RuleSink& sink) const override {
    if (!site.spf.ok()) return;
    if (site.spf.Find(spf::TermKind::kAll) != nullptr ||
        site.spf.Find(spf::TermKind::kRedirect) != nullptr) {
      return;
    }
    sink.Emit(site.text.RecordRange(),
              Cat("SPF record at '", context.names.Text(site.owner),
                  "' has no 'all' mechanism and no 'redirect', so mail from "
                  "hosts it does not list gets a neutral result"),
              "end the record with '-all' (or '~all' while you are still "
              "listing your senders)");
  }
};

}  // namespace

const Rule& SpfNoAllRule() {
  static const SpfNoAll rule;
  return rule;
}

}  // namespace zonelint::rules

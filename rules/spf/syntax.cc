// spf-syntax: an SPF record the RFC 7208 ABNF rejects (a permerror): each
// bad term, as the SPF parser (mail/spf.h) reports it.
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"

namespace zonelint::rules {
namespace {

class SpfSyntax final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-syntax", Severity::kError,
        "an SPF term or record that RFC 7208 rejects (permerror)"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext&, const SpfSite& site,
                   RuleSink& sink) const override {
    for (const spf::Error& error : site.spf.errors) {
      sink.Emit(site.text.Range(error.range.begin, error.range.end),
                error.message, error.help);
    }
  }
};

}  // namespace

const Rule& SpfSyntaxRule() {
  static const SpfSyntax rule;
  return rule;
}

}  // namespace zonelint::rules

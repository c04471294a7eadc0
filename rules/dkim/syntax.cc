// dkim-syntax: a DKIM key record that RFC 6376 3.6.1 makes invalid: a
// malformed tag list, a duplicate tag, no p= tag, a malformed h=, k=, s= or
// t= value (verifiers treat the key as a syntax error: PERMFAIL); and a
// v=DKIM1 record published where no verifier looks for keys.
#include "lint/rule.h"
#include "mail/dkim.h"
#include "mail/mail_views.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-syntax", Severity::kError,
        "a DKIM key record with a bad tag list, a duplicate tag or no p="};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const DkimKeys& keys = context.views.Dkim();
    for (const DkimSite& site : keys.sites) {
      for (const dkim::Error& error : site.key().errors) {
        if (error.kind != dkim::ErrorKind::kSyntax) continue;
        sink.Emit(site.Range(error.range),
                  Cat(error.message, site.Via(context.names)), error.help);
      }
    }
    for (const TxtSite* site : keys.outside) {
      sink.Emit(site->text.RecordRange(),
                Cat("DKIM key outside _domainkey: '",
                    DkimDisplayName(context.names, site->owner),
                    "' is not a <selector>._domainkey.<domain> name, and "
                    "verifiers look for keys only there"),
                "publish the key at <selector>._domainkey.<domain> (the "
                "selector is the s= of the signatures, the domain their "
                "d=), and remove this record");
    }
  }
};

}  // namespace

const Rule& DkimSyntaxRule() {
  static const DkimSyntax rule;
  return rule;
}

}  // namespace zonelint::rules

// bimi-syntax: a BIMI record (draft-brand-indicators-for-message-
// identification 4.2) that receivers reject, so they show no logo: bad
// version, no l=, l= or a= not one https URL, bad avp=, several records at
// one <selector>._bimi.<domain>, other TXT there, and v=BIMI1 records at
// names where receivers never look.
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/mail_names.h"
#include "mail/mail_policy.h"
#include "rules/mail_policy/policy_syntax.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

std::vector<PolicyError> Parse(std::string_view text) {
  return bimi::ParseBimi(text).errors;
}

std::string Home(std::string_view domain) {
  return Cat("a selector name such as 'default._bimi.", domain, "'");
}

constexpr PolicyKind kKind{
    MailName::kBimi,
    "BIMI",
    "a BIMI",
    "v=BIMI1",
    "v=BIMI1; l=https://example.com/bimi/logo.svg",
    "",
    &bimi::IsBimiRecord,
    &Parse,
    &Home,
    "with more than one, receivers use none and show no logo"};

class BimiSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "bimi-syntax", Severity::kError,
        "a BIMI record receivers reject (bad version, l= or a= not one https "
        "URL), several of them, or one at the wrong name"};
    return kInfo;
  }
  void Check(const LintContext& context, RuleSink& sink) const override {
    CheckPolicySyntax(kKind, context, sink);
  }
};

}  // namespace

const Rule& BimiSyntaxRule() {
  static const BimiSyntax rule;
  return rule;
}

}  // namespace zonelint::rules

// mta-sts-syntax: an MTA-STS record (RFC 8461 3.1) that senders reject, so
// the domain has no MTA-STS policy: bad version or id, bad extensions,
// several records at _mta-sts.<domain>, other TXT there, and v=STSv1
// records at names where senders never look.
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
  return mta_sts::ParseMtaSts(text).errors;
}

std::string Home(std::string_view domain) {
  return Cat("'_mta-sts.", domain, "'");
}

constexpr PolicyKind kKind{
    MailName::kMtaSts,
    "MTA-STS",
    "an MTA-STS",
    "v=STSv1",
    "v=STSv1; id=20240601T120000Z",
    "mta-sts",
    &mta_sts::IsMtaStsRecord,
    &Parse,
    &Home,
    "with more than one, senders assume the domain has no MTA-STS policy "
    "(RFC 8461 3.1)"};

class MtaStsSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mta-sts-syntax", Severity::kError,
        "an MTA-STS record that RFC 8461 rejects, several of them, or one at "
        "the wrong name"};
    return kInfo;
  }
  void Check(const LintContext& context, RuleSink& sink) const override {
    CheckPolicySyntax(kKind, context, sink);
  }
};

}  // namespace

const Rule& MtaStsSyntaxRule() {
  static const MtaStsSyntax rule;
  return rule;
}

}  // namespace zonelint::rules

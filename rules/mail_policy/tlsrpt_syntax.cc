// tlsrpt-syntax: a TLS-RPT record (RFC 8460 3) that senders reject, so they
// send no TLS reports: bad version, missing rua, bad report URIs or
// extensions, several records at _smtp._tls.<domain>, other TXT there,
// and v=TLSRPTv1 records at names where senders never look.
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
  return tlsrpt::ParseTlsRpt(text).errors;
}

std::string Home(std::string_view domain) {
  return Cat("'_smtp._tls.", domain, "'");
}

constexpr PolicyKind kKind{
    MailName::kTlsRpt,
    "TLS-RPT",
    "a TLS-RPT",
    "v=TLSRPTv1",
    "v=TLSRPTv1; rua=mailto:tlsrpt@example.com",
    "",
    &tlsrpt::IsTlsRptRecord,
    &Parse,
    &Home,
    "with more than one, senders assume the domain does not want TLS reports "
    "(RFC 8460 3)"};

class TlsRptSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "tlsrpt-syntax", Severity::kError,
        "a TLS-RPT record that RFC 8460 rejects, several of them, or one at "
        "the wrong name"};
    return kInfo;
  }
  void Check(const LintContext& context, RuleSink& sink) const override {
    CheckPolicySyntax(kKind, context, sink);
  }
};

}  // namespace

const Rule& TlsRptSyntaxRule() {
  static const TlsRptSyntax rule;
  return rule;
}

}  // namespace zonelint::rules

// Shared by mta-sts-syntax, tlsrpt-syntax and bimi-syntax: each checks the
// TXT records at its kind of name (RFC 8461 3.1 _mta-sts, RFC 8460 3
// _smtp._tls, BIMI <selector>._bimi) and records of its kind elsewhere.
#ifndef ZONELINT_RULES_MAIL_POLICY_POLICY_SYNTAX_H_
#define ZONELINT_RULES_MAIL_POLICY_POLICY_SYNTAX_H_

#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/mail_names.h"
#include "mail/mail_policy.h"

namespace zonelint::rules {

struct PolicyKind {
  MailName kind;             // where records of the kind live
  std::string_view label;    // "MTA-STS"
  std::string_view a_label;  // "an MTA-STS"
  std::string_view version;  // "v=STSv1"
  std::string_view example;  // "v=STSv1; id=20240601T120000Z"
  // A first label that stands for the kind's marker, mistyped without its
  // '_' ("mta-sts" of "mta-sts.example.com."): the domain is after it.
  std::string_view bare_label;
  bool (*is_record)(std::string_view text);
  std::vector<PolicyError> (*parse)(std::string_view text);
  // Where a record for `domain` ("example.com.") belongs, quoted, for
  // messages: "'_mta-sts.example.com.'".
  std::string (*home)(std::string_view domain);
  // Why several records at one name are a problem, after "; ".
  std::string_view several;
};

// The domain a record at `canonical` speaks for: the part after the mail
// name's labels (_mta-sts., _smtp._tls., <selector>._bimi., ...), or for
// other names the part after the last label starting with '_' (the name
// itself when it has none), without a first `bare_label` of the kind.
std::string_view PolicyDomain(const PolicyKind& kind,
                              std::string_view canonical,
                              const MailNameInfo& info);

// Reports, for records in TXT: text at the kind's names that is not a
// record of the kind, several records of the kind at one name, each parse
// error, and records of the kind at names where nobody looks them up.
void CheckPolicySyntax(const PolicyKind& kind, const LintContext& context,
                       RuleSink& sink);

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_MAIL_POLICY_POLICY_SYNTAX_H_

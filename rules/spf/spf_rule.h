// Shared by the per-record SPF rules (rules/spf/*.cc): which SPF records
// they check, the text of a term, and a base class that walks the records.
#ifndef ZONELINT_RULES_SPF_SPF_RULE_H_
#define ZONELINT_RULES_SPF_SPF_RULE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"

namespace zonelint::rules {

// Whether the per-record SPF rules check `site`: every SPF record in TXT,
// and an SPF (type 99) record only when its name has no SPF record in TXT.
// A type 99 record beside a TXT one is ignored by verifiers and is reported
// by spf-type99 alone, so that the same problem in both is reported once.
bool IsCheckedSpfSite(const MailViews& views, const SpfSite& site);

// The text of a term as it reads in the record ("~all", "ip4:192.0.2.0/24").
std::string_view SpfTermText(const SpfSite& site, const spf::Term& term);

// Where a term is in the zone file.
SourceRange SpfTermRange(const SpfSite& site, const spf::Term& term);

// The first `all` mechanism: the one evaluated (RFC 7208 5.1); nullptr when
// the record has none.
const spf::Term* FirstAll(const spf::Record& record);

// "v=spf1 -all" and nothing else: the record of a domain that sends no
// mail.
bool SpfSendsNothing(const spf::Record& record);

// ip4 and ip6 terms: the prefix length (32 or 128 when none is written),
// the address with the bits after the prefix cleared, and an address in its
// usual text form (RFC 5952 for IPv6).
int SpfPrefixLength(const spf::Term& term);
std::array<uint8_t, 16> SpfNetwork(const spf::Term& term);
std::string FormatSpfAddress(spf::TermKind kind,
                             const std::array<uint8_t, 16>& address);

// The unsafe fix of `~all` and `?all`, "Change ~all to -all": the
// qualifier of the first `all` made '-'. It changes what receivers do with
// mail from unlisted hosts, so it is never applied unasked.
std::vector<Fix> FailAllFix(const SpfSite& site, const spf::Term& all);

// A rule that looks at one SPF record at a time.
class SpfRecordRule : public Rule {
 public:
  void Check(const LintContext& context, RuleSink& sink) const final;

 protected:
  virtual void CheckRecord(const LintContext& context, const SpfSite& site,
                           RuleSink& sink) const = 0;
};

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_SPF_SPF_RULE_H_

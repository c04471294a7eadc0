// Shared by the MAIL FROM rules (rules/mailfrom/*.cc): custom MAIL FROM
// (bounce, Return-Path) domains, found by their MX pointing at a mail
// provider's bounce host (rules/provider/providers.h), and whether an SPF
// record authorises a provider.
#ifndef ZONELINT_RULES_MAILFROM_MAILFROM_H_
#define ZONELINT_RULES_MAILFROM_MAILFROM_H_

#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "lint/rule.h"
#include "mail/spf.h"
#include "rules/mx/mx_rule.h"
#include "rules/provider/providers.h"

namespace zonelint::rules {

// A MAIL FROM domain: the first MX record at its name that points at a
// provider's bounce host.
struct MailFromSite {
  MxSite mx;
  const MailProvider* provider;
  std::string_view exchange;  // canonical
};

// Calls fn(const MailFromSite&) once for each MAIL FROM domain, zone by
// zone in file order.
template <typename Fn>
void ForEachMailFromDomain(const LintContext& context, Fn fn) {
  absl::flat_hash_set<NameId> seen;
  ForEachMx(context, [&](const MxSite& site) {
    const std::string_view exchange = context.names.Text(site.mx.exchange);
    const BounceHost bounce = FindBounceHost(exchange);
    if (bounce.provider == nullptr) return;
    if (!seen.insert(site.record->owner).second) return;
    fn(MailFromSite{site, bounce.provider, exchange});
  });
}

enum class SpfAuthorisation {
  kYes,      // it authorises the provider
  kNo,       // it does not: every include it follows is known
  kUnknown,  // not as far as known, but an include it follows is not
};

// Whether an SPF record authorises the provider: it includes (or
// redirects to) one of the provider's SPF domains, directly or through
// records the linted zones hold, or passes everything ("+all"). kNo only
// when every include and redirect it follows is known: it names an SPF
// record of the linted zones (followed), or a name outside them known from
// the user's cost table, the built-in table of senders or the providers'
// includes. A macro, any other name (spf-unknown-include's), a name of the
// linted zones with no SPF record of its own (spf-include-no-spf's, or a
// CNAME or wildcard), or nesting too deep makes it kUnknown.
SpfAuthorisation SpfAuthorises(const LintContext& context,
                               const spf::Record& record,
                               const MailProvider& provider);

// The provider's SPF domain as an include names it, for messages and
// fixes: the first of its spf_includes without the final dot
// ("amazonses.com").
std::string_view SpfIncludeShown(const MailProvider& provider);

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_MAILFROM_MAILFROM_H_

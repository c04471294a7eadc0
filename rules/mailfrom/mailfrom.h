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
#include "parser/spf.h"
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

// Whether an SPF record authorises the provider: it includes (or
// redirects to) one of the provider's SPF domains, directly or through
// records the linted zones hold, or passes everything ("+all"). Also true
// when it may: it includes a name with no SPF record in a linted zone that
// was not read whole (Zone::incomplete()).
bool SpfAuthorises(const LintContext& context, const spf::Record& record,
                   const MailProvider& provider);

// The provider's SPF domain as an include names it, for messages and
// fixes: the first of its spf_includes without the final dot
// ("amazonses.com").
std::string_view SpfIncludeShown(const MailProvider& provider);

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_MAILFROM_MAILFROM_H_

// Shared by the MX rules (rules/mx/*.cc): the MX records of the linted
// zones with their parsed rdata, and what their targets resolve to.
#ifndef ZONELINT_RULES_MX_MX_RULE_H_
#define ZONELINT_RULES_MX_MX_RULE_H_

#include <string_view>

#include "lint/rule.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "parser/source.h"
#include "parser/zone.h"

namespace zonelint::rules {

// One MX record that parsed.
struct MxSite {
  const Zone* zone;
  const Record* record;
  MxRdata mx;

  // The exchange as written in the zone file, and where.
  std::string_view ExchangeText(const SourceSet& sources) const;
  SourceRange ExchangeRange() const;
  // The preference as written, and where.
  SourceRange PreferenceRange() const;
};

// Calls fn(const MxSite&) for each MX record of the linted zones, zone by
// zone in file order.
template <typename Fn>
void ForEachMx(const LintContext& context, Fn fn) {
  for (const auto& zone : context.zones) {
    for (const Record& record : zone->records) {
      if (record.type != rrtype::kMX) continue;
      if (auto mx = AsMx(*zone, record)) fn(MxSite{zone.get(), &record, *mx});
    }
  }
}

// A null MX (RFC 7505): the exchange is the root, ".".
bool IsNullMx(const LintContext& context, const MxRdata& mx);

// An exchange as written that is an address literal rather than a host
// name: "192.0.2.1", "192.0.2.1." (what a trailing dot makes of it),
// "[192.0.2.1]", "2001:db8::1" or "[IPv6:2001:db8::1]".
struct AddressLiteral {
  int family = 0;            // AF_INET or AF_INET6; 0 when not an address
  std::string_view address;  // without brackets, prefix or final dot
};
AddressLiteral ParseAddressLiteral(std::string_view exchange_text);

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_MX_MX_RULE_H_

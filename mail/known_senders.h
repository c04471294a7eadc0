// The built-in table of well-known senders: the SPF lookup cost of the
// include names mail providers document, for names outside every linted
// zone. Values drift as providers change their records; the user's
// --spf-costs file overrides them (mail/spf_costs.h).
#ifndef ZONELINT_MAIL_KNOWN_SENDERS_H_
#define ZONELINT_MAIL_KNOWN_SENDERS_H_

#include <string_view>

#include "absl/types/span.h"

namespace zonelint {

struct KnownSender {
  // Canonical name with its trailing dot; "*.suffix." matches any name
  // below the suffix (customer-specific includes).
  std::string_view name;
  // The lookups the name's own SPF record costs, recursively, not counting
  // the include term naming it: `include:name` costs 1 + lookups.
  int lookups;
  std::string_view provider;
  std::string_view verified;  // "YYYY-MM": when the value was last checked
};

// The table, sorted by name.
absl::Span<const KnownSender> KnownSenders();

// The entry for a canonical name: exact, else the pattern with the longest
// suffix; nullptr when none.
const KnownSender* FindKnownSender(std::string_view canonical);

}  // namespace zonelint

#endif  // ZONELINT_MAIL_KNOWN_SENDERS_H_

// The rule registry: one line per rule, sorted by id. Adding a rule: its
// file in rules/<area>/, one line here, docs/rules/<id>.md and a fixture in
// tests/fixtures/.
#include <algorithm>

#include "lint/rule.h"

// X(id-as-identifier, factory function)
#define ZONELINT_RULES(X)                               \
  X(ZoneCnameAndOtherDataRule)  /* zone-cname-and-other-data */ \
  X(ZoneIncludeRule)            /* zone-include */              \
  X(ZoneMissingTrailingDotRule) /* zone-missing-trailing-dot */ \
  X(ZoneOutOfZoneRule)          /* zone-out-of-zone */          \
  X(ZoneRdataRule)              /* zone-rdata */                \
  X(ZoneSyntaxRule)             /* zone-syntax */               \
  X(ZoneTtlMismatchRule)        /* zone-ttl-mismatch */         \
  X(ZoneTxtStringTooLongRule)   /* zone-txt-string-too-long */

namespace zonelint {
namespace rules {
#define ZONELINT_DECLARE(factory) const Rule& factory();
ZONELINT_RULES(ZONELINT_DECLARE)
#undef ZONELINT_DECLARE
}  // namespace rules

const std::vector<const Rule*>& AllRules() {
#define ZONELINT_ADDRESS(factory) &rules::factory(),
  static const std::vector<const Rule*> kRules = {
      ZONELINT_RULES(ZONELINT_ADDRESS)};
#undef ZONELINT_ADDRESS
  return kRules;
}

const Rule* FindRule(std::string_view id) {
  for (const Rule* rule : AllRules()) {
    if (rule->info().id == id) return rule;
  }
  return nullptr;
}

}  // namespace zonelint

// Linting small zones in rule tests: each test zone is a standard header
// (origin, SOA, NS, ns1 A) and the records under test, and a test looks at
// what some rules found, with the text each finding covers.
#ifndef ZONELINT_TESTS_FINDINGS_H_
#define ZONELINT_TESTS_FINDINGS_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/diagnostic.h"

namespace zonelint::testing {

// A fix a finding offers, and what it makes of the test zone.
struct FoundFix {
  std::string title;
  bool safe = true;
  std::string fixed;  // the zone's records (after the header), fixed
};

struct Found {
  std::string rule;
  Severity severity;
  std::string message;
  std::string help;
  std::string covered;  // the zone text the finding's range covers
  uint32_t line = 0;    // counted from the first line after the header
  uint32_t column = 0;  // 1-based
  std::vector<FoundFix> fixes;
};

// The lines of the header TestZone puts before the records.
inline constexpr uint32_t kTestZoneHeaderLines = 5;

// "$ORIGIN origin", $TTL, SOA, NS and ns1's A, then `records`.
std::string TestZone(std::string_view origin, std::string_view records);

// Lints the zones, given as (origin, records) and linted together, each
// as TestZone(origin, records) in a file named "<origin>zone". Returns the
// findings of the rules `rules` names, in output order: an entry ending in
// '-' ("spf-") is a prefix of rule ids, any other a whole id.
std::vector<Found> LintZones(
    const std::vector<std::pair<std::string, std::string>>& zones,
    std::initializer_list<std::string_view> rules);

// The same for one zone of example.com.
std::vector<Found> LintRecords(std::string_view records,
                               std::initializer_list<std::string_view> rules);

}  // namespace zonelint::testing

#endif  // ZONELINT_TESTS_FINDINGS_H_

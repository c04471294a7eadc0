#include "tests/findings.h"

#include "lint/runner.h"
#include "lint/session.h"
#include "parser/source.h"
#include "parser/zone_parser.h"

namespace zonelint::testing {
namespace {

bool Named(std::string_view rule,
           std::initializer_list<std::string_view> rules) {
  for (std::string_view wanted : rules) {
    if (wanted.ends_with('-') ? rule.starts_with(wanted) : rule == wanted) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string TestZone(std::string_view origin, std::string_view records) {
  return std::string("$ORIGIN ") + std::string(origin) +
         "\n$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
         "@ NS ns1\nns1 A 192.0.2.1\n" +
         std::string(records);
}

std::vector<Found> LintZones(
    const std::vector<std::pair<std::string, std::string>>& zones,
    std::initializer_list<std::string_view> rules) {
  Session session;
  for (const auto& [origin, records] : zones) {
    session.AddText(origin + "zone", TestZone(origin, records), ParseOptions{});
  }
  std::vector<Found> out;
  for (const Diagnostic& d : session.Lint(LintConfig{})) {
    if (!Named(d.rule, rules)) continue;
    const Source& source = session.sources().Get(d.range.file);
    const LineCol at = source.Locate(d.range.begin);
    out.push_back({std::string(d.rule), d.severity, d.message, d.help,
                   std::string(source.text().substr(
                       d.range.begin, d.range.end - d.range.begin)),
                   at.line - kTestZoneHeaderLines, at.column});
  }
  return out;
}

std::vector<Found> LintRecords(std::string_view records,
                               std::initializer_list<std::string_view> rules) {
  return LintZones({{"example.com.", std::string(records)}}, rules);
}

}  // namespace zonelint::testing

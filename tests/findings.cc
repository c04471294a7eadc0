#include "tests/findings.h"

#include <algorithm>

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
  for (const Finding& d : session.Lint(LintConfig{})) {
    if (!Named(d.rule, rules)) continue;
    const Source& source = session.sources().Get(d.range.file);
    const LineCol at = source.Locate(d.range.begin);
    out.push_back({std::string(d.rule), d.severity, std::string(d.message),
                   std::string(d.help),
                   std::string(source.text().substr(
                       d.range.begin, d.range.end - d.range.begin)),
                   at.line - kTestZoneHeaderLines, at.column});
    for (const Fix& fix : d.fixes) {
      // Every edit in the finding's file, applied; the header dropped.
      std::vector<TextEdit> edits = fix.edits;
      std::sort(edits.begin(), edits.end(),
                [](const TextEdit& x, const TextEdit& y) {
                  return x.range.begin < y.range.begin;
                });
      std::string fixed;
      uint32_t pos = 0;
      for (const TextEdit& edit : edits) {
        if (edit.range.file != d.range.file || edit.range.begin < pos) {
          fixed = "bad edit";
          break;
        }
        fixed.append(source.text().substr(pos, edit.range.begin - pos));
        fixed.append(edit.text);
        pos = edit.range.end;
      }
      if (fixed != "bad edit") fixed.append(source.text().substr(pos));
      size_t header = 0;
      for (uint32_t i = 0; i < kTestZoneHeaderLines; ++i) {
        header = fixed.find('\n', header) + 1;
      }
      out.back().fixes.push_back({fix.title, fix.safe, fixed.substr(header)});
    }
  }
  return out;
}

std::vector<Found> LintRecords(std::string_view records,
                               std::initializer_list<std::string_view> rules) {
  return LintZones({{"example.com.", std::string(records)}}, rules);
}

}  // namespace zonelint::testing

// Agreement of zonelint's SPF rules with the openspf RFC 7208 test suite
// (../shared/corpus/conformance/spf/rfc7208-tests.yml, as in Debian's
// python3-spf).
//
// tools/spf_suite_to_zones.py (run by a genrule) turns each scenario's
// zonedata into a zone with origin "." (the suite's whole DNS: a name it does
// not list does not exist) and lists the tests with the domain each concerns
// and the names whose TXT records evaluating it reaches (the domain, then its
// include: and redirect= targets, recursively).
//
// For each test, the findings that count are the error-severity diagnostics
// of "spf-" rules that lie on a TXT record at a reached name:
//  * a test whose result is permerror must get at least one;
//  * a test whose result is a list holding permerror ([fail, permerror]: the
//    suite accepts either) agrees either way;
//  * any other test (pass, fail, none, temperror...) must get none.
// zonelint judges a record for every sender IP at once (the worst case), the
// suite for one IP; where that or anything else makes them disagree, the test
// is listed with its reason in tests/conformance/spf_differences.tsv. An
// unlisted disagreement fails, and so does a listed test that agrees again.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "lint/session.h"
#include "parser/name.h"
#include "parser/rrtype.h"
#include "parser/source.h"
#include "parser/zone.h"
#include "parser/zone_parser.h"
#include "tests/conformance/corpus.h"
#include "util/strings.h"

namespace zonelint::conformance {
namespace {

constexpr std::string_view kZoneMarker = ";; zone ";

// One generated zone of the bundle: its file name and text.
struct SuiteZone {
  std::string name;
  std::string text;
};

std::vector<SuiteZone> SplitBundle(std::string_view bundle) {
  std::vector<SuiteZone> zones;
  for (std::string_view line : Split(bundle, '\n')) {
    if (line.substr(0, kZoneMarker.size()) == kZoneMarker) {
      zones.push_back({std::string(line.substr(kZoneMarker.size())), ""});
    } else if (!zones.empty()) {
      zones.back().text += line;
      zones.back().text += '\n';
    }
  }
  return zones;
}

// An spf- error, placed on the record it lies in.
struct SpfError {
  std::string owner;  // canonical owner of the TXT record; empty if none
  std::string text;   // "rule line N: message", for failure messages
};

// What zonelint says about one scenario's zone.
struct ZoneResult {
  std::vector<SpfError> spf_errors;
  std::vector<std::string> zone_errors;  // errors of the zone- rules
};

ZoneResult LintZone(const SuiteZone& zone) {
  Session session;
  ParseOptions options;
  options.origin = ".";
  options.origin_from_file_name = false;
  session.AddText(zone.name, zone.text, options);
  const Findings diagnostics = session.Lint(LintConfig{});

  ZoneResult result;
  for (const zonelint::Finding& d : diagnostics) {
    if (d.severity != Severity::kError) continue;
    const uint32_t line =
        d.range.file < session.sources().size()
            ? session.sources().Get(d.range.file).Locate(d.range.begin).line
            : 0;
    const std::string where = Cat(d.rule, " line ", line, ": ", d.message);
    if (d.rule.substr(0, 5) == "zone-") {
      result.zone_errors.push_back(where);
      continue;
    }
    // The suite's zones are made for SPF evaluation, not as mail setups:
    // an MX target without an address is a test case there (void lookups),
    // so only the SPF rules (and the zone rules, above) are judged.
    if (d.rule.substr(0, 4) != "spf-") {
      continue;
    }
    SpfError error{"", where};
    for (const auto& z : session.zones()) {
      for (const Record& r : z->records) {
        if (r.type != rrtype::kTXT || r.file != d.range.file ||
            d.range.begin < r.begin || d.range.begin > r.end) {
          continue;
        }
        error.owner = std::string(z->names().Text(r.owner));
        break;
      }
      if (!error.owner.empty()) break;
    }
    result.spf_errors.push_back(std::move(error));
  }
  return result;
}

// The canonical form of an absolute presentation name; empty when it is no
// valid name (such as "A...example.com.": it has no records).
std::string Canonical(std::string_view presentation) {
  static const Origin* const kRoot = new Origin(MakeOrigin("."));
  std::string out;
  bool relative = false;
  if (ParseName(presentation, kRoot, &out, &relative) != NameError::kOk) {
    return "";
  }
  return out;
}

TEST(SpfSuiteTest, Rfc7208SuiteAgrees) {
  if (SharedRoot().empty()) GTEST_SKIP() << kNoSharedCorpus;
  const std::string project = ProjectRoot();
  const std::string dir = project + "/tests/conformance";
  std::string error;
  DifferenceTable differences;
  ASSERT_TRUE(differences.Load(dir + "/spf_differences.tsv",
                               {"scenario", "test"}, &error))
      << error;
  std::vector<TsvRow> tests;
  ASSERT_TRUE(ReadTsv(dir + "/rfc7208_tests.tsv", &tests, &error)) << error;
  ASSERT_GE(tests.size(), 200u) << "the suite has 203 tests";
  std::string bundle;
  ASSERT_TRUE(ReadFile(dir + "/rfc7208_suite.zones", &bundle))
      << "cannot read the generated zones in " << dir;

  std::map<std::string, ZoneResult> results;  // zone name -> result
  for (const SuiteZone& zone : SplitBundle(bundle)) {
    ZoneResult result = LintZone(zone);
    // The generated zones must be clean master files: only the SPF rules
    // are judged here.
    for (const std::string& e : result.zone_errors) {
      ADD_FAILURE() << zone.name << ": " << e
                    << "\n  (a zone-file error in a generated zone: fix "
                       "tools/spf_suite_to_zones.py or the parser)";
    }
    results.emplace(zone.name, std::move(result));
  }
  ASSERT_GE(results.size(), 16u);

  const bool verbose = std::getenv("ZONELINT_SPF_SUITE_VERBOSE") != nullptr;
  int agree = 0, listed = 0, permerror_tests = 0, permerror_errors = 0;
  for (const TsvRow& test : tests) {
    const std::vector<std::string> key = {test.at("scenario"), test.at("test")};
    const std::string label = DifferenceTable::KeyText(key);
    auto zone = results.find(test.at("zone"));
    ASSERT_NE(zone, results.end()) << label << ": no zone " << test.at("zone");

    std::set<std::string> reach;
    for (std::string_view name : Split(test.at("reach"), ' ')) {
      if (std::string c = Canonical(name); !c.empty()) reach.insert(c);
    }
    std::vector<const SpfError*> errors;
    for (const SpfError& e : zone->second.spf_errors) {
      if (reach.count(e.owner) != 0) errors.push_back(&e);
    }
    std::string found;
    for (const SpfError* e : errors) {
      found += Cat("\n    ", e->owner, " ", e->text);
    }

    const std::string& result = test.at("result");
    const bool permerror = result == "permerror";
    bool permerror_allowed = false;
    for (std::string_view r : Split(result, ',')) {
      if (r == "permerror") permerror_allowed = true;
    }
    std::string disagreement;
    if (permerror) {
      ++permerror_tests;
      if (errors.empty()) {
        disagreement =
            Cat("the suite expects permerror, but zonelint "
                "reports no spf- error on the TXT records of ",
                test.at("reach"));
      } else {
        ++permerror_errors;
      }
    } else if (!permerror_allowed && !errors.empty()) {
      disagreement = Cat("the suite expects ", result,
                         ", but zonelint reports spf- errors:", found);
    }
    if (verbose) {
      std::printf("%s [%s] %s%s\n",
                  disagreement.empty() ? "agree   " : "DIFFER  ",
                  result.c_str(), label.c_str(), found.c_str());
    }

    if (differences.Listed(key)) {
      ++listed;
      EXPECT_FALSE(disagreement.empty())
          << label << " is listed in spf_differences.tsv ("
          << differences.Reason(key)
          << ") but zonelint now agrees with the suite: remove the row";
    } else if (disagreement.empty()) {
      ++agree;
    } else {
      ADD_FAILURE() << label << " (" << test.at("domain") << ", spec "
                    << test.at("spec") << "): " << disagreement
                    << "\n  Fix the rule, or list the test with its reason "
                       "in tests/conformance/spf_differences.tsv";
    }
  }
  for (const std::string& key : differences.Unseen()) {
    ADD_FAILURE() << "spf_differences.tsv lists '" << key
                  << "', which is not a test of the suite";
  }
  std::printf(
      "rfc7208-suite: %d/%zu tests agree, %d listed differences "
      "(%d permerror tests: %d get an error)\n",
      agree, tests.size(), listed, permerror_tests, permerror_errors);
}

}  // namespace
}  // namespace zonelint::conformance

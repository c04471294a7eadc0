// Agreement with BIND 9.18's named-checkzone on real-world zone files
// (../shared/corpus/realworld, MANIFEST.tsv and _logs/).
//
// Each zone is linted as BIND checked it: from the directory that holds it
// in a rebuilt copy of its repository's layout (so that relative $INCLUDEs
// resolve), with the manifest's origin. Then:
//  * BIND OK: zonelint reports no error from the syntax rules (zone-syntax,
//    zone-rdata, zone-include, zone-txt-string-too-long);
//  * BIND reports syntax or rdata errors (dns_rdata_fromtext, dns_master_load,
//    unknown RR types, $INCLUDE "file not found", $GENERATE): zonelint
//    reports a syntax-rule error on each line BIND names. The manifest has
//    BIND's first error; the log in _logs/ has all of them;
//  * BIND fails for other reasons only (no SOA, NS without address, check-
//    names, out-of-zone data, CNAME and other data): these are not syntax,
//    so zonelint must report no syntax error; where zonelint has the same
//    check (kSemanticChecks) that rule must fire for BIND's first error;
//  * and whatever else BIND says: zone-no-soa fires exactly when BIND's log
//    says the zone has no SOA or an SOA below its top, except that it may
//    also fire when BIND stopped at another error before checking the SOA
//    (never for a zone BIND loads).
// Disagreements must be listed in tests/conformance/realworld_differences.tsv
// with a reason; listed zones that agree again fail the test.
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/conformance/corpus.h"
#include "util/strings.h"

namespace zonelint::conformance {
namespace {

// One error line BIND printed: where, and whether it is about syntax.
struct BindError {
  std::string file;  // base name
  uint32_t line = 0;
  std::string message;
  bool syntax = false;
};

// Parses "[prefix: ]FILE:LINE: MESSAGE"; false for other lines (summary
// lines such as "zone x/IN: has 0 SOA records").
bool ParseBindError(std::string_view text, BindError* out) {
  std::string_view prefix;
  for (std::string_view p :
       {"dns_rdata_fromtext: ", "dns_master_load: ", "$GENERATE: "}) {
    if (text.substr(0, p.size()) == p) {
      prefix = p;
      text.remove_prefix(p.size());
      break;
    }
  }
  // FILE:LINE: -- the file name has no ": " in these logs.
  size_t colon = text.find(": ");
  if (colon == std::string_view::npos) return false;
  std::string_view where = text.substr(0, colon);
  size_t last = where.rfind(':');
  if (last == std::string_view::npos) return false;
  int64_t line;
  if (!ParseInt64(where.substr(last + 1), &line) || line <= 0) return false;
  out->file = std::string(BaseName(where.substr(0, last)));
  out->line = static_cast<uint32_t>(line);
  out->message = std::string(text.substr(colon + 2));
  const std::string_view m = out->message;
  if (prefix == "dns_rdata_fromtext: " || prefix == "$GENERATE: ") {
    out->syntax = true;
  } else if (prefix == "dns_master_load: ") {
    out->syntax =
        m.find("CNAME and other data") == std::string_view::npos &&
        m.find("multiple RRs of singleton type") == std::string_view::npos;
  } else {
    out->syntax = m.substr(0, 16) == "unknown RR type ";
  }
  return true;
}

// BIND checks that are not syntax but that a zonelint rule also does
// (`rule`, or `also` where that rule reports some of the cases).
struct SemanticCheck {
  std::string_view pattern;
  std::string_view rule;
  std::string_view also = {};
};
constexpr SemanticCheck kSemanticChecks[] = {
    {"CNAME and other data", "zone-cname-and-other-data"},
    // An SOA outside the zone is the zone's SOA in the wrong place.
    {"ignoring out-of-zone data", "zone-out-of-zone", "zone-no-soa"},
};

// What BIND's log says when a zone has no SOA at its top, or one below it.
constexpr std::string_view kBindSoaProblems[] = {
    "has 0 SOA records", "SOA record not at top of zone"};

// The error lines of the named-checkzone part of a _logs/ file, skipping
// warnings.
std::vector<BindError> BindErrorsFromLog(const std::string& log) {
  std::vector<BindError> out;
  bool in_bind = false;
  for (std::string_view line : Split(log, '\n')) {
    if (line.substr(0, 3) == "== ") {
      in_bind = line.substr(0, 19) == "== named-checkzone ";
      continue;
    }
    if (!in_bind || line.find("warning") != std::string_view::npos) continue;
    BindError e;
    if (ParseBindError(line, &e)) out.push_back(std::move(e));
  }
  return out;
}

// The named-checkzone part of a _logs/ file (kzonecheck's follows it).
std::string_view BindPartOfLog(std::string_view log) {
  size_t begin = log.find("== named-checkzone ");
  if (begin == std::string_view::npos) return {};
  size_t end = log.find("\n== ", begin + 1);
  return log.substr(begin, end == std::string_view::npos ? end : end - begin);
}

TEST(RealworldTest, ZonesAgreeWithNamedCheckzone) {
  const std::string shared = SharedRoot();
  if (shared.empty()) GTEST_SKIP() << kNoSharedCorpus;
  DifferenceTable differences;
  std::string error;
  ASSERT_TRUE(differences.Load(
      ProjectRoot() + "/tests/conformance/realworld_differences.tsv", {"file"},
      &error))
      << error;
  const std::string dir = shared + "/corpus/realworld";
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  int zones = 0, agree = 0, listed = 0;
  // ASSERTs inside the lambda end that zone's checks only.
  const bool walked = ForEachRealworldZone(
      shared, tmp,
      [&](const TsvRow& row, const LintResult& result) {
        ++zones;
        const std::string& file = row.at("file");
        const std::string& verdict = row.at("named_checkzone");
        std::vector<BindError> bind_syntax;
        std::string_view first_error;
        bool bind_soa_problem = false;
        if (verdict != "OK") {
          ASSERT_EQ(verdict.substr(0, 6), "FAIL: ") << file;
          first_error = std::string_view(verdict).substr(6);
          std::string log;
          ASSERT_TRUE(ReadFile(dir + "/_logs/" + file + ".log", &log)) << file;
          for (BindError& e : BindErrorsFromLog(log)) {
            if (e.syntax) bind_syntax.push_back(std::move(e));
          }
          for (std::string_view problem : kBindSoaProblems) {
            if (BindPartOfLog(log).find(problem) != std::string_view::npos) {
              bind_soa_problem = true;
            }
          }
          BindError first;
          if (ParseBindError(first_error, &first) && first.syntax &&
              bind_syntax.empty()) {
            bind_syntax.push_back(first);  // the manifest line at least
          }
        }

        std::string disagreement;
        if (bind_syntax.empty()) {
          if (!result.SyntaxErrors().empty()) {
            disagreement = Cat("BIND reports no syntax error (",
                               verdict == "OK" ? "OK" : verdict,
                               ") but zonelint does:\n", result.Describe(true));
          } else {
            for (const SemanticCheck& c : kSemanticChecks) {
              if (first_error.find(c.pattern) != std::string_view::npos &&
                  !result.HasRule(c.rule) &&
                  (c.also.empty() || !result.HasRule(c.also))) {
                disagreement = Cat("BIND fails with '", first_error, "' but ",
                                   c.rule, " does not fire");
              }
            }
          }
        } else if (result.SyntaxErrors().empty()) {
          disagreement = Cat("BIND fails with '", first_error,
                             "' but zonelint reports no syntax error");
        } else {
          for (const BindError& e : bind_syntax) {
            if (!result.SyntaxErrorOnLine(e.line, e.file)) {
              disagreement += Cat("BIND reports ", e.file, ":", e.line, ": ",
                                  e.message, "; zonelint has no error there\n");
            }
          }
          if (!disagreement.empty()) {
            disagreement += Cat("  zonelint reports:\n", result.Describe(true));
          }
        }

        if (disagreement.empty()) {
          const bool no_soa = result.HasRule("zone-no-soa");
          if (bind_soa_problem && !no_soa) {
            disagreement =
                Cat("BIND finds no SOA at the zone's top but "
                    "zone-no-soa does not fire; zonelint reports:\n",
                    result.Describe(false));
          } else if (verdict == "OK" && no_soa) {
            disagreement = Cat("BIND loads the zone but zonelint reports:\n",
                               result.Describe(false));
          }
        }

        if (differences.Listed({file})) {
          ++listed;
          EXPECT_FALSE(disagreement.empty())
              << file << " is listed in realworld_differences.tsv ("
              << differences.Reason({file})
              << ") but zonelint now agrees with BIND: remove the row";
        } else if (disagreement.empty()) {
          ++agree;
        } else {
          ADD_FAILURE()
              << file << ": " << disagreement
              << "\n  Fix the parser, or list the zone with its reason "
                 "in tests/conformance/realworld_differences.tsv";
        }
      },
      &error);
  ASSERT_TRUE(walked) << error;
  EXPECT_GE(zones, 200);
  for (const std::string& key : differences.Unseen()) {
    ADD_FAILURE() << "realworld_differences.tsv lists '" << key
                  << "', which is not a zone of MANIFEST.tsv";
  }
  std::printf("realworld: %d/%d agree, %d listed differences\n", agree, zones,
              listed);
}

}  // namespace
}  // namespace zonelint::conformance

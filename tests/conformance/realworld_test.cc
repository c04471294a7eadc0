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
//    check (kSemanticChecks) that rule must fire for BIND's first error.
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

// BIND checks that are not syntax but that a zonelint rule also does.
struct SemanticCheck {
  std::string_view pattern;
  std::string_view rule;
};
constexpr SemanticCheck kSemanticChecks[] = {
    {"CNAME and other data", "zone-cname-and-other-data"},
    {"ignoring out-of-zone data", "zone-out-of-zone"},
};

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

TEST(RealworldTest, ZonesAgreeWithNamedCheckzone) {
  const std::string shared = SharedRoot();
  ASSERT_FALSE(shared.empty())
      << "cannot find the shared corpus; set ZONELINT_SHARED to the "
         "directory holding corpus/";
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
        if (verdict != "OK") {
          ASSERT_EQ(verdict.substr(0, 6), "FAIL: ") << file;
          first_error = std::string_view(verdict).substr(6);
          std::string log;
          ASSERT_TRUE(ReadFile(dir + "/_logs/" + file + ".log", &log)) << file;
          for (BindError& e : BindErrorsFromLog(log)) {
            if (e.syntax) bind_syntax.push_back(std::move(e));
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
                  !result.HasRule(c.rule)) {
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
  for (const std::string& key : differences.Unseen()) {
    ADD_FAILURE() << "realworld_differences.tsv lists '" << key
                  << "', which is not a zone of MANIFEST.tsv";
  }
  std::printf("realworld: %d/%d agree, %d listed differences\n", agree, zones,
              listed);
}

}  // namespace
}  // namespace zonelint::conformance

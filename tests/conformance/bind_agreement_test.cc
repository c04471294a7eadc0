// Agreement with BIND 9.18's named-checkzone on BIND's own checkzone system
// test zones (../shared/corpus/conformance/bind-checkzone, CASES.tsv).
//
// For each row:
//  * a zone BIND accepts must get no error from the syntax rules
//    (zone-syntax, zone-rdata, zone-include, zone-txt-string-too-long);
//  * a zone BIND rejects for syntax or rdata must get such an error, on each
//    line the row's expected_line names;
//  * a zone BIND rejects for another reason (kSemanticChecks below) must get
//    the zonelint rule that does the same check, and no syntax error; when
//    zonelint has no such rule the row is a difference;
//  * zone-no-soa never fires on a zone BIND accepts. (On a zone BIND
//    rejects it may: BIND stops at its first error, before it checks the
//    SOA, and the rdata cases here have none.)
// "Only newer BIND" rows (9.18 accepts, 9.19+ rejects) are held to the newer
// verdict. Every disagreement must be listed with its reason in
// tests/conformance/bind_differences.tsv, and every listed row must still
// disagree, so the table stays true.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "tests/conformance/corpus.h"
#include "util/strings.h"

namespace zonelint::conformance {
namespace {

// BIND checks that are not about syntax, found by a pattern in the row's
// note (which quotes what tests.sh greps for). `rule` is the zonelint rule
// that does the same check, empty when there is none.
struct SemanticCheck {
  std::string_view pattern;
  std::string_view rule;
  std::string_view what;
};
constexpr SemanticCheck kSemanticChecks[] = {
    {"CNAME and other data", "zone-cname-and-other-data",
     "CNAME beside other data"},
    {"CDS/CDNSKEY consistency", "", "CDS/CDNSKEY consistency with the DNSKEYs"},
    {"check-names", "", "check-names (host-name syntax of names)"},
    {"DS record at top of zone", "", "DS at the zone apex"},
    {"DS not at delegation point", "", "DS away from a delegation"},
    {"SVCB record not valid", "", "_dns SVCB (DDR) semantics"},
    {"invalid rpz IP address", "", "RPZ owner-name canonical form"},
    {"_er/TXT", "", "error-reporting agent wildcard (-R)"},
    {"is below a DNAME", "", "NS target below a DNAME"},
    {"max-ttl", "", "max-ttl (-l)"},
};

const SemanticCheck* FindSemanticCheck(std::string_view note) {
  for (const SemanticCheck& c : kSemanticChecks) {
    if (note.find(c.pattern) != std::string_view::npos) return &c;
  }
  return nullptr;
}

std::vector<uint32_t> Lines(std::string_view list) {
  std::vector<uint32_t> out;
  for (std::string_view item : Split(list, ',')) {
    int64_t v;
    if (ParseInt64(item, &v) && v > 0) out.push_back(static_cast<uint32_t>(v));
  }
  return out;
}

TEST(BindAgreementTest, CheckzoneCasesAgreeWithBind918) {
  const std::string shared = SharedRoot();
  if (shared.empty()) GTEST_SKIP() << kNoSharedCorpus;
  const std::string project = ProjectRoot();
  DifferenceTable differences;
  std::string error;
  ASSERT_TRUE(differences.Load(
      project + "/tests/conformance/bind_differences.tsv",
      {"file", "extra_flags"}, &error))
      << error;
  const std::string dir = shared + "/corpus/conformance/bind-checkzone";
  std::vector<TsvRow> rows;
  ASSERT_TRUE(ReadTsv(dir + "/CASES.tsv", &rows, &error)) << error;
  ASSERT_GE(rows.size(), 150u);

  // $INCLUDE paths in these zones are "zones/...": run from the folder.
  ScopedChdir chdir(dir);
  ASSERT_TRUE(chdir.ok()) << "cannot chdir to " << dir;

  int agree = 0, listed = 0;
  for (const TsvRow& row : rows) {
    const std::string& file = row.at("file");
    const std::string& flags = row.at("extra_flags");
    const std::string& note = row.at("note");
    const std::vector<std::string> key = {file, flags};
    const std::string label = DifferenceTable::KeyText(key);
    // 9.18's verdict, or the newer one for the checks only newer BIND has.
    const bool newer_only =
        row.at("bind918_note").find("only by newer BIND") != std::string::npos;
    const bool bind_rejects =
        (newer_only ? row.at("expected") : row.at("bind918_result")) ==
        "error";

    const LintResult result = LintFile("zones/" + file, row.at("origin") + ".");
    ASSERT_TRUE(result.read_ok) << file << ": " << result.read_error;
    const bool has_syntax_error = !result.SyntaxErrors().empty();

    std::string disagreement;
    const SemanticCheck* check =
        bind_rejects ? FindSemanticCheck(note) : nullptr;
    if (!bind_rejects || check != nullptr) {
      // BIND read the zone without a syntax or rdata complaint.
      if (has_syntax_error) {
        disagreement = "BIND reads the zone without a syntax error, but "
                       "zonelint reports:\n" + result.Describe(true);
      } else if (check != nullptr && check->rule.empty()) {
        disagreement = Cat("BIND rejects it (", check->what,
                           "); zonelint has no such check");
      } else if (check != nullptr && !result.HasRule(check->rule)) {
        disagreement = Cat("BIND rejects it (", check->what, ") but ",
                           check->rule, " does not fire; zonelint reports:\n",
                           result.Describe(false));
      }
    } else if (!has_syntax_error) {
      disagreement = Cat("BIND rejects it (", note,
                         ") but zonelint reports no syntax error; it "
                         "reports:\n", result.Describe(false));
    } else {
      std::string missed;
      for (uint32_t line : Lines(row.at("expected_line"))) {
        if (!result.SyntaxErrorOnLine(line, BaseName(file))) {
          missed += Cat(missed.empty() ? "" : ", ", line);
        }
      }
      if (!missed.empty()) {
        disagreement = Cat("BIND reports a syntax error on line(s) ", missed,
                           " (", note, "), zonelint on other lines:\n",
                           result.Describe(true));
      }
    }

    if (disagreement.empty() && !bind_rejects &&
        result.HasRule("zone-no-soa")) {
      disagreement = Cat("BIND loads the zone but zonelint reports:\n",
                         result.Describe(false));
    }

    if (differences.Listed(key)) {
      ++listed;
      EXPECT_FALSE(disagreement.empty())
          << label << " is listed in bind_differences.tsv ("
          << differences.Reason(key)
          << ") but zonelint now agrees with BIND: remove the row";
    } else if (disagreement.empty()) {
      ++agree;
    } else {
      ADD_FAILURE() << label << ": " << disagreement
                    << "\n  Fix the parser, or list the case with its reason "
                       "in tests/conformance/bind_differences.tsv";
    }
  }
  for (const std::string& key : differences.Unseen()) {
    ADD_FAILURE() << "bind_differences.tsv lists '" << key
                  << "', which is not a row of CASES.tsv";
  }
  std::printf("bind-checkzone: %d/%zu agree, %d listed differences\n", agree,
              rows.size(), listed);
}

}  // namespace
}  // namespace zonelint::conformance

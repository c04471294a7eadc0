// Agreement of zonelint's DMARC rules with the DMARC record corpus
// (../shared/corpus/conformance/dmarc/records.tsv: records and verdicts
// collected from OpenDMARC, checkdmarc, mox and abnf-dmarc-parser). Each
// record is placed at _dmarc.example.com and linted; "invalid" rows must be
// rejected (an error of dmarc-lookalike, dmarc-syntax, dmarc-misplaced or
// dmarc-multiple-records), "valid" and "warn" rows must not. Differences
// are listed with reasons in dmarc_differences.tsv.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "lint/session.h"
#include "parser/zone_parser.h"
#include "tests/conformance/corpus.h"
#include "util/strings.h"

namespace zonelint::conformance {
namespace {

// The TSV escapes TAB, CR, LF and backslash as \t, \r, \n and \\.
std::string Unescape(std::string_view cell) {
  std::string out;
  for (size_t i = 0; i < cell.size(); ++i) {
    if (cell[i] == '\\' && i + 1 < cell.size()) {
      const char c = cell[++i];
      out.push_back(c == 't' ? '\t' : c == 'r' ? '\r' : c == 'n' ? '\n' : c);
    } else {
      out.push_back(cell[i]);
    }
  }
  return out;
}

// The record as TXT rdata: 255-byte character-strings, with quotes,
// backslashes and bytes outside printable ASCII escaped.
std::string TxtRdata(std::string_view record) {
  std::string out;
  size_t at = 0;
  do {
    std::string_view part = record.substr(at, 255);
    at += part.size();
    out += out.empty() ? "\"" : " \"";
    for (char ch : part) {
      const unsigned char c = static_cast<unsigned char>(ch);
      if (c == '"' || c == '\\') {
        out += '\\';
        out += ch;
      } else if (c < 0x20 || c > 0x7E) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\%03u", c);
        out += buf;
      } else {
        out += ch;
      }
    }
    out += '"';
  } while (at < record.size());
  return out;
}

// What a receiver does with the record, as zonelint judges it: "rejects"
// when dmarc-lookalike, dmarc-syntax, dmarc-misplaced or
// dmarc-multiple-records report an error (the text is no DMARC record, or
// the record or a tag of it breaks RFC 7489 and is discarded or ignored).
// dmarc-report-uri errors (a well-formed URI nobody can use) and the policy
// warnings do not count: the record itself is valid.
bool IsRejectingRule(std::string_view rule) {
  return rule == "dmarc-lookalike" || rule == "dmarc-syntax" ||
         rule == "dmarc-misplaced" || rule == "dmarc-multiple-records";
}

struct RowResult {
  int rejections = 0;
  int findings = 0;                // any other dmarc- diagnostic
  std::string found;               // "rule: message" lines
  std::vector<std::string> other;  // errors of rules other than dmarc-
};

RowResult LintRecord(std::string_view record) {
  const std::string zone =
      Cat("$ORIGIN example.com.\n$TTL 3600\n"
          "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
          "@ NS ns1\nns1 A 192.0.2.1\n"
          "_dmarc TXT ",
          TxtRdata(record), "\n");
  Session session;
  ParseOptions options;
  options.origin = "example.com.";
  options.origin_from_file_name = false;
  session.AddText("dmarc.zone", zone, options);
  RowResult result;
  for (const zonelint::Finding& d : session.Lint(LintConfig{})) {
    if (d.rule.substr(0, 6) != "dmarc-") {
      // An SPF record placed at _dmarc (a corpus row) is judged by the
      // spf- rules too; only other rules' errors are unexpected.
      if (d.severity == Severity::kError && d.rule.substr(0, 4) != "spf-") {
        result.other.push_back(Cat(d.rule, ": ", d.message));
      }
      continue;
    }
    if (d.severity == Severity::kError && IsRejectingRule(d.rule)) {
      ++result.rejections;
    } else {
      ++result.findings;
    }
    result.found += Cat("\n    ", d.rule, ": ", d.message);
  }
  return result;
}

TEST(DmarcRecordsTest, CorpusAgrees) {
  const std::string shared = SharedRoot();
  if (shared.empty()) GTEST_SKIP() << kNoSharedCorpus;
  std::string error;
  std::vector<TsvRow> rows;
  ASSERT_TRUE(
      ReadTsv(shared + "/corpus/conformance/dmarc/records.tsv", &rows, &error))
      << error;
  ASSERT_GE(rows.size(), 150u) << "the corpus has 158 rows";
  DifferenceTable differences;
  ASSERT_TRUE(differences.Load(
      ProjectRoot() + "/tests/conformance/dmarc_differences.tsv",
      {"source", "record"}, &error))
      << error;

  const bool verbose = std::getenv("ZONELINT_DMARC_VERBOSE") != nullptr;
  int agree = 0, listed = 0, warn_rows = 0, warn_flagged = 0;
  for (const TsvRow& row : rows) {
    const std::vector<std::string> key = {row.at("source"), row.at("record")};
    const std::string label = DifferenceTable::KeyText(key);
    const std::string& expected = row.at("expected");
    const RowResult result = LintRecord(Unescape(row.at("record")));
    for (const std::string& e : result.other) {
      ADD_FAILURE() << label << ": an error outside the dmarc- rules: " << e;
    }
    std::string disagreement;
    if (expected == "invalid") {
      if (result.rejections == 0) {
        disagreement =
            "the corpus says invalid, but zonelint does not "
            "reject the record";
      }
    } else if (expected == "valid" || expected == "warn") {
      if (expected == "warn") {
        ++warn_rows;
        if (result.findings > 0) ++warn_flagged;
      }
      if (result.rejections > 0) {
        disagreement = Cat("the corpus says ", expected,
                           ", but zonelint rejects the record");
      }
    } else {
      ADD_FAILURE() << label << ": unknown expected value '" << expected << "'";
      continue;
    }
    if (verbose) {
      std::printf("%s [%s %s] %s%s\n",
                  disagreement.empty() ? "agree   " : "DIFFER  ",
                  expected.c_str(), row.at("category").c_str(), label.c_str(),
                  result.found.c_str());
    }
    if (differences.Listed(key)) {
      ++listed;
      EXPECT_FALSE(disagreement.empty())
          << label << " is listed in dmarc_differences.tsv ("
          << differences.Reason(key)
          << ") but zonelint now agrees with the corpus: remove the row";
    } else if (disagreement.empty()) {
      ++agree;
    } else {
      ADD_FAILURE() << label << " (" << row.at("category")
                    << "): " << disagreement << ":" << result.found
                    << "\n  Fix the rule, or list the row with its reason "
                       "in tests/conformance/dmarc_differences.tsv";
    }
  }
  for (const std::string& key : differences.Unseen()) {
    ADD_FAILURE() << "dmarc_differences.tsv lists '" << key
                  << "', which is not a row of the corpus";
  }
  std::printf(
      "dmarc-records: %d/%zu agree, %d listed differences (%d warn rows: %d "
      "get another dmarc- diagnostic)\n",
      agree, rows.size(), listed, warn_rows, warn_flagged);
}

}  // namespace
}  // namespace zonelint::conformance

// Agreement of zonelint's DKIM rules with the DKIM key corpus
// (../shared/corpus/conformance/dkim/records.tsv: key records and verdicts
// collected from OpenDKIM, Mail::DKIM, dkimpy and mox, judged against RFC
// 6376, RFC 8301 and RFC 8463).
//
// Each row's record is published as the TXT record of
// sel._domainkey.example.com (split into 255-byte strings, which DKIM joins
// with no separator) in a zone of its own, and linted. What counts are the
// diagnostics of the dkim- rules:
//  * "invalid": at least one error;
//  * "revoked": a dkim-revoked notice, or an error;
//  * "valid" and "warn": no error (a warn row is well formed but weak, or
//    the RFC and its source disagree; warnings and notices are allowed, and
//    how many warn rows get a dkim- warning is printed).
// Where zonelint follows the RFC rather than the corpus verdict, the row is
// listed with its reason in tests/conformance/dkim_differences.tsv. An
// unlisted disagreement fails, and so does a listed row that agrees again.
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

struct RowResult {
  int errors = 0;
  int warnings = 0;
  bool revoked = false;
  std::string found;               // "rule: message" lines
  std::vector<std::string> other;  // errors of rules other than dkim-
};

RowResult LintRecord(std::string_view record) {
  const std::string zone =
      Cat("$ORIGIN example.com.\n$TTL 3600\n"
          "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
          "@ NS ns1\nns1 A 192.0.2.1\n"
          "_dmarc TXT \"v=DMARC1; p=reject\"\n"
          "sel._domainkey TXT ",
          TxtRdata(record), "\n");
  Session session;
  ParseOptions options;
  options.origin = "example.com.";
  options.origin_from_file_name = false;
  session.AddText("dkim.zone", zone, options);
  RowResult result;
  for (const zonelint::Finding& d : session.Lint(LintConfig{})) {
    if (d.rule.substr(0, 5) != "dkim-") {
      if (d.severity == Severity::kError) {
        result.other.push_back(Cat(d.rule, ": ", d.message));
      }
      continue;
    }
    if (d.severity == Severity::kError) ++result.errors;
    if (d.severity == Severity::kWarning) ++result.warnings;
    if (d.rule == "dkim-revoked") result.revoked = true;
    result.found += Cat("\n    ", d.rule, ": ", d.message);
  }
  return result;
}

TEST(DkimRecordsTest, CorpusAgrees) {
  const std::string shared = SharedRoot();
  if (shared.empty()) GTEST_SKIP() << kNoSharedCorpus;
  std::string error;
  std::vector<TsvRow> rows;
  ASSERT_TRUE(
      ReadTsv(shared + "/corpus/conformance/dkim/records.tsv", &rows, &error))
      << error;
  ASSERT_GE(rows.size(), 70u) << "the corpus has 70 rows";
  DifferenceTable differences;
  ASSERT_TRUE(differences.Load(
      ProjectRoot() + "/tests/conformance/dkim_differences.tsv",
      {"source", "name"}, &error))
      << error;

  const bool verbose = std::getenv("ZONELINT_DKIM_VERBOSE") != nullptr;
  int agree = 0, listed = 0, warn_rows = 0, warn_warned = 0;
  for (const TsvRow& row : rows) {
    const std::vector<std::string> key = {row.at("source"), row.at("name")};
    const std::string label = DifferenceTable::KeyText(key);
    const std::string& expected = row.at("expected");
    const RowResult result = LintRecord(Unescape(row.at("record")));
    for (const std::string& e : result.other) {
      ADD_FAILURE() << label << ": an error outside the dkim- rules: " << e;
    }

    std::string disagreement;
    if (expected == "invalid") {
      if (result.errors == 0) {
        disagreement =
            "the corpus says invalid, but no dkim- rule reports "
            "an error";
      }
    } else if (expected == "revoked") {
      if (!result.revoked && result.errors == 0) {
        disagreement =
            "the corpus says revoked, but neither dkim-revoked "
            "nor an error is reported";
      }
    } else if (expected == "valid" || expected == "warn") {
      if (expected == "warn") {
        ++warn_rows;
        if (result.warnings > 0) ++warn_warned;
      }
      if (result.errors > 0) {
        disagreement = Cat("the corpus says ", expected,
                           ", but dkim- rules report errors");
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
          << label << " is listed in dkim_differences.tsv ("
          << differences.Reason(key)
          << ") but zonelint now agrees with the corpus: remove the row";
    } else if (disagreement.empty()) {
      ++agree;
    } else {
      ADD_FAILURE() << label << " (" << row.at("category")
                    << "): " << disagreement << ":" << result.found
                    << "\n  Fix the rule, or list the row with its reason "
                       "in tests/conformance/dkim_differences.tsv";
    }
  }
  for (const std::string& key : differences.Unseen()) {
    ADD_FAILURE() << "dkim_differences.tsv lists '" << key
                  << "', which is not a row of the corpus";
  }
  std::printf(
      "dkim-records: %d/%zu agree, %d listed differences (%d warn rows: %d "
      "get a dkim- warning)\n",
      agree, rows.size(), listed, warn_rows, warn_warned);
}

}  // namespace
}  // namespace zonelint::conformance

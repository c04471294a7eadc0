// What zonelint finds on the real-world zones (../shared/corpus/realworld),
// against a reviewed snapshot in the repository,
// tests/conformance/realworld_findings.tsv: one line per finding (the
// zone's corpus file, the file and line of the finding, the rule), so that
// every change to what real zones get shows up in review.
//
// Each zone is linted as the realworld agreement test lints it (its
// repository's layout rebuilt, the manifest's origin, default settings).
// After a deliberate change, rewrite the snapshot and read its diff:
//   ZONELINT_UPDATE_SNAPSHOT=1 bazel run
//   //tests/conformance:realworld_findings_test
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/conformance/corpus.h"
#include "util/strings.h"

namespace zonelint::conformance {
namespace {

constexpr char kSnapshot[] = "tests/conformance/realworld_findings.tsv";
constexpr char kHeader[] =
    "# What zonelint finds on ../shared/corpus/realworld, each zone linted\n"
    "# with its manifest origin: one line per finding, in report order.\n"
    "# Reviewed by hand; tests/conformance/realworld_findings_test.cc says\n"
    "# how to rewrite it after a deliberate change.\n"
    "zone\tat\trule\n";

// "corpus-file<TAB>file:line<TAB>rule" for each finding; the file is the
// base name of the file the finding is in (the zone's, or an included
// file's).
std::vector<std::string> SnapshotLines(const TsvRow& row,
                                       const LintResult& result) {
  std::vector<std::string> lines;
  for (const Finding& f : result.findings) {
    lines.push_back(
        Cat(row.at("file"), "\t", f.file, ":", f.line, "\t", f.rule));
  }
  return lines;
}

TEST(RealworldFindingsTest, FindingsMatchTheReviewedSnapshot) {
  const std::string shared = SharedRoot();
  if (shared.empty()) GTEST_SKIP() << kNoSharedCorpus;
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  std::vector<std::string> actual;
  std::map<std::string, int> per_rule;
  std::string error;
  ASSERT_TRUE(ForEachRealworldZone(
      shared, tmp,
      [&](const TsvRow& row, const LintResult& result) {
        for (std::string& line : SnapshotLines(row, result)) {
          actual.push_back(std::move(line));
        }
        for (const Finding& f : result.findings) ++per_rule[f.rule];
      },
      &error))
      << error;

  const char* workspace = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  if (std::getenv("ZONELINT_UPDATE_SNAPSHOT") != nullptr &&
      workspace != nullptr) {
    std::string text = kHeader;
    for (const std::string& line : actual) text += line + "\n";
    const std::string path = Cat(workspace, "/", kSnapshot);
    ASSERT_TRUE(WriteFile(path, text)) << path;
    std::printf("realworld-findings: wrote %zu findings to %s\n", actual.size(),
                path.c_str());
    return;
  }

  std::string snapshot;
  ASSERT_TRUE(ReadFile(ProjectRoot() + "/" + kSnapshot, &snapshot))
      << kSnapshot;
  std::vector<std::string> expected;
  for (std::string_view line : Split(snapshot, '\n')) {
    if (line.empty() || line[0] == '#' || line == "zone\tat\trule") continue;
    expected.emplace_back(line);
  }
  // The difference as multisets, in the order of each list.
  std::multiset<std::string> want(expected.begin(), expected.end());
  std::multiset<std::string> got(actual.begin(), actual.end());
  std::string added, removed;
  for (const std::string& line : actual) {
    auto it = want.find(line);
    if (it == want.end()) {
      added += "  + " + line + "\n";
    } else {
      want.erase(it);
    }
  }
  for (const std::string& line : expected) {
    auto it = got.find(line);
    if (it == got.end()) {
      removed += "  - " + line + "\n";
    } else {
      got.erase(it);
    }
  }
  EXPECT_TRUE(added.empty() && removed.empty())
      << "what zonelint finds on the real-world zones changed:\n"
      << added << removed
      << "If the change is intended, read each changed finding as an "
         "expert would, then rewrite the snapshot:\n"
         "  ZONELINT_UPDATE_SNAPSHOT=1 bazel run "
         "//tests/conformance:realworld_findings_test";
  EXPECT_EQ(actual, expected) << "the same findings, in another order";
  std::string counts;
  for (const auto& [rule, n] : per_rule) counts += Cat(" ", rule, "=", n);
  std::printf("realworld-findings: %zu findings:%s\n", actual.size(),
              counts.c_str());
}

}  // namespace
}  // namespace zonelint::conformance

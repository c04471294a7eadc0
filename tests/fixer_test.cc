// lint/fixer: which fixes a round applies, applying edits, the unified
// diff.
#include "lint/fixer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TextEdit Edit(uint32_t begin, uint32_t end, std::string text, FileId file = 0) {
  return {{file, begin, end}, std::move(text)};
}

void AddWithFixes(Findings* findings, std::vector<Fix> fixes) {
  findings->Add("zone-syntax", Severity::kError, {0, 0, 1}, "m", "",
                std::move(fixes));
}

TEST(ApplyEditsTest, ReplacesInsertsDeletesInAnyOrder) {
  EXPECT_EQ(
      ApplyEdits("abcdef", {Edit(4, 6, "X"), Edit(0, 0, ">"), Edit(1, 2, "")}),
      ">acdX");
  EXPECT_EQ(ApplyEdits("abc", {}), "abc");
  // Out of range: ignored, never read past the text.
  EXPECT_EQ(ApplyEdits("abc", {Edit(2, 9, "X")}), "abc");
}

TEST(ApplyEditsTest, KeepsEveryOtherByte) {
  const std::string text("a\r\nb\0c\r\nd", 9);
  EXPECT_EQ(ApplyEdits(text, {Edit(4, 5, std::string("\0\0", 2))}),
            std::string("a\r\nb\0\0c\r\nd", 10));
}

TEST(PlanRoundTest, OverlappingFixWaitsForTheNextRound) {
  Findings findings;
  AddWithFixes(&findings, {{"second", true, {Edit(5, 8, "y")}}});
  AddWithFixes(&findings, {{"first", true, {Edit(2, 6, "x")}}});
  AddWithFixes(&findings, {{"apart", true, {Edit(8, 8, ".")}}});
  AddWithFixes(&findings, {{"unsafe", false, {Edit(10, 11, "-")}}});
  std::map<FileId, size_t> taken;
  auto plan = PlanRound(findings, /*unsafe=*/false, &taken);
  ASSERT_EQ(plan.size(), 1u);
  ASSERT_EQ(plan[0].size(), 2u);
  EXPECT_EQ(plan[0][0].text, "x");  // by position: the first wins
  EXPECT_EQ(plan[0][1].text, ".");
  EXPECT_EQ(taken[0], 2u);
  taken.clear();
  plan = PlanRound(findings, /*unsafe=*/true, &taken);
  EXPECT_EQ(taken[0], 3u);
}

TEST(PlanRoundTest, TwoInsertsAtOnePlaceAreNotBothTaken) {
  Findings findings;
  AddWithFixes(&findings, {{"a", true, {Edit(3, 3, "a")}}});
  AddWithFixes(&findings, {{"b", true, {Edit(3, 3, "b")}}});
  std::map<FileId, size_t> taken;
  auto plan = PlanRound(findings, false, &taken);
  EXPECT_EQ(plan[0].size(), 1u);
}

TEST(PlanRoundTest, FirstSafeFixOfAFinding) {
  Findings findings;
  AddWithFixes(&findings, {{"unsafe", false, {Edit(0, 1, "u")}},
                           {"dot", true, {Edit(1, 1, ".")}},
                           {"relative", true, {Edit(0, 1, "r")}}});
  std::map<FileId, size_t> taken;
  auto plan = PlanRound(findings, false, &taken);
  ASSERT_EQ(plan[0].size(), 1u);
  EXPECT_EQ(plan[0][0].text, ".");
  EXPECT_EQ(ChosenFix(findings[0], true)->title, "unsafe");
}

TEST(UnifiedDiffTest, HunksWithThreeLinesOfContext) {
  std::string before, after;
  for (int i = 1; i <= 20; ++i) {
    before += "line " + std::to_string(i) + "\n";
    after += (i == 2 || i == 18 ? "LINE " : "line ") + std::to_string(i) + "\n";
  }
  EXPECT_EQ(UnifiedDiff("z/a.zone", before, after),
            "--- a/z/a.zone\n+++ b/z/a.zone\n"
            "@@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n"
            " line 5\n"
            "@@ -15,6 +15,6 @@\n line 15\n line 16\n line 17\n-line 18\n"
            "+LINE 18\n line 19\n line 20\n");
  EXPECT_EQ(UnifiedDiff("a", before, before), "");
}

TEST(UnifiedDiffTest, NearChangesShareAHunk) {
  const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
  const std::string after = "1\nB\n3\n4\n5\n6\n7\nH\n9\n";
  EXPECT_EQ(UnifiedDiff("f", before, after),
            "--- a/f\n+++ b/f\n@@ -1,9 +1,9 @@\n 1\n-2\n+B\n 3\n 4\n 5\n"
            " 6\n 7\n-8\n+H\n 9\n");
}

TEST(UnifiedDiffTest, NoFinalNewlineAndCrlfAndControlBytes) {
  EXPECT_EQ(UnifiedDiff("f", "a\r\nb", "a\r\nb."),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\n"
            "\\ No newline at end of file\n+b.\n"
            "\\ No newline at end of file\n");
  EXPECT_EQ(UnifiedDiff("/abs/\x1b[31m", "\x1b[2J x\rz\n", "\x1b[2J y\rz\n"),
            "--- a/abs/\\x1b[31m\n+++ b/abs/\\x1b[31m\n@@ -1 +1 @@\n"
            "-\\x1b[2J x\\x0dz\n+\\x1b[2J y\\x0dz\n");
}

TEST(UnifiedDiffTest, LinesAddedOrRemoved) {
  EXPECT_EQ(UnifiedDiff("f", "a\nb\nc\n", "a\nb1\nb2\nc\n"),
            "--- a/f\n+++ b/f\n@@ -1,3 +1,4 @@\n a\n-b\n+b1\n+b2\n c\n");
  EXPECT_EQ(UnifiedDiff("f", "a\n", ""),
            "--- a/f\n+++ b/f\n@@ -1 +0,0 @@\n-a\n");
}

}  // namespace
}  // namespace zonelint

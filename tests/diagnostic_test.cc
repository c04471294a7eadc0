// The Findings store: texts and fixes stay with their findings however many
// are added and when the store moves, and a help text is stored once.
#include "lint/diagnostic.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

void AddWithFix(Findings* findings, uint32_t i) {
  std::vector<Fix> fixes;
  fixes.push_back(
      {"Add the trailing dot", true, {{SourceRange{0, i + 4, i + 4}, "."}}});
  fixes.push_back({"Make the name relative",
                   true,
                   {{SourceRange{0, i, i + 4}, "mail"},
                    {SourceRange{0, i + 6, i + 8}, ""}}});
  findings->Add("zone-missing-trailing-dot", Severity::kWarning,
                SourceRange{0, i, i + 4}, "message " + std::to_string(i),
                std::string("help"), std::move(fixes));
}

TEST(FindingsTest, FixesStayWithTheirFindingsAsTheStoreGrows) {
  Findings findings;
  constexpr uint32_t kCount = 10000;
  for (uint32_t i = 0; i < kCount; ++i) {
    if (i % 3 == 0) {
      AddWithFix(&findings, i);
    } else {
      findings.Add("zone-syntax", Severity::kError, SourceRange{0, i, i},
                   "no fix " + std::to_string(i), "");
    }
  }
  ASSERT_EQ(findings.size(), kCount);
  for (uint32_t i = 0; i < kCount; ++i) {
    const Finding& d = findings[i];
    if (i % 3 != 0) {
      EXPECT_TRUE(d.fixes.empty()) << i;
      EXPECT_EQ(d.message, "no fix " + std::to_string(i));
      continue;
    }
    ASSERT_EQ(d.fixes.size(), 2u) << i;
    EXPECT_EQ(d.fixes[0].title, "Add the trailing dot");
    ASSERT_EQ(d.fixes[0].edits.size(), 1u);
    EXPECT_EQ(d.fixes[0].edits[0].range.begin, i + 4);
    EXPECT_EQ(d.fixes[0].edits[0].text, ".");
    ASSERT_EQ(d.fixes[1].edits.size(), 2u);
    EXPECT_EQ(d.fixes[1].edits[1].range.end, i + 8);
    EXPECT_EQ(d.message, "message " + std::to_string(i));
    EXPECT_EQ(d.severity, Severity::kWarning);
    EXPECT_EQ(d.range.begin, i);
  }
}

TEST(FindingsTest, AMovedStoreKeepsTextsAndFixes) {
  Findings findings;
  AddWithFix(&findings, 7);
  Findings moved = std::move(findings);
  findings = Findings();
  ASSERT_EQ(moved.size(), 1u);
  ASSERT_EQ(moved[0].fixes.size(), 2u);
  EXPECT_EQ(moved[0].fixes[1].title, "Make the name relative");
  EXPECT_TRUE(moved[0].fixes[1].safe);
  EXPECT_EQ(moved[0].fixes[1].edits[0].text, "mail");
  EXPECT_EQ(moved[0].message, "message 7");
  EXPECT_EQ(moved[0].help, "help");
  EXPECT_EQ(moved[0].rule, "zone-missing-trailing-dot");
}

TEST(FindingsTest, EachHelpTextIsStoredOnce) {
  Findings findings;
  AddWithFix(&findings, 1);
  AddWithFix(&findings, 2);
  findings.Add("zone-syntax", Severity::kError, {}, "m", "other help");
  findings.Add("zone-syntax", Severity::kError, {}, "m", "");
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_EQ(findings[0].help.data(), findings[1].help.data());
  EXPECT_EQ(findings[2].help, "other help");
  EXPECT_TRUE(findings[3].help.empty());
  // Messages are each a copy of their own.
  EXPECT_NE(findings[2].message.data(), findings[3].message.data());
}

}  // namespace
}  // namespace zonelint

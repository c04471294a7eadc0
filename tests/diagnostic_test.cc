// The Findings store: texts and fixes stay with their findings however many
// are added, and copies own what they hold.
#include "lint/diagnostic.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

Diagnostic WithFix(uint32_t i) {
  Diagnostic d{"zone-missing-trailing-dot", Severity::kWarning,
               SourceRange{0, i, i + 4}, "message " + std::to_string(i),
               "help"};
  d.fixes.push_back(
      {"Add the trailing dot", true, {{SourceRange{0, i + 4, i + 4}, "."}}});
  d.fixes.push_back({"Make the name relative",
                     true,
                     {{SourceRange{0, i, i + 4}, "mail"},
                      {SourceRange{0, i + 6, i + 8}, ""}}});
  return d;
}

TEST(FindingsTest, FixesStayWithTheirFindingsAsTheStoreGrows) {
  Findings findings;
  constexpr uint32_t kCount = 10000;
  for (uint32_t i = 0; i < kCount; ++i) {
    if (i % 3 == 0) {
      findings.Add(WithFix(i));
    } else {
      findings.Add({"zone-syntax", Severity::kError, SourceRange{0, i, i},
                    "no fix " + std::to_string(i), ""});
    }
  }
  ASSERT_EQ(findings.size(), kCount);
  for (uint32_t i = 0; i < kCount; ++i) {
    const DiagnosticView& d = findings[i];
    if (i % 3 != 0) {
      EXPECT_TRUE(d.fixes.empty()) << i;
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
  }
}

TEST(FindingsTest, ToVectorCopiesFixes) {
  Findings findings;
  findings.Add(WithFix(7));
  std::vector<Diagnostic> copies = findings.ToVector();
  findings = Findings();
  ASSERT_EQ(copies.size(), 1u);
  ASSERT_EQ(copies[0].fixes.size(), 2u);
  EXPECT_EQ(copies[0].fixes[1].title, "Make the name relative");
  EXPECT_TRUE(copies[0].fixes[1].safe);
  EXPECT_EQ(copies[0].fixes[1].edits[0].text, "mail");
  EXPECT_EQ(copies[0].help, "help");
}

}  // namespace
}  // namespace zonelint

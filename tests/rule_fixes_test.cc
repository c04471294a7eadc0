// The fixes the rules attach to their findings: the exact text each fix
// makes of the records, whether it is safe, and the cases where no fix is
// certain (so none is offered).
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/findings.h"

namespace zonelint {
namespace {

using testing::Found;
using testing::FoundFix;

// The findings of `rule` on `records` (after the test zone's header).
std::vector<Found> Lint(std::string_view records, std::string_view rule) {
  return testing::LintRecords(records, {rule});
}

// The one finding of `rule`, which must have exactly one fix.
FoundFix OnlyFix(std::string_view records, std::string_view rule) {
  std::vector<Found> found = Lint(records, rule);
  EXPECT_EQ(found.size(), 1u) << records;
  if (found.size() != 1) return {};
  EXPECT_EQ(found[0].fixes.size(), 1u) << records;
  if (found[0].fixes.size() != 1) return {};
  return found[0].fixes[0];
}

// ---- zone-missing-trailing-dot ---------------------------------------------

TEST(RuleFixesTest, MissingDotAddsItOrMakesTheNameRelative) {
  auto found =
      Lint("@ MX 10 mail.example.com ; c\n", "zone-missing-trailing-dot");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].fixes.size(), 2u);
  EXPECT_EQ(found[0].fixes[0].title, "Add the trailing dot");
  EXPECT_TRUE(found[0].fixes[0].safe);
  EXPECT_EQ(found[0].fixes[0].fixed, "@ MX 10 mail.example.com. ; c\n");
  EXPECT_EQ(found[0].fixes[1].title, "Make the name relative");
  EXPECT_TRUE(found[0].fixes[1].safe);
  EXPECT_EQ(found[0].fixes[1].fixed, "@ MX 10 mail ; c\n");
}

TEST(RuleFixesTest, MissingDotOnTheOriginItselfBecomesAt) {
  auto found = Lint("www CNAME example.com\n", "zone-missing-trailing-dot");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].fixes.size(), 2u);
  EXPECT_EQ(found[0].fixes[0].fixed, "www CNAME example.com.\n");
  EXPECT_EQ(found[0].fixes[1].fixed, "www CNAME @\n");
}

TEST(RuleFixesTest, MissingDotOwner) {
  auto found =
      Lint("www.example.com A 192.0.2.1\n", "zone-missing-trailing-dot");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].fixes.size(), 2u);
  EXPECT_EQ(found[0].fixes[0].fixed, "www.example.com. A 192.0.2.1\n");
  EXPECT_EQ(found[0].fixes[1].fixed, "www A 192.0.2.1\n");
}

TEST(RuleFixesTest, MissingDotEndingInATldOnlyGetsTheDot) {
  auto found = Lint("@ MX 10 mail.example.net\n", "zone-missing-trailing-dot");
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].fixes.size(), 1u);
  EXPECT_EQ(found[0].fixes[0].fixed, "@ MX 10 mail.example.net.\n");
}

// ---- zone-txt-string-too-long ----------------------------------------------

TEST(RuleFixesTest, LongStringSplitsAt255BytesNeverInAnEscape) {
  // 254 bytes, then "\065" (one byte, 'A': the 255th), then "\\" (the
  // 256th): the cut falls after the \065 escape.
  const std::string raw = std::string(254, 'a') + "\\065\\\\" + "bc";
  const FoundFix fix =
      OnlyFix("x TXT \"" + raw + "\" \"tail\"\n", "zone-txt-string-too-long");
  EXPECT_EQ(fix.title, "Split into strings of at most 255 bytes");
  EXPECT_TRUE(fix.safe);
  EXPECT_EQ(fix.fixed, "x TXT \"" + std::string(254, 'a') +
                           "\\065\" \"\\\\bc\" \"tail\"\n");
}

TEST(RuleFixesTest, LongStringInManyPiecesAndUnquoted) {
  const std::string raw(600, 'z');
  FoundFix fix = OnlyFix("x TXT " + raw + "\n", "zone-txt-string-too-long");
  EXPECT_EQ(fix.fixed, "x TXT \"" + std::string(255, 'z') + "\" \"" +
                           std::string(255, 'z') + "\" \"" +
                           std::string(90, 'z') + "\"\n");
}

// ---- spf-duplicate-term ----------------------------------------------------

TEST(RuleFixesTest, DuplicateTermRemovedWithOneSpace) {
  FoundFix fix =
      OnlyFix("@ TXT \"v=spf1 mx a mx -all\"\n", "spf-duplicate-term");
  EXPECT_EQ(fix.title, "Remove the repeated term");
  EXPECT_TRUE(fix.safe);
  EXPECT_EQ(fix.fixed, "@ TXT \"v=spf1 mx a -all\"\n");
  // Last in its string: the space before it goes.
  fix = OnlyFix("@ TXT \"v=spf1 a mx a\" \" -all\"\n", "spf-duplicate-term");
  EXPECT_EQ(fix.fixed, "@ TXT \"v=spf1 a mx\" \" -all\"\n");
  // Alone in its string: only the term goes.
  fix = OnlyFix("@ TXT \"v=spf1 a \" \"a\" \" -all\"\n", "spf-duplicate-term");
  EXPECT_EQ(fix.fixed, "@ TXT \"v=spf1 a \" \"\" \" -all\"\n");
}

TEST(RuleFixesTest, DuplicateTermAcrossStringsHasNoFix) {
  auto found =
      Lint("@ TXT \"v=spf1 mx a m\" \"x -all\"\n", "spf-duplicate-term");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].fixes.empty());
}

// ---- spf-softfail-all, spf-neutral-all -------------------------------------

TEST(RuleFixesTest, SoftfailAndNeutralAllBecomeFailUnsafely) {
  FoundFix fix = OnlyFix("@ TXT \"v=spf1 mx ~all\"\n", "spf-softfail-all");
  EXPECT_EQ(fix.title, "Change ~all to -all");
  EXPECT_FALSE(fix.safe);
  EXPECT_EQ(fix.fixed, "@ TXT \"v=spf1 mx -all\"\n");
  fix = OnlyFix("@ TXT \"v=spf1 mx ?all\"\n", "spf-neutral-all");
  EXPECT_EQ(fix.title, "Change ?all to -all");
  EXPECT_FALSE(fix.safe);
  EXPECT_EQ(fix.fixed, "@ TXT \"v=spf1 mx -all\"\n");
  // Written as an escape: the escape is replaced.
  fix = OnlyFix("@ TXT \"v=spf1 mx \\126all\"\n", "spf-softfail-all");
  EXPECT_EQ(fix.fixed, "@ TXT \"v=spf1 mx -all\"\n");
}

// ---- spf-lookalike ---------------------------------------------------------

TEST(RuleFixesTest, UnquotedSpfRecordIsQuotedAsOneString) {
  FoundFix fix =
      OnlyFix("@ TXT v=spf1 mx\t ip4:192.0.2.0/24 -all ; c\n", "spf-lookalike");
  EXPECT_EQ(fix.title, "Quote the record as one string");
  EXPECT_TRUE(fix.safe);
  EXPECT_EQ(fix.fixed, "@ TXT \"v=spf1 mx ip4:192.0.2.0/24 -all\" ; c\n");
}

TEST(RuleFixesTest, UnquotedSpfRecordWithQuotesOrParenthesesHasNoFix) {
  for (const char* records :
       {"@ TXT v=spf1 \"mx\" -all\n", "@ TXT ( v=spf1 mx\n -all )\n",
        "@ TXT v=spf1 m\\120 -all\n"}) {
    auto found = Lint(records, "spf-lookalike");
    ASSERT_EQ(found.size(), 1u) << records;
    EXPECT_TRUE(found[0].fixes.empty()) << records;
  }
}

TEST(RuleFixesTest, UnquotedSpfRecordOver255BytesIsSplit) {
  std::string words = "v=spf1";
  for (int i = 0; i < 20; ++i) words += " ip4:192.0.2." + std::to_string(i);
  words += " -all";
  ASSERT_GT(words.size(), 255u);
  FoundFix fix = OnlyFix("@ TXT " + words + "\n", "spf-lookalike");
  EXPECT_EQ(fix.fixed, "@ TXT \"" + words.substr(0, 255) + "\" \"" +
                           words.substr(255) + "\"\n");
}

// ---- dkim-version, dmarc-lookalike -----------------------------------------

constexpr char kKey[] = "p=KKweGN+Vmr8QZBF1dy2qYyK6Dt90PDMNiL1bCC8NjIM=";

TEST(RuleFixesTest, DkimVersionMovedToTheFront) {
  FoundFix fix = OnlyFix(
      std::string("s._domainkey TXT \"k=ed25519; v=DKIM1; ") + kKey + "\"\n",
      "dkim-version");
  EXPECT_EQ(fix.title, "Move the v= tag to the front");
  EXPECT_TRUE(fix.safe);
  EXPECT_EQ(fix.fixed, std::string("s._domainkey TXT \"v=DKIM1; k=ed25519; ") +
                           kKey + "\"\n");
  // Last, after a ';' with blanks.
  fix = OnlyFix(
      std::string("s._domainkey TXT \"k=ed25519; ") + kKey + " ;  v=DKIM1\"\n",
      "dkim-version");
  EXPECT_EQ(fix.fixed, std::string("s._domainkey TXT \"v=DKIM1; k=ed25519; ") +
                           kKey + "\"\n");
}

TEST(RuleFixesTest, DkimVersionInAnUnquotedStringEscapesTheSemicolon) {
  FoundFix fix = OnlyFix(
      std::string("s._domainkey TXT k=ed25519\\;v=DKIM1\\;") + kKey + "\n",
      "dkim-version");
  EXPECT_EQ(fix.fixed, std::string("s._domainkey TXT v=DKIM1\\;k=ed25519\\;") +
                           kKey + "\n");
}

TEST(RuleFixesTest, DkimVersionInAnotherStringHasNoFix) {
  auto found = Lint(std::string("s._domainkey TXT \"k=ed25519; ") + kKey +
                        ";\" \"v=DKIM1\"\n",
                    "dkim-version");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].fixes.empty());
}

TEST(RuleFixesTest, DmarcVersionMovedToTheFront) {
  FoundFix fix = OnlyFix("_dmarc TXT \"p=reject; v=DMARC1; pct=100\"\n",
                         "dmarc-lookalike");
  EXPECT_EQ(fix.title, "Move the v= tag to the front");
  EXPECT_EQ(fix.fixed, "_dmarc TXT \"v=DMARC1; p=reject; pct=100\"\n");
  // Other lookalikes get no such fix.
  auto found = Lint("_dmarc TXT \"v=dmarc1; p=reject\"\n", "dmarc-lookalike");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].fixes.empty());
}

}  // namespace
}  // namespace zonelint

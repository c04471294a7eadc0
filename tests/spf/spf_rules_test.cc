// The per-record SPF rules (rules/spf/) on cases the golden fixtures do not
// show: terms split across strings or written with escapes (the range
// covers what was written), records with syntax errors, case, type 99
// records beside TXT ones, IPv6 networks, and the edges of each rule.
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "tests/findings.h"

namespace zonelint {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// A finding of an SPF rule, with the zone-file text its range covers.
using testing::Found;

// What the spf-* rules found in `records` (after the test zone header), in
// position order; lines count from the first line of `records`.
std::vector<Found> Lint(std::string_view records) {
  return testing::LintRecords(records, {"spf-"});
}

std::vector<std::string> Rules(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.rule);
  return out;
}

// ---- Ranges -----------------------------------------------------------------

TEST(SpfRulesTest, TermSplitAcrossStringsCoversBothParts) {
  auto found = Lint("@ TXT \"v=spf1 ip4:192.0.2.1/2\" \"4 -all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-ip-host-bits");
  EXPECT_EQ(found[0].covered, "ip4:192.0.2.1/2\" \"4");
  EXPECT_EQ(found[0].line, 1u);
  EXPECT_EQ(found[0].column, 15u);
  // The message quotes the term as verifiers read it, joined.
  EXPECT_THAT(found[0].message, HasSubstr("'ip4:192.0.2.1/24'"));
}

TEST(SpfRulesTest, SyntaxErrorSplitAcrossStrings) {
  auto found = Lint("@ TXT \"v=spf1 incl\" \"ude -all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-syntax");
  EXPECT_EQ(found[0].covered, "incl\" \"ude");
}

TEST(SpfRulesTest, EscapedTermCoversTheEscapes) {
  // \112 is 'p', \? is '?'.
  auto found = Lint("@ TXT \"v=spf1 \\112tr \\?all\"\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "spf-ptr");
  EXPECT_EQ(found[0].covered, "\\112tr");
  EXPECT_THAT(found[0].message, HasSubstr("'ptr'"));
  EXPECT_EQ(found[1].rule, "spf-neutral-all");
  EXPECT_EQ(found[1].covered, "\\?all");
  EXPECT_THAT(found[1].message, HasSubstr("'?all'"));
}

TEST(SpfRulesTest, RecordLevelFindingsCoverTheRecord) {
  auto found = Lint("www TXT ( \"v=spf1\"\n  \" ip4:192.0.2.0/24\" )\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-no-all");
  EXPECT_EQ(found[0].covered, "www TXT ( \"v=spf1\"\n  \" ip4:192.0.2.0/24\"");
  EXPECT_THAT(found[0].message, HasSubstr("'www.example.com.'"));
}

// ---- Records with syntax errors
// ----------------------------------------------

TEST(SpfRulesTest, TermsThatParsedAreStillChecked) {
  auto found = Lint("@ TXT \"v=spf1 ip4:192.0.2.300 ptr +all\"\n");
  EXPECT_THAT(Rules(found),
              ElementsAre("spf-syntax", "spf-ptr", "spf-pass-all"));
}

TEST(SpfRulesTest, NoAllIsNotReportedForRecordsWithErrors) {
  EXPECT_THAT(Rules(Lint("@ TXT \"v=spf1 ip4:192.0.2.300\"\n")),
              ElementsAre("spf-syntax"));
  // An en dash in place of '-': the 'all' did not parse.
  EXPECT_THAT(
      Rules(Lint("@ TXT \"v=spf1 ip4:192.0.2.1 \\226\\128\\147all\"\n")),
      ElementsAre("spf-syntax"));
}

TEST(SpfRulesTest, SyntaxUsesTheParsersMessageAndHelp) {
  auto found = Lint("@ TXT \"v=spf1 ip4:192.0.2.0/33 -all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-syntax");
  EXPECT_THAT(found[0].message, HasSubstr("/33"));
  EXPECT_FALSE(found[0].help.empty());
}

// ---- Case
// ----------------------------------------------------------------------

TEST(SpfRulesTest, CaseInsensitive) {
  EXPECT_THAT(Lint("@ TXT \"V=SPF1 IP4:192.0.2.0/24 -ALL\"\n"), IsEmpty());
  EXPECT_THAT(Rules(Lint("@ TXT \"V=SPF1 +ALL\"\n")),
              ElementsAre("spf-pass-all"));
  EXPECT_THAT(Rules(Lint("@ TXT \"V=Spf1 PTR ~All\"\n")),
              ElementsAre("spf-ptr", "spf-softfail-all"));
  EXPECT_THAT(Rules(Lint("@ TXT \"v=spf1 -ALL REDIRECT=_spf.example.com\"\n"
                         "_spf TXT \"v=spf1 -all\"\n")),
              ElementsAre("spf-redirect-ignored"));
}

// ---- The 'all' rules
// -----------------------------------------------------------

TEST(SpfRulesTest, OnlyTheFirstAllCounts) {
  // The '+all' is never evaluated: spf-terms-after-all, not spf-pass-all.
  auto found = Lint("@ TXT \"v=spf1 -all +all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-terms-after-all");
  EXPECT_EQ(found[0].covered, "+all");
}

TEST(SpfRulesTest, BareAllIsPassAll) {
  auto found = Lint("@ TXT \"v=spf1 all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-pass-all");
  EXPECT_THAT(found[0].message, HasSubstr("'all' means '+all'"));
}

TEST(SpfRulesTest, RedirectWithoutAllIsFine) {
  EXPECT_THAT(
      Lint("@ TXT \"v=spf1 ip4:192.0.2.0/24 redirect=_spf.example.com\"\n"
           "_spf TXT \"v=spf1 -all\"\n"),
      IsEmpty());
}

TEST(SpfRulesTest, ModifiersAfterAllAreFine) {
  EXPECT_THAT(Lint("@ TXT \"v=spf1 -all foo=bar\"\n"), IsEmpty());
}

TEST(SpfRulesTest, TermsAfterAllCountsMechanismsOnly) {
  auto found =
      Lint("@ TXT \"v=spf1 -all foo=bar ip4:192.0.2.1 x=y ip4:192.0.2.2\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].covered, "ip4:192.0.2.1");
  EXPECT_THAT(found[0].message, HasSubstr("and 1 more mechanism come"));
}

// ---- spf-multiple-records
// --------------------------------------------------------

TEST(SpfRulesTest, MultipleRecords) {
  auto found = Lint(
      "@ TXT \"v=spf1 -all\"\n"
      "@ TXT \"verification=abc\"\n"
      "@ TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-multiple-records");
  EXPECT_EQ(found[0].line, 3u);
  EXPECT_THAT(found[0].message,
              HasSubstr("second SPF record at 'example.com.'"));
}

TEST(SpfRulesTest, IdenticalRecordsAreOneRecord) {
  EXPECT_THAT(Lint("@ TXT \"v=spf1 -all\"\n@ TXT \"v=spf1 \\045all\"\n"),
              IsEmpty());
  // Split differently, they are two records with the same joined text.
  EXPECT_THAT(
      Rules(Lint("@ TXT \"v=spf1 -all\"\n@ TXT \"v=spf1 \" \"-all\"\n")),
      ElementsAre("spf-multiple-records"));
}

TEST(SpfRulesTest, Type99RecordsAreNotCountedAsMultiple) {
  auto found = Lint("@ TXT \"v=spf1 -all\"\n@ SPF \"v=spf1 -all\"\n");
  EXPECT_THAT(Rules(found), ElementsAre("spf-type99"));
}

// ---- spf-type99
// -------------------------------------------------------------------

TEST(SpfRulesTest, Type99BesideTxtIsReportedOnce) {
  // The other rules leave the type 99 twin alone.
  auto found = Lint("@ TXT \"v=spf1 -all\"\n@ SPF \"v=spf1 ptr +all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-type99");
  EXPECT_THAT(found[0].message, HasSubstr("obsolete"));
}

TEST(SpfRulesTest, Type99AloneIsCheckedLikeTxt) {
  auto found = Lint("@ SPF \"v=spf1 +all\"\n@ TXT \"hello\"\n");
  EXPECT_THAT(Rules(found), ElementsAre("spf-type99", "spf-pass-all"));
  EXPECT_THAT(found[0].message, HasSubstr("no SPF policy"));
}

// ---- spf-ip-host-bits
// --------------------------------------------------------------

std::string HostBitsMessage(std::string_view term) {
  auto found = Lint("@ TXT \"v=spf1 " + std::string(term) + " -all\"\n");
  if (found.size() != 1 || found[0].rule != "spf-ip-host-bits") return "";
  return found[0].message + " | " + found[0].help;
}

TEST(SpfRulesTest, HostBitsNetworks) {
  EXPECT_THAT(HostBitsMessage("ip4:192.0.2.129/25"),
              HasSubstr("covers the network 192.0.2.128/25"));
  EXPECT_THAT(HostBitsMessage("ip4:192.0.2.1/31"),
              HasSubstr("covers the network 192.0.2.0/31"));
  EXPECT_THAT(HostBitsMessage("ip6:2001:db8::1/48"),
              HasSubstr("covers the network 2001:db8::/48"));
  EXPECT_THAT(HostBitsMessage("ip6:2001:db8:0:1:0:0:0:1/64"),
              HasSubstr("covers the network 2001:db8:0:1::/64"));
  // RFC 5952: the longest run of zero groups is the one compressed.
  EXPECT_THAT(HostBitsMessage("ip6:1:0:0:1:0:0:0:1/127"),
              HasSubstr("covers the network 1:0:0:1::/127"));
  EXPECT_THAT(HostBitsMessage("ip6:2001:db8::1/0"),
              HasSubstr("covers the network ::/0"));
  EXPECT_THAT(HostBitsMessage("~ip4:192.0.2.7/24"),
              HasSubstr("write '~ip4:192.0.2.0/24' for the network, or "
                        "'~ip4:192.0.2.7' (/32)"));
}

TEST(SpfRulesTest, NoHostBits) {
  EXPECT_THAT(
      Lint("@ TXT \"v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.1 "
           "ip4:192.0.2.1/32 ip4:0.0.0.0/0 ip6:2001:db8::/32 "
           "ip6:2001:db8::1 ip6:2001:db8:8000::/33 -all\"\n"),
      ElementsAre(::testing::Field(&Found::rule, "spf-duplicate-term")));
}

// ---- spf-duplicate-term
// ------------------------------------------------------------

TEST(SpfRulesTest, DuplicateTerms) {
  auto found = Lint(
      "@ TXT \"v=spf1 a A/24 -a ip4:192.0.2.1/24 ip4:192.0.2.0/24 "
      "exists:%{i}.x.example.com exists:%{I}.x.example.com -all\"\n"
      "@ A 192.0.2.10\n");
  std::vector<std::string> covered;
  for (const Found& f : found) {
    if (f.rule == "spf-duplicate-term") covered.push_back(f.covered);
  }
  // 'a' and 'A/24' differ; '-a' repeats 'a'; the two ip4 networks are the
  // same; macros keep their case.
  EXPECT_THAT(covered, ElementsAre("-a", "ip4:192.0.2.0/24"));
}

TEST(SpfRulesTest, DuplicateAfterAllIsLeftToTermsAfterAll) {
  EXPECT_THAT(
      Rules(Lint("@ TXT \"v=spf1 ip4:192.0.2.1 -all ip4:192.0.2.1\"\n")),
      ElementsAre("spf-terms-after-all"));
}

TEST(SpfRulesTest, DuplicateRedirectIsLeftToSyntax) {
  EXPECT_THAT(Rules(Lint("@ TXT \"v=spf1 redirect=_spf.example.com "
                         "redirect=_spf.example.com\"\n"
                         "_spf TXT \"v=spf1 -all\"\n")),
              ElementsAre("spf-syntax"));
}

TEST(SpfRulesTest, DuplicateLookupTermMentionsTheLimit) {
  auto found = Lint("@ TXT \"v=spf1 a a -all\"\n@ A 192.0.2.10\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("'a' appears twice"));
  EXPECT_THAT(found[0].help, HasSubstr("10 DNS lookups"));
}

// ---- spf-record-too-long
// -----------------------------------------------------------

TEST(SpfRulesTest, RecordTooLongBoundary) {
  auto quoted = [](const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); i += 200) {
      out += " \"" + text.substr(i, 200) + "\"";
    }
    return out;
  };
  // The text is exactly `length` bytes: a modifier pads it.
  auto exact = [](size_t length) {
    std::string text = "v=spf1 -all x=";
    text += std::string(length - text.size(), 'y');
    return text;
  };
  EXPECT_THAT(Lint("@ TXT (" + quoted(exact(450)) + " )\n"), IsEmpty());
  auto found = Lint("@ TXT (" + quoted(exact(451)) + " )\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "spf-record-too-long");
  EXPECT_THAT(found[0].message, HasSubstr("is 451 bytes long"));
}

}  // namespace
}  // namespace zonelint

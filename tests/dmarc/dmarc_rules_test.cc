// The dmarc- rules (rules/dmarc/) through a lint session, on cases the
// golden fixtures do not show: report authorisations in another linted zone
// (exact and wildcard), domains that need a DMARC record and the policies
// above them, several records at one name, weaker subdomain policies, pct,
// and records in the wrong place.
#include <string>
#include <string_view>
#include <utility>
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

using testing::Found;

// What `rule` found in the zones (origin, records), linted together.
std::vector<Found> Lint(
    std::string_view rule,
    const std::vector<std::pair<std::string, std::string>>& zones) {
  return testing::LintZones(zones, {rule});
}

std::vector<Found> Lint(std::string_view rule, std::string_view records) {
  return testing::LintRecords(records, {rule});
}

std::vector<std::string> Messages(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.message);
  return out;
}

std::vector<std::string> Covered(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.covered);
  return out;
}

// ---- dmarc-external-report
// ---------------------------------------------------

constexpr std::string_view kExternal = "dmarc-external-report";
constexpr std::string_view kPolicy =
    "_dmarc TXT \"v=DMARC1; p=reject; "
    "rua=mailto:d@reports.example.net\"\n";

TEST(DmarcExternalReportTest, AuthorisedInTheOtherLintedZone) {
  EXPECT_THAT(
      Lint(kExternal, {{"example.com.", std::string(kPolicy)},
                       {"example.net.",
                        "example.com._report._dmarc.reports.example.net. TXT "
                        "\"v=DMARC1\"\n"}}),
      IsEmpty());
  // Relative owner, zones in the other order.
  EXPECT_THAT(Lint(kExternal, {{"example.net.",
                                "example.com._report._dmarc.reports TXT "
                                "\"v=DMARC1\"\n"},
                               {"example.com.", std::string(kPolicy)}}),
              IsEmpty());
}

TEST(DmarcExternalReportTest, NotAuthorised) {
  auto found = Lint(kExternal, {{"example.com.", std::string(kPolicy)},
                                {"example.net.", "reports A 192.0.2.9\n"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].message,
            "DMARC reports for 'example.com.' go to 'reports.example.net', "
            "which does not authorise them: no DMARC record at "
            "'example.com._report._dmarc.reports.example.net.'");
  EXPECT_EQ(found[0].covered, "mailto:d@reports.example.net");
  EXPECT_THAT(found[0].help,
              HasSubstr("'*._report._dmarc.reports.example.net.'"));
  // An authorisation for another domain, or a record that is not
  // "v=DMARC1", does not count.
  EXPECT_EQ(Lint(kExternal, {{"example.com.", std::string(kPolicy)},
                             {"example.net.",
                              "example.org._report._dmarc.reports TXT "
                              "\"v=DMARC1\"\n"
                              "example.com._report._dmarc.reports TXT "
                              "\"v=DMARC2\"\n"}})
                .size(),
            1u);
}

TEST(DmarcExternalReportTest, WildcardAuthorisation) {
  EXPECT_THAT(Lint(kExternal, {{"example.com.", std::string(kPolicy)},
                               {"example.net.",
                                "*._report._dmarc.reports TXT "
                                "\"v=DMARC1\"\n"}}),
              IsEmpty());
}

TEST(DmarcExternalReportTest, ReportDomainNotLinted) {
  auto found = Lint(kExternal, kPolicy);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(found[0].message,
            "DMARC reports for 'example.com.' go to 'reports.example.net', "
            "which is not linted here, so its authorisation record cannot be "
            "checked");
  EXPECT_EQ(found[0].covered, "mailto:d@reports.example.net");
}

TEST(DmarcExternalReportTest, OncePerReportDomainAndCaseInsensitive) {
  // rua and ruf to the same domain (in any case): one finding, at the first.
  auto found = Lint(kExternal, {{"example.com.",
                                 "_dmarc TXT \"v=DMARC1; p=reject; "
                                 "rua=mailto:a@Reports.Example.NET; "
                                 "ruf=mailto:f@reports.example.net\"\n"},
                                {"example.net.", "reports A 192.0.2.9\n"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].covered, "mailto:a@Reports.Example.NET");
  EXPECT_THAT(Lint(kExternal, {{"example.com.",
                                "_dmarc TXT \"v=DMARC1; p=reject; "
                                "rua=mailto:a@Reports.Example.NET\"\n"},
                               {"example.net.",
                                "example.com._report._dmarc.reports TXT "
                                "\"v=DMARC1\"\n"}}),
              IsEmpty());
}

TEST(DmarcExternalReportTest, SameOrganisationNeedsNoAuthorisation) {
  // Reports to the zone itself, to a name below it, and from a subdomain's
  // policy to the zone's apex.
  EXPECT_THAT(Lint(kExternal,
                   "_dmarc TXT \"v=DMARC1; p=reject; "
                   "rua=mailto:d@example.com,mailto:d@r.example.com\"\n"
                   "_dmarc.shop TXT \"v=DMARC1; p=reject; "
                   "rua=mailto:d@example.com,https://r.example.com/x\"\n"),
              IsEmpty());
  // Unusable URIs are dmarc-report-uri's, not this rule's.
  EXPECT_THAT(Lint(kExternal,
                   "_dmarc TXT \"v=DMARC1; p=reject; "
                   "rua=mailto:example.net,ftp://example.net\"\n"),
              IsEmpty());
}

// ---- dmarc-missing
// -----------------------------------------------------------

constexpr std::string_view kMissing = "dmarc-missing";

TEST(DmarcMissingTest, MxOnlyDomain) {
  auto found = Lint(kMissing, "@ MX 10 mx\nmx A 192.0.2.2\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kWarning);
  EXPECT_EQ(found[0].message,
            "'example.com.' receives mail (MX) but has no DMARC policy: no "
            "DMARC record at '_dmarc.example.com.'");
  EXPECT_EQ(found[0].covered, "@ MX 10 mx");
  EXPECT_THAT(found[0].help,
              HasSubstr("rua=mailto:dmarc-reports@example.com\""));
  EXPECT_THAT(found[0].help, HasSubstr("at '_dmarc.example.com.'"));
  // A null MX receives nothing.
  EXPECT_THAT(Lint(kMissing, "@ MX 0 .\n"), IsEmpty());
}

TEST(DmarcMissingTest, SpfThatSendsNothingIsNotFlagged) {
  EXPECT_THAT(Lint(kMissing, "@ TXT \"v=spf1 -all\"\n"), IsEmpty());
  EXPECT_THAT(Messages(Lint(kMissing, "www TXT \"v=spf1 a -all\"\n")),
              ElementsAre(HasSubstr("'www.example.com.' sends mail (SPF)")));
}

TEST(DmarcMissingTest, IncludedSpfRecordsNeedNotSendMail) {
  // _spf is no host name anyway; "spf" is one, but only lists senders for
  // the records that include it.
  auto found = Lint(kMissing,
                    "@ TXT \"v=spf1 redirect=spf.example.com\"\n"
                    "spf TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "'example.com.' sends mail (SPF) but has no DMARC policy: no "
            "DMARC record at '_dmarc.example.com.'");
}

TEST(DmarcMissingTest, DkimKeyOnly) {
  auto found = Lint(kMissing,
                    "s1._domainkey.shop TXT \"v=DKIM1; k=ed25519; "
                    "p=KKweGN+Vmr8QZBF1dy2qYyK6Dt90PDMNiL1bCC8NjIM=\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "'shop.example.com.' signs mail (DKIM key) but has no DMARC "
            "policy: no DMARC record at '_dmarc.shop.example.com.' nor at "
            "_dmarc of a domain above it up to 'example.com.'");
  EXPECT_THAT(found[0].help, HasSubstr("at '_dmarc.example.com.'"));
}

TEST(DmarcMissingTest, SubdomainCoveredByApexPolicy) {
  EXPECT_THAT(Lint(kMissing,
                   "_dmarc TXT \"v=DMARC1; p=reject\"\n"
                   "@ MX 10 mx\nmx A 192.0.2.2\n"
                   "shop MX 10 mx\n"
                   "a.b.c TXT \"v=spf1 mx -all\"\n"),
              IsEmpty());
  // Across zones: the subdomain's own zone, the policy in its parent's.
  EXPECT_THAT(
      Lint(kMissing, {{"example.com.", "_dmarc TXT \"v=DMARC1; p=none\"\n"},
                      {"shop.example.com.", "@ MX 10 ns1\n"}}),
      IsEmpty());
  // A record at _dmarc that is no DMARC record, nor meant as one, covers
  // nothing.
  EXPECT_EQ(Lint(kMissing,
                 "_dmarc TXT \"verification=1234\"\n"
                 "shop MX 10 ns1\n")
                .size(),
            1u);
  // One meant as a DMARC record that receivers do not take is the one
  // mistake to fix, and dmarc-lookalike reports it.
  EXPECT_THAT(Lint(kMissing,
                   "_dmarc TXT \"v=DMARC2; p=reject\"\n"
                   "shop MX 10 ns1\n"),
              IsEmpty());
}

TEST(DmarcMissingTest, RecordWithoutItsFinalDotCoversTheDomainItWasMeantFor) {
  // zone-missing-trailing-dot reports the missing dot, the mistake to fix.
  EXPECT_THAT(Lint(kMissing,
                   "@ MX 10 ns1\n"
                   "_dmarc.example.com TXT \"v=DMARC1; p=reject\"\n"),
              IsEmpty());
}

TEST(DmarcMissingTest, OneFindingPerDomain) {
  auto found = Lint(kMissing,
                    "@ MX 10 mx\n@ MX 20 mx2\n"
                    "@ TXT \"v=spf1 mx -all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("receives mail (MX)"));
}

TEST(DmarcMissingTest, OneFindingForEveryNameOneRecordWouldCover) {
  // At the highest name, wherever it is in the file; the others counted
  // and the first few named.
  auto found = Lint(kMissing,
                    "a.shop MX 10 ns1\n"
                    "b TXT \"v=spf1 a -all\"\n"
                    "shop MX 10 ns1\n"
                    "c MX 10 ns1\n"
                    "d MX 10 ns1\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].covered, "b TXT \"v=spf1 a -all\"");
  EXPECT_EQ(found[0].message,
            "'b.example.com.' sends mail (SPF) but has no DMARC policy: no "
            "DMARC record at '_dmarc.b.example.com.' nor at _dmarc of a "
            "domain above it up to 'example.com.'; a record at "
            "'_dmarc.example.com.' would also cover the 4 other "
            "names below 'example.com.' that send or receive mail "
            "('a.shop.example.com.', 'shop.example.com.', "
            "'c.example.com.', ...)");
  EXPECT_THAT(found[0].help,
              HasSubstr("at '_dmarc.example.com.', which covers all 5 names"));
  // The apex first when it uses mail.
  found = Lint(kMissing, "www MX 10 ns1\n@ MX 10 ns1\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "'example.com.' receives mail (MX) but has no DMARC policy: no "
            "DMARC record at '_dmarc.example.com.'; a record at "
            "'_dmarc.example.com.' would also cover the 1 other name "
            "below 'example.com.' that sends or receives mail "
            "('www.example.com.')");
}

TEST(DmarcMissingTest, ParentAndChildZonesShareTheOrganizationalDomain) {
  auto found = Lint(kMissing, {{"example.com.", "www MX 10 ns1\n"},
                               {"shop.example.com.", "@ MX 10 ns1\n"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("'www.example.com.' receives"));
  EXPECT_THAT(found[0].message, HasSubstr("('shop.example.com.')"));
}

TEST(DmarcMissingTest, SubzoneAloneMayHaveItsPolicyInTheParent) {
  auto found =
      Lint(kMissing,
           {{"mail.example.com.", "@ MX 10 ns1\nout TXT \"v=spf1 a -all\"\n"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(found[0].message,
            "'mail.example.com.' receives mail (MX) and no DMARC record in "
            "the linted zones covers it or the 1 other name below "
            "'example.com.' that sends or receives mail "
            "('out.mail.example.com.'); its policy may be at "
            "'_dmarc.example.com.', its organizational domain, in a parent "
            "zone that is not linted here");
  EXPECT_THAT(found[0].help, HasSubstr("make sure that '_dmarc.example.com.'"));
  // Its own record covers it.
  EXPECT_THAT(Lint(kMissing, {{"mail.example.com.",
                               "@ MX 10 ns1\n_dmarc TXT \"v=DMARC1; "
                               "p=none\"\n"}}),
              IsEmpty());
}

TEST(DmarcMissingTest, ZoneAtAPublicSuffixIsOneDomain) {
  // Each name below "co.uk." is an organizational domain of its own by
  // the Public Suffix List; the zone's apex record covers them all for
  // receivers that walk the tree.
  auto found = Lint(kMissing, {{"co.uk.", "a MX 10 ns1\nb MX 10 ns1\n"}});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message,
              HasSubstr("up to 'co.uk.'; a record at '_dmarc.co.uk.' would "
                        "also cover the 1 other name"));
}

TEST(DmarcMissingTest, NamesUnderAPrivateTopLevelDomainAreSkipped) {
  // Mail between names under a TLD the root zone lacks never reaches a
  // receiver on the Internet.
  EXPECT_THAT(Lint(kMissing, {{"corp.lan.", "@ MX 10 ns1\n"}}), IsEmpty());
  EXPECT_THAT(Lint(kMissing, {{"example.", "a MX 10 ns1\n"}}), IsEmpty());
}

TEST(DmarcMissingTest, ReverseZonesAreSkipped) {
  EXPECT_THAT(Lint(kMissing, {{"2.0.192.in-addr.arpa.",
                               "1 PTR host.example.com.\n1 MX 10 ns1\n"}}),
              IsEmpty());
}

TEST(DmarcMissingTest, UnknownDmarcNamesMayHoldThePolicy) {
  // A CNAME at _dmarc (a hosted DMARC service), or a _dmarc name delegated.
  EXPECT_THAT(Lint(kMissing,
                   "@ MX 10 ns1\n"
                   "_dmarc CNAME example.com.dmarc.provider.example.\n"),
              IsEmpty());
  EXPECT_THAT(Lint(kMissing, "@ MX 10 ns1\n_dmarc NS ns.provider.example.\n"),
              IsEmpty());
  // A zone not read whole: the record may be in the file that is missing.
  EXPECT_THAT(Lint(kMissing, "$INCLUDE missing.inc\n@ MX 10 ns1\n"), IsEmpty());
  // Records outside the zone are not served.
  EXPECT_THAT(Lint(kMissing, "example.net. MX 10 ns1\n"), IsEmpty());
}

// ---- dmarc-multiple-records
// --------------------------------------------------

constexpr std::string_view kMultiple = "dmarc-multiple-records";

TEST(DmarcMultipleRecordsTest, DistinctRecords) {
  auto found = Lint(kMultiple,
                    "_dmarc TXT \"v=DMARC1; p=none\"\n"
                    "_dmarc TXT \"v=DMARC1; p=reject\"\n"
                    "_dmarc TXT \"v=DMARC1; p=quarantine\"\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].message,
            "DMARC record number 2 at '_dmarc.example.com.'; with more than "
            "one, receivers apply no DMARC policy to the domain");
  EXPECT_EQ(found[0].covered, "_dmarc TXT \"v=DMARC1; p=reject\"");
  EXPECT_THAT(found[1].message, HasSubstr("number 3"));
}

TEST(DmarcMultipleRecordsTest, OneRecordAndOtherText) {
  // Identical copies are one record in DNS; other TXT text is no record.
  EXPECT_THAT(Lint(kMultiple,
                   "_dmarc TXT \"v=DMARC1; p=none\"\n"
                   "_dmarc TXT \"v=DMARC1; p=none\"\n"
                   "_dmarc TXT \"some verification text\"\n"
                   "_dmarc.shop TXT \"v=DMARC1; p=reject\"\n"),
              IsEmpty());
}

// ---- dmarc-subdomain-policy-weaker
// -------------------------------------------

constexpr std::string_view kWeaker = "dmarc-subdomain-policy-weaker";

TEST(DmarcSubdomainPolicyWeakerTest, SpAndNp) {
  auto found = Lint(
      kWeaker, "_dmarc TXT \"v=DMARC1; p=reject; sp=none; np=quarantine\"\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(found[0].message,
            "'sp=none' is weaker than 'p=reject': mail from subdomains of "
            "'example.com.' is easier to spoof");
  EXPECT_EQ(found[0].covered, "sp=none");
  EXPECT_THAT(found[0].help, HasSubstr("'sp=reject'"));
  EXPECT_EQ(found[1].message,
            "'np=quarantine' is weaker than 'p=reject': mail from "
            "non-existent subdomains of 'example.com.' is easier to spoof");
  EXPECT_EQ(found[1].covered, "np=quarantine");
}

TEST(DmarcSubdomainPolicyWeakerTest, EqualOrStrongerIsFine) {
  EXPECT_THAT(Lint(kWeaker,
                   "_dmarc TXT \"v=DMARC1; p=quarantine; sp=reject; "
                   "np=quarantine\"\n"
                   "_dmarc.a TXT \"v=DMARC1; p=none; sp=none\"\n"
                   // No valid p: nothing to compare with.
                   "_dmarc.b TXT \"v=DMARC1; sp=none; "
                   "rua=mailto:d@example.com\"\n"
                   "_dmarc.c TXT \"v=DMARC1; p=bad; sp=none\"\n"),
              IsEmpty());
}

// ---- dmarc-pct
// ---------------------------------------------------------------

constexpr std::string_view kPct = "dmarc-pct";

TEST(DmarcPctTest, BelowHundred) {
  auto found = Lint(kPct, "_dmarc TXT \"v=DMARC1; p=reject; pct=50\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  EXPECT_EQ(found[0].message,
            "'pct=50' applies the DMARC policy of 'example.com.' to 50% of "
            "the failing mail only; the rest gets the next weaker policy");
  EXPECT_EQ(found[0].covered, "pct=50");
  EXPECT_THAT(Covered(Lint(kPct, "_dmarc TXT \"v=DMARC1; p=reject; pct=0\"\n")),
              ElementsAre("pct=0"));
}

TEST(DmarcPctTest, HundredOrInvalid) {
  EXPECT_THAT(Lint(kPct,
                   "_dmarc TXT \"v=DMARC1; p=reject; pct=100\"\n"
                   "_dmarc.a TXT \"v=DMARC1; p=reject\"\n"
                   "_dmarc.b TXT \"v=DMARC1; p=reject; pct=5O\"\n"),
              IsEmpty());
}

TEST(DmarcPctTest, SplitAcrossStrings) {
  auto found = Lint(kPct, "_dmarc TXT \"v=DMARC1; p=reject; pc\" \"t=25\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].covered, "pc\" \"t=25");
}

// ---- dmarc-misplaced
// ---------------------------------------------------------

constexpr std::string_view kMisplaced = "dmarc-misplaced";

TEST(DmarcMisplacedTest, DmarcAtTheApex) {
  auto found = Lint(kMisplaced, "@ TXT \"v=DMARC1; p=reject\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::kError);
  EXPECT_EQ(found[0].message,
            "DMARC record at 'example.com.', where receivers do not look for "
            "one");
  EXPECT_EQ(found[0].covered, "@ TXT \"v=DMARC1; p=reject\"");
  EXPECT_THAT(found[0].help, HasSubstr("'_dmarc.example.com.'"));
}

TEST(DmarcMisplacedTest, SpfRecordAtDmarc) {
  auto found = Lint(kMisplaced, "_dmarc TXT \"v=spf1 mx -all\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "an SPF record at '_dmarc.example.com.', where receivers look for "
            "the DMARC policy only");
  EXPECT_THAT(found[0].help, HasSubstr("move it to 'example.com.'"));
  // Not also a DMARC syntax error.
  EXPECT_THAT(Lint("dmarc-syntax", "_dmarc TXT \"v=spf1 mx -all\"\n"),
              IsEmpty());
}

TEST(DmarcMisplacedTest, OtherMailRecordsAtDmarc) {
  auto found = Lint(kMisplaced,
                    "_dmarc TXT \"v=DKIM1; p=\"\n"
                    "_dmarc.a TXT \"v=STSv1; id=1\"\n"
                    "_dmarc.b TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n"
                    "_dmarc.c TXT \"v=BIMI1; l=\"\n");
  ASSERT_EQ(found.size(), 4u);
  EXPECT_THAT(found[0].help, HasSubstr("'<selector>._domainkey.example.com.'"));
  EXPECT_THAT(found[1].help, HasSubstr("'_mta-sts.a.example.com.'"));
  EXPECT_THAT(found[2].help, HasSubstr("'_smtp._tls.b.example.com.'"));
  EXPECT_THAT(found[3].help, HasSubstr("'default._bimi.c.example.com.'"));
}

TEST(DmarcMisplacedTest, RightPlacesAreQuiet) {
  EXPECT_THAT(Lint(kMisplaced,
                   "_dmarc TXT \"v=DMARC1; p=reject\"\n"
                   "_dmarc.shop TXT \"v=DMARC1; p=reject\"\n"
                   "example.org._report._dmarc TXT \"v=DMARC1\"\n"
                   "*._report._dmarc TXT \"v=DMARC1\"\n"
                   "@ TXT \"v=spf1 -all\"\n"
                   "_dmarc.x TXT \"unrelated\"\n"),
              IsEmpty());
}

}  // namespace
}  // namespace zonelint

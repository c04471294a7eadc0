// The MTA-STS, TLS-RPT and BIMI rules (rules/mail_policy/) on cases the
// golden fixtures do not show: ranges of split and escaped records, records
// across several zones, and the DMARC policy a BIMI record's domain inherits
// from its organizational domain.
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

// What the MTA-STS, TLS-RPT and BIMI rules found in the zones (origin,
// records), linted together.
std::vector<Found> Lint(
    const std::vector<std::pair<std::string, std::string>>& zones) {
  return testing::LintZones(zones, {"mta-sts-", "tlsrpt-", "bimi-"});
}

std::vector<Found> Lint(std::string_view records) {
  return Lint({{"example.com.", std::string(records)}});
}

std::vector<std::string> Rules(const std::vector<Found>& found) {
  std::vector<std::string> out;
  for (const Found& f : found) out.push_back(f.rule);
  return out;
}

TEST(MailPolicyRulesTest, ValidRecordsAreQuiet) {
  EXPECT_THAT(Rules(Lint("_mta-sts TXT \"v=STSv1; id=1\"\n"
                         "_smtp._tls TXT \"v=TLSRPTv1; "
                         "rua=mailto:t@example.com\"\n"
                         "_dmarc TXT \"v=DMARC1; p=reject\"\n"
                         "default._bimi TXT \"v=BIMI1; "
                         "l=https://example.com/l.svg\"\n")),
              IsEmpty());
}

TEST(MailPolicyRulesTest, ErrorSplitAcrossStringsCoversBothParts) {
  auto found = Lint("_mta-sts TXT \"v=STSv1; id=20\" \"24-06\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "mta-sts-syntax");
  EXPECT_EQ(found[0].covered, "-");
  EXPECT_THAT(found[0].message, HasSubstr("'2024-06'"));
  found = Lint(
      "_smtp._tls TXT \"v=TLSRPTv1; rua=http://r.exa\" "
      "\"mple.com\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].covered, "http://r.exa\" \"mple.com");
}

TEST(MailPolicyRulesTest, EscapedTextIsDecoded) {
  auto found = Lint("_mta-sts TXT \"v=STSv1\\059 id=a\\032b\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "id 'a b' has ' ', which is not a letter or "
            "digit");
  EXPECT_EQ(found[0].covered, "\\032");
}

TEST(MailPolicyRulesTest, SeveralRecordsAndIdenticalCopies) {
  auto found = Lint(
      "_mta-sts TXT \"v=STSv1; id=1\"\n"
      "_mta-sts TXT \"v=STSv1; id=1\"\n"
      "_mta-sts TXT \"v=STSv1; id=2\"\n"
      "_mta-sts TXT \"something else\"\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_THAT(found[0].message, HasSubstr("second MTA-STS record"));
  EXPECT_EQ(found[0].covered, "_mta-sts TXT \"v=STSv1; id=2\"");
  EXPECT_THAT(found[1].message, HasSubstr("is not an MTA-STS record"));
}

TEST(MailPolicyRulesTest, WrongNamesSayWhereTheRecordBelongs) {
  auto found = Lint(
      "sub TXT \"v=TLSRPTv1; rua=mailto:t@example.com\"\n"
      "x._smtp._tls.sub TXT \"v=TLSRPTv1; "
      "rua=mailto:t@example.com\"\n"
      "brand TXT \"v=BIMI1; l=\"\n"
      // At another mail name, that name's rule reports it (dkim-syntax).
      "s1._domainkey TXT \"v=BIMI1; l=\"\n");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_THAT(found[0].message,
              HasSubstr("belongs at '_smtp._tls.sub.example.com.'"));
  EXPECT_THAT(found[1].message,
              HasSubstr("belongs at '_smtp._tls.sub.example.com.'"));
  EXPECT_EQ(found[2].rule, "bimi-syntax");
  EXPECT_THAT(found[2].message,
              HasSubstr("such as 'default._bimi.brand.example.com.'"));
}

TEST(MailPolicyRulesTest, BimiInheritsOrganizationalDomainPolicy) {
  // No _dmarc.shop: the apex's sp= applies to the subdomain.
  auto found = Lint(
      "_dmarc TXT \"v=DMARC1; p=reject; sp=none\"\n"
      "default._bimi.shop TXT \"v=BIMI1; "
      "l=https://example.com/l.svg\"\n");
  std::vector<Found> bimi;
  for (const Found& f : found) {
    if (f.rule == "bimi-dmarc-not-enforced") bimi.push_back(f);
  }
  ASSERT_EQ(bimi.size(), 1u);
  EXPECT_THAT(bimi[0].message,
              HasSubstr("'_dmarc.example.com.' for its subdomains is sp=none"));
  EXPECT_THAT(bimi[0].help, HasSubstr("'sp=quarantine'"));
  // Without sp=, p= applies.
  EXPECT_THAT(Rules(Lint("_dmarc TXT \"v=DMARC1; p=quarantine\"\n"
                         "default._bimi.shop TXT \"v=BIMI1; "
                         "l=https://example.com/l.svg\"\n")),
              IsEmpty());
}

TEST(MailPolicyRulesTest, BimiOrgDomainWithSpNone) {
  auto found = Lint(
      "_dmarc TXT \"v=DMARC1; p=reject; sp=none\"\n"
      "default._bimi TXT \"v=BIMI1; "
      "l=https://example.com/l.svg\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("is sp=none for subdomains"));
}

TEST(MailPolicyRulesTest, BimiInvalidPolicyTagMeansNone) {
  auto found = Lint(
      "_dmarc TXT \"v=DMARC1; p=block\"\n"
      "default._bimi TXT \"v=BIMI1; "
      "l=https://example.com/l.svg\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_THAT(found[0].message, HasSubstr("is no valid p= (so none)"));
}

TEST(MailPolicyRulesTest, BimiPolicyInAnotherLintedZone) {
  // The DMARC record of the subdomain's own zone decides.
  auto found = Lint({{"example.com.",
                      "_dmarc TXT \"v=DMARC1; p=none\"\n"
                      "shop NS ns1.shop\n"
                      "ns1.shop A 192.0.2.2\n"},
                     {"shop.example.com.",
                      "_dmarc TXT \"v=DMARC1; p=reject\"\n"
                      "default._bimi TXT \"v=BIMI1; "
                      "l=https://example.com/l.svg\"\n"}});
  EXPECT_THAT(Rules(found), IsEmpty());
  found = Lint({{"example.com.", "_dmarc TXT \"v=DMARC1; p=none\"\n"},
                {"shop.example.com.",
                 "default._bimi TXT \"v=BIMI1; "
                 "l=https://example.com/l.svg\"\n"}});
  // shop.example.com. is its own zone apex, with no _dmarc record.
  EXPECT_THAT(Rules(found), ElementsAre("bimi-dmarc-not-enforced"));
}

TEST(MailPolicyRulesTest, Type99AndDeclinedRecordsIgnored) {
  EXPECT_THAT(Rules(Lint("default._bimi TXT \"v=BIMI1; l=;\"\n"
                         "_mta-sts SPF \"v=STSv1\"\n")),
              IsEmpty());
}

}  // namespace
}  // namespace zonelint

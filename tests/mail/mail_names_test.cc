// ClassifyMailName: which mail record an owner name is for.
#include "mail/mail_names.h"

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TEST(MailNamesTest, Dkim) {
  MailNameInfo i = ClassifyMailName("s1._domainkey.example.com.");
  EXPECT_EQ(i.kind, MailName::kDkim);
  EXPECT_EQ(i.selector, "s1");
  EXPECT_EQ(i.domain, "example.com.");
  // Selectors may have several labels (RFC 6376 3.1).
  i = ClassifyMailName("2024.eu._domainkey.mail.example.com.");
  EXPECT_EQ(i.kind, MailName::kDkim);
  EXPECT_EQ(i.selector, "2024.eu");
  EXPECT_EQ(i.domain, "mail.example.com.");
  // No selector: the old DomainKeys policy name, not a key.
  EXPECT_EQ(ClassifyMailName("_domainkey.example.com.").kind, MailName::kOther);
  // A label that only contains the marker is not it.
  EXPECT_EQ(ClassifyMailName("s1.x_domainkey.example.com.").kind,
            MailName::kOther);
  EXPECT_EQ(ClassifyMailName("s1._domainkeys.example.com.").kind,
            MailName::kOther);
}

TEST(MailNamesTest, DmarcAndReportAuthorisation) {
  MailNameInfo i = ClassifyMailName("_dmarc.example.com.");
  EXPECT_EQ(i.kind, MailName::kDmarc);
  EXPECT_EQ(i.domain, "example.com.");
  i = ClassifyMailName("example.com._report._dmarc.reports.example.net.");
  EXPECT_EQ(i.kind, MailName::kReportAuth);
  EXPECT_EQ(i.selector, "example.com.");
  EXPECT_EQ(i.domain, "reports.example.net.");
  // "*._report._dmarc" authorises every domain.
  i = ClassifyMailName("*._report._dmarc.example.net.");
  EXPECT_EQ(i.kind, MailName::kReportAuth);
  EXPECT_EQ(i.selector, "*.");
  EXPECT_EQ(ClassifyMailName("_dmarcx.example.com.").kind, MailName::kOther);
}

TEST(MailNamesTest, MtaStsTlsRptBimi) {
  MailNameInfo i = ClassifyMailName("_mta-sts.example.com.");
  EXPECT_EQ(i.kind, MailName::kMtaSts);
  EXPECT_EQ(i.domain, "example.com.");
  i = ClassifyMailName("_smtp._tls.example.com.");
  EXPECT_EQ(i.kind, MailName::kTlsRpt);
  EXPECT_EQ(i.domain, "example.com.");
  i = ClassifyMailName("default._bimi.example.com.");
  EXPECT_EQ(i.kind, MailName::kBimi);
  EXPECT_EQ(i.selector, "default");
  EXPECT_EQ(i.domain, "example.com.");
  EXPECT_EQ(ClassifyMailName("_tls.example.com.").kind, MailName::kOther);
}

TEST(MailNamesTest, PlainNames) {
  EXPECT_EQ(ClassifyMailName("example.com.").kind, MailName::kOther);
  EXPECT_EQ(ClassifyMailName(".").kind, MailName::kOther);
  EXPECT_EQ(ClassifyMailName("_spf.example.com.").kind, MailName::kOther);
  EXPECT_EQ(MailNameKindText(MailName::kDmarc), "DMARC policy");
}

}  // namespace
}  // namespace zonelint

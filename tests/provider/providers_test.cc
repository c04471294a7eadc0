// The provider table (rules/provider/providers.h): host patterns, regions,
// bounce hosts and SPF includes.
#include "rules/provider/providers.h"

#include <set>
#include <string>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TEST(ProvidersTest, HostPatternsCaptureRegionAndSelector) {
  HostMatch m = MatchHost("feedback-smtp.{region}.amazonses.com.",
                          "feedback-smtp.eu-west-1.amazonses.com.");
  EXPECT_TRUE(m.matched);
  EXPECT_EQ(m.region, "eu-west-1");
  // A placeholder never spans a dot, nor matches nothing.
  EXPECT_FALSE(MatchHost("feedback-smtp.{region}.amazonses.com.",
                         "feedback-smtp.a.b.amazonses.com.")
                   .matched);
  EXPECT_FALSE(MatchHost("feedback-smtp.{region}.amazonses.com.",
                         "feedback-smtp..amazonses.com.")
                   .matched);
  EXPECT_FALSE(MatchHost("feedback-smtp.{region}.amazonses.com.",
                         "feedback-smtp.us-east-1.amazonses.com.evil.")
                   .matched);
  // "{selector}" can be bound to the owner's selector.
  m = MatchHost("{selector}.dkim.amazonses.com.",
                "abcdefgh.dkim.amazonses.com.", "abcdefgh");
  EXPECT_TRUE(m.matched);
  EXPECT_EQ(m.selector, "abcdefgh");
  EXPECT_FALSE(MatchHost("{selector}.dkim.amazonses.com.",
                         "abcdefgh.dkim.amazonses.com.", "other")
                   .matched);
  // '*' within a label, with backtracking.
  EXPECT_TRUE(MatchHost("selector1-*._domainkey.*.onmicrosoft.com.",
                        "selector1-example-com._domainkey.contoso."
                        "onmicrosoft.com.")
                  .matched);
  EXPECT_TRUE(MatchHost("{selector}.domainkey.*.*.sendgrid.net.",
                        "s1.domainkey.u123.wl045.sendgrid.net.", "s1")
                  .matched);
  EXPECT_TRUE(
      MatchHost("*.mail.protection.outlook.com.",
                "example-com.mail.protection.outlook.com.")
          .matched);
}

TEST(ProvidersTest, SesRegionsAndTypos) {
  const MailProvider& ses = AmazonSes();
  EXPECT_EQ(ses.name, "Amazon SES");
  EXPECT_TRUE(IsProviderRegion(ses, "us-east-1"));
  EXPECT_TRUE(IsProviderRegion(ses, "eu-central-2"));
  EXPECT_TRUE(IsProviderRegion(ses, "us-gov-west-1"));
  EXPECT_FALSE(IsProviderRegion(ses, "us-east1"));
  EXPECT_EQ(ClosestRegion(ses, "us-east1"), "us-east-1");
  EXPECT_EQ(ClosestRegion(ses, "eu-west-l"), "eu-west-1");
  EXPECT_EQ(ClosestRegion(ses, "mars-north-9"), "");
  // The table has no duplicates.
  std::set<std::string_view> seen(ses.regions.begin(), ses.regions.end());
  EXPECT_EQ(seen.size(), ses.regions.size());
}

TEST(ProvidersTest, BounceHostsAndIncludes) {
  BounceHost b = FindBounceHost("feedback-smtp.us-west-2.amazonses.com.");
  ASSERT_NE(b.provider, nullptr);
  EXPECT_EQ(b.provider->name, "Amazon SES");
  EXPECT_EQ(b.match.region, "us-west-2");
  b = FindBounceHost("mxb.mailgun.org.");
  ASSERT_NE(b.provider, nullptr);
  EXPECT_EQ(b.provider->name, "Mailgun");
  // Inbound hosts are not bounce hosts.
  EXPECT_EQ(FindBounceHost("inbound-smtp.us-east-1.amazonaws.com.").provider,
            nullptr);
  EXPECT_EQ(FindBounceHost("aspmx.l.google.com.").provider, nullptr);
  EXPECT_TRUE(IsProviderSpfInclude(AmazonSes(), "amazonses.com."));
  EXPECT_FALSE(IsProviderSpfInclude(AmazonSes(), "amazonses.com"));
}

TEST(ProvidersTest, EveryPatternIsCanonical) {
  // Lower case, a final dot, balanced placeholders: a typo in the table
  // would silently match nothing.
  auto check = [](std::string_view pattern) {
    SCOPED_TRACE(pattern);
    ASSERT_FALSE(pattern.empty());
    EXPECT_EQ(pattern.back(), '.');
    int open = 0;
    for (char c : pattern) {
      EXPECT_FALSE(c >= 'A' && c <= 'Z');
      if (c == '{') ++open;
      if (c == '}') --open;
      EXPECT_GE(open, 0);
    }
    EXPECT_EQ(open, 0);
  };
  for (const MailProvider& p : MailProviders()) {
    EXPECT_FALSE(p.spf_includes.empty()) << p.name;
    for (auto s : p.bounce_mx) check(s);
    for (auto s : p.inbound_mx) check(s);
    for (auto s : p.spf_includes) check(s);
    for (auto s : p.dkim_domains) check(s);
    for (const ProviderDkim& d : p.dkim) check(d.target);
  }
}

}  // namespace
}  // namespace zonelint

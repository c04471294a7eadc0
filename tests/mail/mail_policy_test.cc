// MTA-STS (RFC 8461 3.1), TLS-RPT (RFC 8460 3) and BIMI records: the
// grammars (analyze, the URI rules, the whole-record ABNF) and the parser
// (fields, ranges, one error per problem).
#include "mail/mail_policy.h"

#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "mail/mail_policy_grammar.h"
#include "mail/tag_list.h"
#include "mail/uri_grammar.h"
#include "parser/field_grammar.h"
#include "tao/pegtl.hpp"
#include "tao/pegtl/contrib/analyze.hpp"

namespace zonelint {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;
using grammar::field::FullMatch;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

std::string At(std::string_view text, TagRange r) {
  return std::string(text.substr(r.begin, r.end - r.begin));
}

std::vector<std::string> Messages(const std::vector<PolicyError>& errors) {
  std::vector<std::string> out;
  for (const PolicyError& e : errors) out.push_back(e.message);
  return out;
}

// ---- Grammars
// ----------------------------------------------------------------

TEST(MailPolicyGrammarTest, Analyze) {
  EXPECT_EQ(pegtl::analyze<g::uri::https_uri>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::uri::mailto_uri>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::uri::scheme>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::mail_policy::extension>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::mta_sts::sts_text_record>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::mta_sts::sts_version_loose>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::tlsrpt::tlsrpt_record>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::tlsrpt::tlsrpt_version_loose>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::bimi::bimi_record>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::bimi::bimi_version_loose>(0), 0u);
}

TEST(MailPolicyGrammarTest, HttpsUri) {
  for (std::string_view ok :
       {"https://example.com/bimi/logo.svg", "HTTPS://example.com",
        "https://user@example.com:8443/a/b?c=d&e#f",
        "https://[2001:db8::1]/logo.svg", "https://192.0.2.1/x",
        "https://example.com/a%2Cb"}) {
    EXPECT_TRUE(FullMatch<g::uri::https_uri>(ok)) << ok;
  }
  for (std::string_view bad :
       {"https://", "https:example.com", "http://example.com",
        "https://example.com/a b", "https://example.com/a,b",
        "https://example.com/a;b", "https://[2001:db8::1/x", ""}) {
    EXPECT_FALSE(FullMatch<g::uri::https_uri>(bad)) << bad;
  }
}

TEST(MailPolicyGrammarTest, MailtoUri) {
  for (std::string_view ok :
       {"mailto:tlsrpt@example.com", "MAILTO:a.b+c@mail.example.com.",
        "mailto:a%2Bb@example.com?subject=tls"}) {
    EXPECT_TRUE(FullMatch<g::uri::mailto_uri>(ok)) << ok;
  }
  for (std::string_view bad :
       {"mailto:", "mailto:example.com", "mailto:@example.com", "mailto:a@",
        "mailto:a..b@example.com", "tlsrpt@example.com",
        "mailto:a@example..com"}) {
    EXPECT_FALSE(FullMatch<g::uri::mailto_uri>(bad)) << bad;
  }
}

TEST(MailPolicyGrammarTest, ExtensionNames) {
  EXPECT_TRUE(FullMatch<g::mail_policy::ext_name>("x-ext.1_a"));
  EXPECT_TRUE(FullMatch<g::mail_policy::ext_name>("1abc"));
  EXPECT_TRUE(FullMatch<g::mail_policy::ext_name>(std::string(32, 'a')));
  EXPECT_FALSE(FullMatch<g::mail_policy::ext_name>(std::string(33, 'a')));
  EXPECT_FALSE(FullMatch<g::mail_policy::ext_name>("-abc"));
  EXPECT_TRUE(FullMatch<g::mail_policy::ext_value>("a:b/c"));
  EXPECT_FALSE(FullMatch<g::mail_policy::ext_value>("a=b"));
  EXPECT_FALSE(FullMatch<g::mail_policy::ext_value>("a b"));
  EXPECT_FALSE(FullMatch<g::mail_policy::ext_value>(""));
}

// Every record the parser accepts matches the RFC's whole-record ABNF, and
// the other way round, on a set of examples.
TEST(MailPolicyGrammarTest, ParserAgreesWithRecordAbnf) {
  for (std::string_view text :
       {"v=STSv1; id=1", "v=STSv1;id=abc;", "v=STSv1; id=1; x-e=v", "v=STSv1",
        "v=STSv1; id=", "v=STSv1; id=a-b", "v=STSv1 ; id=1", "v=stsv1; id=1",
        "v=STSv1; id = 1"}) {
    EXPECT_EQ(mta_sts::ParseMtaSts(text).ok(),
              FullMatch<g::mta_sts::sts_text_record>(text))
        << text;
  }
  for (std::string_view text :
       {"v=TLSRPTv1; rua=mailto:a@example.com",
        "v=TLSRPTv1;rua=mailto:a@example.com, https://r.example.com/x;",
        "v=TLSRPTv1; rua=", "v=TLSRPTv1; rua=a@example.com",
        "v=TLSRPTv1; rua=http://r.example.com", "v=TLSRPTv1",
        "v=TLSRPTv1; rua=mailto:a@example.com; ext=1"}) {
    EXPECT_EQ(tlsrpt::ParseTlsRpt(text).ok(),
              FullMatch<g::tlsrpt::tlsrpt_record>(text))
        << text;
  }
  for (std::string_view text :
       {"v=BIMI1; l=https://example.com/l.svg", "v = BIMI1 ; l = ;",
        "v=BIMI1; l=https://example.com/l.svg; a=https://e.com/v.pem;",
        "v=BIMI1; l=http://example.com/l.svg", "v=BIMI1; l=; avp=brand",
        "v=BIMI1; l=; avp=other", "v=BIMI1; l=; x=anything goes"}) {
    EXPECT_EQ(bimi::ParseBimi(text).ok(), FullMatch<g::bimi::bimi_record>(text))
        << text;
  }
}

// ---- MTA-STS
// -----------------------------------------------------------------

TEST(MtaStsTest, IsRecord) {
  EXPECT_TRUE(mta_sts::IsMtaStsRecord("v=STSv1; id=1"));
  EXPECT_TRUE(mta_sts::IsMtaStsRecord("v=STSv1"));
  EXPECT_TRUE(mta_sts::IsMtaStsRecord("V = stsv1;id=1"));
  EXPECT_FALSE(mta_sts::IsMtaStsRecord("v=STSv10; id=1"));
  EXPECT_FALSE(mta_sts::IsMtaStsRecord("v=spf1 -all"));
  EXPECT_FALSE(mta_sts::IsMtaStsRecord("id=1; v=STSv1"));
  EXPECT_FALSE(mta_sts::IsMtaStsRecord(""));
}

TEST(MtaStsTest, ValidRecord) {
  std::string_view text = "v=STSv1; id=20240601T120000Z; x-ext=a:b";
  mta_sts::Record r = mta_sts::ParseMtaSts(text);
  EXPECT_THAT(Messages(r.errors), IsEmpty());
  EXPECT_TRUE(r.has_id);
  EXPECT_EQ(r.id, "20240601T120000Z");
  EXPECT_EQ(At(text, r.id_range), "20240601T120000Z");
}

TEST(MtaStsTest, IdProblems) {
  auto one = [](std::string_view text) {
    mta_sts::Record r = mta_sts::ParseMtaSts(text);
    EXPECT_EQ(r.errors.size(), 1u) << text;
    EXPECT_FALSE(r.has_id);
    return r.errors.empty() ? PolicyError{} : r.errors[0];
  };
  std::string_view text = "v=STSv1; id=2024.06";
  PolicyError e = one(text);
  EXPECT_EQ(e.message, "id '2024.06' has '.', which is not a letter or digit");
  EXPECT_EQ(At(text, e.range), ".");
  EXPECT_EQ(one("v=STSv1; id=").message, "'id=' is empty");
  EXPECT_EQ(one("v=STSv1; id= ;").message, "'id=' is empty");
  EXPECT_THAT(one(std::string("v=STSv1; id=") + std::string(33, 'a')).message,
              HasSubstr("33 characters long"));
  EXPECT_EQ(one("v=STSv1").message, "MTA-STS record has no 'id=' tag");
  EXPECT_EQ(one("v=STSv1; x=1").message, "MTA-STS record has no 'id=' tag");
}

TEST(MtaStsTest, VersionAndTags) {
  mta_sts::Record r = mta_sts::ParseMtaSts("v=STSv1 id=1");
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors[0].message,
            "missing ';' after 'v=STSv1' in 'v=STSv1 id=1'");
  r = mta_sts::ParseMtaSts("v=STSV1; id=1");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message,
            "version 'v=STSV1' must be written exactly 'v=STSv1'");
  r = mta_sts::ParseMtaSts("v=STSv1; id=1; id=1");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "tag 'id' given more than once");
  r = mta_sts::ParseMtaSts("v=STSv1; Id=1");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "tag 'Id' must be written 'id'");
  r = mta_sts::ParseMtaSts("v=STSv1; id=1; 1ext.a=x");
  EXPECT_THAT(Messages(r.errors), IsEmpty());
  r = mta_sts::ParseMtaSts("v=STSv1; id=1; e=a b");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "invalid value 'a b' of tag 'e'");
}

// ---- TLS-RPT
// -----------------------------------------------------------------

TEST(TlsRptTest, ReportUris) {
  std::string_view text =
      "v=TLSRPTv1; rua=mailto:a@example.com , https://r.example.com/tls";
  tlsrpt::Record r = tlsrpt::ParseTlsRpt(text);
  EXPECT_THAT(Messages(r.errors), IsEmpty());
  ASSERT_EQ(r.rua.size(), 2u);
  EXPECT_EQ(r.rua[0].text, "mailto:a@example.com");
  EXPECT_FALSE(r.rua[0].https);
  EXPECT_EQ(At(text, r.rua[1].range), "https://r.example.com/tls");
  EXPECT_TRUE(r.rua[1].https);
}

TEST(TlsRptTest, BadUrisOneErrorEach) {
  std::string_view text =
      "v=TLSRPTv1; rua=mailto:ok@example.com,http://r.example.com,"
      "ftp://x.example.com,a@example.com,https://,";
  tlsrpt::Record r = tlsrpt::ParseTlsRpt(text);
  EXPECT_EQ(r.rua.size(), 1u);
  ASSERT_EQ(r.errors.size(), 5u);
  EXPECT_EQ(At(text, r.errors[0].range), "http://r.example.com");
  EXPECT_THAT(r.errors[0].help, HasSubstr("https://r.example.com"));
  EXPECT_THAT(r.errors[1].message, HasSubstr("is ftp:"));
  EXPECT_THAT(r.errors[2].help, HasSubstr("mailto:a@example.com"));
  EXPECT_EQ(r.errors[3].message, "invalid report URI 'https://'");
  EXPECT_THAT(r.errors[4].message, HasSubstr("empty URI"));
}

TEST(TlsRptTest, MissingRuaAndVersion) {
  EXPECT_THAT(Messages(tlsrpt::ParseTlsRpt("v=TLSRPTv1; x=1").errors),
              ::testing::ElementsAre("TLS-RPT record has no 'rua=' tag"));
  EXPECT_TRUE(tlsrpt::IsTlsRptRecord("v=tlsrptv1"));
  EXPECT_FALSE(tlsrpt::IsTlsRptRecord("v=TLSRPTv2"));
}

// ---- BIMI
// --------------------------------------------------------------------

TEST(BimiTest, Fields) {
  std::string_view text =
      "v=BIMI1; l=https://example.com/l.svg; a=https://example.com/v.pem; "
      "avp=personal";
  bimi::Record r = bimi::ParseBimi(text);
  EXPECT_THAT(Messages(r.errors), IsEmpty());
  EXPECT_EQ(r.l, "https://example.com/l.svg");
  EXPECT_EQ(At(text, r.a_range), "https://example.com/v.pem");
  EXPECT_EQ(r.avp, "personal");
  EXPECT_FALSE(r.Declined());
}

TEST(BimiTest, Declined) {
  bimi::Record r = bimi::ParseBimi("v=BIMI1; l=;");
  EXPECT_THAT(Messages(r.errors), IsEmpty());
  EXPECT_TRUE(r.Declined());
  EXPECT_TRUE(bimi::ParseBimi("v=BIMI1; l=; a=").Declined());
  // a= alone (the certificate holds the logo) is accepted.
  EXPECT_THAT(
      Messages(bimi::ParseBimi("v=BIMI1; a=https://e.com/v.pem").errors),
      IsEmpty());
}

TEST(BimiTest, Problems) {
  EXPECT_THAT(Messages(bimi::ParseBimi("v=BIMI1").errors),
              ::testing::ElementsAre("BIMI record has no 'l=' tag"));
  EXPECT_THAT(
      Messages(bimi::ParseBimi("v=BIMI1; l=https://e.com/a.svg, "
                               "https://e.com/b.svg")
                   .errors),
      ::testing::ElementsAre("'l=' holds more than one URL: "
                             "'https://e.com/a.svg, https://e.com/b.svg'"));
  EXPECT_THAT(
      Messages(bimi::ParseBimi("v=BIMI1; l=; a=http://e.com/v.pem").errors),
      ::testing::ElementsAre(
          "'a=' URL 'http://e.com/v.pem' does not use https"));
  EXPECT_THAT(Messages(bimi::ParseBimi("v=BIMI1; l=; avp=").errors),
              ::testing::ElementsAre("invalid avp value ''"));
  EXPECT_THAT(Messages(bimi::ParseBimi("v=BIMI2; l=").errors),
              ::testing::ElementsAre(
                  "version 'v=BIMI2' must be written exactly 'v=BIMI1'"));
  EXPECT_THAT(Messages(bimi::ParseBimi("l=; v=BIMI1").errors),
              ::testing::ElementsAre("text does not start with 'v=BIMI1'"));
}

}  // namespace
}  // namespace zonelint

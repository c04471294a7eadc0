// The DMARC parser (mail/dmarc.h): the value grammar of
// mail/dmarc_grammar.h (analyze, each tag's values), IsDmarcRecord,
// LooksLikeDmarc and FindLookalike (text meant as a record that is not
// one: the version), and ParseDmarc: duplicates, a missing p
// with and without rua (RFC 7489 6.6.3), every tag's values, report URIs,
// and the exact ranges of the errors. The dmarc- rules are tested in
// dmarc_rules_test.cc.
#include "mail/dmarc.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "mail/dmarc_grammar.h"
#include "tao/pegtl.hpp"
#include "tao/pegtl/contrib/analyze.hpp"

namespace zonelint {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::dmarc;
using dmarc::Alignment;
using dmarc::ParseDmarc;
using dmarc::Policy;
using dmarc::Psd;
using dmarc::Record;
using dmarc::ReportUri;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

template <typename Rule>
bool Matches(std::string_view text) {
  pegtl::memory_input in(text.data(), text.size(), "");
  return pegtl::parse<Rule>(in);
}

std::string At(std::string_view text, dmarc::Range r) {
  EXPECT_LE(r.begin, r.end);
  EXPECT_LE(r.end, text.size());
  return std::string(text.substr(r.begin, r.end - r.begin));
}

// An error as "covered text | message".
struct Found {
  std::string covered;
  std::string message;
  std::string help;
};

std::vector<Found> Errors(std::string_view text, const Record& record) {
  std::vector<Found> out;
  for (const dmarc::Error& e : record.errors) {
    out.push_back({At(text, e.range), e.message, e.help});
  }
  return out;
}

// "covered|message" for each error, for compact expectations.
std::vector<std::string> Summary(std::string_view text) {
  Record record = ParseDmarc(text);
  std::vector<std::string> out;
  for (const Found& f : Errors(text, record)) {
    out.push_back(f.covered + "|" + f.message);
  }
  return out;
}

// The one error of a record with one tag `tag=value` after v and p.
std::vector<std::string> TagErrors(std::string_view tag_spec) {
  return Summary(std::string("v=DMARC1; p=none; ") + std::string(tag_spec));
}

// FindLookalike's error as "covered|message", or "" when none.
std::string Lookalike(std::string_view text) {
  const std::optional<dmarc::Error> e = dmarc::FindLookalike(text);
  return e ? At(text, e->range) + "|" + e->message : "";
}

// ---- Grammar
// -----------------------------------------------------------------

TEST(DmarcGrammarTest, Analyze) {
  EXPECT_EQ(pegtl::analyze<g::version_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::policy_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::alignment_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::interval_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::percent_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::fo_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::rf_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::psd_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::testing_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::dmarc_uri_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::uri_list_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::mailto_address>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::https_host>(), 0u);
  // The building blocks on their own.
  EXPECT_EQ(pegtl::analyze<g::dmarc_uri>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::uri>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::keyword>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::domain>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::local_part>(), 0u);
}

TEST(DmarcGrammarTest, Version) {
  EXPECT_TRUE(Matches<g::version_value>("DMARC1"));
  for (std::string_view bad : {"dmarc1", "DMARC", "DMARC2", "DMARC1 ", ""}) {
    EXPECT_FALSE(Matches<g::version_value>(bad)) << bad;
  }
}

TEST(DmarcGrammarTest, PolicyAndAlignment) {
  for (std::string_view ok :
       {"none", "quarantine", "reject", "REJECT", "Quarantine"}) {
    EXPECT_TRUE(Matches<g::policy_value>(ok)) << ok;
  }
  for (std::string_view bad :
       {"", "rejected", "non", "none reject", " none", "quarantine;"}) {
    EXPECT_FALSE(Matches<g::policy_value>(bad)) << bad;
  }
  for (std::string_view ok : {"r", "s", "R", "S"}) {
    EXPECT_TRUE(Matches<g::alignment_value>(ok)) << ok;
  }
  for (std::string_view bad : {"", "x", "relaxed", "rs"}) {
    EXPECT_FALSE(Matches<g::alignment_value>(bad)) << bad;
  }
}

TEST(DmarcGrammarTest, Numbers) {
  for (std::string_view ok : {"0", "50", "100", "999", "007"}) {
    EXPECT_TRUE(Matches<g::percent_value>(ok)) << ok;
  }
  for (std::string_view bad : {"", "1000", "-1", "5%", "50.5", " 5"}) {
    EXPECT_FALSE(Matches<g::percent_value>(bad)) << bad;
  }
  for (std::string_view ok : {"0", "86400", "99999999999999"}) {
    EXPECT_TRUE(Matches<g::interval_value>(ok)) << ok;
  }
  for (std::string_view bad : {"", "3600s", "-1", "1e5"}) {
    EXPECT_FALSE(Matches<g::interval_value>(bad)) << bad;
  }
}

TEST(DmarcGrammarTest, FailureOptionsAndFormats) {
  for (std::string_view ok :
       {"0", "1", "d", "s", "D", "0:1:d:s", "1 : d", "0\t:\ts"}) {
    EXPECT_TRUE(Matches<g::fo_value>(ok)) << ok;
  }
  for (std::string_view bad : {"", "2", "0:", ":1", "0,1", "0 1", "ds"}) {
    EXPECT_FALSE(Matches<g::fo_value>(bad)) << bad;
  }
  for (std::string_view ok :
       {"afrf", "afrf:iodef", "a-b", "a--b1", "AFRF", "afrf : iodef"}) {
    EXPECT_TRUE(Matches<g::rf_value>(ok)) << ok;
  }
  for (std::string_view bad :
       {"", "afrf:", "-afrf", "afrf-", "af rf", "afrf,iodef", "a_b"}) {
    EXPECT_FALSE(Matches<g::rf_value>(bad)) << bad;
  }
}

TEST(DmarcGrammarTest, PsdAndTesting) {
  for (std::string_view ok : {"y", "n", "u", "Y", "N", "U"}) {
    EXPECT_TRUE(Matches<g::psd_value>(ok)) << ok;
  }
  for (std::string_view bad : {"", "yes", "x", "yn"}) {
    EXPECT_FALSE(Matches<g::psd_value>(bad)) << bad;
  }
  for (std::string_view ok : {"y", "n", "Y", "N"}) {
    EXPECT_TRUE(Matches<g::testing_value>(ok)) << ok;
  }
  for (std::string_view bad : {"", "u", "yes", "1"}) {
    EXPECT_FALSE(Matches<g::testing_value>(bad)) << bad;
  }
}

TEST(DmarcGrammarTest, ReportUris) {
  for (std::string_view ok :
       {"mailto:d@example.com", "mailto:d@example.com!10m",
        "mailto:d@example.com!10", "mailto:d@example.com!1K",
        "https://r.example.net/dmarc?x=1", "ftp://x",
        "x:", "mailto:a%2Cb@example.com", "MAILTO:D@EXAMPLE.COM!0T"}) {
    EXPECT_TRUE(Matches<g::dmarc_uri_value>(ok)) << ok;
  }
  for (std::string_view bad :
       {"", "d@example.com", "mailto:d@example.com!", "mailto:d@example.com!m",
        "mailto:d@example.com!10x", "mailto:d@example.com!10mb",
        "mailto:a,b@example.com", "mailto:a!b@example.com",
        "mailto:a b@example.com", "1mailto:d@example.com", ":x",
        "mailto:d@example.com;"}) {
    EXPECT_FALSE(Matches<g::dmarc_uri_value>(bad)) << bad;
  }
  EXPECT_TRUE(Matches<g::uri_list_value>(
      "mailto:a@example.com!1m , https://r.example.net"));
  EXPECT_FALSE(Matches<g::uri_list_value>("mailto:a@example.com,"));
  EXPECT_FALSE(Matches<g::uri_list_value>(",mailto:a@example.com"));
}

TEST(DmarcGrammarTest, MailtoAddressMustNotStartWithSlash) {
  // atext allows '/', but "mailto://..." is a URL authority, not an
  // address: the part after "mailto:" must not start with '/'.
  for (std::string_view bad :
       {"//dmarc@example.com", "/dmarc@example.com", "//d@example.com?x=1"}) {
    EXPECT_FALSE(Matches<g::mailto_address>(bad)) << bad;
  }
  for (std::string_view ok : {"a/b@example.com", "a//b@example.com",
                              "a/@example.com", "a.b/c@example.com"}) {
    EXPECT_TRUE(Matches<g::mailto_address>(ok)) << ok;
  }
}

TEST(DmarcGrammarTest, UsableAddresses) {
  for (std::string_view ok :
       {"d@example.com", "first.last+tag@mail.example.com.",
        "a%2Bb@example.com?subject=dmarc", "x@a-b.example"}) {
    EXPECT_TRUE(Matches<g::mailto_address>(ok)) << ok;
  }
  for (std::string_view bad :
       {"", "d@localhost", "d@", "@example.com", "a..b@example.com",
        ".a@example.com", "d@example..com", "d@-example.com",
        "d@example.com-"}) {
    EXPECT_FALSE(Matches<g::mailto_address>(bad)) << bad;
  }
  for (std::string_view ok :
       {"//r.example.net", "//r.example.net/", "//r.example.net:8443/x",
        "//r.example.net?q", "//r.example.net#f"}) {
    EXPECT_TRUE(Matches<g::https_host>(ok)) << ok;
  }
  for (std::string_view bad : {"", "r.example.net", "//", "//localhost",
                               "//r.example.net:x", "//user@r.example.net"}) {
    EXPECT_FALSE(Matches<g::https_host>(bad)) << bad;
  }
}

// ---- Recognising records
// -----------------------------------------------------

TEST(DmarcRecognitionTest, IsDmarcRecord) {
  for (std::string_view yes :
       {"v=DMARC1", "v=DMARC1; p=none", "v = DMARC1 ; p=none", "V=DMARC1",
        "v=DMARC1;"}) {
    EXPECT_TRUE(dmarc::IsDmarcRecord(yes)) << yes;
  }
  // The version is upper case (RFC 7489 6.4 writes it as %x values) and
  // first, with nothing before it, not even a blank (6.6.3).
  for (std::string_view no :
       {"", "   ", "p=none; v=DMARC1", "v=DMARC2; p=none", "v=DMARC1 p=none",
        "v=DMARC10", "v=spf1 -all", "v=DKIM1; p=", "vv=DMARC1",
        "v:DMARC1; p=none", "v=dmarc1; p=none", "v=Dmarc1", " v=DMARC1",
        "\"v=DMARC1; p=none\""}) {
    EXPECT_FALSE(dmarc::IsDmarcRecord(no)) << no;
  }
}

TEST(DmarcRecognitionTest, MalformedTagBeforeVersionIsNoDmarcRecord) {
  // Receivers take only text that starts with v=DMARC1 (RFC 7489 6.6.3); a
  // malformed tag-spec before it is not skipped.
  for (std::string_view no :
       {"; v=DMARC1; p=reject", "x; v=DMARC1; p=reject", " ; v=DMARC1",
        "1x=2; v=DMARC1; p=none", "p:reject; v=DMARC1",
        "v=DMARC1\x01; v=DMARC1", ";v=DMARC1"}) {
    EXPECT_FALSE(dmarc::IsDmarcRecord(no)) << no;
    // Still meant as one: parsed and reported.
    EXPECT_TRUE(dmarc::LooksLikeDmarc(no)) << no;
  }
  // Nor blanks.
  EXPECT_FALSE(dmarc::IsDmarcRecord(" \t v=DMARC1; p=reject"));
  EXPECT_TRUE(dmarc::LooksLikeDmarc(" \t v=DMARC1; p=reject"));
}

TEST(DmarcRecognitionTest, LooksLikeDmarc) {
  for (std::string_view yes :
       {"", "  \t", "v=DMARC1", "v=DMARC2; p=none", "v=dmarc1",
        "v=DMARC1 p=reject", "p=reject; v=DMARC1", "p=reject",
        "p=none; rua=mailto:d@example.com", "x=1; v=DMARC1"}) {
    EXPECT_TRUE(dmarc::LooksLikeDmarc(yes)) << yes;
  }
  for (std::string_view no :
       {"v=spf1 -all", "v=SPF1 include:example.com ~all",
        "v=DKIM1; p=", "v=STSv1; id=1", "v=TLSRPTv1; rua=mailto:t@example.com",
        "v=BIMI1; l=", "v=spfv1 mx -all", "v=DKIM 1; p=", "hello world",
        "google-site-verification=abc", "p=reject; v=DMARC2", "sp=reject"}) {
    EXPECT_FALSE(dmarc::LooksLikeDmarc(no)) << no;
  }
}

// ---- ParseDmarc: whole records
// -----------------------------------------------

TEST(DmarcParseTest, FullRecord) {
  const std::string_view text =
      "v=DMARC1; p=reject; sp=quarantine; np=none; adkim=s; aspf=s; "
      "pct=50; fo=1:d; rf=afrf; ri=3600; "
      "rua=mailto:dmarc@example.com!10m, https://r.example.net/dmarc; "
      "ruf=mailto:f@example.com; psd=n; t=y";
  Record r = ParseDmarc(text);
  EXPECT_THAT(Errors(text, r), IsEmpty());
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.has_p);
  EXPECT_EQ(r.p, Policy::kReject);
  EXPECT_EQ(At(text, r.p_range), "p=reject");
  EXPECT_TRUE(r.has_sp);
  EXPECT_EQ(r.sp, Policy::kQuarantine);
  EXPECT_EQ(At(text, r.sp_range), "sp=quarantine");
  EXPECT_TRUE(r.has_np);
  EXPECT_EQ(r.np, Policy::kNone);
  EXPECT_EQ(At(text, r.np_range), "np=none");
  EXPECT_TRUE(r.has_pct);
  EXPECT_EQ(r.pct, 50);
  EXPECT_EQ(At(text, r.pct_range), "pct=50");
  EXPECT_EQ(r.adkim, Alignment::kStrict);
  EXPECT_EQ(r.aspf, Alignment::kStrict);
  EXPECT_THAT(r.fo, ElementsAre("1", "d"));
  EXPECT_THAT(r.rf, ElementsAre("afrf"));
  EXPECT_EQ(r.ri, 3600u);
  ASSERT_EQ(r.rua.size(), 2u);
  EXPECT_EQ(r.rua[0].text, "mailto:dmarc@example.com!10m");
  EXPECT_EQ(At(text, r.rua[0].range), "mailto:dmarc@example.com!10m");
  EXPECT_EQ(r.rua[0].uri, "mailto:dmarc@example.com");
  EXPECT_EQ(r.rua[0].scheme, "mailto");
  EXPECT_EQ(r.rua[0].address, "dmarc@example.com");
  EXPECT_EQ(r.rua[0].domain, "example.com");
  EXPECT_EQ(At(text, r.rua[0].domain_range), "example.com");
  EXPECT_TRUE(r.rua[0].has_size);
  EXPECT_EQ(r.rua[0].max_bytes, 10u << 20);
  EXPECT_TRUE(r.rua[0].valid);
  EXPECT_EQ(r.rua[1].scheme, "https");
  EXPECT_EQ(r.rua[1].domain, "r.example.net");
  EXPECT_EQ(At(text, r.rua[1].domain_range), "r.example.net");
  EXPECT_EQ(r.rua[1].address, "");
  EXPECT_FALSE(r.rua[1].has_size);
  EXPECT_TRUE(r.rua[1].valid);
  ASSERT_EQ(r.ruf.size(), 1u);
  EXPECT_EQ(r.ruf[0].domain, "example.com");
  EXPECT_EQ(r.psd, Psd::kNo);
  EXPECT_TRUE(r.testing);
  EXPECT_EQ(r.policy(), Policy::kReject);
  EXPECT_EQ(r.SubdomainPolicy(), Policy::kQuarantine);
  EXPECT_EQ(r.NonexistentPolicy(), Policy::kNone);
  EXPECT_FALSE(r.Enforced());  // pct=50
  ASSERT_NE(r.Find("ADKIM"), nullptr);
  EXPECT_EQ(r.Find("adkim")->value, "s");
  EXPECT_EQ(r.Find("x"), nullptr);
  EXPECT_EQ(r.tags.size(), 14u);
}

TEST(DmarcParseTest, Defaults) {
  const std::string_view text = "v=DMARC1; p=quarantine";
  Record r = ParseDmarc(text);
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(r.has_sp);
  EXPECT_FALSE(r.has_np);
  EXPECT_FALSE(r.has_pct);
  EXPECT_EQ(r.pct, 100);
  EXPECT_TRUE(r.pct_range.empty());
  EXPECT_TRUE(r.sp_range.empty());
  EXPECT_EQ(r.adkim, Alignment::kRelaxed);
  EXPECT_EQ(r.aspf, Alignment::kRelaxed);
  EXPECT_EQ(r.ri, 86400u);
  EXPECT_EQ(r.psd, Psd::kUnknown);
  EXPECT_FALSE(r.testing);
  EXPECT_THAT(r.rua, IsEmpty());
  // sp and np fall back to p.
  EXPECT_EQ(r.SubdomainPolicy(), Policy::kQuarantine);
  EXPECT_EQ(r.NonexistentPolicy(), Policy::kQuarantine);
  EXPECT_TRUE(r.Enforced());
  // np falls back to sp.
  r = ParseDmarc("v=DMARC1; p=reject; sp=none");
  EXPECT_EQ(r.NonexistentPolicy(), Policy::kNone);
  EXPECT_EQ(dmarc::PolicyName(Policy::kNone), "none");
  EXPECT_EQ(dmarc::PolicyName(Policy::kQuarantine), "quarantine");
  EXPECT_EQ(dmarc::PolicyName(Policy::kReject), "reject");
}

TEST(DmarcParseTest, BlanksAndCase) {
  const std::string_view text =
      "v = DMARC1 ;\tP = Reject ; ADKIM=S;rua = MAILTO:D@Example.COM. ;";
  Record r = ParseDmarc(text);
  EXPECT_THAT(Errors(text, r), IsEmpty());
  EXPECT_EQ(r.p, Policy::kReject);
  EXPECT_EQ(At(text, r.p_range), "P = Reject");
  EXPECT_EQ(r.adkim, Alignment::kStrict);
  ASSERT_EQ(r.rua.size(), 1u);
  EXPECT_EQ(r.rua[0].scheme, "mailto");
  EXPECT_EQ(r.rua[0].domain, "example.com");  // lower case, no final dot
  EXPECT_EQ(At(text, r.rua[0].domain_range), "Example.COM");
}

// ---- The version: FindLookalike
// ---------------------------------------------

TEST(DmarcLookalikeTest, NoneForRecordsAndOtherText) {
  for (std::string_view none :
       {"v=DMARC1; p=none", "V = DMARC1; p=reject", "v=DMARC1",
        "v=DMARC1; p=bogus", "v=spf1 -all", "v=DKIM1; p=", "hello world",
        "google-site-verification=abc", "sp=reject", "\"hello\"", "\"\"",
        "\"v=spf1 -all\"", "\"v=DMARC1; p=none\" is our policy"}) {
    EXPECT_EQ(Lookalike(none), "") << none;
  }
}

TEST(DmarcLookalikeTest, VersionMustBeFirstAndExact) {
  EXPECT_EQ(Lookalike("p=none; v=DMARC1"),
            "v=DMARC1|'v=DMARC1' is not its first tag");
  EXPECT_EQ(Lookalike("v=dmarc1; p=none"),
            "dmarc1|its version is 'dmarc1', not 'DMARC1'");
  EXPECT_EQ(Lookalike("v=DMARC 1; p=none"),
            "DMARC 1|its version is 'DMARC 1', not 'DMARC1'");
  EXPECT_EQ(Lookalike("v=DMARC2; p=none"),
            "DMARC2|its version is 'DMARC2', not 'DMARC1'");
  EXPECT_EQ(Lookalike("v=; p=none"), "|its version is '', not 'DMARC1'");
  EXPECT_EQ(Lookalike("p=none"),
            "p=none|it does not start with 'v=DMARC1': 'p=none'");
}

TEST(DmarcLookalikeTest, MalformedTagBeforeVersion) {
  EXPECT_EQ(Lookalike("; v=DMARC1; p=reject"),
            ";|it does not start with 'v=DMARC1': ';'");
  EXPECT_EQ(Lookalike("x; v=DMARC1; p=reject"),
            "x;|it does not start with 'v=DMARC1': 'x;'");
  // Control bytes are shown escaped.
  EXPECT_EQ(Lookalike("\x01; v=DMARC1; p=reject"),
            "\x01;|it does not start with 'v=DMARC1': '\\x01;'");
  // With leading blanks as well: the malformed tag is what to fix.
  EXPECT_EQ(Lookalike(" x; v=DMARC1; p=reject"),
            "x;|it does not start with 'v=DMARC1': 'x;'");
}

TEST(DmarcLookalikeTest, LeadingBlank) {
  const std::string_view text = "  v=DMARC1; p=none";
  EXPECT_EQ(Lookalike(text),
            "  |its text starts with a blank: '  v=DMARC1; p=none'");
  EXPECT_THAT(dmarc::FindLookalike(text)->help,
              HasSubstr("\"v=DMARC1; p=none\""));
  // A blank and a bad version: the version is what to fix first.
  EXPECT_EQ(Lookalike(" v=dmarc1; p=none"),
            "dmarc1|its version is 'dmarc1', not 'DMARC1'");
}

TEST(DmarcLookalikeTest, Quoted) {
  // One finding for the whole text, not one per tag the quotes break.
  const std::string_view text = "\"v=DMARC1; p=reject\"";
  EXPECT_EQ(Lookalike(text),
            "\"|its text starts with a quote character: "
            "'\"v=DMARC1; p=reject\"'");
  EXPECT_THAT(dmarc::FindLookalike(text)->help,
              HasSubstr("reads \"v=DMARC1; p=reject\""));
  EXPECT_EQ(Lookalike(" 'v=DMARC1; p=none'"),
            " '|its text starts with a quote character: "
            "' 'v=DMARC1; p=none''");
  // Quoted and meant as DMARC, if not right inside the quotes either.
  EXPECT_EQ(Lookalike("\"p=reject\""),
            "\"|its text starts with a quote character: '\"p=reject\"'");
}

TEST(DmarcLookalikeTest, MissingSeparator) {
  const std::string_view text = "v=DMARC1 p=reject";
  const std::optional<dmarc::Error> e = dmarc::FindLookalike(text);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(At(text, e->range), "v=DMARC1 p=reject");
  EXPECT_EQ(e->message, "no ';' after its version: 'v=DMARC1 p=reject'");
  EXPECT_THAT(e->help, HasSubstr("'v=DMARC1; p=reject'"));
}

TEST(DmarcLookalikeTest, Empty) {
  EXPECT_EQ(Lookalike(""), "|it is empty");
  EXPECT_EQ(Lookalike(" \t "), " \t |it is empty");
}

TEST(DmarcParseTest, NotARecord) {
  // ParseDmarc takes records only; anything else gets the one error.
  EXPECT_THAT(Summary("p=none; v=DMARC1"),
              ElementsAre("p=none; |text does not start with 'v=DMARC1'"));
  EXPECT_FALSE(ParseDmarc("").ok());
}

// ---- Duplicates and the p tag
// ------------------------------------------------

TEST(DmarcTagsTest, Duplicates) {
  const std::string_view text = "v=DMARC1; p=none; P=reject";
  Record r = ParseDmarc(text);
  EXPECT_THAT(Summary(text),
              ElementsAre("P=reject|tag 'p' given more than once: 'P=reject'"));
  // The first one counts.
  EXPECT_EQ(r.p, Policy::kNone);
  EXPECT_THAT(Summary("v=DMARC1; v=DMARC1; p=none"),
              ElementsAre("v=DMARC1|tag 'v' given more than once: "
                          "'v=DMARC1'"));
  EXPECT_THAT(Summary("v=DMARC1; p=none; rua=mailto:a@example.com; "
                      "rua=mailto:b@example.com"),
              ElementsAre("rua=mailto:b@example.com|tag 'rua' given more than "
                          "once: 'rua=mailto:b@example.com'"));
}

TEST(DmarcTagsTest, MissingPolicy) {
  // Without p and without rua: the record is ignored (RFC 7489 6.6.3).
  const std::string_view text = "v=DMARC1; sp=reject";
  std::vector<Found> found = Errors(text, ParseDmarc(text));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].covered, "v=DMARC1");
  EXPECT_EQ(found[0].message,
            "no 'p' tag (and no valid 'rua'), so receivers ignore this record");
  EXPECT_THAT(found[0].help, HasSubstr("add 'p=none'"));
  EXPECT_THAT(Summary("v=DMARC1"),
              ElementsAre("v=DMARC1|no 'p' tag (and no valid 'rua'), so "
                          "receivers ignore this record"));
  // With a syntactically valid rua: treated as p=none, no error.
  Record r = ParseDmarc("v=DMARC1; rua=mailto:d@example.com");
  EXPECT_TRUE(r.ok());
  EXPECT_FALSE(r.has_p);
  EXPECT_EQ(r.policy(), Policy::kNone);
  // Any syntactically valid URI counts, usable or not.
  EXPECT_TRUE(ParseDmarc("v=DMARC1; rua=ftp://r.example.net").ok());
  // An invalid rua, or a valid ruf, does not.
  EXPECT_THAT(Summary("v=DMARC1; rua=dmarc"),
              ElementsAre("dmarc|invalid URI 'dmarc' in rua",
                          "v=DMARC1|no 'p' tag (and no valid 'rua'), so "
                          "receivers ignore this record"));
  EXPECT_THAT(Summary("v=DMARC1; ruf=mailto:d@example.com"),
              ElementsAre("v=DMARC1|no 'p' tag (and no valid 'rua'), so "
                          "receivers ignore this record"));
  // A bad p is reported as such, not also as missing.
  EXPECT_THAT(Summary("v=DMARC1; p=rejected"),
              ElementsAre("rejected|invalid p value 'rejected'"));
}

// ---- Each tag's values
// -------------------------------------------------------

TEST(DmarcTagsTest, Policies) {
  for (std::string_view tag : {"sp", "np"}) {
    for (std::string_view value : {"none", "quarantine", "reject", "REJECT"}) {
      std::string spec = std::string(tag) + "=" + std::string(value);
      EXPECT_THAT(TagErrors(spec), IsEmpty()) << spec;
    }
    std::string t(tag);
    EXPECT_THAT(TagErrors(t + "=nonee"),
                ElementsAre("nonee|invalid " + t + " value 'nonee'"));
    EXPECT_THAT(
        TagErrors(t + "=none reject"),
        ElementsAre("none reject|invalid " + t + " value 'none reject'"));
  }
  EXPECT_THAT(Summary("v=DMARC1; p=none; sp=rejec"),
              ElementsAre("rejec|invalid sp value 'rejec'"));
  Record r = ParseDmarc("v=DMARC1; p=reject; sp=bad; np=worse");
  EXPECT_FALSE(r.has_sp);
  EXPECT_FALSE(r.has_np);
  // A bad sp or np falls back as if absent.
  EXPECT_EQ(r.SubdomainPolicy(), Policy::kReject);
  EXPECT_EQ(r.NonexistentPolicy(), Policy::kReject);
}

TEST(DmarcTagsTest, EmptyValue) {
  // The error is at the (empty) value, right after '='.
  const std::string_view text = "v=DMARC1; p=";
  Record r = ParseDmarc(text);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "invalid p value ''");
  EXPECT_EQ(r.errors[0].range.begin, 12u);
  EXPECT_EQ(r.errors[0].range.end, 12u);
}

TEST(DmarcTagsTest, Alignment) {
  EXPECT_THAT(TagErrors("adkim=r; aspf=S"), IsEmpty());
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; aspf=S").aspf, Alignment::kStrict);
  EXPECT_THAT(TagErrors("adkim=x"), ElementsAre("x|invalid adkim value 'x'"));
  EXPECT_THAT(TagErrors("aspf=relaxed"),
              ElementsAre("relaxed|invalid aspf value 'relaxed'"));
  EXPECT_THAT(TagErrors("ASPF="), ElementsAre("|invalid aspf value ''"));
}

TEST(DmarcTagsTest, Pct) {
  for (std::string_view ok : {"pct=0", "pct=100", "pct=007"}) {
    EXPECT_THAT(TagErrors(ok), IsEmpty()) << ok;
  }
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; pct=007").pct, 7);
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; pct=0").pct, 0);
  for (std::string_view bad : {"101", "1000", "-1", "5%", "50.5", "", "x"}) {
    EXPECT_THAT(TagErrors("pct=" + std::string(bad)),
                ElementsAre(std::string(bad) + "|invalid pct value '" +
                            std::string(bad) + "'"));
  }
  Record r = ParseDmarc("v=DMARC1; p=none; pct=101");
  EXPECT_FALSE(r.has_pct);
  EXPECT_EQ(r.pct, 100);
  EXPECT_FALSE(r.Enforced());  // p=none
}

TEST(DmarcTagsTest, Ri) {
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; ri=0").ri, 0u);
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; ri=4294967295").ri, 4294967295u);
  EXPECT_THAT(TagErrors("ri=4294967295"), IsEmpty());
  for (std::string_view bad :
       {"4294967296", "99999999999999999999", "3600s", "", "-1", "1h"}) {
    EXPECT_THAT(TagErrors("ri=" + std::string(bad)),
                ElementsAre(std::string(bad) + "|invalid ri value '" +
                            std::string(bad) + "'"));
  }
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; ri=3600s").ri, 86400u);
}

TEST(DmarcTagsTest, Fo) {
  EXPECT_THAT(ParseDmarc("v=DMARC1; p=none; fo=0:1 : d:S").fo,
              ElementsAre("0", "1", "d", "S"));
  for (std::string_view bad : {"2", "0:", ":1", "0,1", "", "0 1"}) {
    EXPECT_THAT(TagErrors("fo=" + std::string(bad)),
                ElementsAre(std::string(bad) + "|invalid fo value '" +
                            std::string(bad) + "'"));
  }
}

TEST(DmarcTagsTest, Rf) {
  EXPECT_THAT(ParseDmarc("v=DMARC1; p=none; rf=afrf:iodef").rf,
              ElementsAre("afrf", "iodef"));
  EXPECT_THAT(TagErrors("rf=AFRF"), IsEmpty());
  for (std::string_view bad : {"afrf:", "-afrf", "af rf", "", "afrf,iodef"}) {
    EXPECT_THAT(TagErrors("rf=" + std::string(bad)),
                ElementsAre(std::string(bad) + "|invalid rf value '" +
                            std::string(bad) + "'"));
  }
}

TEST(DmarcTagsTest, PsdAndT) {
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; psd=y").psd, Psd::kYes);
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; psd=N").psd, Psd::kNo);
  EXPECT_EQ(ParseDmarc("v=DMARC1; p=none; psd=u").psd, Psd::kUnknown);
  EXPECT_THAT(TagErrors("psd=yes"), ElementsAre("yes|invalid psd value 'yes'"));
  EXPECT_TRUE(ParseDmarc("v=DMARC1; p=none; t=Y").testing);
  EXPECT_FALSE(ParseDmarc("v=DMARC1; p=none; t=n").testing);
  EXPECT_THAT(TagErrors("t=u"), ElementsAre("u|invalid t value 'u'"));
  EXPECT_THAT(TagErrors("t="), ElementsAre("|invalid t value ''"));
}

TEST(DmarcTagsTest, UnknownTagsAndTypos) {
  // Unknown tags are ignored; one edit from a known tag of 3+ letters is a
  // likely typo.
  EXPECT_THAT(TagErrors("x=1; foo=bar; sx=1; policy=reject"), IsEmpty());
  EXPECT_THAT(TagErrors("adkin=s"), ElementsAre("adkin|unknown tag 'adkin'"));
  EXPECT_THAT(TagErrors("ruaa=mailto:a@example.com"),
              ElementsAre("ruaa|unknown tag 'ruaa'"));
  EXPECT_THAT(TagErrors("apsf=s"), ElementsAre("apsf|unknown tag 'apsf'"));
  EXPECT_THAT(TagErrors("PTC=50"), ElementsAre("PTC|unknown tag 'PTC'"));
  const std::string text = "v=DMARC1; p=none; adkin=s";
  Record r = ParseDmarc(text);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_THAT(r.errors[0].help, HasSubstr("did you mean 'adkim'?"));
}

TEST(DmarcTagsTest, TagListProblems) {
  EXPECT_THAT(TagErrors("; rua=mailto:a@example.com"),
              ElementsAre(" |empty tag between ';' separators"));
  EXPECT_THAT(Summary("v=DMARC1; p=none;"), IsEmpty());
  EXPECT_THAT(Summary("v=DMARC1; p=none; 1x=2"),
              ElementsAre("1x=2|invalid tag name in '1x=2'"));
  EXPECT_THAT(Summary("v=DMARC1; p=none; aspf"),
              ElementsAre("aspf|tag 'aspf' has no '='"));
}

// ---- Report URIs
// -------------------------------------------------------------

const ReportUri& OnlyRua(const Record& r) {
  EXPECT_EQ(r.rua.size(), 1u);
  static const ReportUri kNone;
  return r.rua.empty() ? kNone : r.rua[0];
}

TEST(DmarcUriTest, SizeSuffixes) {
  struct Case {
    std::string_view suffix;
    uint64_t bytes;
  };
  for (const Case& c :
       {Case{"!0", 0}, Case{"!500", 500}, Case{"!1k", 1ULL << 10},
        Case{"!10m", 10ULL << 20}, Case{"!10M", 10ULL << 20},
        Case{"!2g", 2ULL << 30}, Case{"!1t", 1ULL << 40},
        Case{"!16777215t", 16777215ULL << 40}}) {
    std::string text =
        "v=DMARC1; p=none; rua=mailto:d@example.com" + std::string(c.suffix);
    Record r = ParseDmarc(text);
    EXPECT_TRUE(r.ok()) << text;
    const ReportUri& uri = OnlyRua(r);
    EXPECT_TRUE(uri.has_size) << text;
    EXPECT_EQ(uri.max_bytes, c.bytes) << text;
    EXPECT_EQ(uri.uri, "mailto:d@example.com");
    EXPECT_EQ(uri.text, "mailto:d@example.com" + std::string(c.suffix));
    EXPECT_TRUE(uri.valid);
  }
}

TEST(DmarcUriTest, BadSizeSuffixes) {
  for (std::string_view bad : {"!", "!m", "!10x", "!10mb", "!-1", "!1 0"}) {
    std::string suffix(bad);
    EXPECT_THAT(
        TagErrors("rua=mailto:d@example.com" + suffix),
        ElementsAre(suffix + "|invalid size limit '" + suffix + "' in rua"))
        << bad;
  }
  EXPECT_THAT(TagErrors("ruf=mailto:d@example.com!99999999999999999"),
              ElementsAre("!99999999999999999|size limit "
                          "'!99999999999999999' in ruf is too large"));
  EXPECT_THAT(TagErrors("rua=mailto:d@example.com!16777216t"),
              ElementsAre("!16777216t|size limit '!16777216t' in rua is too "
                          "large"));
}

TEST(DmarcUriTest, SyntaxErrors) {
  EXPECT_THAT(TagErrors("rua=dmarc@example.com"),
              ElementsAre("dmarc@example.com|report address "
                          "'dmarc@example.com' in rua has no URI scheme"));
  EXPECT_THAT(TagErrors("rua=mailto:a b@example.com"),
              ElementsAre("mailto:a b@example.com|invalid URI "
                          "'mailto:a b@example.com' in rua"));
  EXPECT_THAT(TagErrors("ruf=:x"), ElementsAre(":x|invalid URI ':x' in ruf"));
  EXPECT_THAT(TagErrors("rua="), ElementsAre("rua=|empty rua list"));
  EXPECT_THAT(TagErrors("rua=mailto:a@example.com,,mailto:b@example.com"),
              ElementsAre("mailto:a@example.com,,mailto:b@example.com|empty "
                          "entry in rua list "
                          "'mailto:a@example.com,,mailto:b@example.com'"));
  // The good entries of a list with a bad one are kept.
  Record r = ParseDmarc(
      "v=DMARC1; p=none; rua=mailto:a@example.com, x, mailto:b@example.org");
  ASSERT_EQ(r.rua.size(), 2u);
  EXPECT_EQ(r.rua[1].domain, "example.org");
  EXPECT_EQ(r.errors.size(), 1u);
}

TEST(DmarcUriTest, ListRanges) {
  const std::string_view text =
      "v=DMARC1; p=none; rua= mailto:a@example.com ,\thttps://r.example.net/x "
      ", mailto:b@example.org!1k";
  Record r = ParseDmarc(text);
  EXPECT_TRUE(r.ok());
  ASSERT_EQ(r.rua.size(), 3u);
  EXPECT_EQ(At(text, r.rua[0].range), "mailto:a@example.com");
  EXPECT_EQ(At(text, r.rua[1].range), "https://r.example.net/x");
  EXPECT_EQ(At(text, r.rua[2].range), "mailto:b@example.org!1k");
  EXPECT_EQ(At(text, r.rua[2].domain_range), "example.org");
  EXPECT_EQ(r.rua[0].range.begin, 23u);
}

TEST(DmarcUriTest, UsableOrNot) {
  // Well-formed but unusable URIs are not errors: valid = false and a
  // problem for dmarc-report-uri.
  struct Case {
    std::string_view uri;
    bool valid;
    std::string_view problem;  // a part of it
    std::string_view domain;
  };
  for (const Case& c : {
           Case{"mailto:d@example.com?subject=dmarc", true, "", "example.com"},
           Case{"mailto:%64@example.com", true, "", "example.com"},
           Case{"https://r.example.net:8443/x", true, "", "r.example.net"},
           Case{"HTTPS://R.Example.NET", true, "", "r.example.net"},
           Case{"mailto://example.com", false, "has no valid email address",
                ""},
           Case{"mailto:dmarc", false, "has no valid email address", ""},
           Case{"mailto:d@localhost", false, "has no valid email address", ""},
           Case{"https:r.example.net", false, "has no valid host", ""},
           Case{"http://r.example.net/x", false, "uses plain http",
                "r.example.net"},
           Case{"ftp://r.example.net", false, "uses the 'ftp' scheme", ""},
           Case{"urn:x", false, "uses the 'urn' scheme", ""},
       }) {
    std::string text = "v=DMARC1; p=none; rua=" + std::string(c.uri);
    Record r = ParseDmarc(text);
    EXPECT_TRUE(r.ok()) << c.uri;
    const ReportUri& uri = OnlyRua(r);
    EXPECT_EQ(uri.valid, c.valid) << c.uri;
    EXPECT_EQ(uri.domain, c.domain) << c.uri;
    if (c.valid) {
      EXPECT_EQ(uri.problem, "") << c.uri;
    } else {
      EXPECT_THAT(uri.problem, HasSubstr(c.problem)) << c.uri;
      EXPECT_THAT(uri.problem, HasSubstr("'" + std::string(c.uri) + "'"));
      EXPECT_FALSE(uri.help.empty());
    }
  }
  Record r = ParseDmarc("v=DMARC1; p=none; rua=mailto:d@example.com?x=1");
  EXPECT_EQ(OnlyRua(r).address, "d@example.com");
}

TEST(DmarcUriTest, MailtoWithSlashesIsNoAddress) {
  for (std::string_view bad :
       {"mailto://dmarc@example.com", "mailto:/dmarc@example.com",
        "MAILTO://dmarc@example.com!10m"}) {
    const std::string text = "v=DMARC1; p=none; rua=" + std::string(bad);
    Record r = ParseDmarc(text);
    // Well-formed as a URI, so no syntax error; unusable for reports.
    EXPECT_TRUE(r.ok()) << bad;
    const ReportUri& uri = OnlyRua(r);
    EXPECT_FALSE(uri.valid) << bad;
    EXPECT_EQ(uri.address, "") << bad;
    EXPECT_EQ(uri.problem, "report URI '" + std::string(uri.uri) +
                               "' has no valid email address")
        << bad;
    EXPECT_THAT(uri.help, HasSubstr("no '//'"));
  }
  // ruf too.
  Record r = ParseDmarc("v=DMARC1; p=none; ruf=mailto://f@example.com");
  ASSERT_EQ(r.ruf.size(), 1u);
  EXPECT_FALSE(r.ruf[0].valid);
  // A '/' inside the local part is atext (RFC 5322 3.2.3): usable.
  r = ParseDmarc("v=DMARC1; p=none; rua=mailto:a/b@example.com");
  EXPECT_TRUE(OnlyRua(r).valid);
  EXPECT_EQ(OnlyRua(r).address, "a/b@example.com");
  EXPECT_EQ(OnlyRua(r).domain, "example.com");
}

TEST(DmarcTagsTest, MalformedPolicyTagIsNotAlsoMissing) {
  // The tag-list problem is the one error: the malformed tag-spec was
  // meant as p, so "no 'p' tag" is not said too.
  EXPECT_THAT(Summary("v=DMARC1; p"), ElementsAre("p|tag 'p' has no '='"));
  EXPECT_THAT(Summary("v=DMARC1; p:reject"),
              ElementsAre("p:reject|tag 'p' is followed by ':' where '=' "
                          "belongs"));
  EXPECT_THAT(Summary("v=DMARC1; p=\x01reject"),
              ElementsAre("\x01|invalid character in the value of 'p'"));
  EXPECT_FALSE(ParseDmarc("v=DMARC1; p:reject").has_p);
  // Without a tag-list problem a missing p is still said.
  EXPECT_THAT(Summary("v=DMARC1; sp=reject"),
              ElementsAre("v=DMARC1|no 'p' tag (and no valid 'rua'), so "
                          "receivers ignore this record"));
}

TEST(DmarcTagsTest, EmptyValueBeforeBlanks) {
  // "p= ;": the empty value sits right after '=', inside the tag, not
  // after the blank.
  const std::string_view text = "v=DMARC1; p= ;";
  Record r = ParseDmarc(text);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "invalid p value ''");
  EXPECT_EQ(r.errors[0].range.begin, 12u);
  EXPECT_EQ(r.errors[0].range.end, 12u);
  const dmarc::TagRef* p = r.Find("p");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(At(text, p->range), "p=");
  EXPECT_EQ(p->value_range.begin, 12u);
  EXPECT_EQ(p->value_range.end, 12u);
  EXPECT_GE(p->value_range.begin, p->range.begin);
  EXPECT_LE(p->value_range.end, p->range.end);
}

TEST(DmarcParseTest, FoAndRfAreEmptyWhenAbsent) {
  // The RFC 7489 defaults (fo=0, rf=afrf) are not filled in.
  Record r = ParseDmarc("v=DMARC1; p=none");
  EXPECT_THAT(r.fo, IsEmpty());
  EXPECT_THAT(r.rf, IsEmpty());
  // Nor when the value is bad.
  r = ParseDmarc("v=DMARC1; p=none; fo=2; rf=a_b");
  EXPECT_THAT(r.fo, IsEmpty());
  EXPECT_THAT(r.rf, IsEmpty());
}

TEST(DmarcTagsTest, MalformedPolicyTag) {
  // A p tag the tag list rejects: the bad character is pointed at.
  const std::string text = "v=DMARC1; p=\x01none";
  Record r = ParseDmarc(text);
  std::vector<Found> found = Errors(text, r);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].covered, "\x01");
  EXPECT_EQ(found[0].message, "invalid character in the value of 'p'");
  EXPECT_FALSE(r.has_p);
}

}  // namespace
}  // namespace zonelint

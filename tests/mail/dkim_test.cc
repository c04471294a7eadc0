// The DKIM key parser (mail/dkim.h): the tag-value grammar, base64 with
// blanks, key decoding with OpenSSL (mail/dkim_key.h), and the dkim-
// rules through a Session: CNAMEs followed into the zones, keys outside
// _domainkey, ranges of keys split over several strings.
#include "mail/dkim.h"

#include <string>
#include <string_view>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "mail/dkim_grammar.h"
#include "mail/dkim_key.h"
#include "tao/pegtl.hpp"
#include "tao/pegtl/contrib/analyze.hpp"
#include "tests/findings.h"
#include "util/base64.h"

namespace zonelint {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::dkim;
using ::testing::HasSubstr;

// Keys made with openssl genpkey for these tests.
constexpr std::string_view kRsa1024 =
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDODcxx7zRt3buqU1FoNthTKQ0/"
    "+MwQpHAOXmYRYe26wC1RoJN0hTEvI5p7ZZMoDESx7KX2ehrDrq2QwbeoDzyo65kzGto2MI5Ake"
    "vrcvSpqdLM7/3nxUMifowyBphZcqZN8JL2Xl25TxMZRgpLNrTDm1W6DkS/"
    "FHgnRc+O23zefQIDAQAB";
constexpr std::string_view kRsa1024Pkcs1 =
    "MIGJAoGBAM4NzHHvNG3du6pTUWg22FMpDT/"
    "4zBCkcA5eZhFh7brALVGgk3SFMS8jmntlkygMRLHspfZ6GsOurZDBt6gPPKjrmTMa2jYwjkCR6"
    "+ty9Kmp0szv/"
    "efFQyJ+jDIGmFlypk3wkvZeXblPExlGCks2tMObVboORL8UeCdFz47bfN59AgMBAAE=";
constexpr std::string_view kRsa512 =
    "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAJXbnDy3SxW6hZOOdiWdzViuvcVtXz2Rri2DhYYgm3"
    "XX2VesyR3tqRFr/P243wmDQxBQWkZ+9cEbzUke+DF09d8CAwEAAQ==";
constexpr std::string_view kEd25519 =
    "KKweGN+Vmr8QZBF1dy2qYyK6Dt90PDMNiL1bCC8NjIM=";
constexpr std::string_view kEd25519Spki =
    "MCowBQYDK2VwAyEAKKweGN+Vmr8QZBF1dy2qYyK6Dt90PDMNiL1bCC8NjIM=";

template <typename Rule>
bool Matches(std::string_view text) {
  pegtl::memory_input in(text.data(), text.size(), "");
  return pegtl::parse<Rule>(in);
}

TEST(DkimGrammarTest, Analyze) {
  EXPECT_EQ(pegtl::analyze<g::key_v_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::key_h_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::key_k_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::key_n_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::key_p_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::key_s_value>(), 0u);
  EXPECT_EQ(pegtl::analyze<g::key_t_value>(), 0u);
}

TEST(DkimGrammarTest, Values) {
  EXPECT_TRUE(Matches<g::key_v_value>("DKIM1"));
  EXPECT_FALSE(Matches<g::key_v_value>("dkim1"));
  EXPECT_FALSE(Matches<g::key_v_value>("DKIM1: g=*"));
  EXPECT_TRUE(Matches<g::key_h_value>("sha1:sha256"));
  EXPECT_TRUE(Matches<g::key_h_value>("sha1 \t:\t SHA256:unknown"));
  EXPECT_FALSE(Matches<g::key_h_value>("sha1:"));
  EXPECT_FALSE(Matches<g::key_h_value>("sha-"));
  EXPECT_TRUE(Matches<g::key_k_value>("ed25519"));
  EXPECT_TRUE(Matches<g::key_k_value>("ed25519-sha256"));
  EXPECT_FALSE(Matches<g::key_k_value>("rsa dsa"));
  EXPECT_TRUE(Matches<g::key_s_value>("*"));
  EXPECT_TRUE(Matches<g::key_s_value>("email : tlsrpt"));
  EXPECT_FALSE(Matches<g::key_s_value>("email,tlsrpt"));
  EXPECT_TRUE(Matches<g::key_t_value>("y:s"));
  EXPECT_FALSE(Matches<g::key_t_value>("y:"));
  EXPECT_TRUE(Matches<g::key_p_value>(""));
  EXPECT_TRUE(Matches<g::key_p_value>("JDc bZ0Hpb a5NK\tXI4 = ="));
  EXPECT_FALSE(Matches<g::key_p_value>("AB=CD"));
  EXPECT_FALSE(Matches<g::key_p_value>("AB-_"));
  EXPECT_TRUE(Matches<g::key_n_value>("send%20comments to me"));
}

TEST(DkimKeyTest, InspectsKeys) {
  std::string der;
  ASSERT_TRUE(DecodeBase64(kRsa1024, &der));
  dkim::KeyInfo info = dkim::InspectPublicKey(der);
  EXPECT_EQ(info.format, dkim::KeyFormat::kRsaSpki);
  EXPECT_EQ(info.bits, 1024);
  ASSERT_TRUE(DecodeBase64(kRsa1024Pkcs1, &der));
  info = dkim::InspectPublicKey(der);
  EXPECT_EQ(info.format, dkim::KeyFormat::kRsaPkcs1);
  EXPECT_EQ(info.bits, 1024);
  ASSERT_TRUE(DecodeBase64(kEd25519Spki, &der));
  EXPECT_EQ(dkim::InspectPublicKey(der).format, dkim::KeyFormat::kEd25519Spki);
  ASSERT_TRUE(DecodeBase64(kEd25519, &der));
  EXPECT_EQ(dkim::InspectPublicKey(der).format, dkim::KeyFormat::kNone);
  ASSERT_TRUE(DecodeBase64(kRsa1024, &der));
  der += '\0';  // trailing garbage
  EXPECT_EQ(dkim::InspectPublicKey(der).format, dkim::KeyFormat::kNone);
}

TEST(DkimParseTest, GoodKeys) {
  const std::string text =
      std::string("v=DKIM1; k=ed25519; t=y:s; p=") + std::string(kEd25519);
  dkim::Key key = dkim::Parse(text);
  EXPECT_TRUE(key.ok()) << key.errors[0].message;
  EXPECT_EQ(key.type, dkim::KeyType::kEd25519);
  EXPECT_EQ(key.key_size, 32u);
  ASSERT_NE(key.TestingFlag(), nullptr);
  EXPECT_EQ(text.substr(key.TestingFlag()->range.begin, 1), "y");

  key = dkim::Parse(std::string("p=") + std::string(kRsa1024Pkcs1));
  EXPECT_TRUE(key.ok());
  EXPECT_EQ(key.key_info.format, dkim::KeyFormat::kRsaPkcs1);
  EXPECT_EQ(key.key_info.bits, 1024);

  key = dkim::Parse("v=DKIM1; h=sha1:sha256; p=");
  EXPECT_TRUE(key.ok());
  EXPECT_TRUE(key.revoked);
  EXPECT_NE(key.Sha1Hash(), nullptr);

  // Tag names are case-sensitive: "V=" is an unknown tag.
  key = dkim::Parse("V=DKIM2; p=;");
  EXPECT_TRUE(key.ok());
  EXPECT_FALSE(key.has_version);
}

std::vector<std::string> Messages(const dkim::Key& key) {
  std::vector<std::string> out;
  for (const dkim::Error& e : key.errors) out.push_back(e.message);
  return out;
}

TEST(DkimParseTest, Errors) {
  dkim::Key key = dkim::Parse("p=; v=DKIM1");
  ASSERT_EQ(key.errors.size(), 1u);
  EXPECT_EQ(key.errors[0].kind, dkim::ErrorKind::kVersion);
  EXPECT_EQ(key.errors[0].range.begin, 4u);

  key = dkim::Parse("v=DKIM1; p=; p=");
  ASSERT_EQ(key.errors.size(), 1u);
  EXPECT_EQ(key.errors[0].kind, dkim::ErrorKind::kSyntax);
  EXPECT_THAT(key.errors[0].message, HasSubstr("'p='"));

  key = dkim::Parse("v=spf1 -all");
  ASSERT_EQ(key.errors.size(), 1u);
  EXPECT_THAT(key.errors[0].message, HasSubstr("not a DKIM key"));

  key = dkim::Parse("v=DKIM1; k=rsa");
  ASSERT_EQ(key.errors.size(), 1u);
  EXPECT_EQ(key.errors[0].message, "no p= tag in 'v=DKIM1; k=rsa'");

  key = dkim::Parse(std::string("k=ed25519; p=") + std::string(kEd25519Spki));
  ASSERT_EQ(key.errors.size(), 1u);
  EXPECT_EQ(key.errors[0].kind, dkim::ErrorKind::kKeyInvalid);
  EXPECT_THAT(key.errors[0].help, HasSubstr(std::string(kEd25519)));

  key = dkim::Parse(std::string("p=") + std::string(kEd25519));
  ASSERT_EQ(key.errors.size(), 1u);
  EXPECT_THAT(key.errors[0].message, HasSubstr("32 bytes"));

  key = dkim::Parse("p=MIGf-MA0");
  ASSERT_EQ(key.errors.size(), 1u);
  EXPECT_EQ(key.errors[0].range.begin, 6u);
  EXPECT_EQ(key.errors[0].range.end, 7u);

  key = dkim::Parse("k=xxx; t=y:; h=sha1,sha256; p=" + std::string(kRsa512));
  EXPECT_EQ(key.type, dkim::KeyType::kUnknown);
  EXPECT_EQ(Messages(key).size(), 2u);  // t= and h=; k=xxx is a warning
}

// A finding of a dkim- rule, with the zone text its range covers.
using testing::Found;

// What the dkim-* rules found in `records`; lines count from the first line
// of `records`.
std::vector<Found> Lint(std::string_view records) {
  return testing::LintRecords(records, {"dkim-"});
}

TEST(DkimRulesTest, KeySplitOverStrings) {
  const std::string key(kRsa512);
  const std::vector<Found> found =
      Lint("s._domainkey TXT \"v=DKIM1; p=" + key.substr(0, 40) + "\" \"" +
           key.substr(40) + "\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "dkim-key-too-short");
  EXPECT_EQ(found[0].covered, key.substr(0, 40) + "\" \"" + key.substr(40));
}

TEST(DkimRulesTest, CnamesFollowedIntoTheZones) {
  const std::vector<Found> found = Lint(
      "a._domainkey CNAME a.keys\n"
      "a.keys TXT \"v=DKIM1; k=ed25519; t=y; p=" +
      std::string(kEd25519) +
      "\"\n"
      "b._domainkey CNAME b.keys\n"
      "b.keys A 192.0.2.2\n"
      "c._domainkey CNAME c.dkim.provider.example.\n"
      "d._domainkey CNAME d2.keys\n"
      "d2.keys CNAME d3.keys\n"
      "d3.keys TXT \"k=rsa; p=" +
      std::string(kEd25519) + "\"\n");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].rule, "dkim-testing");
  EXPECT_EQ(found[0].line, 2u);
  EXPECT_THAT(found[0].message, HasSubstr("reached through the DKIM CNAME at "
                                          "'a._domainkey.example.com'"));
  EXPECT_EQ(found[1].rule, "dkim-key-invalid");
  EXPECT_EQ(found[1].line, 3u);
  EXPECT_THAT(found[1].message, HasSubstr("has no DKIM key"));
  EXPECT_EQ(found[2].rule, "dkim-key-invalid");
  EXPECT_EQ(found[2].line, 8u);
}

TEST(DkimRulesTest, KeyOutsideDomainkey) {
  const std::vector<Found> found = Lint(
      "mail TXT \"v=DKIM1; k=ed25519; p=" + std::string(kEd25519) + "\"\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "dkim-syntax");
  EXPECT_THAT(found[0].message, HasSubstr("outside _domainkey"));
}

}  // namespace
}  // namespace zonelint

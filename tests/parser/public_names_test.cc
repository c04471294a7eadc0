// The embedded TLD list and Public Suffix List: the dated copies in
// third_party/ are well-formed, and lookups follow the lists' rules.
#include "parser/public_names.h"

#include <cctype>
#include <set>
#include <sstream>
#include <string>

#include "gtest/gtest.h"
#include "tests/test_paths.h"

namespace zonelint {
namespace {

using ::zonelint::testing::ProjectRoot;
using ::zonelint::testing::ReadFileOrDie;

// IANA's format: '#' comment lines first, then one TLD a line: upper-case
// letters, digits and '-' (A-labels for IDNs), sorted, no repeats.
TEST(PublicNamesTest, TldListIsWellFormed) {
  std::istringstream in(ReadFileOrDie(
      ProjectRoot() + "/third_party/iana/tlds-alpha-by-domain.txt"));
  std::string line, previous;
  int n = 0, tlds = 0;
  bool dated = false;
  while (std::getline(in, line)) {
    ++n;
    if (line.rfind("#", 0) == 0) {
      EXPECT_EQ(tlds, 0) << "line " << n << ": a comment after the TLDs";
      dated = dated || line.find("as of 20") != std::string::npos;
      continue;
    }
    ++tlds;
    ASSERT_FALSE(line.empty()) << "line " << n << " is empty";
    ASSERT_LE(line.size(), 63u) << "line " << n;
    for (char c : line) {
      EXPECT_TRUE(std::isupper(static_cast<unsigned char>(c)) ||
                  std::isdigit(static_cast<unsigned char>(c)) || c == '-')
          << "line " << n << ": '" << line << "'";
    }
    EXPECT_NE(line.front(), '-') << "line " << n;
    EXPECT_NE(line.back(), '-') << "line " << n;
    EXPECT_LT(previous, line) << "line " << n << ": not sorted or repeated";
    previous = line;
    EXPECT_TRUE(IsTopLevelDomain(line)) << line;
  }
  EXPECT_TRUE(dated) << "the header says when the list was taken";
  EXPECT_GT(tlds, 1000);
  EXPECT_LT(tlds, 3000);
}

TEST(PublicNamesTest, PublicSuffixListIsTheVerbatimList) {
  const std::string psl = ReadFileOrDie(
      ProjectRoot() + "/third_party/publicsuffix/public_suffix_list.dat");
  EXPECT_NE(psl.find("===BEGIN ICANN DOMAINS==="), std::string::npos);
  EXPECT_NE(psl.find("===END ICANN DOMAINS==="), std::string::npos);
  EXPECT_NE(psl.find("===BEGIN PRIVATE DOMAINS==="), std::string::npos);
}

TEST(PublicNamesTest, TopLevelDomains) {
  for (const char* tld : {"com", "NET", "org", "arpa", "de", "io", "mx", "dev",
                          "xn--p1ai", "XN--P1AI"}) {
    EXPECT_TRUE(IsTopLevelDomain(tld)) << tld;
  }
  for (const char* label : {"", "zz", "dc", "lan", "local", "internal",
                            "localdomain", "corp", "home", "example"}) {
    EXPECT_FALSE(IsTopLevelDomain(label)) << label;
  }
}

TEST(PublicNamesTest, OrganizationalDomain) {
  EXPECT_EQ(OrganizationalDomain("example.com."), "example.com.");
  EXPECT_EQ(OrganizationalDomain("mail.example.com."), "example.com.");
  EXPECT_EQ(OrganizationalDomain("a.b.example.co.uk."), "example.co.uk.");
  EXPECT_EQ(OrganizationalDomain("example.co.uk."), "example.co.uk.");
  // A name no rule lists: its TLD is the public suffix.
  EXPECT_EQ(OrganizationalDomain("host.example.zz."), "example.zz.");
  // Public suffixes and the root have none.
  EXPECT_EQ(OrganizationalDomain("com."), "");
  EXPECT_EQ(OrganizationalDomain("co.uk."), "");
  EXPECT_EQ(OrganizationalDomain("."), "");
  EXPECT_EQ(OrganizationalDomain(""), "");
  // Wildcard and exception rules: "*.ck" and "!www.ck".
  EXPECT_EQ(OrganizationalDomain("shop.example.ck."), "shop.example.ck.");
  EXPECT_EQ(OrganizationalDomain("example.ck."), "");
  EXPECT_EQ(OrganizationalDomain("a.www.ck."), "www.ck.");
  EXPECT_EQ(OrganizationalDomain("www.ck."), "www.ck.");
  // Reverse zones: in-addr.arpa is a suffix.
  EXPECT_EQ(OrganizationalDomain("1.2.0.192.in-addr.arpa."),
            "192.in-addr.arpa.");
  // The private section counts too (RFC 7489 uses the whole list).
  EXPECT_EQ(OrganizationalDomain("a.b.github.io."), "b.github.io.");
}

}  // namespace
}  // namespace zonelint

// The user's SPF cost table (--spf-costs) and the built-in table of
// well-known senders.
#include "mail/spf_costs.h"

#include <string>

#include "gtest/gtest.h"
#include "mail/known_senders.h"
#include "parser/name.h"

namespace zonelint {
namespace {

TEST(SpfCostTableTest, ParsesEntriesCommentsAndPatterns) {
  SpfCostTable table;
  ASSERT_TRUE(table
                  .Parse("# costs checked by hand\n"
                         "\n"
                         "_spf.ESP.example   2   Example ESP, 2026-11\n"
                         "*.hosted.example.\t0\n"
                         "spf.other.example 3 # trailing comment\n",
                         "costs.txt")
                  .ok());
  ASSERT_EQ(table.entries().size(), 3u);
  const SpfCostEntry* esp = table.Find("_spf.esp.example.");
  ASSERT_NE(esp, nullptr);
  EXPECT_EQ(esp->lookups, 2);
  EXPECT_EQ(esp->comment, "Example ESP, 2026-11");
  EXPECT_EQ(esp->where, "costs.txt:3");
  const SpfCostEntry* hosted = table.Find("spf-001.hosted.example.");
  ASSERT_NE(hosted, nullptr);
  EXPECT_EQ(hosted->lookups, 0);
  EXPECT_EQ(table.Find("hosted.example."), nullptr) << "only names below";
  EXPECT_EQ(table.Find("spf.other.example.")->comment, "");
  EXPECT_EQ(table.Find("nothing.example."), nullptr);
}

TEST(SpfCostTableTest, LaterEntriesOverrideEarlierOnes) {
  SpfCostTable table;
  ASSERT_TRUE(table.Parse("a.example 1\n", "first").ok());
  ASSERT_TRUE(table.Parse("a.example. 4\n", "second").ok());
  EXPECT_EQ(table.Find("a.example.")->lookups, 4);
  EXPECT_EQ(table.Find("a.example.")->where, "second:1");
}

TEST(SpfCostTableTest, ExactNamesThenTheLongestSuffix) {
  SpfCostTable table;
  ASSERT_TRUE(table
                  .Parse("b.hosted.example 5\n"
                         "*.hosted.example 1\n"
                         "*.deep.hosted.example 2\n"
                         "*.hosted.example 3\n",
                         "costs")
                  .ok());
  EXPECT_EQ(table.Find("b.hosted.example.")->lookups, 5) << "exact wins";
  EXPECT_EQ(table.Find("x.hosted.example.")->lookups, 3) << "latest pattern";
  EXPECT_EQ(table.Find("x.y.deep.hosted.example.")->lookups, 2);
  EXPECT_EQ(table.Find("deep.hosted.example.")->lookups, 3);
  EXPECT_EQ(table.Find("example."), nullptr);
  EXPECT_EQ(table.Find("."), nullptr);
}

TEST(SpfCostTableTest, PlusMarksALowerBound) {
  SpfCostTable table;
  ASSERT_TRUE(table.Parse("a.example 3+\nb.example 3\n", "costs").ok());
  EXPECT_EQ(table.Find("a.example.")->lookups, 3);
  EXPECT_TRUE(table.Find("a.example.")->at_least);
  EXPECT_FALSE(table.Find("b.example.")->at_least);
}

TEST(SpfCostTableTest, ErrorsNameFileAndLine) {
  struct Case {
    const char* text;
    const char* error;
  };
  for (const Case& c : {
           Case{"a.example 1\nb.example\n", "costs:2: no lookup count"},
           Case{"a.example many\n", "costs:1: 'many' is not a lookup count"},
           Case{"a.example -1\n", "costs:1: '-1' is not a lookup count"},
           Case{"a.example +\n", "costs:1: '+' is not a lookup count"},
           Case{"a.example 2++\n", "costs:1: '2++' is not a lookup count"},
           Case{"a..example 1\n", "costs:1: 'a..example' is not a domain"},
           Case{"%{d}.example 1\n", "costs:1: '%{d}.example' is not a"},
       }) {
    SpfCostTable table;
    absl::Status status = table.Parse(c.text, "costs");
    ASSERT_FALSE(status.ok()) << c.text;
    EXPECT_EQ(std::string(status.message()).rfind(c.error, 0), 0u)
        << std::string(status.message());
  }
}

TEST(SpfCostTableTest, UnreadableFile) {
  SpfCostTable table;
  absl::Status status = table.LoadFile("/nonexistent/costs.txt");
  EXPECT_FALSE(status.ok());
  EXPECT_NE(std::string(status.message()).find("/nonexistent/costs.txt"),
            std::string::npos);
  EXPECT_FALSE(table.LoadFile("/").ok()) << "a directory";
}

TEST(KnownSendersTest, SortedCanonicalAndDated) {
  std::string previous;
  for (const KnownSender& sender : KnownSenders()) {
    std::string name(sender.name);
    EXPECT_LT(previous, name) << "unsorted or duplicate at " << name;
    previous = name;
    std::string canonical;
    bool relative;
    std::string_view plain = sender.name;
    if (plain.substr(0, 2) == "*.") plain.remove_prefix(2);
    ASSERT_EQ(ParseName(plain, nullptr, &canonical, &relative), NameError::kOk);
    EXPECT_FALSE(relative) << name;
    EXPECT_EQ(canonical, plain) << "not canonical: " << name;
    EXPECT_GE(sender.lookups, 0);
    EXPECT_LE(sender.lookups, 9) << name;
    EXPECT_EQ(sender.verified.size(), 7u) << name;
    EXPECT_FALSE(sender.provider.empty());
  }
  for (const char* name :
       {"_spf.google.com.", "spf.protection.outlook.com.", "amazonses.com.",
        "sendgrid.net.", "mailgun.org.", "servers.mcsv.net.",
        "spf.mandrillapp.com.", "mail.zendesk.com.", "_spf.salesforce.com.",
        "spf.mtasv.net.", "_spf.sparkpostmail.com.",
        "spf-00123401.pphosted.com.", "_netblocks.mimecast.com.",
        "eu._netblocks.mimecast.com."}) {
    EXPECT_NE(FindKnownSender(name), nullptr) << name;
  }
  EXPECT_EQ(FindKnownSender("_spf.google.com.")->lookups, 3);
  EXPECT_EQ(FindKnownSender("gmail.com."), nullptr);
}

}  // namespace
}  // namespace zonelint

// Finding zone files in a directory (`zonelint DIR`): which files count,
// recursion, hidden entries, and files that others $INCLUDE.
#include "lint/zone_files.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

namespace fs = std::filesystem;

TEST(ZoneFilesTest, NamesThatMakeAZoneFile) {
  // By name, whatever the content (but never with a NUL byte).
  EXPECT_TRUE(LooksLikeZoneFile("example.com.zone", ""));
  EXPECT_TRUE(LooksLikeZoneFile("example.com.db", "www A 192.0.2.1\n"));
  EXPECT_TRUE(LooksLikeZoneFile("db.example", "www A 192.0.2.1\n"));
  EXPECT_FALSE(LooksLikeZoneFile("db.sqlite", std::string("SQL\0x", 5)));
  EXPECT_FALSE(LooksLikeZoneFile("a.zone", std::string("$TTL 1h\n\0", 9)));
  EXPECT_FALSE(LooksLikeZoneFile("zone", ""));
  EXPECT_FALSE(LooksLikeZoneFile("db.", ""));
}

TEST(ZoneFilesTest, OtherKindsOfFileAreNeverZoneFiles) {
  for (const char* name :
       {"README.md", "notes.txt", "check.log", "MANIFEST.tsv", "zones.csv",
        "zones.json", "zones.yaml", "db.py", "db.sh", "db.env",
        "db.example.com.j2", "example.zone.bak", "db.example~", "ZONES.TXT"}) {
    EXPECT_FALSE(LooksLikeZoneFile(name, "$TTL 1h\n@ SOA ns1 hm 1 2 3 4 5\n"))
        << name;
  }
}

TEST(ZoneFilesTest, ContentsThatMakeAZoneFile) {
  // The first line that is not blank or a comment: a directive...
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "$ORIGIN example.com.\n"));
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "; zone\n\n  ; x\n$ttl 1h\n"));
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "$INCLUDE keys\n"));
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "\xEF\xBB\xBF$TTL 1h\r\n"));
  EXPECT_FALSE(LooksLikeZoneFile("example.com", "$GENERATE 1-9 h$ A 1.2.3.$"));
  EXPECT_FALSE(LooksLikeZoneFile("example.com", "  $TTL 1h\n"));
  // ... or an SOA record: owner, TTL and class in either order, SOA, two
  // names and five numbers, over the lines its parentheses span.
  EXPECT_TRUE(LooksLikeZoneFile("example.com",
                                "@ IN SOA ns1 hostmaster (1 2 3 4 5)\n"));
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "@ IN\tsoa\tns1 hm 1 2 3 4 5"));
  EXPECT_TRUE(LooksLikeZoneFile("x", "@ 3600 IN SOA(ns1 hm 1 2 3 4 5)"));
  EXPECT_TRUE(LooksLikeZoneFile("x", "x. 1h CLASS1 SOA ns1 hm 1 2 3 4 5"));
  EXPECT_TRUE(LooksLikeZoneFile("x",
                                "example.org. SOA ns1. hm. (\n"
                                "  2024010101 ; serial\n"
                                "  2h 15m 2w 1h )\nwww A 192.0.2.1\n"));
  EXPECT_TRUE(LooksLikeZoneFile("x", " IN SOA ns1 hm 1 2 3 4 5\n"));
  // Not: prose and logs that mention SOA, SOA records with the wrong
  // number of fields, and files whose first record is not an SOA.
  EXPECT_FALSE(LooksLikeZoneFile("README", "; the SOA record\nsoap\n"));
  EXPECT_FALSE(
      LooksLikeZoneFile("README", "The SOA record is managed elsewhere.\n"));
  EXPECT_FALSE(LooksLikeZoneFile("named.out",
                                 "zone example.com/IN: has 0 SOA records\n"));
  EXPECT_FALSE(LooksLikeZoneFile("NOTES", "Notes SOA ns1 hm 1 2 3 4\n"));
  EXPECT_FALSE(LooksLikeZoneFile("x", "@ SOA ns1 hm 1 2 3 4 5 6\n"));
  EXPECT_FALSE(LooksLikeZoneFile("x", "@ SOA ns1 hm one 2 3 4 5\n"));
  EXPECT_FALSE(LooksLikeZoneFile("x", "@ IN IN IN SOA ns1 hm 1 2 3 4 5\n"));
  EXPECT_FALSE(LooksLikeZoneFile("x", "@ SOA \"ns1\" hm 1 2 3 4 5\n"));
  EXPECT_FALSE(
      LooksLikeZoneFile("x", "www A 192.0.2.1\n@ SOA ns1 hm 1 2 3 4 5"));
  EXPECT_FALSE(LooksLikeZoneFile("x", "; only comments\n\n"));
}

class FindZoneFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char pattern[] = "/tmp/zonelint-dir-XXXXXX";
    ASSERT_NE(::mkdtemp(pattern), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& relative, const std::string& text) {
    const fs::path path = fs::path(dir_) / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  std::vector<std::string> Found(const ZoneFileChoice& choice = {}) {
    absl::StatusOr<std::vector<std::string>> found =
        FindZoneFiles(dir_, choice);
    EXPECT_TRUE(found.ok()) << found.status();
    std::vector<std::string> relative;
    if (!found.ok()) return relative;
    for (const std::string& path : *found) {
      relative.push_back(fs::relative(path, dir_).string());
    }
    return relative;
  }
  std::string dir_;
};

TEST_F(FindZoneFilesTest, RecursiveSortedSkippingHiddenAndIncluded) {
  Write("b.zone", "$ORIGIN b.example.\n$INCLUDE parts/keys.zone\n");
  Write("parts/keys.zone", "sel._domainkey TXT \"v=DKIM1; p=\"\n");
  Write("a/db.example", "@ SOA ns1 hm 1 2 3 4 5\n");
  Write("a/example.org", "example.org. 3600 IN SOA ns1 hm 1 2 3 4 5\n");
  Write("a/notes.txt", "not a zone\n");
  Write(".git/HEAD.zone", "$ORIGIN x.\n");
  Write(".hidden.zone", "$ORIGIN x.\n");
  Write("c.zone", "$INCLUDE \"c.zone\"\n");  // includes itself: kept
  EXPECT_EQ(Found(), (std::vector<std::string>{"a/db.example", "a/example.org",
                                               "b.zone", "c.zone"}));
}

TEST_F(FindZoneFilesTest, ReadsAsFarAsTheFirstSignificantLineWithinALimit) {
  const std::string comments(70 << 10, '\n');  // past the 64 KiB read
  Write("far", comments + "$TTL 1h\n");
  const std::string header(5000, ';');  // one comment line over two blocks
  Write("near", header + "\n$TTL 1h\n");
  // An SOA record across the first block's end.
  Write("split", std::string(4090, '\n') + "@ SOA ns1 hm (\n1 2 3 4 5 )\n");
  Write("db.binary", std::string(5000, 'x') + std::string(1, '\0'));
  Write("notes.txt", "$TTL 1h\n");
  EXPECT_EQ(Found(), (std::vector<std::string>{"db.binary", "near", "split"}));
}

TEST_F(FindZoneFilesTest, IncludedAndExcludedByTheConfigFile) {
  Write("zones/a.zone", "$ORIGIN a.example.\n");
  Write("zones/corp.txt", "www A 10.0.0.1\n");
  Write("zones/old/b.zone", "$ORIGIN b.example.\n");
  std::vector<std::string> asked;
  ZoneFileChoice choice;
  choice.included = [](const std::string& path) {
    return path.ends_with("/corp.txt");
  };
  choice.excluded = [&](const std::string& path) {
    asked.push_back(fs::relative(path, dir_).string());
    return path.ends_with("/old");
  };
  EXPECT_EQ(Found(choice),
            (std::vector<std::string>{"zones/a.zone", "zones/corp.txt"}));
  // An excluded folder is not read at all.
  EXPECT_EQ(std::count(asked.begin(), asked.end(), "zones/old/b.zone"), 0);
  EXPECT_EQ(Found(),
            (std::vector<std::string>{"zones/a.zone", "zones/old/b.zone"}));
}

TEST_F(FindZoneFilesTest, EmptyAndMissingDirectories) {
  EXPECT_TRUE(Found().empty());
  EXPECT_FALSE(FindZoneFiles(dir_ + "/no-such-dir").ok());
}

}  // namespace
}  // namespace zonelint

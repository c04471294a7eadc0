// Finding zone files in a directory (`zonelint DIR`): which files count,
// recursion, hidden entries, and files that others $INCLUDE.
#include "lint/zone_files.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

namespace fs = std::filesystem;

TEST(ZoneFilesTest, NamesAndContentsThatMakeAZoneFile) {
  // By name, whatever the content (but never binary).
  EXPECT_TRUE(LooksLikeZoneFile("example.com.zone", ""));
  EXPECT_TRUE(LooksLikeZoneFile("db.example", "www A 192.0.2.1\n"));
  EXPECT_FALSE(LooksLikeZoneFile("db.sqlite", std::string("SQL\0x", 5)));
  // By content.
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "$ORIGIN example.com.\n"));
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "; zone\n$ttl 1h\n"));
  EXPECT_TRUE(LooksLikeZoneFile("example.com",
                                "@ IN SOA ns1 hostmaster (1 2 3 4 5)\n"));
  EXPECT_TRUE(LooksLikeZoneFile("example.com", "@ IN\tsoa\tns1 hm 1 2 3 4 5"));
  EXPECT_TRUE(LooksLikeZoneFile("x", "@ 3600 IN SOA(ns1 hm 1 2 3 4 5)"));
  // Not: text that only mentions SOA in a comment or inside a word, or
  // other files.
  EXPECT_FALSE(LooksLikeZoneFile("README", "; the SOA record\nsoap\n"));
  EXPECT_FALSE(LooksLikeZoneFile("notes.txt", "ORIGIN and TTL\n"));
  EXPECT_FALSE(LooksLikeZoneFile("example.zone.bak", "www A 192.0.2.1\n"));
  EXPECT_FALSE(LooksLikeZoneFile("zone", ""));
  // Only the first 64 lines are looked at.
  std::string late(64, '\n');
  EXPECT_FALSE(LooksLikeZoneFile("late", late + "$ORIGIN example.com.\n"));
  EXPECT_TRUE(LooksLikeZoneFile("late", late.substr(1) + "$TTL 1h\n"));
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
  std::vector<std::string> Found() {
    absl::StatusOr<std::vector<std::string>> found = FindZoneFiles(dir_);
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

TEST_F(FindZoneFilesTest, EmptyAndMissingDirectories) {
  EXPECT_TRUE(Found().empty());
  EXPECT_FALSE(FindZoneFiles(dir_ + "/no-such-dir").ok());
}

}  // namespace
}  // namespace zonelint

// The registry is sorted and unique, and every rule has its doc page, its
// fixture and its README row; every doc page belongs to a rule.
#include <dirent.h>
#include <unistd.h>

#include <regex>
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "tests/test_paths.h"

namespace zonelint::testing {
namespace {

bool Exists(const std::string& path) {
  return ::access(path.c_str(), R_OK) == 0;
}

TEST(RegistryTest, SortedUniqueKebabCaseIds) {
  const std::regex kId("(zone|spf|dkim|dmarc|mx|mailfrom|ses|provider|mta-sts|"
                       "tlsrpt|bimi)(-[a-z0-9]+)+");
  std::string previous;
  for (const Rule* rule : AllRules()) {
    std::string id(rule->info().id);
    EXPECT_TRUE(std::regex_match(id, kId)) << id;
    EXPECT_LT(previous, id) << "registry not sorted or duplicate at " << id;
    EXPECT_FALSE(rule->info().summary.empty()) << id;
    EXPECT_EQ(FindRule(id), rule);
    previous = id;
  }
  EXPECT_EQ(FindRule("no-such-rule"), nullptr);
}

TEST(RegistryTest, EveryRuleHasDocPageFixtureAndReadmeRow) {
  const std::string root = ProjectRoot();
  const std::string readme = ReadFileOrDie(root + "/README.md");
  for (const Rule* rule : AllRules()) {
    const RuleInfo& info = rule->info();
    const std::string id(info.id);
    SCOPED_TRACE(id);
    const std::string page_path = root + "/docs/rules/" + id + ".md";
    ASSERT_TRUE(Exists(page_path)) << "missing doc page " << page_path;
    const std::string page = ReadFileOrDie(page_path);
    EXPECT_EQ(page.rfind("# " + id + "\n", 0), 0u) << "page must start with # id";
    EXPECT_NE(page.find("**Default severity:** " +
                        std::string(SeverityName(info.severity))),
              std::string::npos)
        << "page must give the default severity";
    size_t at = 0;
    for (const char* heading :
         {"## What it flags", "## Why it matters", "## Example (bad)",
          "## Use instead", "## References"}) {
      size_t found = page.find(std::string("\n") + heading, at);
      EXPECT_NE(found, std::string::npos) << "missing or misplaced " << heading;
      if (found != std::string::npos) at = found + 1;
    }
    EXPECT_EQ(RuleDoc(id), page) << "--explain must print the page";
    EXPECT_TRUE(Exists(root + "/tests/fixtures/" + id + ".zone"));
    EXPECT_TRUE(Exists(root + "/tests/fixtures/" + id + ".expected"));
    EXPECT_NE(readme.find("| `" + id + "` |"), std::string::npos)
        << "README rule table lacks a row for " << id;
  }
}

TEST(RegistryTest, EveryDocPageNamesARegisteredRule) {
  const std::string dir = ProjectRoot() + "/docs/rules";
  DIR* d = ::opendir(dir.c_str());
  ASSERT_NE(d, nullptr) << dir;
  int pages = 0;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name.size() < 4 || name.substr(name.size() - 3) != ".md" ||
        name == "README.md") {
      continue;
    }
    ++pages;
    EXPECT_NE(FindRule(name.substr(0, name.size() - 3)), nullptr)
        << name << " documents no registered rule";
  }
  ::closedir(d);
  EXPECT_EQ(pages, static_cast<int>(AllRules().size()));
}

}  // namespace
}  // namespace zonelint::testing

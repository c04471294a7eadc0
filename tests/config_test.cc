// The config file (.zonelint.toml): its keys and values, the errors that
// name its lines and columns, per-path settings, glob patterns, finding it
// by walking up, and the README's example, which is examples/config's.
#include "lint/config.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/glob.h"
#include "tests/test_paths.h"

namespace zonelint::testing {
namespace {

namespace fs = std::filesystem;

// A fresh folder under the test's temporary directory.
fs::path TempDir(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const fs::path dir = fs::path(tmp != nullptr ? tmp : "/tmp") /
                       ("zonelint-config-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

absl::StatusOr<Config> Parse(const std::string& text,
                             const fs::path& dir = "/repo") {
  return ParseConfig(text, "cfg.toml", dir);
}

// The error message of a config that does not parse.
std::string Error(const std::string& text) {
  absl::StatusOr<Config> config = Parse(text);
  return config.ok() ? "(parsed)" : std::string(config.status().message());
}

TEST(ConfigTest, ReadsEveryKey) {
  absl::StatusOr<Config> config = Parse(R"(
select = ["zone-*", "spf-ptr"]
disable = ["zone-ttl-mismatch"]
severity = { "dmarc-missing" = "info", "spf-ptr" = "error" }
fail-level = "none"
spf-costs = ["costs/spf.txt"]
report-unused-suppressions = true
[directory]
include = ["zones/*.txt"]
exclude = ["zones/archive"]
[per-path."zones/corp.txt"]
origin = "corp.example"
disable = ["zone-out-of-zone"]
severity = { "zone-syntax" = "warning" }
)");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(*config->select, (std::vector<std::string>{"zone-*", "spf-ptr"}));
  EXPECT_EQ(config->disable, std::vector<std::string>{"zone-ttl-mismatch"});
  ASSERT_EQ(config->severity.size(), 2u);
  EXPECT_EQ(config->severity[0].first, "dmarc-missing");
  EXPECT_EQ(config->severity[0].second, Severity::kInfo);
  ASSERT_TRUE(config->fail_level.has_value());
  EXPECT_FALSE(config->fail_level->has_value()) << "none";
  EXPECT_EQ(config->spf_costs, std::vector<std::string>{"costs/spf.txt"});
  EXPECT_TRUE(config->report_unused_suppressions);
  EXPECT_EQ(config->include, std::vector<std::string>{"zones/*.txt"});
  EXPECT_EQ(config->exclude, std::vector<std::string>{"zones/archive"});
  ASSERT_EQ(config->per_path.size(), 1u);
  EXPECT_EQ(config->per_path[0].origin, "corp.example.");
  EXPECT_EQ(config->per_path[0].rules.disabled,
            std::vector<std::string>{"zone-out-of-zone"});
}

TEST(ConfigTest, AnEmptyFileChangesNothing) {
  absl::StatusOr<Config> config = Parse("# nothing yet\n");
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_FALSE(config->select.has_value());
  EXPECT_FALSE(config->fail_level.has_value());
  EXPECT_TRUE(config->disable.empty());
  EXPECT_FALSE(config->report_unused_suppressions);
}

TEST(ConfigTest, ErrorsNameLineAndColumn) {
  EXPECT_EQ(Error("select = [\"zone-*\"]\nselct = 1\n"),
            "cfg.toml:2:1: error: unknown key 'selct' (did you mean "
            "'select'?)");
  EXPECT_EQ(Error("colour = \"red\""),
            "cfg.toml:1:1: error: unknown key 'colour': use select, "
            "disable, severity, fail-level, spf-costs, "
            "report-unused-suppressions, directory or per-path");
  EXPECT_EQ(Error("disable = [\"zone-ttl-missmatch\"]"),
            "cfg.toml:1:12: error: unknown rule 'zone-ttl-missmatch' (did "
            "you mean 'zone-ttl-mismatch'?)");
  EXPECT_EQ(Error("disable = [\"frobnicate\"]"),
            "cfg.toml:1:12: error: unknown rule 'frobnicate' (see zonelint "
            "--list-rules)");
  EXPECT_EQ(Error("disable = \"zone-syntax\""),
            "cfg.toml:1:11: error: 'disable' must be an array of strings, "
            "like [\"zone-ttl-mismatch\"]");
  EXPECT_EQ(Error("select = [\"nope-*\"]"),
            "cfg.toml:1:11: error: 'nope-*' names no rule (a rule id, or a "
            "group such as 'spf-*')");
  EXPECT_EQ(Error("select = []"),
            "cfg.toml:1:10: error: 'select = []' selects no rule: leave it "
            "out to run them all");
  EXPECT_EQ(Error("severity = { \"spf-ptr\" = \"fatal\" }"),
            "cfg.toml:1:26: error: the level of 'spf-ptr' must be "
            "\"error\", \"warning\" or \"info\"");
  EXPECT_EQ(Error("fail-level = \"errors\""),
            "cfg.toml:1:14: error: unknown fail-level 'errors' (did you mean "
            "'error'?)");
  EXPECT_EQ(Error("report-unused-suppressions = \"yes\""),
            "cfg.toml:1:30: error: 'report-unused-suppressions' must be true "
            "or false");
  EXPECT_EQ(Error("spf-costs = [\"../costs.txt\"]"),
            "cfg.toml:1:14: error: '../costs.txt' is not a path inside the "
            "config file's folder");
  EXPECT_EQ(Error("spf-costs = [\"/etc/costs.txt\"]"),
            "cfg.toml:1:14: error: '/etc/costs.txt' is not a path inside "
            "the config file's folder");
  EXPECT_EQ(Error("[directory]\nexclude = [\"zones/../..\"]"),
            "cfg.toml:2:12: error: bad pattern 'zones/../..': a pattern "
            "cannot go up with '..'");
  EXPECT_EQ(Error("[directory]\ninclde = []"),
            "cfg.toml:2:1: error: unknown key 'inclde' (did you mean "
            "'include'?)");
  EXPECT_EQ(Error("[per-path.\"a/*\"]\norigin = \"a..b\""),
            "cfg.toml:2:10: error: 'a..b' is not a domain name");
  EXPECT_EQ(Error("[per-path.\"a/[x\"]\ndisable = []"),
            "cfg.toml:1:11: error: bad pattern 'a/[x': '[' opens a set that "
            "no ']' closes");
}

TEST(ConfigTest, TomlSyntaxErrorsNameLineAndColumn) {
  const std::string error = Error("select = [\"zone-*\"\ndisable = []\n");
  EXPECT_EQ(error.rfind("cfg.toml:2:1: error: ", 0), 0u) << error;
  const std::string twice = Error(
      "fail-level = \"error\"\nfail-level = "
      "\"info\"\n");
  EXPECT_EQ(twice.rfind("cfg.toml:2:14: error: ", 0), 0u) << twice;
}

TEST(ConfigTest, EveryProblemIsReportedInTheFilesOrder) {
  EXPECT_EQ(Error("zzz = 1\n[per-path.\"b\"]\nnope = 2\n[directory]\n"
                  "include = \"x\"\n"),
            "cfg.toml:1:1: error: unknown key 'zzz': use select, disable, "
            "severity, fail-level, spf-costs, report-unused-suppressions, "
            "directory or per-path\n"
            "cfg.toml:3:1: error: unknown key 'nope': use disable, severity "
            "or origin\n"
            "cfg.toml:5:11: error: 'include' must be an array of strings, "
            "like [\"zones/*.zone\"]");
}

TEST(ConfigTest, HostileBytesAreShownEscaped) {
  const std::string error = Error("disable = [\"\\u001b[31mred\"]");
  EXPECT_EQ(error.find('\x1b'), std::string::npos) << error;
  EXPECT_NE(error.find("\\x1b[31mred"), std::string::npos) << error;
}

TEST(ConfigTest, PerPathSettingsByPathRelativeToTheConfigFolder) {
  const fs::path dir = TempDir("per-path");
  absl::StatusOr<Config> config = Parse(R"(
[per-path."zones/**"]
disable = ["spf-ptr"]
origin = "first.example."
severity = { "dmarc-missing" = "info" }
[per-path."*.rev"]
origin = "2.0.192.in-addr.arpa."
[per-path."zones/legacy/old.zone"]
severity = { "dmarc-missing" = "error" }
origin = "old.example."
)",
                                        dir);
  ASSERT_TRUE(config.ok()) << config.status();
  const std::string old = (dir / "zones/legacy/old.zone").string();
  // The later section wins for origin and severity; disable lists add up.
  EXPECT_EQ(config->OriginFor(old), "old.example.");
  RuleOverrides overrides = config->OverridesFor(old);
  EXPECT_EQ(overrides.disabled, std::vector<std::string>{"spf-ptr"});
  ASSERT_EQ(overrides.severity.size(), 2u);
  EXPECT_EQ(overrides.severity.back().second, Severity::kError);
  EXPECT_EQ(config->OriginFor((dir / "zones/a/b.zone").string()),
            "first.example.");
  EXPECT_EQ(config->OriginFor((dir / "x/192.0.2.rev").string()),
            "2.0.192.in-addr.arpa.");
  // Outside the config's folder no pattern matches.
  EXPECT_EQ(config->OriginFor((dir.parent_path() / "zones/a.zone").string()),
            "");
  EXPECT_TRUE(config->OverridesFor("/elsewhere/zones/a.zone").disabled.empty());
}

TEST(ConfigTest, DirectoryPatterns) {
  const fs::path dir = TempDir("directory");
  absl::StatusOr<Config> config = Parse(
      "[directory]\ninclude = [\"zones/*.txt\"]\n"
      "exclude = [\"archive\", \"zones/tmp/**/*.zone\"]\n",
      dir);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_TRUE(config->Included((dir / "zones/corp.txt").string()));
  EXPECT_FALSE(config->Included((dir / "zones/sub/corp.txt").string()));
  EXPECT_TRUE(config->Excluded((dir / "archive/2019/a.zone").string()));
  EXPECT_TRUE(config->Excluded((dir / "zones/archive").string()));
  EXPECT_TRUE(config->Excluded((dir / "zones/tmp/a.zone").string()));
  EXPECT_TRUE(config->Excluded((dir / "zones/tmp/x/y/a.zone").string()));
  EXPECT_FALSE(config->Excluded((dir / "zones/tmp/a.db").string()));
  EXPECT_FALSE(config->Excluded((dir / "zones/a.zone").string()));
}

TEST(GlobTest, Matches) {
  // No '/': a name at any depth.
  EXPECT_TRUE(GlobMatches("*.rev", "a.rev"));
  EXPECT_TRUE(GlobMatches("*.rev", "zones/x/1.rev"));
  EXPECT_TRUE(GlobMatches("archive", "zones/archive/a.zone"));
  EXPECT_FALSE(GlobMatches("*.rev", "a.rev.bak"));
  // With '/': from the folder down; a folder matches what is below it.
  EXPECT_TRUE(GlobMatches("zones/*.zone", "zones/a.zone"));
  EXPECT_FALSE(GlobMatches("zones/*.zone", "zones/x/a.zone"));
  EXPECT_FALSE(GlobMatches("zones/*.zone", "other/zones/a.zone"));
  EXPECT_TRUE(GlobMatches("zones/legacy", "zones/legacy/x/a.zone"));
  EXPECT_TRUE(GlobMatches("./zones/a.zone", "zones/a.zone"));
  // '**': any number of folders, none included.
  EXPECT_TRUE(GlobMatches("zones/**/a.zone", "zones/a.zone"));
  EXPECT_TRUE(GlobMatches("zones/**/a.zone", "zones/x/y/a.zone"));
  EXPECT_TRUE(GlobMatches("**/legacy/*", "a/b/legacy/c.zone"));
  EXPECT_TRUE(GlobMatches("zones/**", "zones/x/a.zone"));
  EXPECT_FALSE(GlobMatches("zones/**/b.zone", "zones/x/a.zone"));
  // '?' and sets.
  EXPECT_TRUE(GlobMatches("db.?", "db.a"));
  EXPECT_TRUE(GlobMatches("zones/[a-c]*.zone", "zones/b.zone"));
  EXPECT_FALSE(GlobMatches("zones/[!a-c]*.zone", "zones/b.zone"));
  // Case-sensitive; '*' never crosses '/'.
  EXPECT_FALSE(GlobMatches("zones/*.ZONE", "zones/a.zone"));
  EXPECT_FALSE(GlobMatches("z*s/a.zone", "z/x/s/a.zone"));
}

TEST(GlobTest, ManyStarsStayFast) {
  const std::string deep = std::string(200, 'a') + "/" + std::string(200, 'a');
  EXPECT_FALSE(GlobMatches("**/**/**/**/**/**/**/**/b", deep + "/" + deep));
}

TEST(GlobTest, Problems) {
  EXPECT_EQ(GlobProblem("zones/*.zone"), "");
  EXPECT_NE(GlobProblem(""), "");
  EXPECT_NE(GlobProblem("/etc/*"), "");
  EXPECT_NE(GlobProblem("../x"), "");
  EXPECT_NE(GlobProblem("a/[b"), "");
}

TEST(FindConfigTest, NearestAboveTheLintedPathsUpToTheRepositoryTop) {
  const fs::path root = TempDir("find");
  // A config above the repository is not read: .git marks its top.
  Write(root / ".zonelint.toml", "");
  fs::create_directories(root / "repo/.git");
  Write(root / "repo/zones/a/a.zone", "");
  Write(root / "repo/zones/b/b.zone", "");
  const std::string stdin_name = (root / "repo/zones/a/x.zone").string();
  absl::StatusOr<std::string> none =
      FindConfig({(root / "repo/zones/a/a.zone").string()}, "");
  ASSERT_TRUE(none.ok()) << none.status();
  EXPECT_EQ(*none, "");

  Write(root / "repo/.zonelint.toml", "");
  absl::StatusOr<std::string> top =
      FindConfig({(root / "repo/zones/a/a.zone").string(),
                  (root / "repo/zones/b").string(), "-"},
                 stdin_name);
  ASSERT_TRUE(top.ok()) << top.status();
  EXPECT_EQ(fs::absolute(*top).lexically_normal(),
            root / "repo/.zonelint.toml");

  // The nearest wins; two different ones for one run are an error.
  Write(root / "repo/zones/a/.zonelint.toml", "");
  absl::StatusOr<std::string> nearest = FindConfig({"-"}, stdin_name);
  ASSERT_TRUE(nearest.ok()) << nearest.status();
  EXPECT_EQ(fs::absolute(*nearest).lexically_normal(),
            root / "repo/zones/a/.zonelint.toml");
  absl::StatusOr<std::string> both =
      FindConfig({(root / "repo/zones/a/a.zone").string(),
                  (root / "repo/zones/b/b.zone").string()},
                 "");
  ASSERT_FALSE(both.ok());
  EXPECT_NE(both.status().message().find("different config files"),
            std::string::npos)
      << both.status();
}

TEST(LoadConfigTest, ReadsTheFileAndNamesItInErrors) {
  const fs::path dir = TempDir("load");
  Write(dir / "c.toml", "spf-costs = [\"spf.txt\"]\nfail-level = 3\n");
  absl::StatusOr<Config> config = LoadConfig((dir / "c.toml").string());
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            (dir / "c.toml").string() +
                ":2:14: error: 'fail-level' must be a string");
  absl::StatusOr<Config> missing = LoadConfig((dir / "none.toml").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(),
            (dir / "none.toml").string() +
                ": error: cannot read the config file: No such file or "
                "directory");
  Write(dir / "ok.toml", "spf-costs = [\"sub/../spf.txt\"]\n");
  absl::StatusOr<Config> ok = LoadConfig((dir / "ok.toml").string());
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->spf_costs,
            std::vector<std::string>{(dir / "spf.txt").string()});
  EXPECT_EQ(ok->dir, dir);
}

// The README's example is examples/config/.zonelint.toml, which the golden
// case tests/cases/config-example lints with.
TEST(ReadmeTest, ConfigExampleIsTheExampleFile) {
  const std::string readme = ReadFileOrDie(ProjectRoot() + "/README.md");
  const size_t section = readme.find("\n## Configuration\n");
  ASSERT_NE(section, std::string::npos);
  const std::string fence = "```toml\n";
  const size_t begin = readme.find(fence, section);
  ASSERT_NE(begin, std::string::npos);
  const size_t end = readme.find("```\n", begin + fence.size());
  ASSERT_NE(end, std::string::npos);
  const std::string example =
      readme.substr(begin + fence.size(), end - begin - fence.size());
  const std::string path = ProjectRoot() + "/examples/config/.zonelint.toml";
  EXPECT_EQ(example, ReadFileOrDie(path));
  EXPECT_TRUE(LoadConfig(path).ok());
}

}  // namespace
}  // namespace zonelint::testing

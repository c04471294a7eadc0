// --fix and --diff on the fixtures in tests/fixes/, one per fixable rule
// and one per kind of file (CRLF, no final newline, an $INCLUDE, fixes that
// overlap, findings without fixes): each fixture is copied to a folder of
// its own, --diff prints the golden NAME.diff and writes nothing, --fix
// makes the file equal NAME.fixed (and each included file FILE.fixed), and
// the fixed file lints clean for the rules fixed. `bazel run
// //tests:fix_test` (not `test`) rewrites the goldens instead.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/cli.h"
#include "tests/test_paths.h"

namespace zonelint::testing {
namespace {

namespace fs = std::filesystem;

struct FixCase {
  std::string zone;                 // the file linted
  std::vector<std::string> others;  // files it includes
  std::vector<std::string> rules;   // the rules whose findings are fixed
  std::vector<std::string> args;    // more options (--unsafe-fixes)
  std::string golden;               // NAME of NAME.diff and NAME.fixed
};

std::vector<FixCase> Cases() {
  return {
      {"missing-dot.zone",
       {},
       {"zone-missing-trailing-dot"},
       {},
       "missing-dot"},
      {"txt-too-long.zone",
       {},
       {"zone-txt-string-too-long"},
       {},
       "txt-too-long"},
      {"spf-duplicate.zone", {}, {"spf-duplicate-term"}, {}, "spf-duplicate"},
      {"dkim-version.zone", {}, {"dkim-version"}, {}, "dkim-version"},
      {"dmarc-version.zone", {}, {"dmarc-lookalike"}, {}, "dmarc-version"},
      {"spf-unquoted.zone", {}, {"spf-lookalike"}, {}, "spf-unquoted"},
      {"spf-softfail.zone",
       {},
       {"spf-softfail-all"},
       {"--unsafe-fixes"},
       "spf-softfail.unsafe"},
      {"crlf.zone", {}, {"zone-missing-trailing-dot"}, {}, "crlf"},
      {"no-final-newline.zone",
       {},
       {"zone-missing-trailing-dot"},
       {},
       "no-final-newline"},
      {"include-main.zone",
       {"include-part.inc"},
       {"zone-missing-trailing-dot"},
       {},
       "include-main"},
      {"overlap.zone",
       {},
       {"zone-txt-string-too-long", "spf-duplicate-term"},
       {},
       "overlap"},
  };
}

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void Write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

struct CliRun {
  int status;
  std::string out, err;
};

// zonelint in `dir`, on relative paths, as a user in that folder.
CliRun Zonelint(const fs::path& dir, std::vector<std::string> args,
                const std::string& input = "") {
  const fs::path saved = fs::current_path();
  fs::current_path(dir);
  args.insert(args.begin(), {"--no-config", "--color=never"});
  std::istringstream in(input);
  std::ostringstream out, err;
  const int status = RunCli(args, in, out, err, /*out_is_terminal=*/false);
  fs::current_path(saved);
  return {status, out.str(), err.str()};
}

fs::path Fixtures() {
  return fs::absolute(fs::path(ProjectRoot()) / "tests/fixes");
}

// A fresh copy of the case's files in a folder of its own.
fs::path CopyCase(const FixCase& c, const std::string& name) {
  const fs::path dir = fs::path(std::getenv("TEST_TMPDIR") != nullptr
                                    ? std::getenv("TEST_TMPDIR")
                                    : "/tmp") /
                       ("fix-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(Fixtures() / c.zone, dir / c.zone);
  for (const std::string& other : c.others) {
    fs::copy_file(Fixtures() / other, dir / other);
  }
  return dir;
}

// Under `bazel run`: where the goldens are rewritten.
const char* UpdateDir() { return std::getenv("BUILD_WORKSPACE_DIRECTORY"); }

class FixGoldenTest : public ::testing::TestWithParam<FixCase> {};

TEST_P(FixGoldenTest, DiffThenFixMatchGoldensAndLintClean) {
  const FixCase& c = GetParam();
  const fs::path dir = CopyCase(c, c.golden);
  std::vector<std::string> args = c.args;
  args.push_back("--diff");
  args.push_back(c.zone);
  const CliRun diff = Zonelint(dir, args);
  EXPECT_EQ(diff.status, 1) << diff.err;
  EXPECT_EQ(Read(dir / c.zone), Read(Fixtures() / c.zone))
      << "--diff wrote the file";

  args = c.args;
  args.push_back("--fix");
  args.push_back(c.zone);
  const CliRun fix = Zonelint(dir, args);
  EXPECT_NE(fix.status, 2) << fix.err;
  EXPECT_NE(fix.err.find("zonelint: fixed "), std::string::npos) << fix.err;

  std::vector<std::pair<std::string, std::string>> fixed = {
      {c.golden + ".fixed", Read(dir / c.zone)}};
  for (const std::string& other : c.others) {
    fixed.push_back({other + ".fixed", Read(dir / other)});
  }
  if (const char* update = UpdateDir()) {
    const fs::path goldens = fs::path(update) / "tests/fixes";
    Write(goldens / (c.golden + ".diff"), diff.out);
    for (const auto& [name, text] : fixed) Write(goldens / name, text);
    return;
  }
  EXPECT_EQ(diff.out, Read(Fixtures() / (c.golden + ".diff")));
  for (const auto& [name, text] : fixed) {
    EXPECT_EQ(text, Read(Fixtures() / name)) << name;
  }

  // The fixed file has no finding of the rules fixed, and no change left.
  std::string select = "--select=";
  for (const std::string& rule : c.rules) select += rule + ",";
  select.pop_back();
  const CliRun lint = Zonelint(dir, {select, "--fail-level=info", c.zone});
  EXPECT_EQ(lint.status, 0) << lint.out << lint.err;
  EXPECT_EQ(lint.out, "");
  args = c.args;
  args.push_back("--diff");
  args.push_back(c.zone);
  const CliRun again = Zonelint(dir, args);
  EXPECT_EQ(again.status, 0) << again.out;
  EXPECT_EQ(again.out, "");
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixGoldenTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) {
                           std::string name = info.param.golden;
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) {
                               c = '_';
                             }
                           }
                           return name;
                         });

TEST(FixTest, UnfixableFileIsLeftAsItWas) {
  const FixCase c{"unfixable.zone", {}, {}, {}, "unfixable"};
  const fs::path dir = CopyCase(c, "unfixable");
  const fs::path file = dir / c.zone;
  // An old mtime, so that a rewrite within the same second shows.
  const auto old_time =
      fs::file_time_type::clock::now() - std::chrono::hours(48);
  fs::last_write_time(file, old_time);
  const CliRun fix = Zonelint(dir, {"--fix", c.zone});
  EXPECT_EQ(fix.status, 1);  // mx-target-ip, spf-ptr remain
  EXPECT_NE(fix.out.find("[mx-target-ip]"), std::string::npos) << fix.out;
  EXPECT_EQ(fix.err, "zonelint: fixed 0 findings in 0 files\n");
  EXPECT_EQ(Read(file), Read(Fixtures() / c.zone));
  EXPECT_EQ(fs::last_write_time(file), old_time);
  const CliRun diff = Zonelint(dir, {"--diff", c.zone});
  EXPECT_EQ(diff.status, 0);
  EXPECT_EQ(diff.out, "");
}

TEST(FixTest, SoftfailIsOfferedNotApplied) {
  const FixCase c{"spf-softfail.zone", {}, {}, {}, "spf-softfail"};
  const fs::path dir = CopyCase(c, "softfail-safe");
  const CliRun fix = Zonelint(dir, {"--fix", "--fail-level=info", c.zone});
  EXPECT_EQ(fix.status, 1);
  EXPECT_EQ(fix.err,
            "zonelint: fixed 0 findings in 0 files (1 more with "
            "--unsafe-fixes)\n");
  EXPECT_EQ(Read(dir / c.zone), Read(Fixtures() / c.zone));
  // Not [fixable]: --fix does not apply it.
  EXPECT_NE(fix.out.find("[spf-softfail-all]\n"), std::string::npos) << fix.out;
}

TEST(FixTest, StdinFixedTextToStdoutFindingsToStderr) {
  const std::string zone = Read(Fixtures() / "missing-dot.zone");
  const CliRun fix = Zonelint(
      Fixtures(),
      {"--fix", "--format=gcc", "--stdin-filename=example.com.zone", "-"},
      zone);
  EXPECT_EQ(fix.status, 0) << fix.err;
  EXPECT_EQ(fix.out, Read(Fixtures() / "missing-dot.fixed"));
  EXPECT_EQ(fix.err, "zonelint: fixed 3 findings in 1 file\n");
}

TEST(FixTest, IncludedFileOutsideTheFoldersLintedIsNotFixed) {
  const FixCase c{"include-main.zone", {"include-part.inc"}, {}, {}, "x"};
  const fs::path dir = CopyCase(c, "include-outside");
  fs::create_directories(dir / "zones");
  std::string main = Read(dir / c.zone);
  const std::string directive = "$INCLUDE include-part.inc";
  main.replace(main.find(directive), directive.size(),
               "$INCLUDE ../include-part.inc");
  Write(dir / "zones" / c.zone, main);
  const CliRun fix = Zonelint(dir / "zones", {"--fix", c.zone});
  EXPECT_NE(fix.err.find("zonelint: not fixing '../include-part.inc': it is "
                         "outside the folders linted\n"),
            std::string::npos)
      << fix.err;
  EXPECT_EQ(Read(dir / "include-part.inc"),
            Read(Fixtures() / "include-part.inc"));
}

TEST(FixTest, OptionsThatExcludeEachOther) {
  const fs::path dir = Fixtures();
  CliRun r = Zonelint(dir, {"--fix", "--diff", "missing-dot.zone"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--fix and --diff exclude each other"),
            std::string::npos);
  r = Zonelint(dir, {"--unsafe-fixes", "missing-dot.zone"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--unsafe-fixes needs --fix or --diff"),
            std::string::npos);
}

}  // namespace
}  // namespace zonelint::testing

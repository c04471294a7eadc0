// The command line: output formats, exit status, options.
#include "lint/cli.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "tests/test_paths.h"

namespace zonelint::testing {
namespace {

struct Result {
  int status;
  std::string out;
  std::string err;
};

Result RunZonelint(std::vector<std::string> args,
                   const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  int status = RunCli(args, in, out, err, /*out_is_terminal=*/false);
  return {status, out.str(), err.str()};
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(::chdir(ProjectRoot().c_str()), 0); }
};

constexpr char kBad[] =
    "$ORIGIN example.com.\n"
    "$TTL 3600\n"
    "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
    "@ NS ns1\n"
    "ns1 A 192.0.2.300\n"
    "@ MX 10 mail.example.com\n"
    "_dmarc TXT \"v=DMARC1; p=reject\"\n";

TEST_F(CliTest, TextFormatHasCaretAndHelp) {
  Result r = RunZonelint({"--stdin-filename=example.com.zone", "-"}, kBad);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("example.com.zone:5:7: error: invalid A address "
                       "'192.0.2.300' [zone-rdata]\n"
                       "  ns1 A 192.0.2.300\n"
                       "        ^~~~~~~~~~~\n"
                       "  help: expected an IPv4 address"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("1 error, 1 warning, 0 info\n"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour to a pipe";
}

TEST_F(CliTest, GccFormatIsOneLineEach) {
  Result r = RunZonelint({"--format=gcc", "-"}, kBad);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "<stdin>:5:7: error: invalid A address '192.0.2.300' [zone-rdata]\n"
            "<stdin>:6:9: warning: 'mail.example.com' has no trailing dot, so "
            "the origin 'example.com.' is appended again: it means "
            "'mail.example.com.example.com.' [zone-missing-trailing-dot] "
            "[fixable]\n");
}

TEST_F(CliTest, JsonFormat) {
  Result r = RunZonelint({"--format", "json", "-"}, kBad);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind("{\"version\":1,\"diagnostics\":[{\"file\":\"<stdin>\","
                        "\"line\":5,\"column\":7,\"end_line\":5,"
                        "\"end_column\":18,\"severity\":\"error\","
                        "\"rule\":\"zone-rdata\",",
                        0),
            0u)
      << r.out;
  EXPECT_EQ(r.out.substr(r.out.size() - 3), "]}\n");
}

TEST_F(CliTest, SarifFormat) {
  Result r = RunZonelint(
      {"--format=sarif", "--stdin-filename=zones/example.com.zone", "-"}, kBad);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out.rfind("{\"version\":\"2.1.0\",", 0), 0u) << r.out;
  for (const char* part :
       {R"({"id":"zone-missing-trailing-dot","name":"ZoneMissingTrailingDot",)",
        R"({"id":"zone-rdata","name":"ZoneRdata",)",
        R"({"ruleId":"zone-rdata","ruleIndex":1,"level":"error",)",
        R"("artifactLocation":{"uri":"zones/example.com.zone",)"
        R"("uriBaseId":"%SRCROOT%"},"region":{"startLine":5,)"
        R"("startColumn":7,"endLine":5,"endColumn":18}}}],)"
        R"("partialFingerprints":{"zonelint/v1":")"}) {
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
  }
  EXPECT_EQ(r.out.substr(r.out.size() - 6), "\n]}]}\n");
}

TEST_F(CliTest, GithubFormat) {
  Result r =
      RunZonelint({"--format=github", "--disable=zone-rdata", "-"}, kBad);
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.out,
            "::warning title=zone-missing-trailing-dot,file=<stdin>,line=6,"
            "endLine=6,col=9,endColumn=25::'mail.example.com' has no trailing "
            "dot, so the origin 'example.com.' is appended again: it means "
            "'mail.example.com.example.com.'%0Ahelp: write "
            "'mail.example.com.' with its dot, or 'mail' relative to the "
            "origin\n");
}

TEST_F(CliTest, ColorAlways) {
  Result r = RunZonelint({"--color=always", "-"}, kBad);
  EXPECT_NE(r.out.find("\033[1;31merror:"), std::string::npos) << r.out;
}

TEST_F(CliTest, FailLevel) {
  const std::string warn_only =
      "$ORIGIN example.com.\n$TTL 60\n"
      "@ SOA ns1.example.net. hostmaster 1 7200 3600 1209600 300\n"
      "@ MX 10 mail.example.com\n"
      "_dmarc TXT \"v=DMARC1; p=reject\"\n";
  EXPECT_EQ(RunZonelint({"-"}, warn_only).status, 1);
  EXPECT_EQ(RunZonelint({"--fail-level=error", "-"}, warn_only).status, 0);
  EXPECT_EQ(RunZonelint({"--fail-level=none", "-"}, kBad).status, 0);
  EXPECT_EQ(RunZonelint({"--disable=zone-missing-trailing-dot", "-"}, warn_only)
                .status,
            0);
  EXPECT_EQ(
      RunZonelint({"--severity=zone-missing-trailing-dot=info", "-"}, warn_only)
          .status,
      0);
}

TEST_F(CliTest, CleanZoneExitsZeroAndPrintsNothing) {
  Result r = RunZonelint({"-"},
                         "$ORIGIN example.com.\n$TTL 60\n"
                         "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
                         "@ NS ns1\nns1 A 192.0.2.1\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, InlineSuppression) {
  Result r =
      RunZonelint({"--format=gcc", "-"},
                  "$ORIGIN example.com.\n$TTL 60\n"
                  "@ SOA ns1.example.net. hostmaster 1 7200 3600 1209600 300\n"
                  "; zonelint-disable-next-line zone-missing-trailing-dot\n"
                  "@ MX 10 mail.example.com\n"
                  "@ MX 20 mx.example.com ; zonelint-disable-line all\n"
                  "_dmarc TXT \"v=DMARC1; p=reject\"\n");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "");
}

TEST_F(CliTest, UsageAndIoErrorsExitTwo) {
  EXPECT_EQ(RunZonelint({}).status, 2);
  EXPECT_EQ(RunZonelint({"--bogus"}).status, 2);
  Result format = RunZonelint({"--format=xml", "-"});
  EXPECT_EQ(format.status, 2);
  EXPECT_NE(format.err.find("unknown format 'xml': use text, gcc, json, "
                            "sarif or github\n"),
            std::string::npos)
      << format.err;
  EXPECT_EQ(RunZonelint({"--disable=no-such-rule", "-"}).status, 2);
  Result r = RunZonelint({"/nonexistent/zone.db"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("no such file"), std::string::npos) << r.err;
  EXPECT_EQ(RunZonelint({"--explain=no-such-rule"}).status, 2);
}

TEST_F(CliTest, InformationalCommands) {
  Result help = RunZonelint({"--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("Usage: zonelint"), std::string::npos);
  Result version = RunZonelint({"--version"});
  EXPECT_EQ(version.out, std::string("zonelint ") + kVersion + "\n");
  Result list = RunZonelint({"--list-rules"});
  EXPECT_NE(list.out.find("zone-syntax"), std::string::npos);
  EXPECT_NE(list.out.find("error"), std::string::npos);
  Result explain = RunZonelint({"--explain", "zone-ttl-mismatch"});
  EXPECT_EQ(explain.status, 0);
  EXPECT_EQ(explain.out.rfind("# zone-ttl-mismatch\n", 0), 0u);
}

TEST_F(CliTest, OriginFromOptionAndFileName) {
  const std::string zone = "@ 60 MX 10 mail.example.com\n";
  Result by_option =
      RunZonelint({"--format=gcc", "--origin=example.com", "-"}, zone);
  EXPECT_NE(by_option.out.find("mail.example.com.example.com."),
            std::string::npos)
      << by_option.out;
  Result by_name = RunZonelint(
      {"--format=gcc", "--stdin-filename=db.example.com", "-"}, zone);
  EXPECT_NE(by_name.out.find("mail.example.com.example.com."),
            std::string::npos)
      << by_name.out;
  Result none = RunZonelint({"--format=gcc", "-"}, zone);
  EXPECT_NE(none.out.find("zone's origin is unknown"), std::string::npos)
      << none.out;
}

// A file under the test's temporary directory holding `text`.
std::string WriteTempFile(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string path = std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
  std::ofstream(path) << text;
  return path;
}

TEST_F(CliTest, SpfCostsOption) {
  const std::string zone =
      "$ORIGIN example.com.\n$TTL 60\n"
      "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
      "@ NS ns1\nns1 A 192.0.2.1\n"
      "@ TXT \"v=spf1 include:spf.crm.example include:_spf.google.com "
      "-all\"\n"
      "_dmarc TXT \"v=DMARC1; p=reject\"\n";
  Result plain = RunZonelint({"--format=gcc", "-"}, zone);
  EXPECT_EQ(plain.status, 0) << plain.out;
  EXPECT_NE(plain.out.find("[spf-unknown-include]"), std::string::npos)
      << plain.out;

  // The table gives the unknown include a cost and overrides a built-in
  // entry: 1 + 4 and 1 + 6 make 12 lookups.
  const std::string costs = WriteTempFile(
      "costs.txt", "# test costs\nspf.crm.example 4 CRM\n_spf.google.com 6\n");
  Result r = RunZonelint({"--format=gcc", "--spf-costs", costs, "-"}, zone);
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_EQ(r.out.find("[spf-unknown-include]"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("12 lookups: include:spf.crm.example (5, from " + costs +
                       ":2), include:_spf.google.com (7, from " + costs +
                       ":3) [spf-too-many-lookups]"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(
      RunZonelint({"--format=gcc", "--spf-costs=" + costs, "-"}, zone).status,
      1);
}

TEST_F(CliTest, SpfCostsErrorsExitTwo) {
  const std::string bad =
      WriteTempFile("bad-costs.txt", "ok.example 1\nbroken.example lots\n");
  Result r = RunZonelint({"--spf-costs", bad, "-"}, "");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find(bad + ":2: 'lots' is not a lookup count"),
            std::string::npos)
      << r.err;
  Result missing = RunZonelint({"--spf-costs=/nonexistent/costs.txt", "-"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("/nonexistent/costs.txt"), std::string::npos)
      << missing.err;
  EXPECT_EQ(RunZonelint({"--spf-costs"}).status, 2);
  EXPECT_EQ(RunZonelint({"--spf-costs=", "-"}).status, 2);
  EXPECT_NE(RunZonelint({"--help"}).out.find("--spf-costs=FILE"),
            std::string::npos);
}

TEST(CliSelectTest, RunsOnlyTheSelectedRules) {
  const std::string zone =
      "$ORIGIN example.com.\n"
      "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
      "@ NS ns1\nns1 A 192.0.2.1\n"
      "@ MX 10 mail.example.com\n"    // zone-missing-trailing-dot
      "@ TXT \"v=spf1 ptr -all\"\n";  // spf-ptr, dmarc-missing
  Result all = RunZonelint({"--format=gcc", "-"}, zone);
  EXPECT_NE(all.out.find("[spf-ptr]"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("[dmarc-missing]"), std::string::npos) << all.out;

  Result zone_only =
      RunZonelint({"--format=gcc", "--select=zone-*", "-"}, zone);
  EXPECT_NE(zone_only.out.find("[zone-missing-trailing-dot]"),
            std::string::npos)
      << zone_only.out;
  EXPECT_EQ(zone_only.out.find("[spf-ptr]"), std::string::npos);
  EXPECT_EQ(zone_only.out.find("[dmarc-missing]"), std::string::npos);

  // Several patterns (in one list or repeated) add up; --disable still
  // applies to what is selected.
  Result two = RunZonelint({"--format=gcc", "--select=spf-ptr",
                            "--select=dmarc-*", "--disable=dmarc-missing", "-"},
                           zone);
  EXPECT_NE(two.out.find("[spf-ptr]"), std::string::npos) << two.out;
  EXPECT_EQ(two.out.find("[dmarc-missing]"), std::string::npos) << two.out;
  EXPECT_EQ(two.out.find("[zone-"), std::string::npos) << two.out;

  Result bad = RunZonelint({"--select=nope-*", "-"}, zone);
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--select 'nope-*' names no rule"), std::string::npos)
      << bad.err;
}

TEST_F(CliTest, DirectoryLintsItsZoneFilesAsOneSet) {
  char pattern[] = "/tmp/zonelint-cli-XXXXXX";
  ASSERT_NE(::mkdtemp(pattern), nullptr);
  const std::string dir = pattern;
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name) << text;
  };
  // The MX target lives in the subdomain's own zone file: alone, the
  // parent zone would hold no address for it.
  write("example.com.zone",
        "$ORIGIN example.com.\n$TTL 1h\n@ SOA ns1 hm 1 2 3 4 5\n"
        "@ NS ns1\nns1 A 192.0.2.1\n@ MX 10 mx.mail.example.com.\n"
        "@ TXT \"v=spf1 -all\"\n_dmarc TXT \"v=DMARC1; p=reject\"\n");
  write("db.mail.example.com",
        "$ORIGIN mail.example.com.\n$TTL 1h\n@ SOA ns1 hm 1 2 3 4 5\n"
        "@ NS ns1\nns1 A 192.0.2.1\nmx A 192.0.2.25\n");
  write("README", "zones for example.com\n");
  Result together = RunZonelint({"--format=gcc", dir});
  EXPECT_EQ(together.status, 0) << together.out << together.err;
  EXPECT_EQ(together.out, "");
  Result alone = RunZonelint({"--format=gcc", dir + "/example.com.zone"});
  EXPECT_NE(alone.out.find("[mx-target-no-address]"), std::string::npos)
      << alone.out;
  // A directory without zone files is an error, as a missing file is.
  const std::string empty = dir + "/empty";
  std::filesystem::create_directory(empty);
  Result none = RunZonelint({empty});
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.err.find("no zone files in '" + empty + "'"),
            std::string::npos)
      << none.err;
  std::filesystem::remove_all(dir);
}

// A repository under the test's temporary directory: a folder with .git
// (so that no config file above it is read) and the given files.
std::string MakeRepo(
    const std::string& name,
    const std::vector<std::pair<std::string, std::string>>& files) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const std::filesystem::path root =
      std::filesystem::path(tmp != nullptr ? tmp : "/tmp") / name;
  std::filesystem::remove_all(root);
  std::filesystem::create_directories(root / ".git");
  for (const auto& [path, text] : files) {
    std::filesystem::create_directories((root / path).parent_path());
    std::ofstream(root / path, std::ios::binary) << text;
  }
  return root.string();
}

// One finding of each of zone-missing-trailing-dot (line 4, warning) and
// zone-out-of-zone (line 5, warning).
constexpr char kTwoWarnings[] =
    "$ORIGIN example.com.\n$TTL 60\n"
    "@ SOA ns1.example.net. hostmaster 1 7200 3600 1209600 300\n"
    "@ MX 10 mail.example.com\n"
    "www.example.org. A 192.0.2.1\n"
    "_dmarc TXT \"v=DMARC1; p=reject\"\n";

TEST_F(CliTest, ConfigFileAboveTheLintedFiles) {
  const std::string repo = MakeRepo(
      "config-above",
      {{".zonelint.toml", "disable = [\"zone-missing-trailing-dot\"]\n"},
       {"zones/example.com.zone", kTwoWarnings},
       {"other.toml", "disable = [\"zone-out-of-zone\"]\n"}});
  const std::string zone = repo + "/zones/example.com.zone";
  Result r = RunZonelint({"--format=gcc", zone});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out.find("[zone-missing-trailing-dot]"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[zone-out-of-zone]"), std::string::npos) << r.out;
  // The same from the repository's folder with a relative path.
  ASSERT_EQ(::chdir(repo.c_str()), 0);
  EXPECT_EQ(RunZonelint({"--format=gcc", "zones"}).out,
            "zones/example.com.zone" + r.out.substr(zone.size()));

  Result none = RunZonelint({"--format=gcc", "--no-config", zone});
  EXPECT_NE(none.out.find("[zone-missing-trailing-dot]"), std::string::npos)
      << none.out;
  Result other =
      RunZonelint({"--format=gcc", "--config", repo + "/other.toml", zone});
  EXPECT_NE(other.out.find("[zone-missing-trailing-dot]"), std::string::npos)
      << other.out;
  EXPECT_EQ(other.out.find("[zone-out-of-zone]"), std::string::npos)
      << other.out;

  // Above the repository's top (.git) nothing is read.
  std::filesystem::create_directories(repo + "/zones/.git");
  EXPECT_EQ(RunZonelint({"--format=gcc", zone}).out, none.out);
}

TEST_F(CliTest, FlagsOverrideTheConfigFile) {
  const std::string repo = MakeRepo(
      "config-flags", {{".zonelint.toml",
                        "select = [\"zone-*\"]\n"
                        "disable = [\"zone-missing-trailing-dot\"]\n"
                        "fail-level = \"error\"\n"
                        "severity = { \"zone-out-of-zone\" = \"info\" }\n"},
                       {"example.com.zone", kTwoWarnings}});
  const std::string zone = repo + "/example.com.zone";
  Result config = RunZonelint({"--format=gcc", zone});
  EXPECT_EQ(config.status, 0) << config.out << config.err;
  EXPECT_EQ(config.out,
            zone +
                ":5:1: info: 'www.example.org.' is outside the zone "
                "'example.com.' [zone-out-of-zone]\n");

  EXPECT_EQ(RunZonelint({"--fail-level=info", zone}).status, 1);
  Result severity =
      RunZonelint({"--format=gcc", "--severity=zone-out-of-zone=error", zone});
  EXPECT_EQ(severity.status, 1);
  EXPECT_NE(severity.out.find(": error: 'www.example.org.' is outside"),
            std::string::npos)
      << severity.out;
  // --select replaces the file's select and disable; --disable adds to it.
  Result select =
      RunZonelint({"--format=gcc", "--select=zone-missing-trailing-dot", zone});
  EXPECT_NE(select.out.find("[zone-missing-trailing-dot]"), std::string::npos)
      << select.out;
  EXPECT_EQ(select.out.find("[zone-out-of-zone]"), std::string::npos);
  EXPECT_EQ(
      RunZonelint({"--format=gcc", "--disable=zone-out-of-zone", zone}).out,
      "");
}

TEST_F(CliTest, ConfigErrorsExitTwoNamingLineAndColumn) {
  const std::string repo =
      MakeRepo("config-errors", {{".zonelint.toml",
                                  "select = [\"zone-*\"]\n"
                                  "fail-levl = \"error\"\n"
                                  "disable = [\"zone-ttl-missmatch\"]\n"},
                                 {"example.com.zone", kTwoWarnings}});
  ASSERT_EQ(::chdir(repo.c_str()), 0);
  Result r = RunZonelint({"example.com.zone"});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err,
            ".zonelint.toml:2:1: error: unknown key 'fail-levl' (did you mean "
            "'fail-level'?)\n"
            ".zonelint.toml:3:12: error: unknown rule 'zone-ttl-missmatch' "
            "(did you mean 'zone-ttl-mismatch'?)\n");
  // Named, the config file is checked, not linted as a zone file.
  Result named = RunZonelint({".zonelint.toml"});
  EXPECT_EQ(named.status, 2);
  EXPECT_EQ(named.err, r.err);
  Result missing = RunZonelint({"--config=none.toml", "example.com.zone"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_EQ(missing.err,
            "none.toml: error: cannot read the config file: No such file or "
            "directory\n");
  EXPECT_EQ(RunZonelint({"--no-config", "example.com.zone"}).status, 1);
  EXPECT_EQ(RunZonelint({"--no-config", "--config=x.toml", "example.com.zone"})
                .status,
            2);
  // Two folders with config files of their own cannot be linted together.
  std::filesystem::create_directories(repo + "/sub");
  std::ofstream(repo + "/sub/.zonelint.toml") << "";
  std::ofstream(repo + "/sub/a.zone") << kTwoWarnings;
  std::ofstream(repo + "/.zonelint.toml") << "";
  Result fine = RunZonelint({".zonelint.toml"});
  EXPECT_EQ(fine.status, 0) << fine.err;
  EXPECT_EQ(fine.out + fine.err, "");
  Result both = RunZonelint({"example.com.zone", "sub/a.zone"});
  EXPECT_EQ(both.status, 2);
  EXPECT_EQ(both.err,
            "zonelint: the files given are under different config files, "
            "'.zonelint.toml' and 'sub/.zonelint.toml': lint them in separate "
            "runs, or choose one with --config\n");
}

TEST_F(CliTest, ConfigExcludesNamedFilesAndGivesOrigins) {
  const std::string repo =
      MakeRepo("config-paths",
               {{".zonelint.toml",
                 "[directory]\nexclude = [\"old\"]\n"
                 "[per-path.\"zones/*.txt\"]\norigin = \"corp.example\"\n"},
                {"old/example.com.zone", kTwoWarnings},
                {"zones/corp.txt", "@ 60 MX 10 mail.corp.example\n"}});
  ASSERT_EQ(::chdir(repo.c_str()), 0);
  // pre-commit names the files it lints: an excluded one is skipped.
  Result old = RunZonelint({"--format=gcc", "old/example.com.zone"});
  EXPECT_EQ(old.status, 0) << old.err;
  EXPECT_EQ(old.out, "");
  Result corp = RunZonelint({"--format=gcc", "zones/corp.txt"});
  EXPECT_NE(corp.out.find("it means 'mail.corp.example.corp.example.'"),
            std::string::npos)
      << corp.out;
  // stdin by the name an editor gives; --origin beats the config file.
  Result stdin_corp =
      RunZonelint({"--format=gcc", "--stdin-filename=zones/corp.txt", "-"},
                  "@ 60 MX 10 mail.corp.example\n");
  EXPECT_EQ(stdin_corp.out, corp.out);
  Result origin =
      RunZonelint({"--format=gcc", "--origin=example.net", "zones/corp.txt"});
  EXPECT_NE(origin.out.find("'mail.corp.example.example.net.'"),
            std::string::npos)
      << origin.out;
}

TEST_F(CliTest, UnknownRuleFlagsSuggestTheClosest) {
  Result r = RunZonelint({"--disable=zone-ttl-missmatch", "-"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("unknown rule 'zone-ttl-missmatch' (did you mean "
                       "'zone-ttl-mismatch'?)"),
            std::string::npos)
      << r.err;
}

TEST_F(CliTest, SuppressionsCoverRecordsAndReportWhatSilencedNothing) {
  const std::string zone =
      "$ORIGIN example.com.\n$TTL 60\n"
      "@ SOA ns1.example.net. hostmaster 1 7200 3600 1209600 300\n"
      "; zonelint-disable-next-line zone-missing-trailing-dot\n"
      "@ MX ( 10\n"
      "       mail.example.com )\n"
      "www A 192.0.2.1 ; zonelint-disable-line all\n"
      "_dmarc TXT \"v=DMARC1; p=reject\"\n";
  Result r = RunZonelint({"--format=gcc", "-"}, zone);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out, "");
  Result unused =
      RunZonelint({"--format=gcc", "--report-unused-suppressions", "-"}, zone);
  EXPECT_EQ(unused.status, 1);
  EXPECT_EQ(unused.out,
            "<stdin>:7:41: warning: 'zonelint-disable-line' silences any rule "
            "but nothing was reported on this line [zone-suppression]\n");
  // Without the next-line directive, the finding is on the record's second
  // line.
  std::string bare = zone;
  bare.erase(bare.find("; zonelint-disable-next-line"),
             bare.find("@ MX") - bare.find("; zonelint-disable-next-line"));
  EXPECT_NE(RunZonelint({"--format=gcc", "-"}, bare)
                .out.find("<stdin>:5:8: warning: 'mail.example.com' has no"),
            std::string::npos);
}

}  // namespace
}  // namespace zonelint::testing

// --write-spf-costs: the cost table one shard of the zones writes must make
// another shard's findings the same as linting both together.
#include "lint/spf_costs_writer.h"

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

struct Result {
  int status;
  std::string out;
  std::string err;
};

Result RunZonelint(std::vector<std::string> args) {
  std::istringstream in;
  std::ostringstream out, err;
  int status = RunCli(args, in, out, err, /*out_is_terminal=*/false);
  return {status, out.str(), err.str()};
}

std::string TempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

std::string WriteTempFile(const std::string& name, const std::string& text) {
  std::string path = TempDir() + "/" + name;
  std::ofstream(path) << text;
  return path;
}

constexpr char kHead[] =
    "$TTL 3600\n@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
    "@ NS ns1\nns1 A 192.0.2.1\n@ MX 10 ns1\n";

// Shard A: records whose costs shard B needs. No void lookups: a table has
// no room for them (lint/spf_costs_writer.h).
const std::string kShardA = std::string("$ORIGIN a.example.\n") + kHead +
                            "h1 A 192.0.2.11\nh2 A 192.0.2.12\n"
                            "h3 A 192.0.2.13\n"
                            // 1 + 3, 1, 1: 6
                            "_spf TXT \"v=spf1 include:_s2.a.example "
                            "mx:a.example a:h1.a.example -all\"\n"
                            "_s2 TXT \"v=spf1 a:h1.a.example a:h2.a.example "
                            "a:h3.a.example -all\"\n"
                            // An include nobody knows: 1, a lower bound.
                            "_open TXT \"v=spf1 "
                            "include:_spf.unknown-esp.example -all\"\n"
                            // A wildcard: the table's pattern.
                            "*.w TXT \"v=spf1 a:h1.a.example -all\"\n";

// Shard B: records including shard A's names, over the limit so that
// spf-too-many-lookups shows each include's cost.
const std::string kShardB =
    std::string("$ORIGIN b.example.\n") + kHead +
    "@ TXT \"v=spf1 include:_spf.a.example include:_s2.a.example -all\"\n"
    "shop TXT \"v=spf1 include:_open.a.example include:_spf.a.example "
    "a:ns1.b.example mx:b.example -all\"\n"
    "news TXT \"v=spf1 include:x.w.a.example include:_spf.a.example "
    "include:_s2.a.example -all\"\n"
    "ok TXT \"v=spf1 include:_s2.a.example -all\"\n";

// The gcc-format lines of `out` for `file`, without the provenance note a
// cost table adds to a cost (", from FILE:LINE"): in shard B the cost does
// come from the table, and the note says so.
std::vector<std::string> LinesFor(const std::string& out,
                                  const std::string& file,
                                  const std::string& costs) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(file + ":", 0) != 0) continue;
    for (size_t at;
         (at = line.find(", from " + costs + ":")) != std::string::npos;) {
      size_t end = at + costs.size() + 8;
      while (end < line.size() && std::isdigit(line[end])) ++end;
      line.erase(at, end - at);
    }
    lines.push_back(line);
  }
  return lines;
}

class SpfCostsWriterTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(::chdir(ProjectRoot().c_str()), 0); }
};

TEST_F(SpfCostsWriterTest, ShardsReadEachOthersCostsAsIfLintedTogether) {
  const std::string a = WriteTempFile("a.example.zone", kShardA);
  const std::string b = WriteTempFile("b.example.zone", kShardB);
  const std::string costs = TempDir() + "/a.costs";

  Result together = RunZonelint({"--format=gcc", a, b});
  Result shard_a =
      RunZonelint({"--format=gcc", "--write-spf-costs=" + costs, a});
  EXPECT_EQ(shard_a.err, "");
  EXPECT_EQ(ReadFileOrDie(costs),
            "# SPF lookup costs of the names with an SPF record in the linted "
            "zones,\n# written by zonelint --write-spf-costs; read them with "
            "--spf-costs FILE.\n# NAME LOOKUPS: the DNS lookups the name's "
            "record costs, nested ones counted;\n# N+: at least N, the record "
            "includes names of unknown cost.\n"
            "*.w.a.example 1\n"
            "_open.a.example 1+\n"
            "_s2.a.example 3\n"
            "_spf.a.example 6\n");
  // Shard A's own findings do not depend on shard B.
  EXPECT_EQ(LinesFor(shard_a.out, a, costs), LinesFor(together.out, a, costs));

  Result shard_b = RunZonelint({"--format=gcc", "--spf-costs", costs, b});
  EXPECT_EQ(shard_b.status, together.status);
  const std::vector<std::string> expected = LinesFor(together.out, b, costs);
  EXPECT_EQ(LinesFor(shard_b.out, b, costs), expected) << together.out;
  // Three records over the limit, one with a lower bound: the test sees the
  // costs at work.
  ASSERT_EQ(expected.size(), 3u) << together.out;
  EXPECT_NE(expected[1].find("at least 11 lookups: include:_open.a.example "
                             "(2), include:_spf.a.example (7)"),
            std::string::npos)
      << expected[1];
  // Without the table shard B's findings differ.
  EXPECT_NE(LinesFor(RunZonelint({"--format=gcc", b}).out, b, costs), expected);
}

TEST_F(SpfCostsWriterTest, EmptySetWritesTheHeaderOnly) {
  const std::string zone = WriteTempFile(
      "plain.example.zone", std::string("$ORIGIN plain.example.\n") + kHead);
  const std::string costs = TempDir() + "/plain.costs";
  Result r = RunZonelint({"--write-spf-costs", costs, zone});
  EXPECT_EQ(r.err, "");
  const std::string text = ReadFileOrDie(costs);
  EXPECT_EQ(text.find("\n", text.rfind("# N+")) + 1, text.size()) << text;
}

TEST_F(SpfCostsWriterTest, WriteErrorExitsTwo) {
  const std::string zone =
      WriteTempFile("c.example.zone", std::string("$ORIGIN c.example.\n") +
                                          kHead + "@ TXT \"v=spf1 -all\"\n");
  Result r =
      RunZonelint({"--write-spf-costs=/nonexistent/zonelint/costs.txt", zone});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("zonelint: cannot write "
                       "'/nonexistent/zonelint/costs.txt': No such file"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(RunZonelint({"--write-spf-costs"}).status, 2);
  EXPECT_EQ(RunZonelint({"--write-spf-costs=", zone}).status, 2);
  EXPECT_NE(RunZonelint({"--help"}).out.find("--write-spf-costs=FILE"),
            std::string::npos);
}

TEST(WriteSpfCostsTest, ReplacesAtomicallyAndLeavesNoTemporaryFile) {
  const std::string dir = TempDir() + "/atomic";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/costs.txt";
  std::ofstream(path) << "old.example 9\nand more\n";
  ASSERT_TRUE(WriteSpfCosts(path, "new.example 1\n").ok());
  EXPECT_EQ(ReadFileOrDie(path), "new.example 1\n");
  int files = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(dir)) {
    ++files;
  }
  EXPECT_EQ(files, 1);
  absl::Status status = WriteSpfCosts(dir + "/missing/costs.txt", "x 1\n");
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find(dir + "/missing/costs.txt"),
            std::string::npos);
}

}  // namespace
}  // namespace zonelint::testing

// Session::AddFiles: files parsed on several threads give the session that
// adding them one by one gives (the same sources, name ids and zones), so
// the same findings in the same order.
#include "lint/session.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "parser/source.h"
#include "parser/zone.h"
#include "parser/zone_parser.h"

namespace zonelint {
namespace {

std::string TempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// Enough zones that AddFiles runs several windows on several threads; they
// include each other's names, and some have includes, errors and gaps.
std::vector<Session::Input> Inputs() {
  const std::string dir = TempDir() + "/session_test";
  std::system(("mkdir -p " + dir).c_str());
  Write(dir + "/common.inc", "shared A 192.0.2.9\n_spf TXT \"v=spf1 -all\"\n");
  std::vector<Session::Input> inputs;
  constexpr int kZones = 150;
  for (int i = 0; i < kZones; ++i) {
    const std::string n = std::to_string(i);
    const std::string other = std::to_string((i * 7 + 3) % kZones);
    std::string text = "$TTL 300\n@ SOA ns1 hostmaster 1 2 3 4 5\n@ NS ns1\n";
    text += "@ MX 10 mail.zone" + other + ".example.\n";
    text += "@ TXT \"v=spf1 include:_spf.zone" + other + ".example. ~all\"\n";
    text += "_dmarc TXT \"v=DMARC1; p=none\"\n";
    if (i % 5 != 0) text += "mail A 192.0.2." + std::to_string(i % 250) + "\n";
    if (i % 11 == 0) text += "$INCLUDE " + dir + "/common.inc\n";
    if (i % 13 == 0) text += "$INCLUDE " + dir + "/missing.inc\n";
    if (i % 17 == 0) text += "bad A 999.1.1.1\nwww CNAME x\nwww A 192.0.2.1\n";
    if (i % 19 == 0) text += "rel MX 10 mail.example.com\n";
    const std::string path = dir + "/zone" + n + ".example.zone";
    if (i % 23 == 0) {
      // Held in memory (a --fix round, stdin), not on disk.
      inputs.push_back({path, text, ParseOptions{}});
    } else {
      Write(path, text);
      inputs.push_back({path, std::nullopt, ParseOptions{}});
    }
  }
  inputs.push_back({dir + "/no-such.zone", std::nullopt, ParseOptions{}});
  ParseOptions origin;
  origin.origin = "zone1.example.";
  inputs.push_back({dir + "/zone2.example.zone", std::nullopt, origin});
  return inputs;
}

std::vector<std::string> Describe(const Findings& found) {
  std::vector<std::string> out;
  for (const Finding& d : found) {
    out.push_back(std::string(d.rule) + " " + std::to_string(d.range.file) +
                  ":" + std::to_string(d.range.begin) + "-" +
                  std::to_string(d.range.end) + " " + std::string(d.message));
  }
  return out;
}

TEST(SessionTest, AddFilesGivesWhatAddingOneByOneGives) {
  const std::vector<Session::Input> inputs = Inputs();
  Session one_by_one;
  std::vector<bool> ok;
  for (const Session::Input& input : inputs) {
    if (input.text.has_value()) {
      one_by_one.AddText(input.path, *input.text, input.options);
      ok.push_back(true);
    } else {
      ok.push_back(one_by_one.AddFile(input.path, input.options).ok());
    }
  }
  Session batch;
  const std::vector<absl::Status> statuses = batch.AddFiles(inputs);
  ASSERT_EQ(statuses.size(), inputs.size());
  for (size_t i = 0; i < inputs.size(); ++i) {
    EXPECT_EQ(statuses[i].ok(), ok[i]) << inputs[i].path;
  }
  EXPECT_FALSE(statuses[inputs.size() - 2].ok());

  // The same files under the same ids, the same names under the same ids.
  ASSERT_EQ(batch.sources().size(), one_by_one.sources().size());
  for (FileId f = 0; f < batch.sources().size(); ++f) {
    EXPECT_EQ(batch.sources().Get(f).path(),
              one_by_one.sources().Get(f).path());
  }
  ASSERT_EQ(batch.zones().size(), one_by_one.zones().size());
  const NameTable& names = batch.zones()[0]->names();
  const NameTable& expected_names = one_by_one.zones()[0]->names();
  ASSERT_EQ(names.size(), expected_names.size());
  for (NameId n = 0; n < names.size(); ++n) {
    ASSERT_EQ(names.Text(n), expected_names.Text(n)) << n;
  }
  for (size_t z = 0; z < batch.zones().size(); ++z) {
    const Zone& zone = *batch.zones()[z];
    const Zone& expected = *one_by_one.zones()[z];
    EXPECT_EQ(&zone.names(), &names);
    EXPECT_EQ(zone.apex, expected.apex);
    EXPECT_EQ(zone.main_file, expected.main_file);
    EXPECT_EQ(zone.incomplete(), expected.incomplete());
    EXPECT_EQ(zone.owners(), expected.owners());
    ASSERT_EQ(zone.records.size(), expected.records.size());
    for (size_t r = 0; r < zone.records.size(); ++r) {
      EXPECT_EQ(zone.records[r].owner, expected.records[r].owner);
      EXPECT_EQ(zone.records[r].file, expected.records[r].file);
    }
    for (NameId owner : zone.owners()) {
      EXPECT_EQ(std::vector<uint32_t>(zone.RecordsAt(owner).begin(),
                                      zone.RecordsAt(owner).end()),
                std::vector<uint32_t>(expected.RecordsAt(owner).begin(),
                                      expected.RecordsAt(owner).end()));
    }
    ASSERT_EQ(zone.fields.size(), expected.fields.size());
    for (size_t f = 0; f < zone.fields.size(); ++f) {
      EXPECT_EQ(zone.fields[f].value, expected.fields[f].value);
    }
    ASSERT_EQ(zone.issues.size(), expected.issues.size());
    for (size_t i = 0; i < zone.issues.size(); ++i) {
      EXPECT_EQ(zone.issues[i].range.file, expected.issues[i].range.file);
    }
    ASSERT_EQ(zone.relative_names.size(), expected.relative_names.size());
    for (size_t i = 0; i < zone.relative_names.size(); ++i) {
      EXPECT_EQ(zone.relative_names[i].name, expected.relative_names[i].name);
    }
  }

  const std::vector<std::string> found = Describe(batch.Lint(LintConfig{}));
  EXPECT_EQ(found, Describe(one_by_one.Lint(LintConfig{})));
  // Findings from parsing, from one zone and across zones.
  auto has = [&](std::string_view rule) {
    return std::any_of(found.begin(), found.end(), [&](const std::string& f) {
      return f.rfind(std::string(rule) + " ", 0) == 0;
    });
  };
  EXPECT_TRUE(has("zone-include"));
  EXPECT_TRUE(has("zone-rdata"));
  EXPECT_TRUE(has("mx-target-no-address"));
}

}  // namespace
}  // namespace zonelint

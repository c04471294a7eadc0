// A zone big enough that the mail views parse its SPF, DKIM and DMARC
// records on several threads (util/parallel.h starts helpers from 4096
// records of a kind): every record is still checked once, and the findings
// come out in file order with the ranges of a small zone.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "lint/session.h"
#include "parser/source.h"
#include "parser/zone_parser.h"

namespace zonelint {
namespace {

// A 1024-bit RSA key would be flagged; this is the 2048-bit key of
// ../shared/bench/gen_zone.py.
constexpr char kKey[] =
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAuvn4T1WkrXIaptU9FQ3MGI1Q0j4s"
    "egArbBhmmrp/a6P+i0+JKtoLLsG+eQOXOFfPydJ2ip3s10C0a6GAE9oFUXtzD/0j9TVFLrUE"
    "FBrUswNmIQSQnMeQ5/tmFC+j+1wVq+SvCySpeiiTlBq1njP7B2aPf1pFG0Ycty7CSTxg0v5W"
    "uIkhCJTSzjlCEC6TYNx1haROCkiGPiygHh/jW5xu3ljh8EzouIIDFVrnW5g98ETlCpzc/5zt"
    "9s1Edm8UKoO9LfkUQOxbxEn4o0b9m1foGvzvaxFzmhnVIS5+iIOdRBCYYKwoIkw3iLwm/D6a"
    "UcWjou3hmD90oYY3sfTz2JGwQQIDAQAB";

TEST(LargeZoneTest, EveryRecordCheckedOnceInFileOrder) {
  constexpr int kCustomers = 6000;
  std::string zone =
      "$ORIGIN example.com.\n$TTL 3600\n"
      "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n"
      "@ NS ns1\nns1 A 192.0.2.1\n";
  uint32_t line = 5;
  // The line each customer's SPF, DKIM and DMARC record is on.
  std::vector<uint32_t> spf_line, dkim_line, dmarc_line;
  for (int i = 0; i < kCustomers; ++i) {
    const std::string c = "c" + std::to_string(i);
    zone += c + " A 192.0.2.10\n";
    ++line;
    zone += c + " TXT \"v=spf1 a ~all\"\n";  // spf-softfail-all
    spf_line.push_back(++line);
    // dkim-testing, the key split over three strings (255 bytes at most
    // each).
    const std::string key = kKey;
    zone += "s._domainkey." + c +
            " TXT \"v=DKIM1; t=y; p=" + key.substr(0, 100) + "\" \"" +
            key.substr(100, 150) + "\" \"" + key.substr(250) + "\"\n";
    dkim_line.push_back(++line);
    zone += "_dmarc." + c + " TXT \"v=DMARC1; p=none\"\n";  // policy-none
    dmarc_line.push_back(++line);
  }
  Session session;
  session.AddText("large.zone", std::move(zone), ParseOptions{});
  const Findings found = session.Lint(LintConfig{});

  std::map<std::string, std::vector<uint32_t>> lines_by_rule;
  uint64_t last = 0;
  for (const Finding& d : found) {
    const uint64_t at = uint64_t{d.range.file} << 32 | d.range.begin;
    ASSERT_LE(last, at) << "findings out of file order";
    last = at;
    const Source& source = session.sources().Get(d.range.file);
    lines_by_rule[std::string(d.rule)].push_back(
        source.Locate(d.range.begin).line);
  }
  EXPECT_EQ(lines_by_rule["spf-softfail-all"], spf_line);
  EXPECT_EQ(lines_by_rule["dkim-testing"], dkim_line);
  EXPECT_EQ(lines_by_rule["dmarc-policy-none"], dmarc_line);
  // Nothing else: the keys are good, the records well-formed.
  for (const auto& [rule, lines] : lines_by_rule) {
    EXPECT_TRUE(rule == "spf-softfail-all" || rule == "dkim-testing" ||
                rule == "dmarc-policy-none")
        << rule << " x" << lines.size();
  }
}

}  // namespace
}  // namespace zonelint

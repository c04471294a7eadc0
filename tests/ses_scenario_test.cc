// The complete Amazon SES setup (examples/ses/example.com.zone) end to end:
// the good form gives no warning or error, and each classic mistake, made
// one at a time, gives exactly its own rule.
#include <set>
#include <string>

#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "lint/session.h"
#include "parser/zone_parser.h"
#include "tests/test_paths.h"
#include "util/strings.h"

namespace zonelint::testing {
namespace {

std::string GoodZone() {
  return ReadFileOrDie(ProjectRoot() + "/examples/ses/example.com.zone");
}

// The rules with warnings or errors for a zone text.
std::set<std::string> RulesFor(const std::string& zone) {
  Session session;
  session.AddText("example.com.zone", zone, ParseOptions{});
  std::set<std::string> rules;
  for (const Finding& d : session.Lint(LintConfig{})) {
    if (d.severity >= Severity::kWarning) rules.insert(std::string(d.rule));
  }
  return rules;
}

// The zone with `from` replaced by `to` (which must be there, once).
std::string With(std::string zone, const std::string& from,
                 const std::string& to) {
  const size_t at = zone.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  EXPECT_EQ(zone.find(from, at + 1), std::string::npos) << from;
  if (at != std::string::npos) zone.replace(at, from.size(), to);
  return zone;
}

TEST(SesScenarioTest, GoodSetupIsClean) {
  const std::string zone = GoodZone();
  ASSERT_NE(zone.find("feedback-smtp.us-east-1.amazonses.com."),
            std::string::npos);
  EXPECT_EQ(RulesFor(zone), std::set<std::string>{});
}

TEST(SesScenarioTest, EachMistakeGivesExactlyItsRule) {
  const std::string good = GoodZone();
  const std::string mail_from_spf =
      "bounce   IN TXT \"v=spf1 include:amazonses.com -all\"\n";
  struct Mistake {
    const char* what;
    std::string zone;
    std::string rule;
  };
  const Mistake mistakes[] = {
      {"MAIL FROM domain without its SPF record", With(good, mail_from_spf, ""),
       "mailfrom-spf-missing"},
      {"MAIL FROM SPF copied from another sender",
       With(good, mail_from_spf,
            "bounce   IN TXT \"v=spf1 include:_spf.google.com -all\"\n"),
       "mailfrom-spf-mismatch"},
      {"MAIL FROM domain that also receives mail",
       With(good, mail_from_spf,
            mail_from_spf +
                "bounce   IN MX  20 inbound-smtp.us-east-1.amazonaws.com.\n"),
       "mailfrom-receives-mail"},
      {"DKIM tokens pasted crosswise",
       With(With(good,
                 "7sr2lzrkqsfrw4ljetcckpdjkfwsd3bf._domainkey IN CNAME "
                 "7sr2lzrkqsfrw4ljetcckpdjkfwsd3bf",
                 "7sr2lzrkqsfrw4ljetcckpdjkfwsd3bf._domainkey IN CNAME "
                 "okqwoqeguzxjs3tacj2avqn2iuq3fmlh"),
            "okqwoqeguzxjs3tacj2avqn2iuq3fmlh._domainkey IN CNAME "
            "okqwoqeguzxjs3tacj2avqn2iuq3fmlh",
            "okqwoqeguzxjs3tacj2avqn2iuq3fmlh._domainkey IN CNAME "
            "7sr2lzrkqsfrw4ljetcckpdjkfwsd3bf"),
       "ses-dkim-cname"},
      {"region typo in the MAIL FROM MX",
       With(good, "feedback-smtp.us-east-1.", "feedback-smtp.us-east1."),
       "ses-unknown-region"},
      {"MAIL FROM MX without its final dot",
       With(good, "feedback-smtp.us-east-1.amazonses.com.",
            "feedback-smtp.us-east-1.amazonses.com"),
       "zone-missing-trailing-dot"},
      {"DMARC record left out",
       With(good,
            "_dmarc   IN TXT \"v=DMARC1; p=reject; "
            "rua=mailto:dmarc-reports@example.com\"\n",
            ""),
       "dmarc-missing"},
      {"MX at the MAIL FROM domain's CNAME'd target name",
       With(good, "@        IN MX  10 inbound-smtp.us-east-1.amazonaws.com.",
            "@        IN MX  10 mx\nmx       IN CNAME "
            "inbound-smtp.us-east-1.amazonaws.com."),
       "mx-target-cname"},
  };
  for (const Mistake& m : mistakes) {
    SCOPED_TRACE(m.what);
    EXPECT_EQ(RulesFor(m.zone), std::set<std::string>{m.rule});
  }
}

TEST(SesScenarioTest, MailFromSubdomainDelegatedToAnotherFile) {
  // The parent delegates bounce.example.com to a zone of its own; linted
  // together, the MAIL FROM domain is judged with the child's records.
  const std::string parent =
      "$ORIGIN example.com.\n$TTL 3600\n"
      "@ SOA ns1 hostmaster 1 7200 3600 1209600 300\n@ NS ns1\n"
      "ns1 A 192.0.2.1\n@ MX 10 inbound-smtp.us-east-1.amazonaws.com.\n"
      "@ TXT \"v=spf1 include:amazonses.com -all\"\n"
      "_dmarc TXT \"v=DMARC1; p=reject\"\nbounce NS ns1\n";
  auto lint = [&](const std::string& child) {
    Session session;
    session.AddText("example.com.zone", parent, ParseOptions{});
    session.AddText("bounce.example.com.zone", child, ParseOptions{});
    std::set<std::string> found;
    for (const Finding& d : session.Lint(LintConfig{})) {
      if (d.severity < Severity::kWarning) continue;
      found.insert(
          Cat(session.sources().Get(d.range.file).path(), " ", d.rule));
    }
    return found;
  };
  const std::string child =
      "$ORIGIN bounce.example.com.\n$TTL 3600\n"
      "@ SOA ns1.example.com. hostmaster.example.com. 1 7200 3600 1209600 "
      "300\n@ NS ns1.example.com.\n"
      "@ MX 10 feedback-smtp.us-east-1.amazonses.com.\n";
  EXPECT_EQ(lint(child + "@ TXT \"v=spf1 include:amazonses.com -all\"\n"),
            std::set<std::string>{});
  EXPECT_EQ(
      lint(child),
      (std::set<std::string>{"bounce.example.com.zone mailfrom-spf-missing"}));
}

}  // namespace
}  // namespace zonelint::testing

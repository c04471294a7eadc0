// Output formats: JSON escaping, caret placement with tabs and ranges that
// span lines, SARIF (rules, regions, fingerprints, URIs) and GitHub
// annotations (escaping).
#include "lint/format.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "lint/version.h"
#include "nlohmann/json.hpp"

namespace zonelint {
namespace {

TEST(JsonStringTest, EscapesAndKeepsUtf8Valid) {
  EXPECT_EQ(JsonString("a\"b\\c\n\t\r"), R"("a\"b\\c\n\t\r")");
  EXPECT_EQ(JsonString(std::string("\x01", 1)), R"("\u0001")");
  EXPECT_EQ(JsonString("\x7f"), R"("\u007f")");
  EXPECT_EQ(JsonString("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
  // A byte that is not UTF-8 becomes U+FFFD, so the output stays valid.
  EXPECT_EQ(JsonString("a\xff"
                       "b"),
            "\"a\xef\xbf\xbd"
            "b\"");
  EXPECT_EQ(JsonString("\xc3"), "\"\xef\xbf\xbd\"");
}

class FormatTest : public ::testing::Test {
 protected:
  FileId Add(std::string text, std::string path = "z.zone") {
    return sources_.Add(Source::FromString(std::move(path), std::move(text)));
  }
  // The findings in a store, as the runner gives them.
  static Findings Store(const std::vector<Finding>& ds) {
    Findings out;
    for (const Finding& d : ds) {
      out.Add(d.rule, d.severity, d.range, d.message, d.help,
              std::vector<Fix>(d.fixes.begin(), d.fixes.end()));
    }
    return out;
  }
  std::string Format(const std::vector<Finding>& ds, OutputFormat f) {
    std::string out;
    FormatDiagnostics(sources_, Store(ds), {f, false}, &out);
    return out;
  }
  SourceSet sources_;
};

TEST_F(FormatTest, CaretKeepsTabsAndCoversTheRange) {
  FileId f = Add("www\tA\t192.0.2.300\n");
  const Finding d{"zone-rdata", Severity::kError, {f, 6, 17}, "bad", "fix"};
  EXPECT_EQ(Format({d}, OutputFormat::kText),
            "z.zone:1:7: error: bad [zone-rdata]\n"
            "  www\tA\t192.0.2.300\n"
            "     \t \t^~~~~~~~~~~\n"  // 11 columns: 192.0.2.300
            "  help: fix\n"
            "1 error, 0 warnings, 0 info\n");
}

TEST_F(FormatTest, RangeOverSeveralLinesUnderlinesToLineEnd) {
  FileId f = Add("a TXT ( \"x\"\n  \"y\" )\n");
  const Finding d{"zone-syntax", Severity::kWarning, {f, 6, 18}, "m", ""};
  EXPECT_EQ(Format({d}, OutputFormat::kText),
            "z.zone:1:7: warning: m [zone-syntax]\n"
            "  a TXT ( \"x\"\n"
            "        ^~~~~\n"
            "0 errors, 1 warning, 0 info\n");
  EXPECT_EQ(Format({d}, OutputFormat::kJson),
            "{\"version\":1,\"diagnostics\":[{\"file\":\"z.zone\",\"line\":1,"
            "\"column\":7,\"end_line\":2,\"end_column\":7,\"severity\":"
            "\"warning\",\"rule\":\"zone-syntax\",\"message\":\"m\","
            "\"help\":\"\",\"fixes\":[]}]}\n");
}

TEST_F(FormatTest, FixesInEveryFormat) {
  // "é" is two bytes, one UTF-16 unit: SARIF's columns count units.
  FileId f = Add("caf\xc3\xa9 MX 10 mail.example.com\n");
  const std::vector<Fix> fixes = {
      {"Add the trailing dot", true, {{{f, 28, 28}, "."}}},
      {"Make the name relative", true, {{{f, 12, 28}, "mail"}}}};
  const Finding d{"zone-missing-trailing-dot",
                  Severity::kWarning,
                  {f, 12, 28},
                  "m",
                  "h",
                  fixes};
  const std::vector<Fix> unsafe_fixes = {
      {"Change ~all to -all", false, {{{f, 0, 1}, "-"}}}};
  const Finding unsafe{"spf-softfail-all", Severity::kInfo, {f, 0, 1}, "u", "",
                       unsafe_fixes};
  EXPECT_EQ(Format({d, unsafe}, OutputFormat::kGcc),
            "z.zone:1:13: warning: m [zone-missing-trailing-dot] [fixable]\n"
            "z.zone:1:1: info: u [spf-softfail-all]\n");
  nlohmann::json json = nlohmann::json::parse(Format({d}, OutputFormat::kJson));
  EXPECT_EQ(json["diagnostics"][0]["fixes"], nlohmann::json::parse(R"([
      {"title":"Add the trailing dot","safe":true,"edits":[
        {"file":"z.zone","line":1,"column":29,"end_line":1,"end_column":29,
         "start_offset":28,"end_offset":28,"text":"."}]},
      {"title":"Make the name relative","safe":true,"edits":[
        {"file":"z.zone","line":1,"column":13,"end_line":1,"end_column":29,
         "start_offset":12,"end_offset":28,"text":"mail"}]}])"));
  nlohmann::json sarif =
      nlohmann::json::parse(Format({d, unsafe}, OutputFormat::kSarif));
  const auto& results = sarif["runs"][0]["results"];
  EXPECT_EQ(results[0]["fixes"][1], nlohmann::json::parse(R"(
      {"description":{"text":"Make the name relative"},
       "artifactChanges":[{
         "artifactLocation":{"uri":"z.zone","uriBaseId":"%SRCROOT%"},
         "replacements":[{
           "deletedRegion":{"startLine":1,"startColumn":12,"endLine":1,
                            "endColumn":28},
           "insertedContent":{"text":"mail"}}]}],
       "properties":{"safe":true}})"));
  EXPECT_EQ(results[1]["fixes"][0]["properties"]["safe"], false);
}

TEST_F(FormatTest, EmptyOutputForNoDiagnostics) {
  EXPECT_EQ(Format({}, OutputFormat::kText), "");
  EXPECT_EQ(Format({}, OutputFormat::kGcc), "");
  EXPECT_EQ(Format({}, OutputFormat::kJson),
            "{\"version\":1,\"diagnostics\":[]}\n");
  EXPECT_EQ(Format({}, OutputFormat::kGithub), "");
  nlohmann::json sarif =
      nlohmann::json::parse(Format({}, OutputFormat::kSarif));
  EXPECT_EQ(sarif["version"], "2.1.0");
  EXPECT_EQ(sarif["runs"][0]["tool"]["driver"]["rules"].size(), 0u);
  EXPECT_EQ(sarif["runs"][0]["results"].size(), 0u);
}

TEST(ParseOutputFormatTest, NamesEveryFormat) {
  OutputFormat f;
  EXPECT_TRUE(ParseOutputFormat("sarif", &f));
  EXPECT_EQ(f, OutputFormat::kSarif);
  EXPECT_TRUE(ParseOutputFormat("github", &f));
  EXPECT_EQ(f, OutputFormat::kGithub);
  EXPECT_FALSE(ParseOutputFormat("SARIF", &f));
}

class SarifTest : public FormatTest {
 protected:
  nlohmann::json Sarif(const std::vector<Finding>& ds) {
    std::string out = Format(ds, OutputFormat::kSarif);
    EXPECT_EQ(out.back(), '\n');
    return nlohmann::json::parse(out);  // throws on text that is not JSON
  }
  static std::vector<std::string> Fingerprints(const nlohmann::json& sarif) {
    std::vector<std::string> out;
    for (const auto& r : sarif["runs"][0]["results"]) {
      out.push_back(r["partialFingerprints"]["zonelint/v1"]);
    }
    return out;
  }
};

TEST_F(SarifTest, RulesWithTheirPagesAndResultsWithRegions) {
  FileId a = Add("www A 192.0.2.300\n", "zones/a.zone");
  FileId b = Add("x\ny TXT (\n", "./zones/b.zone");
  std::vector<Finding> ds = {
      {"zone-rdata", Severity::kError, {a, 6, 17}, "bad address", "fix it"},
      {"zone-syntax", Severity::kInfo, {b, 0, 5}, "unclosed", ""},
      {"zone-rdata", Severity::kWarning, {b, 0, 1}, "m", ""}};
  nlohmann::json sarif = Sarif(ds);
  EXPECT_EQ(sarif["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  const nlohmann::json& run = sarif["runs"][0];
  EXPECT_EQ(run["columnKind"], "utf16CodeUnits");
  const nlohmann::json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "zonelint");
  EXPECT_EQ(driver["version"], kVersion);
  EXPECT_EQ(driver["informationUri"], kHomepage);
  // The rules that have findings, sorted, each once.
  ASSERT_EQ(driver["rules"].size(), 2u);
  const nlohmann::json& rdata = driver["rules"][0];
  EXPECT_EQ(rdata["id"], "zone-rdata");
  EXPECT_EQ(rdata["name"], "ZoneRdata");
  EXPECT_EQ(rdata["shortDescription"]["text"],
            std::string(FindRule("zone-rdata")->info().summary));
  EXPECT_EQ(rdata["fullDescription"]["text"],
            "The rdata of a record is not valid for its type.");
  EXPECT_EQ(rdata["help"]["markdown"], std::string(RuleDoc("zone-rdata")));
  EXPECT_EQ(rdata["help"]["text"], std::string(RuleDoc("zone-rdata")));
  EXPECT_EQ(rdata["helpUri"],
            std::string(kHomepage) + "/blob/main/docs/rules/zone-rdata.md");
  EXPECT_EQ(rdata["defaultConfiguration"]["level"], "error");
  EXPECT_EQ(driver["rules"][1]["id"], "zone-syntax");

  const nlohmann::json& results = run["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["ruleId"], "zone-rdata");
  EXPECT_EQ(results[0]["ruleIndex"], 0);
  EXPECT_EQ(results[0]["level"], "error");
  EXPECT_EQ(results[0]["message"]["text"], "bad address\nhelp: fix it");
  const nlohmann::json& where = results[0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(where["artifactLocation"]["uri"], "zones/a.zone");
  EXPECT_EQ(where["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(where["region"],
            nlohmann::json::parse(R"({"startLine":1,"startColumn":7,)"
                                  R"("endLine":1,"endColumn":18})"));
  EXPECT_EQ(results[1]["ruleIndex"], 1);
  EXPECT_EQ(results[1]["level"], "note");
  EXPECT_EQ(results[1]["message"]["text"], "unclosed");
  // "./zones/b.zone" is named as from the repository root; a range over
  // two lines.
  const nlohmann::json& b_where =
      results[1]["locations"][0]["physicalLocation"];
  EXPECT_EQ(b_where["artifactLocation"]["uri"], "zones/b.zone");
  EXPECT_EQ(b_where["region"],
            nlohmann::json::parse(R"({"startLine":1,"startColumn":1,)"
                                  R"("endLine":2,"endColumn":4})"));
  EXPECT_EQ(results[2]["level"], "warning");
}

// Each rule's fullDescription is the first paragraph of its page, on one
// line.
TEST_F(SarifTest, EveryRuleHasItsPagesFirstParagraph) {
  FileId f = Add("x\n");
  std::vector<Finding> ds;
  for (const Rule* rule : AllRules()) {
    ds.push_back({rule->info().id, rule->info().severity, {f, 0, 1}, "m", ""});
  }
  nlohmann::json sarif = Sarif(ds);
  const nlohmann::json& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), AllRules().size());
  for (const nlohmann::json& rule : rules) {
    std::string id = rule["id"];
    std::string text = rule["fullDescription"]["text"];
    std::string page(RuleDoc(id));
    EXPECT_GT(text.size(), 20u) << id;
    EXPECT_TRUE(text[0] >= 'A' && text[0] <= 'Z') << id << ": " << text;
    EXPECT_EQ(text.find('\n'), std::string::npos) << id;
    // Its first words start a line of the page after the severity line.
    size_t at = page.find("\n" + text.substr(0, 20));
    EXPECT_GT(at, page.find("**Default severity:**")) << id;
    EXPECT_NE(at, std::string::npos) << id;
  }
}

// An id no rule has (none is emitted today) still gives valid metadata.
TEST_F(SarifTest, UnregisteredRuleStandsForItself) {
  FileId f = Add("x\n");
  nlohmann::json sarif =
      Sarif({{"no-such-rule", Severity::kInfo, {f, 0, 1}, "m", ""}});
  const nlohmann::json& rule = sarif["runs"][0]["tool"]["driver"]["rules"][0];
  EXPECT_EQ(rule["shortDescription"]["text"], "no-such-rule");
  EXPECT_EQ(rule["fullDescription"]["text"], "no-such-rule");
  EXPECT_EQ(rule["help"]["text"], "no-such-rule");
  EXPECT_EQ(rule["defaultConfiguration"]["level"], "warning");
}

TEST_F(SarifTest, ColumnsCountUtf16CodeUnits) {
  // "é" is 2 bytes and 1 unit, U+1F600 4 bytes and 2 units, and a byte
  // that is not UTF-8 one unit.
  FileId f = Add("\xc3\xa9 \xf0\x9f\x98\x80 \xff x\n");
  nlohmann::json sarif =
      Sarif({{"zone-syntax", Severity::kError, {f, 10, 11}, "m", ""}});
  const nlohmann::json& region = sarif["runs"][0]["results"][0]["locations"][0]
                                      ["physicalLocation"]["region"];
  EXPECT_EQ(region["startColumn"], 8);  // 1 + é, ' ', 2 units, ' ', \xff, ' '
  EXPECT_EQ(region["endColumn"], 9);
}

TEST_F(SarifTest, FingerprintsSurviveLinesMovedAboveAndTellTwinsApart) {
  const std::string zone = "a TXT x\nb TXT x\n";
  FileId f = Add(zone);
  std::vector<Finding> ds = {
      {"zone-syntax", Severity::kError, {f, 6, 7}, "one", ""},
      {"zone-syntax", Severity::kError, {f, 14, 15}, "two", ""},
      {"zone-rdata", Severity::kError, {f, 14, 15}, "two", ""}};
  std::vector<std::string> before = Fingerprints(Sarif(ds));
  ASSERT_EQ(before.size(), 3u);
  // The same text of the same rule in the same file: told apart by ":N".
  EXPECT_EQ(before[0].substr(0, 33), before[1].substr(0, 33));
  EXPECT_EQ(before[0].substr(32), ":1");
  EXPECT_EQ(before[1].substr(32), ":2");
  EXPECT_NE(before[1], before[2]);  // another rule

  // Two lines inserted above, and a reworded message: the same findings.
  SourceSet moved;
  FileId g = moved.Add(Source::FromString("z.zone", "; new\n\n" + zone));
  std::vector<std::string> reworded;
  reworded.reserve(ds.size());  // the findings' messages point into it
  for (Finding& d : ds) {
    d.range = {g, d.range.begin + 7, d.range.end + 7};
    d.message = reworded.emplace_back(std::string(d.message) + " (reworded)");
  }
  std::string out;
  FormatDiagnostics(moved, Store(ds), {OutputFormat::kSarif, false}, &out);
  nlohmann::json after = nlohmann::json::parse(out);
  EXPECT_EQ(Fingerprints(after), before);
  EXPECT_EQ(after["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
                 ["region"]["startLine"],
            3);

  // Another file: another fingerprint.
  FileId other = Add(zone, "y.zone");
  ds = {{"zone-syntax", Severity::kError, {other, 6, 7}, "one", ""}};
  EXPECT_NE(Fingerprints(Sarif(ds))[0], before[0]);
}

TEST_F(SarifTest, PathsAreUriReferencesAndTextStaysUtf8) {
  FileId a = Add("x\n", "zones/a b%#,:\xc3\xa9.zone");
  FileId b = Add("x\n", "/srv/zones/c.zone");
  nlohmann::json sarif = Sarif(
      {{"zone-syntax", Severity::kError, {a, 0, 1}, "bad \xff\x1b[31m", ""},
       {"zone-syntax", Severity::kError, {b, 0, 1}, "m", ""}});
  const nlohmann::json& results = sarif["runs"][0]["results"];
  EXPECT_EQ(
      results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "zones/a%20b%25%23%2C%3A%C3%A9.zone");
  EXPECT_EQ(
      results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "file:///srv/zones/c.zone");
  // A byte that is not UTF-8 becomes U+FFFD; ESC is escaped, never raw.
  EXPECT_EQ(results[0]["message"]["text"], "bad \xef\xbf\xbd\x1b[31m");
  EXPECT_EQ(Format({{"zone-syntax", Severity::kError, {a, 0, 1}, "\x1b", ""}},
                   OutputFormat::kSarif)
                .find('\x1b'),
            std::string::npos);
}

// The syntax GitHub documents for workflow commands
// (::error file={name},line={line},endLine={endLine},title={title}::{message},
// with col and endColumn), its properties in the order @actions/core writes
// them, and its escaping: '%', CR and LF everywhere, ':' and ',' in
// properties.
TEST_F(FormatTest, GithubAnnotations) {
  FileId a = Add("www A 192.0.2.300\n", "./zones/a.zone");
  FileId b = Add("x\n", "zones/odd,name:1.zone");
  std::vector<Finding> ds = {
      {"zone-rdata", Severity::kError, {a, 6, 17}, "bad 'x'", "fix it"},
      {"spf-syntax", Severity::kWarning, {b, 0, 1}, "100% a:b,c\r\nd", ""},
      {"dmarc-missing", Severity::kInfo, {b, 0, 2}, "esc \x1b[2J\x7f", ""}};
  EXPECT_EQ(Format(ds, OutputFormat::kGithub),
            "::error title=zone-rdata,file=zones/a.zone,line=1,endLine=1,"
            "col=7,endColumn=18::bad 'x'%0Ahelp: fix it\n"
            "::warning title=spf-syntax,file=zones/odd%2Cname%3A1.zone,"
            "line=1,endLine=1,col=1,endColumn=2::100%25 a:b,c%0D%0Ad\n"
            "::notice title=dmarc-missing,file=zones/odd%2Cname%3A1.zone,"
            "line=1,endLine=2,col=1,endColumn=1::esc \\x1b[2J\\x7f\n");
}

}  // namespace
}  // namespace zonelint

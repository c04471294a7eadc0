// Output formats: JSON escaping, caret placement with tabs and ranges that
// span lines.
#include "lint/format.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TEST(JsonStringTest, EscapesAndKeepsUtf8Valid) {
  EXPECT_EQ(JsonString("a\"b\\c\n\t\r"), R"("a\"b\\c\n\t\r")");
  EXPECT_EQ(JsonString(std::string("\x01", 1)), R"("\u0001")");
  EXPECT_EQ(JsonString("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
  // A byte that is not UTF-8 becomes U+FFFD, so the output stays valid.
  EXPECT_EQ(JsonString("a\xff" "b"), "\"a\xef\xbf\xbd" "b\"");
  EXPECT_EQ(JsonString("\xc3"), "\"\xef\xbf\xbd\"");
}

class FormatTest : public ::testing::Test {
 protected:
  FileId Add(std::string text) {
    return sources_.Add(Source::FromString("z.zone", std::move(text)));
  }
  std::string Format(const std::vector<Diagnostic>& ds, OutputFormat f) {
    std::string out;
    FormatDiagnostics(sources_, ds, {f, false}, &out);
    return out;
  }
  SourceSet sources_;
};

TEST_F(FormatTest, CaretKeepsTabsAndCoversTheRange) {
  FileId f = Add("www\tA\t192.0.2.300\n");
  Diagnostic d{"zone-rdata", Severity::kError, {f, 6, 17}, "bad", "fix"};
  EXPECT_EQ(Format({d}, OutputFormat::kText),
            "z.zone:1:7: error: bad [zone-rdata]\n"
            "  www\tA\t192.0.2.300\n"
            "     \t \t^~~~~~~~~~~\n"  // 11 columns: 192.0.2.300
            "  help: fix\n"
            "1 error, 0 warnings, 0 info\n");
}

TEST_F(FormatTest, RangeOverSeveralLinesUnderlinesToLineEnd) {
  FileId f = Add("a TXT ( \"x\"\n  \"y\" )\n");
  Diagnostic d{"zone-syntax", Severity::kWarning, {f, 6, 18}, "m", ""};
  EXPECT_EQ(Format({d}, OutputFormat::kText),
            "z.zone:1:7: warning: m [zone-syntax]\n"
            "  a TXT ( \"x\"\n"
            "        ^~~~~\n"
            "0 errors, 1 warning, 0 info\n");
  EXPECT_EQ(Format({d}, OutputFormat::kJson),
            "{\"version\":1,\"diagnostics\":[{\"file\":\"z.zone\",\"line\":1,"
            "\"column\":7,\"end_line\":2,\"end_column\":7,\"severity\":"
            "\"warning\",\"rule\":\"zone-syntax\",\"message\":\"m\","
            "\"help\":\"\"}]}\n");
}

TEST_F(FormatTest, EmptyOutputForNoDiagnostics) {
  EXPECT_EQ(Format({}, OutputFormat::kText), "");
  EXPECT_EQ(Format({}, OutputFormat::kGcc), "");
  EXPECT_EQ(Format({}, OutputFormat::kJson),
            "{\"version\":1,\"diagnostics\":[]}\n");
}

}  // namespace
}  // namespace zonelint

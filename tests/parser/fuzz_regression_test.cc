// Inputs that once crashed or misbehaved under fuzz/zone_parser_fuzzer.cc
// (or that reading the parser showed would), run through the same pipeline:
// parse with and without an origin, lint, format as text, gcc, JSON, SARIF
// and GitHub annotations.
// Under ASan/UBSan these catch the memory errors again; in a plain build
// they check the results.
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "lint/format.h"
#include "lint/runner.h"
#include "lint/session.h"
#include "parser/zone_parser.h"

namespace zonelint {
namespace {

// Strict UTF-8, as JsonString promises.
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = c & (0x7f >> n);
    for (size_t k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n;
  }
  return true;
}

// A control byte (C0 or DEL) other than the tab and line end.
bool HasControlByte(std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) return true;
  }
  return false;
}

struct Output {
  size_t records = 0;
  size_t issues = 0;
  std::string text;  // text (with and without colour) and gcc
  std::string json;
  std::string ci;  // SARIF and GitHub annotations
};

// The fuzzer's pipeline for one origin (empty: none).
Output RunPipeline(std::string_view input, std::string origin) {
  ParseOptions options;
  options.origin = std::move(origin);
  options.origin_from_file_name = false;
  options.max_include_depth = 4;
  options.max_generate_records = 4096;
  options.max_entry_bytes = 16384;
  Session session;
  session.AddText("fuzz-input", std::string(input), options);
  const Findings diagnostics = session.Lint(LintConfig());
  Output out;
  out.records = session.zones()[0]->records.size();
  out.issues = session.zones()[0]->issues.size();
  FormatOptions format;
  FormatDiagnostics(session.sources(), diagnostics, format, &out.text);
  format.color = true;
  FormatDiagnostics(session.sources(), diagnostics, format, &out.text);
  format.format = OutputFormat::kGcc;
  FormatDiagnostics(session.sources(), diagnostics, format, &out.text);
  format.format = OutputFormat::kJson;
  FormatDiagnostics(session.sources(), diagnostics, format, &out.json);
  EXPECT_TRUE(IsValidUtf8(out.json));
  format.format = OutputFormat::kSarif;
  FormatDiagnostics(session.sources(), diagnostics, format, &out.ci);
  EXPECT_TRUE(IsValidUtf8(out.ci));
  format.format = OutputFormat::kGithub;
  FormatDiagnostics(session.sources(), diagnostics, format, &out.ci);
  EXPECT_FALSE(HasControlByte(out.ci));
  return out;
}

TEST(FuzzRegressionTest, GeneratedRelativeRdataWithoutOrigin) {
  // The origin error for a relative name in generated rdata read the zone
  // file at offsets into the generated text: a heap-buffer-overflow once
  // earlier $GENERATE lines had made more text than the file holds.
  const std::string input =
      "$GENERATE 1-1000 h$.example.net. A 1.2.3.4\n"
      "$GENERATE 1-1 x.example.net. CNAME y\n";
  Output none = RunPipeline(input, "");
  EXPECT_EQ(none.records, 1001u);
  EXPECT_EQ(none.issues, 1u);
  EXPECT_NE(none.text.find("relative name 'y'"), std::string::npos);
  Output with = RunPipeline(input, "example.com.");
  EXPECT_EQ(with.records, 1001u);
  EXPECT_EQ(with.issues, 0u);
}

TEST(FuzzRegressionTest, JsonOfBytesThatLookLikeUtf8) {
  // A message quoting bytes F5 96 9C 9A (past U+10FFFF) put invalid UTF-8
  // into the JSON output. Overlong forms and surrogates did too.
  for (std::string_view bytes :
       {std::string_view("\xf5\x96\x9c\x9a"), std::string_view("\xc0\x80"),
        std::string_view("\xe0\x80\x80"), std::string_view("\xed\xa0\x80"),
        std::string_view("\xf4\x90\x80\x80"),
        std::string_view("\xf0\x80\x80\x80")}) {
    std::string input = "ice A 140.123.23" + std::string(bytes) + "\n";
    Output out = RunPipeline(input, "example.com.");
    EXPECT_EQ(out.issues, 1u);
    EXPECT_TRUE(IsValidUtf8(out.json)) << out.json;
  }
  // Valid sequences are kept as they are.
  EXPECT_EQ(JsonString("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\"");
  EXPECT_EQ(JsonString("\xed\x9f\xbf"), "\"\xed\x9f\xbf\"");
  EXPECT_EQ(JsonString("\xf5\x96\x9c\x9a"),
            "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
}

TEST(FuzzRegressionTest, ControlBytesInRdataAreShownNotWritten) {
  // Messages about bad rdata quoted the field as it was, control bytes and
  // all: a DEL in a CAA tag reached the SARIF output raw (an ESC would have
  // reached a terminal), and the source line kept its DEL.
  for (std::string_view line :
       {"@ CAA 0 \x7f\x1b[2J v\n", "@ LOC 1 \x1b[2J N 2 E 3\n",
        "w A 1.2.3.\x1b\n"}) {
    Output out = RunPipeline(line, "example.com.");
    EXPECT_EQ(out.issues, 1u) << line;
    EXPECT_NE(out.text.find("\\x1b"), std::string::npos) << out.text;
    // (The text output has colour codes of its own.)
    EXPECT_EQ(out.text.find("\x1b[2J"), std::string::npos) << out.text;
    EXPECT_EQ(out.text.find('\x7f'), std::string::npos) << out.text;
    EXPECT_FALSE(HasControlByte(out.json)) << out.json;
    EXPECT_FALSE(HasControlByte(out.ci)) << out.ci;
  }
}

}  // namespace
}  // namespace zonelint

#include "lsp/suppress.h"

#include <string>

#include "gtest/gtest.h"

namespace zonelint::lsp {
namespace {

// The text after the suppression edit for the finding at `at` (the first
// occurrence of that string).
std::string Suppressed(const std::string& text, const std::string& at,
                       const std::string& rule = "r-one") {
  const TextEdit edit =
      SuppressionEdits(text).For(static_cast<uint32_t>(text.find(at)), rule);
  std::string out = text;
  out.replace(edit.range.begin, edit.range.end - edit.range.begin, edit.text);
  return out;
}

TEST(SuppressionEditsTest, OneLineRecords) {
  EXPECT_EQ(Suppressed("a A 1\nb A 2\n", "b"),
            "a A 1\nb A 2 ; zonelint-disable-line r-one\n");
  // No blank added after one; CRLF kept; the last line without a line end.
  EXPECT_EQ(Suppressed("b A 2 \r\n", "2"),
            "b A 2 ; zonelint-disable-line r-one\r\n");
  EXPECT_EQ(Suppressed("a A 1\nb A 2", "2"),
            "a A 1\nb A 2 ; zonelint-disable-line r-one");
  // After a comment: a second ';' starts the directive.
  EXPECT_EQ(Suppressed("b A 2 ; old\n", "2"),
            "b A 2 ; old ; zonelint-disable-line r-one\n");
  // A ';' in quotes is no comment, and a parenthesis in quotes opens
  // nothing.
  EXPECT_EQ(Suppressed("t TXT \"a;(\"\n", "t"),
            "t TXT \"a;(\" ; zonelint-disable-line r-one\n");
}

TEST(SuppressionEditsTest, ExistingDirectivesAreExtended) {
  EXPECT_EQ(Suppressed("b A 2 ; zonelint-disable-line x, y -- why\n", "2"),
            "b A 2 ; zonelint-disable-line x, y, r-one -- why\n");
  EXPECT_EQ(Suppressed("b A 2 ; zonelint-disable-line\n", "2"),
            "b A 2 ; zonelint-disable-line r-one\n");
  // A next-line directive is not this line's: a line directive is added.
  EXPECT_EQ(Suppressed("; zonelint-disable-next-line x\nb A 2\n", "2"),
            "; zonelint-disable-next-line x\nb A 2 ; zonelint-disable-line "
            "r-one\n");
}

TEST(SuppressionEditsTest, RecordsOverSeveralLines) {
  const std::string text =
      "a A 1\n"
      "\tTXT ( \"v=spf1\" ; why\r\n"
      "\t\t\"-all\" )\n"
      "b A 2\n";
  // Above the record's first line, with its indentation and line end,
  // whichever of its lines the finding is on.
  const std::string expected =
      "a A 1\n"
      "\t; zonelint-disable-next-line r-one\r\n"
      "\tTXT ( \"v=spf1\" ; why\r\n"
      "\t\t\"-all\" )\n"
      "b A 2\n";
  EXPECT_EQ(Suppressed(text, "-all"), expected);
  EXPECT_EQ(Suppressed(text, "TXT"), expected);
  // The line after it is a record of its own again.
  EXPECT_EQ(Suppressed(text, "b A"),
            "a A 1\n\tTXT ( \"v=spf1\" ; why\r\n\t\t\"-all\" )\n"
            "b A 2 ; zonelint-disable-line r-one\n");
  // A next-line directive above it is extended.
  EXPECT_EQ(Suppressed("; zonelint-disable-next-line x\nt TXT (\n \"b\" )\n",
                       "\"b\""),
            "; zonelint-disable-next-line x, r-one\nt TXT (\n \"b\" )\n");
  // An unclosed parenthesis runs to the end.
  EXPECT_EQ(Suppressed("t TXT ( \"a\"\n \"b\"", "\"b\""),
            "; zonelint-disable-next-line r-one\nt TXT ( \"a\"\n \"b\"");
}

TEST(SuppressionEditsTest, OffsetsPastTheEndAndEmptyText) {
  EXPECT_EQ(SuppressionEdits("").For(5, "r").text,
            " ; zonelint-disable-line r");
  const TextEdit edit = SuppressionEdits("a A 1\n").For(1000, "r");
  EXPECT_EQ(edit.range.begin, 6u);
}

}  // namespace
}  // namespace zonelint::lsp

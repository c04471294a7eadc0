// Parsing inline suppressions (lint/suppressions.h): the directives, the
// names and where they are, and the lines each covers.
#include "lint/suppressions.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

std::vector<std::string> Names(const Directive& d) {
  std::vector<std::string> out;
  for (const DirectiveRule& r : d.rules) out.emplace_back(r.name);
  return out;
}

TEST(SuppressionsTest, TheThreeDirectives) {
  const std::string text =
      "; zonelint-disable-file dmarc-missing\n"
      "@ MX 10 mx ; zonelint-disable-line zone-a,zone-b , zone-c reason\n"
      ";zonelint-disable-next-line all -- because\n"
      "www A 192.0.2.1\n";
  const std::vector<Directive> d = ParseDirectives(text);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].kind, DirectiveKind::kFile);
  EXPECT_EQ(d[0].first_line, 1u);
  EXPECT_EQ(Names(d[0]), std::vector<std::string>{"dmarc-missing"});
  EXPECT_EQ(d[1].kind, DirectiveKind::kLine);
  EXPECT_EQ(d[1].line, 2u);
  EXPECT_EQ(d[1].first_line, 2u);
  EXPECT_EQ(d[1].last_line, 2u);
  EXPECT_EQ(Names(d[1]),
            (std::vector<std::string>{"zone-a", "zone-b", "zone-c"}));
  EXPECT_EQ(text.substr(d[1].rules[1].begin, 6), "zone-b");
  EXPECT_EQ(text.substr(d[1].begin, d[1].word.size()), "zonelint-disable-line");
  EXPECT_EQ(d[2].kind, DirectiveKind::kNextLine);
  EXPECT_EQ(d[2].first_line, 4u);
  EXPECT_EQ(d[2].last_line, 4u);
  EXPECT_EQ(Names(d[2]), std::vector<std::string>{"all"});
}

TEST(SuppressionsTest, NextLineCoversAWholeRecordInParentheses) {
  const std::string text =
      "; zonelint-disable-next-line zone-rdata\n"    // 1
      "@ SOA ns1 hm (\n"                             // 2
      "  1 ; serial (not a paren: a comment)\n"      // 3
      "  \")\" 2 3\n"                                // 4: quoted paren
      "  4 5 )\n"                                    // 5
      "www A 192.0.2.1\n"                            // 6
      "; zonelint-disable-next-line zone-rdata\n"    // 7
      "www A 192.0.2.2\n"                            // 8
      "txt TXT ( \"a\"\n"                            // 9
      "  ; zonelint-disable-next-line zone-rdata\n"  // 10: inside a record
      "  \"b\"\n"                                    // 11
      "  \"c\" )\n";                                 // 12
  const std::vector<Directive> d = ParseDirectives(text);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].first_line, 2u);
  EXPECT_EQ(d[0].last_line, 5u);
  EXPECT_EQ(d[1].first_line, 8u);
  EXPECT_EQ(d[1].last_line, 8u);
  EXPECT_EQ(d[2].first_line, 11u);
  EXPECT_EQ(d[2].last_line, 11u);
}

TEST(SuppressionsTest, OnlyTheFirstWordOfACommentIsADirective) {
  const std::vector<Directive> d = ParseDirectives(
      "; see zonelint-disable-line in the docs\n"
      "txt TXT \"; zonelint-disable-line all\"\n"
      "; note ; zonelint-disable-line zone-a ; zonelint-disable-file b\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].line, 3u);
  EXPECT_EQ(Names(d[0]), std::vector<std::string>{"zone-a"});
  EXPECT_EQ(d[1].kind, DirectiveKind::kFile);
  EXPECT_EQ(Names(d[1]), std::vector<std::string>{"b"});
}

TEST(SuppressionsTest, UnknownDirectivesAndEmptyLists) {
  const std::vector<Directive> d = ParseDirectives(
      "; zonelint-disable-nextline zone-a\n"
      "; zonelint-disable\n"
      "; zonelint-disable-line\n");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].kind, DirectiveKind::kUnknown);
  EXPECT_EQ(d[0].word, "zonelint-disable-nextline");
  EXPECT_EQ(d[1].kind, DirectiveKind::kUnknown);
  EXPECT_EQ(d[2].kind, DirectiveKind::kLine);
  EXPECT_TRUE(d[2].rules.empty());
}

TEST(SuppressionsTest, NoMarkerNoWork) {
  EXPECT_TRUE(ParseDirectives("@ SOA ( ; never closed\n").empty());
  EXPECT_TRUE(ParseDirectives("").empty());
}

TEST(SuppressionsTest, AnUnclosedParenthesisCoversOneLine) {
  const std::vector<Directive> d = ParseDirectives(
      "; zonelint-disable-next-line a\n"
      "@ TXT ( \"x\"\n"
      "www A 192.0.2.1\n");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].first_line, 2u);
  EXPECT_EQ(d[0].last_line, 2u);
}

TEST(ZoneLinesTest, RecordsCommentsAndTheLastLine) {
  // Parentheses in quotes, after an escape or in a comment continue no
  // record; a last line without '\n' is a line.
  const std::string text =
      "a TXT \"(\" ; (\n"
      "b TXT ( \"x\\\"(\"\r\n"
      "  \"y\" ) ; end\n"
      "c A 192.0.2.1";
  std::vector<ZoneLine> lines;
  ForEachZoneLine(text, [&](const ZoneLine& l) { lines.push_back(l); });
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].number, 1u);
  EXPECT_EQ(text.substr(lines[0].comment, 3), "; (");
  EXPECT_FALSE(lines[0].record_open);
  EXPECT_EQ(lines[1].record_first, 2u);
  EXPECT_TRUE(lines[1].record_open);
  EXPECT_EQ(lines[1].comment, lines[1].end);
  EXPECT_EQ(text.substr(lines[1].end - 1, 2), "\r\n");
  EXPECT_EQ(lines[2].record_first, 2u);
  EXPECT_FALSE(lines[2].record_open);
  EXPECT_EQ(text.substr(lines[2].comment), "; end\nc A 192.0.2.1");
  EXPECT_EQ(lines[3].record_first, 4u);
  EXPECT_EQ(lines[3].end, text.size());
  lines.clear();
  ForEachZoneLine("x\n", [&](const ZoneLine& l) { lines.push_back(l); });
  EXPECT_EQ(lines.size(), 1u);
  ForEachZoneLine("", [&](const ZoneLine& l) { lines.push_back(l); });
  EXPECT_EQ(lines.size(), 1u);
}

}  // namespace
}  // namespace zonelint

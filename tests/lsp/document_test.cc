#include "lsp/document.h"

#include <string>

#include "gtest/gtest.h"

namespace zonelint::lsp {
namespace {

bool operator==(Position a, Position b) {
  return a.line == b.line && a.character == b.character;
}

// "é" is 2 bytes and 1 UTF-16 unit, "€" 3 and 1, "😀" 4 and 2 (a
// surrogate pair); a tab is one byte and one unit.
constexpr char kText[] =
    "a\tb\n"                           // line 0: 4 bytes
    "\xC3\xA9x\r\n"                    // line 1: é x CRLF
    "\xE2\x82\xAC\xF0\x9F\x98\x80y\r"  // line 2: € 😀 y CR
    "last";                            // line 3

TEST(LineIndexTest, PositionsCountUtf16Units) {
  const std::string text = kText;
  LineIndex index(text);
  EXPECT_TRUE(index.PositionOf(text, 0) == (Position{0, 0}));
  EXPECT_TRUE(index.PositionOf(text, 2) == (Position{0, 2}));  // past the tab
  EXPECT_TRUE(index.PositionOf(text, 4) == (Position{1, 0}));
  EXPECT_TRUE(index.PositionOf(text, 6) == (Position{1, 1}));  // past é
  EXPECT_TRUE(index.PositionOf(text, 5) == (Position{1, 0}));  // inside é
  EXPECT_TRUE(index.PositionOf(text, 7) == (Position{1, 2}));
  const size_t line2 = 9;
  EXPECT_TRUE(index.PositionOf(text, line2 + 3) == (Position{2, 1}));
  EXPECT_TRUE(index.PositionOf(text, line2 + 7) == (Position{2, 3}));
  EXPECT_TRUE(index.PositionOf(text, line2 + 8) == (Position{2, 4}));
  EXPECT_TRUE(index.PositionOf(text, line2 + 9) == (Position{3, 0}));  // CR
  EXPECT_TRUE(index.PositionOf(text, text.size()) == (Position{3, 4}));
  EXPECT_TRUE(index.PositionOf(text, 1000) == (Position{3, 4}));
}

TEST(LineIndexTest, OffsetsOfPositions) {
  const std::string text = kText;
  LineIndex index(text);
  EXPECT_EQ(index.OffsetOf(text, {0, 2}), 2u);
  EXPECT_EQ(index.OffsetOf(text, {1, 1}), 6u);
  EXPECT_EQ(index.OffsetOf(text, {1, 99}), 7u);  // before the CRLF
  EXPECT_EQ(index.OffsetOf(text, {2, 3}), 16u);
  EXPECT_EQ(index.OffsetOf(text, {2, 2}), 12u);   // inside 😀: before it
  EXPECT_EQ(index.OffsetOf(text, {2, 99}), 17u);  // before the CR
  EXPECT_EQ(index.OffsetOf(text, {3, 2}), 20u);
  EXPECT_EQ(index.OffsetOf(text, {9, 0}), text.size());
}

TEST(LineIndexTest, BrokenUtf8CountsAByteAUnit) {
  const std::string text =
      "\xF0\x9F"
      "a\xFF"
      "b";
  LineIndex index(text);
  EXPECT_TRUE(index.PositionOf(text, 3) == (Position{0, 3}));
  EXPECT_EQ(index.OffsetOf(text, {0, 4}), 4u);
}

TEST(DocumentTest, IncrementalEdits) {
  Document doc("www A 192.0.2.1\nmail MX 10 host\n", 1);
  // Insert, replace, delete, as an editor sends them in order.
  EXPECT_TRUE(doc.Apply(Range{{1, 15}, {1, 15}}, "."));
  EXPECT_TRUE(doc.Apply(Range{{0, 0}, {0, 3}}, "w\xC3\xA9"));
  EXPECT_EQ(doc.text(), "w\xC3\xA9 A 192.0.2.1\nmail MX 10 host.\n");
  EXPECT_TRUE(doc.Apply(Range{{0, 1}, {0, 2}}, ""));  // é is one unit
  EXPECT_EQ(doc.text(), "w A 192.0.2.1\nmail MX 10 host.\n");
  EXPECT_TRUE(doc.Apply(Range{{1, 0}, {2, 0}}, ""));
  EXPECT_EQ(doc.text(), "w A 192.0.2.1\n");
  EXPECT_TRUE(doc.Apply(std::nullopt, "all\r\nnew"));
  EXPECT_EQ(doc.text(), "all\r\nnew");
  EXPECT_EQ(doc.index().OffsetOf(doc.text(), {1, 1}), 6u);
  // A range given backwards is taken forwards.
  EXPECT_TRUE(doc.Apply(Range{{1, 3}, {1, 0}}, "x"));
  EXPECT_EQ(doc.text(), "all\r\nx");
}

}  // namespace
}  // namespace zonelint::lsp

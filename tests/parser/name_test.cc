// Domain names: ParseName (escapes, length limits, case folding, relative
// and absolute names, the root), IsAbsoluteText, IsAtOrBelow, ParentName,
// MakeOrigin and NameTable.
#include "parser/name.h"

#include <string>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

struct Parsed {
  NameError error;
  std::string text;
  bool relative;
};

Parsed Parse(std::string_view text, const Origin* origin = nullptr) {
  Parsed p;
  p.error = ParseName(text, origin, &p.text, &p.relative);
  return p;
}

std::string Label(size_t n, char c = 'a') { return std::string(n, c); }

TEST(ParseNameTest, AbsoluteNameIsCanonical) {
  Parsed p = Parse("www.Example.COM.");
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "www.example.com.");
  EXPECT_FALSE(p.relative);
}

TEST(ParseNameTest, AbsoluteNameIgnoresOrigin) {
  Origin origin = MakeOrigin("example.com.");
  Parsed p = Parse("mail.example.net.", &origin);
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "mail.example.net.");
  EXPECT_FALSE(p.relative);
}

TEST(ParseNameTest, RelativeNameGetsOrigin) {
  Origin origin = MakeOrigin("example.com.");
  Parsed p = Parse("WWW.sub", &origin);
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "www.sub.example.com.");
  EXPECT_TRUE(p.relative);
}

TEST(ParseNameTest, RelativeNameWithRootOrigin) {
  Origin root = MakeOrigin(".");
  Parsed p = Parse("www", &root);
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "www.");
  EXPECT_TRUE(p.relative);
}

TEST(ParseNameTest, RelativeNameWithoutOriginIsOnlyChecked) {
  Parsed p = Parse("www.sub");
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "www.sub.");
  EXPECT_TRUE(p.relative);
}

TEST(ParseNameTest, Root) {
  Parsed p = Parse(".");
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, ".");
  EXPECT_FALSE(p.relative);
  Origin origin = MakeOrigin("example.com.");
  p = Parse(".", &origin);
  EXPECT_EQ(p.text, ".");
}

TEST(ParseNameTest, CaseFoldingIsAsciiOnly) {
  Parsed p = Parse("\\200A.B.");
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "\\200a.b.");
}

TEST(ParseNameTest, EscapedLetterIsFolded) {
  // \065 is 'A': the same name as "a.".
  Parsed p = Parse("\\065.");
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "a.");
  p = Parse("\\A\\b.");
  EXPECT_EQ(p.text, "ab.");
}

TEST(ParseNameTest, SpecialBytesAreWrittenAsDecimalEscapes) {
  // An escaped dot stays inside its label, so '.' in canonical text always
  // separates labels.
  Parsed p = Parse("a\\.b.example.");
  EXPECT_EQ(p.error, NameError::kOk);
  EXPECT_EQ(p.text, "a\\046b.example.");
  EXPECT_EQ(Parse("a\\046b.example.").text, "a\\046b.example.");
  EXPECT_EQ(Parse("\\\\.").text, "\\092.");
  EXPECT_EQ(Parse("\\\".").text, "\\034.");
  EXPECT_EQ(Parse("\\(\\)\\;.").text, "\\040\\041\\059.");
  EXPECT_EQ(Parse("\\@\\$.").text, "\\064\\036.");
  EXPECT_EQ(Parse("\\032\\000\\255.").text, "\\032\\000\\255.");
  EXPECT_EQ(Parse("\\ .").text, "\\032.");
}

TEST(ParseNameTest, PlainPunctuationIsKept) {
  EXPECT_EQ(Parse("_dmarc.*.x-y.").text, "_dmarc.*.x-y.");
  EXPECT_EQ(Parse("a/b+c=.").text, "a/b+c=.");
}

TEST(ParseNameTest, BadEscapes) {
  EXPECT_EQ(Parse("a\\").error, NameError::kBadEscape);
  EXPECT_EQ(Parse("a\\2").error, NameError::kBadEscape);
  EXPECT_EQ(Parse("a\\25").error, NameError::kBadEscape);
  EXPECT_EQ(Parse("a\\25x.").error, NameError::kBadEscape);
  EXPECT_EQ(Parse("a\\256.").error, NameError::kBadEscape);
  EXPECT_EQ(Parse("a\\999").error, NameError::kBadEscape);
  EXPECT_EQ(Parse("a\\255").error, NameError::kOk);
}

TEST(ParseNameTest, EmptyNamesAndLabels) {
  EXPECT_EQ(Parse("").error, NameError::kEmpty);
  EXPECT_EQ(Parse("..").error, NameError::kEmptyLabel);
  EXPECT_EQ(Parse(".a").error, NameError::kEmptyLabel);
  EXPECT_EQ(Parse("a..b").error, NameError::kEmptyLabel);
  EXPECT_EQ(Parse("a.b..").error, NameError::kEmptyLabel);
}

TEST(ParseNameTest, LabelLimitIs63Bytes) {
  EXPECT_EQ(Parse(Label(63) + ".").error, NameError::kOk);
  EXPECT_EQ(Parse(Label(64) + ".").error, NameError::kLabelTooLong);
  EXPECT_EQ(Parse(Label(64)).error, NameError::kLabelTooLong);
  // An escape counts as one byte.
  std::string escaped;
  for (int i = 0; i < 63; ++i) escaped += "\\065";
  EXPECT_EQ(Parse(escaped + ".").error, NameError::kOk);
  EXPECT_EQ(Parse(escaped + "\\.").error, NameError::kLabelTooLong);
}

TEST(ParseNameTest, NameLimitIs255BytesInWireForm) {
  // Three 63-byte labels (3 * 64 wire bytes) and a 61-byte one (62), plus
  // the root's length byte: 255.
  const std::string three = Label(63) + "." + Label(63) + "." + Label(63) + ".";
  EXPECT_EQ(Parse(three + Label(61) + ".").error, NameError::kOk);
  EXPECT_EQ(Parse(three + Label(62) + ".").error, NameError::kNameTooLong);
  // Relative names count the origin too.
  Origin origin = MakeOrigin("example.com.");  // 13 wire bytes
  ASSERT_EQ(origin.wire_length, 13u);
  // 192 + 50 + 13 = 255; a 50-byte last label makes it 256.
  const std::string rel = Label(63) + "." + Label(63) + "." + Label(63) + ".";
  EXPECT_EQ(Parse(rel + Label(49), &origin).error, NameError::kOk);
  EXPECT_EQ(Parse(rel + Label(49), &origin).text,
            rel + Label(49) + ".example.com.");
  EXPECT_EQ(Parse(rel + Label(50), &origin).error, NameError::kNameTooLong);
}

TEST(MakeOriginTest, WireLength) {
  EXPECT_EQ(MakeOrigin(".").wire_length, 1u);
  EXPECT_EQ(MakeOrigin("com.").wire_length, 5u);
  EXPECT_EQ(MakeOrigin("a\\046b.com.").wire_length, 9u);
  EXPECT_EQ(MakeOrigin("example.com.").text, "example.com.");
}

TEST(IsAbsoluteTextTest, TrailingDot) {
  EXPECT_TRUE(IsAbsoluteText("example.com."));
  EXPECT_TRUE(IsAbsoluteText("."));
  EXPECT_FALSE(IsAbsoluteText("example.com"));
  EXPECT_FALSE(IsAbsoluteText(""));
  EXPECT_FALSE(IsAbsoluteText("a\\."));
  EXPECT_TRUE(IsAbsoluteText("a\\\\."));
  EXPECT_FALSE(IsAbsoluteText("a\\\\\\."));
  EXPECT_TRUE(IsAbsoluteText("a\\046."));
}

TEST(IsAtOrBelowTest, Subdomains) {
  EXPECT_TRUE(IsAtOrBelow("example.com.", "example.com."));
  EXPECT_TRUE(IsAtOrBelow("www.example.com.", "example.com."));
  EXPECT_TRUE(IsAtOrBelow("a.b.example.com.", "example.com."));
  EXPECT_FALSE(IsAtOrBelow("badexample.com.", "example.com."));
  EXPECT_FALSE(IsAtOrBelow("com.", "example.com."));
  EXPECT_FALSE(IsAtOrBelow("example.net.", "example.com."));
  EXPECT_TRUE(IsAtOrBelow("anything.", "."));
  EXPECT_TRUE(IsAtOrBelow(".", "."));
  EXPECT_FALSE(IsAtOrBelow(".", "com."));
  // An escaped dot does not separate labels.
  EXPECT_FALSE(IsAtOrBelow("a\\046example.com.", "example.com."));
}

TEST(ParentNameTest, DropsFirstLabel) {
  EXPECT_EQ(ParentName("www.example.com."), "example.com.");
  EXPECT_EQ(ParentName("example.com."), "com.");
  EXPECT_EQ(ParentName("com."), ".");
  EXPECT_EQ(ParentName("."), ".");
  EXPECT_EQ(ParentName("a\\046b.example."), "example.");
}

TEST(NameTableTest, InternIsStableAndDense) {
  NameTable table;
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.Find("example.com."), kNoName);
  NameId a = table.Intern("example.com.");
  NameId b = table.Intern("www.example.com.");
  EXPECT_EQ(a, 0u);
  EXPECT_EQ(b, 1u);
  EXPECT_EQ(table.Intern("example.com."), a);
  EXPECT_EQ(table.Find("www.example.com."), b);
  EXPECT_EQ(table.Text(a), "example.com.");
  EXPECT_EQ(table.Text(b), "www.example.com.");
  EXPECT_EQ(table.size(), 2u);
}

TEST(NameTableTest, TextStaysValidAcrossManyInterns) {
  NameTable table;
  NameId first = table.Intern("first.example.");
  std::string_view first_text = table.Text(first);
  // Enough names to fill several storage blocks and rehash the index.
  for (int i = 0; i < 20000; ++i) {
    table.Intern("host-" + std::to_string(i) + ".example.com.");
  }
  EXPECT_EQ(first_text, "first.example.");
  EXPECT_EQ(table.Text(first).data(), first_text.data());
  EXPECT_EQ(table.size(), 20001u);
  EXPECT_EQ(table.Text(table.Find("host-12345.example.com.")),
            "host-12345.example.com.");
  // The index grew many times from kept hashes: every name is still found,
  // under its own id, and names that differ only in length are told apart.
  for (int i = 0; i < 20000; ++i) {
    const std::string name = "host-" + std::to_string(i) + ".example.com.";
    ASSERT_EQ(table.Find(name), static_cast<NameId>(i + 1)) << name;
    ASSERT_EQ(table.Intern(name), static_cast<NameId>(i + 1)) << name;
  }
  EXPECT_EQ(table.Find("host-12345.example.com"), kNoName);
  EXPECT_EQ(table.Find("host-12345.example.com.."), kNoName);
  // A name longer than a block is stored too.
  std::string huge(100000, 'x');
  NameId h = table.Intern(huge);
  EXPECT_EQ(table.Text(h), huge);
}

}  // namespace
}  // namespace zonelint

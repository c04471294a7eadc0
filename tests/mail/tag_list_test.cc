// Tag lists (RFC 6376 3.2): tags, ranges, duplicates and malformed parts.
#include "mail/tag_list.h"

#include <string>

#include "gtest/gtest.h"
#include "mail/tag_list_grammar.h"
#include "tao/pegtl.hpp"
#include "tao/pegtl/contrib/analyze.hpp"

namespace zonelint {
namespace {

std::string At(std::string_view text, TagRange r) {
  return std::string(text.substr(r.begin, r.end - r.begin));
}

TEST(TagListTest, GrammarHasNoLoops) {
  namespace g = grammar::tag_list;
  EXPECT_EQ(tao::pegtl::analyze<g::tag_spec>(0), 0u);
  EXPECT_EQ(tao::pegtl::analyze<g::tag_list_end>(0), 0u);
}

TEST(TagListTest, TagsInOrderWithRanges) {
  std::string_view text = "v=DKIM1; k=rsa;  p = MIGf MA0G ;";
  TagList list = ParseTagList(text);
  ASSERT_TRUE(list.problems.empty()) << list.problems[0].message;
  ASSERT_EQ(list.tags.size(), 3u);
  EXPECT_EQ(list.tags[0].name, "v");
  EXPECT_EQ(list.tags[0].value, "DKIM1");
  EXPECT_EQ(list.tags[2].name, "p");
  // Blanks inside a value are kept (base64 may be split); around, dropped.
  EXPECT_EQ(list.tags[2].value, "MIGf MA0G");
  EXPECT_EQ(At(text, list.tags[2].value_range), "MIGf MA0G");
  EXPECT_EQ(At(text, list.tags[2].name_range), "p");
  EXPECT_EQ(At(text, list.tags[2].range), "p = MIGf MA0G");
  EXPECT_EQ(list.Find("K")->value, "rsa");
  EXPECT_EQ(list.Find("x"), nullptr);
}

TEST(TagListTest, EmptyValuesAndLists) {
  TagList list = ParseTagList("v=DKIM1; p=");
  ASSERT_TRUE(list.problems.empty());
  ASSERT_EQ(list.tags.size(), 2u);
  EXPECT_EQ(list.tags[1].value, "");
  EXPECT_TRUE(ParseTagList("").tags.empty());
  EXPECT_TRUE(ParseTagList("").problems.empty());
  EXPECT_TRUE(ParseTagList("  ").problems.empty());
  EXPECT_TRUE(ParseTagList("a=1;  ").problems.empty());
}

TEST(TagListTest, EmptyValueRangeSitsAfterEquals) {
  // "p= ;": the empty value's range is empty and right after '=', inside
  // the tag, not after the blanks that follow.
  for (std::string_view text : {"p= ;", "p=\t \t;", "p= ", "p =  ; k=rsa"}) {
    TagList list = ParseTagList(text);
    ASSERT_TRUE(list.problems.empty()) << text;
    ASSERT_FALSE(list.tags.empty()) << text;
    const Tag& p = list.tags[0];
    EXPECT_EQ(p.value, "") << text;
    const uint32_t equals = static_cast<uint32_t>(text.find('='));
    EXPECT_EQ(p.value_range.begin, equals + 1) << text;
    EXPECT_EQ(p.value_range.end, equals + 1) << text;
    EXPECT_EQ(p.range.end, equals + 1) << text;
  }
  // Without blanks, and with a value after blanks: as before.
  TagList list = ParseTagList("p=;q=  x ;");
  ASSERT_EQ(list.tags.size(), 2u);
  EXPECT_EQ(list.tags[0].value_range.begin, 2u);
  EXPECT_EQ(list.tags[0].value_range.end, 2u);
  EXPECT_EQ(list.tags[1].value_range.begin, 7u);
  EXPECT_EQ(list.tags[1].value_range.end, 8u);
}

TEST(TagListTest, BadNameMessageEscapesControlBytes) {
  std::string_view text = "\x01x=1; \x1b[31mp=none";
  TagList list = ParseTagList(text);
  ASSERT_EQ(list.problems.size(), 2u);
  EXPECT_EQ(list.problems[0].message, "invalid tag name in '\\x01x=1'");
  EXPECT_EQ(list.problems[1].message, "invalid tag name in '\\x1b[31mp=none'");
  // The range still covers the raw bytes.
  EXPECT_EQ(At(text, list.problems[0].range), "\x01x=1");
  for (const TagListProblem& problem : list.problems) {
    for (char c : problem.message) {
      EXPECT_GE(static_cast<unsigned char>(c), 0x20) << problem.message;
      EXPECT_LT(static_cast<unsigned char>(c), 0x7f) << problem.message;
    }
  }
}

TEST(TagListTest, DuplicatesAreMarkedCaseInsensitively) {
  TagList list = ParseTagList("p=a; P=b; q=c");
  ASSERT_EQ(list.tags.size(), 3u);
  EXPECT_FALSE(list.tags[0].duplicate);
  EXPECT_TRUE(list.tags[1].duplicate);
  EXPECT_FALSE(list.tags[2].duplicate);
}

TEST(TagListTest, ProblemsAndRecovery) {
  std::string_view text = "v=DKIM1;; k rsa; 1x=2; p:abc; t=y\x7f; h=sha256";
  TagList list = ParseTagList(text);
  ASSERT_EQ(list.problems.size(), 5u);
  EXPECT_EQ(list.problems[0].message, "empty tag between ';' separators");
  EXPECT_EQ(list.problems[1].message, "tag 'k' has no '='");
  EXPECT_EQ(At(text, list.problems[1].range), "k rsa");
  EXPECT_EQ(list.problems[2].message, "invalid tag name in '1x=2'");
  EXPECT_EQ(list.problems[3].message,
            "tag 'p' is followed by ':' where '=' belongs");
  EXPECT_EQ(list.problems[4].message, "invalid character in the value of 't'");
  EXPECT_EQ(At(text, list.problems[4].range), "\x7f");
  // The good tags around them are kept.
  ASSERT_EQ(list.tags.size(), 2u);
  EXPECT_EQ(list.tags[0].name, "v");
  EXPECT_EQ(list.tags[1].name, "h");
}

TEST(TagListTest, NonAsciiAndControlCharactersAreBad) {
  EXPECT_EQ(ParseTagList("p=ab\x01"
                         "cd")
                .problems.size(),
            1u);
  EXPECT_EQ(ParseTagList("p=ab\xc3\xa9").problems.size(), 1u);
  // Folding whitespace between value parts is fine.
  EXPECT_TRUE(ParseTagList("p=ab\r\n cd").problems.empty());
}

TEST(TagListTest, FirstTagIsTheListsFirst) {
  // Whatever the list's first tag is, FirstTag finds the same, ranges and
  // all, and finds nothing when the list has no tag.
  for (std::string_view text :
       {"v=DKIM1; k=rsa; p=abc", "  v = DMARC1 ;p=none", "v=DMARC1",
        "; v=DMARC1; p=reject", "x; v=DKIM1", "1x=y; p:q; k=rsa;",
        "p=ab\x01; v=1", "", " ; ", "x", ";;", "p=\xc3\xa9", "v=spf1 -all",
        "a=; b=2"}) {
    SCOPED_TRACE(text);
    const TagList list = ParseTagList(text);
    Tag first;
    const bool found = FirstTag(text, &first);
    ASSERT_EQ(found, !list.tags.empty());
    if (!found) continue;
    EXPECT_EQ(first.name, list.tags[0].name);
    EXPECT_EQ(first.value, list.tags[0].value);
    EXPECT_EQ(first.range.begin, list.tags[0].range.begin);
    EXPECT_EQ(first.range.end, list.tags[0].range.end);
    EXPECT_EQ(first.value_range.begin, list.tags[0].value_range.begin);
    EXPECT_FALSE(first.duplicate);
  }
}

}  // namespace
}  // namespace zonelint

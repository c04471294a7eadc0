// The PEGTL grammars: tao::pegtl::analyze finds no rule that can loop
// without consuming input, and the master-file grammar splits entries into
// the right tokens (quotes, escapes, parentheses, comments, line ends) and
// fails with the right message where an entry is malformed.
#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/field_grammar.h"
#include "parser/master_grammar.h"
#include "tao/pegtl.hpp"
#include "tao/pegtl/contrib/analyze.hpp"

namespace zonelint {
namespace {

namespace pegtl = tao::pegtl;
namespace master = grammar::master;
namespace fg = grammar::field;

// ---- analyze ---------------------------------------------------------------

TEST(GrammarAnalyzeTest, MasterEntry) {
  EXPECT_EQ(pegtl::analyze<master::entry>(0), 0u);
  EXPECT_EQ(pegtl::analyze<master::group>(0), 0u);
  EXPECT_EQ(pegtl::analyze<master::field>(0), 0u);
}

TEST(GrammarAnalyzeTest, FieldGrammars) {
  EXPECT_EQ(pegtl::analyze<fg::IPv4address>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::IPv6address>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::ttl>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::hex>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::base64>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::base32hex>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::eui48>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::eui64>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::nsap>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::caa_tag>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::dnssec_time>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::generate_range>(0), 0u);
  EXPECT_EQ(pegtl::analyze<fg::generate_modifier>(0), 0u);
}

// ---- Field grammars --------------------------------------------------------

TEST(FieldGrammarTest, Addresses) {
  EXPECT_TRUE(fg::FullMatch<fg::IPv4address>("192.0.2.1"));
  EXPECT_TRUE(fg::FullMatch<fg::IPv4address>("0.0.0.0"));
  EXPECT_TRUE(fg::FullMatch<fg::IPv4address>("255.255.255.255"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv4address>("256.0.0.1"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv4address>("192.0.2"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv4address>("192.0.2.1.5"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv4address>("192.0.2.01"));
  EXPECT_TRUE(fg::FullMatch<fg::IPv6address>("2001:db8::1"));
  EXPECT_TRUE(fg::FullMatch<fg::IPv6address>("::"));
  EXPECT_TRUE(fg::FullMatch<fg::IPv6address>("::ffff:192.0.2.1"));
  EXPECT_TRUE(fg::FullMatch<fg::IPv6address>("1:2:3:4:5:6:7:8"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv6address>("1:2:3:4:5:6:7:8:9"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv6address>("2001:db8::1::2"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv6address>("2001:db8:::1"));
  EXPECT_FALSE(fg::FullMatch<fg::IPv6address>("12345::1"));
}

TEST(FieldGrammarTest, TtlAndEncodings) {
  EXPECT_TRUE(fg::FullMatch<fg::ttl>("3600"));
  EXPECT_TRUE(fg::FullMatch<fg::ttl>("1w2d3h4m5s"));
  EXPECT_TRUE(fg::FullMatch<fg::ttl>("1H30"));
  EXPECT_FALSE(fg::FullMatch<fg::ttl>("h1"));
  EXPECT_FALSE(fg::FullMatch<fg::ttl>("1y"));
  EXPECT_FALSE(fg::FullMatch<fg::ttl>(""));
  EXPECT_TRUE(fg::FullMatch<fg::hex>("00ffAB"));
  EXPECT_FALSE(fg::FullMatch<fg::hex>("0g"));
  EXPECT_TRUE(fg::FullMatch<fg::base64>("AbC+/9=="));
  EXPECT_FALSE(fg::FullMatch<fg::base64>("AB==="));
  EXPECT_FALSE(fg::FullMatch<fg::base64>("=="));
  EXPECT_TRUE(fg::FullMatch<fg::base32hex>("0123456789abcdefghijklmnopqrstuv"));
  EXPECT_FALSE(fg::FullMatch<fg::base32hex>("w"));
  EXPECT_TRUE(fg::FullMatch<fg::eui48>("00-00-5e-00-53-2A"));
  EXPECT_FALSE(fg::FullMatch<fg::eui48>("00-00-5e-00-53"));
  EXPECT_TRUE(fg::FullMatch<fg::eui64>("00-00-5e-ef-10-00-00-2a"));
  EXPECT_FALSE(fg::FullMatch<fg::eui64>("00-00-5e-00-53-2a"));
  EXPECT_TRUE(fg::FullMatch<fg::nsap>("0x47.0005.80.005a00"));
  EXPECT_FALSE(fg::FullMatch<fg::nsap>("47.0005"));
  EXPECT_TRUE(fg::FullMatch<fg::caa_tag>("issuewild"));
  EXPECT_FALSE(fg::FullMatch<fg::caa_tag>("issue-wild"));
  EXPECT_TRUE(fg::FullMatch<fg::dnssec_time>("20260101000000"));
  EXPECT_FALSE(fg::FullMatch<fg::dnssec_time>("2026010100000"));
}

TEST(FieldGrammarTest, GenerateRangeAndModifier) {
  EXPECT_TRUE(fg::FullMatch<fg::generate_range>("1-10"));
  EXPECT_TRUE(fg::FullMatch<fg::generate_range>("0-255/2"));
  EXPECT_FALSE(fg::FullMatch<fg::generate_range>("1-"));
  EXPECT_FALSE(fg::FullMatch<fg::generate_range>("-1-2"));
  EXPECT_FALSE(fg::FullMatch<fg::generate_range>("1-2/"));
  EXPECT_EQ(fg::PrefixMatch<fg::generate_modifier>("{0}rest"), 3);
  EXPECT_EQ(fg::PrefixMatch<fg::generate_modifier>("{-1,3}"), 6);
  EXPECT_EQ(fg::PrefixMatch<fg::generate_modifier>("{+1,3,X}.x"), 8);
  EXPECT_EQ(fg::PrefixMatch<fg::generate_modifier>("{1,3,q}"), -1);
  EXPECT_EQ(fg::PrefixMatch<fg::generate_modifier>("{1,,d}"), -1);
  EXPECT_EQ(fg::PrefixMatch<fg::generate_modifier>("{}"), -1);
  EXPECT_EQ(fg::PrefixMatch<fg::generate_modifier>("{1"), -1);
}

// ---- Tokenization ----------------------------------------------------------

struct Tokenized {
  std::vector<std::string> tokens;  // quoted ones as "\"text\""
  size_t consumed = 0;              // bytes of the entry, line end included
  std::optional<std::string> error; // the parse_error message
  size_t error_at = 0;              // where it was raised
  uint32_t open_paren = UINT32_MAX;
  uint32_t open_quote = UINT32_MAX;
};

// Parses one entry at the start of `text`.
Tokenized Tokenize(std::string_view text) {
  Tokenized out;
  master::EntryState state;
  state.base = text.data();
  state.open_paren = UINT32_MAX;
  state.open_quote = UINT32_MAX;
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(),
                                                     "test");
  try {
    EXPECT_TRUE((pegtl::parse<master::entry, master::action, master::control>(
        in, state)));
    out.consumed = static_cast<size_t>(in.current() - text.data());
  } catch (const pegtl::parse_error& e) {
    out.error = std::string(e.message());
    out.error_at = e.positions().front().byte;
  }
  for (const Token& t : state.tokens) {
    std::string s(text.substr(t.begin, t.end - t.begin));
    out.tokens.push_back(t.quoted ? "\"" + s + "\"" : s);
  }
  out.open_paren = state.open_paren;
  out.open_quote = state.open_quote;
  return out;
}

using Tokens = std::vector<std::string>;

TEST(TokenizeTest, PlainFieldsAndBlanks) {
  Tokenized t = Tokenize("www  300\tIN A 192.0.2.1\nnext A 1.2.3.4\n");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"www", "300", "IN", "A", "192.0.2.1"}));
  EXPECT_EQ(t.consumed, 24u);  // up to and including the first '\n'
}

TEST(TokenizeTest, LeadingBlankMeansNoOwner) {
  Tokenized t = Tokenize("\t A 192.0.2.1\n");
  EXPECT_EQ(t.tokens, (Tokens{"A", "192.0.2.1"}));
}

TEST(TokenizeTest, EmptyAndCommentLines) {
  EXPECT_EQ(Tokenize("\n").consumed, 1u);
  EXPECT_TRUE(Tokenize("\n").tokens.empty());
  Tokenized t = Tokenize("   ; just a comment ( \" \\\n");
  EXPECT_FALSE(t.error);
  EXPECT_TRUE(t.tokens.empty());
  t = Tokenize("a A 1.2.3.4;comment\n");
  EXPECT_EQ(t.tokens, (Tokens{"a", "A", "1.2.3.4"}));
}

TEST(TokenizeTest, QuotedStringsKeepEscapesUndecoded) {
  Tokenized t = Tokenize("t TXT \"a b\" \"say \\\"hi\\\"\" \"\\065\\\\\" \"\"\n");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"t", "TXT", "\"a b\"", "\"say \\\"hi\\\"\"",
                              "\"\\065\\\\\"", "\"\""}));
}

TEST(TokenizeTest, QuotedStringMayHoldDelimiters) {
  Tokenized t = Tokenize("t TXT \"( ; ) \\\"\n");
  // The last quote is escaped, so the string is not closed.
  EXPECT_EQ(t.error, "unterminated quoted string");
  t = Tokenize("t TXT \"( ; )\"\n");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"t", "TXT", "\"( ; )\""}));
}

TEST(TokenizeTest, EscapesInUnquotedFields) {
  Tokenized t = Tokenize("a\\ b\\;c\\(\\) TXT x\\\"y \\012\\255\n");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens,
            (Tokens{"a\\ b\\;c\\(\\)", "TXT", "x\\\"y", "\\012\\255"}));
}

TEST(TokenizeTest, AdjacentQuotedAndUnquoted) {
  Tokenized t = Tokenize("t TXT a\"b\"c\n");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"t", "TXT", "a", "\"b\"", "c"}));
}

TEST(TokenizeTest, ParenthesesAcrossLines) {
  std::string text =
      "@ SOA ns hm ( 1 ; serial\n"
      "   7200 ; refresh\n"
      "\n"
      "   3600 1w 300 )   ; end\n"
      "next A 1.2.3.4\n";
  Tokenized t = Tokenize(text);
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"@", "SOA", "ns", "hm", "1", "7200", "3600",
                              "1w", "300"}));
  EXPECT_EQ(t.consumed, text.find("next"));
  EXPECT_EQ(t.open_paren, text.find('('));
}

TEST(TokenizeTest, SeveralGroupsOnOneEntry) {
  Tokenized t = Tokenize("a (TXT) (\"x\"\n \"y\") z\n");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"a", "TXT", "\"x\"", "\"y\"", "z"}));
}

TEST(TokenizeTest, CrlfLineEnds) {
  std::string text = "a A 1.2.3.4\r\nb ( A\r\n 1.2.3.5 )\r\n";
  Tokenized t = Tokenize(text);
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"a", "A", "1.2.3.4"}));
  EXPECT_EQ(t.consumed, 13u);
  t = Tokenize(std::string_view(text).substr(13));
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"b", "A", "1.2.3.5"}));
  t = Tokenize("t TXT \"x\"\r\n");
  EXPECT_EQ(t.tokens, (Tokens{"t", "TXT", "\"x\""}));
}

TEST(TokenizeTest, MissingFinalNewline) {
  Tokenized t = Tokenize("a A 1.2.3.4");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"a", "A", "1.2.3.4"}));
  EXPECT_EQ(t.consumed, 11u);
  t = Tokenize("a A 1.2.3.4 ; comment");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"a", "A", "1.2.3.4"}));
  t = Tokenize("a ( A 1.2.3.4 )");
  EXPECT_FALSE(t.error);
  EXPECT_EQ(t.tokens, (Tokens{"a", "A", "1.2.3.4"}));
}

TEST(TokenizeTest, UnterminatedQuote) {
  Tokenized t = Tokenize("t TXT \"abc\nnext A 1.2.3.4\n");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "unterminated quoted string");
  EXPECT_EQ(t.error_at, 10u);  // the line end
  EXPECT_EQ(t.open_quote, 6u);
  t = Tokenize("t TXT \"abc");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "unterminated quoted string");
}

TEST(TokenizeTest, MissingClosingParen) {
  Tokenized t = Tokenize("a ( A\n 1.2.3.4\n");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "missing ')' to close '('");
  EXPECT_EQ(t.open_paren, 2u);
  EXPECT_EQ(t.error_at, 15u);  // the end of the input
}

TEST(TokenizeTest, NestedParenIsAnError) {
  Tokenized t = Tokenize("a ( A ( 1.2.3.4 ) )\n");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "missing ')' to close '('");
  EXPECT_EQ(t.error_at, 6u);  // the inner '('
}

TEST(TokenizeTest, StrayClosingParen) {
  Tokenized t = Tokenize("a A 1.2.3.4 )\n");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "unexpected character");
  EXPECT_EQ(t.error_at, 12u);
}

TEST(TokenizeTest, BackslashAtEndOfLine) {
  Tokenized t = Tokenize("a TXT abc\\\nnext\n");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "a backslash at the end of a line escapes nothing");
  t = Tokenize("a TXT abc\\");
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "a backslash at the end of a line escapes nothing");
}

TEST(TokenizeTest, NulByteIsUnexpected) {
  std::string text("a A\0 1.2.3.4\n", 13);
  Tokenized t = Tokenize(text);
  ASSERT_TRUE(t.error);
  EXPECT_EQ(*t.error, "unexpected character");
  EXPECT_EQ(t.error_at, 3u);
}

}  // namespace
}  // namespace zonelint

// PEGTL grammar for the lexical layer of RFC 1035 section 5 master files:
// one call parses one entry (a line, or several lines joined by parentheses)
// into tokens. What the tokens mean (directives, owner, TTL, class, type,
// rdata) is decided by zone_parser.cc; rdata fields by rdata.cc.
#ifndef ZONELINT_PARSER_MASTER_GRAMMAR_H_
#define ZONELINT_PARSER_MASTER_GRAMMAR_H_

#include <cstdint>
#include <vector>

#include "tao/pegtl.hpp"

namespace zonelint {

// A token of an entry: a byte range of the input, quotes excluded.
struct Token {
  uint32_t begin;
  uint32_t end;
  bool quoted;
};

namespace grammar::master {

namespace pegtl = tao::pegtl;

// <blank>: space or tab; '\r' too, so CRLF line ends need no special case.
struct blank : pegtl::one<' ', '\t', '\r'> {};
struct blanks : pegtl::plus<blank> {};
struct line_break : pegtl::one<'\n'> {};
// ";" starts a comment that runs to the end of the line.
struct comment : pegtl::seq<pegtl::one<';'>, pegtl::star<pegtl::not_one<'\n'>>> {};
// "\DDD" (a decimal byte value) or "\X" (X taken literally).
struct escape_tail : pegtl::sor<pegtl::rep<3, pegtl::digit>, pegtl::not_one<'\n'>> {};
struct escape : pegtl::seq<pegtl::one<'\\'>, escape_tail> {};
// Characters of an unquoted token: anything but the delimiters.
struct word_char
    : pegtl::not_one<' ', '\t', '\r', '\n', ';', '(', ')', '"', '\\', '\0'> {};
struct word : pegtl::plus<pegtl::sor<escape, word_char>> {};
struct quote : pegtl::one<'"'> {};
struct quoted_content
    : pegtl::star<pegtl::sor<escape, pegtl::not_one<'"', '\\', '\n'>>> {};
struct closing_quote : pegtl::one<'"'> {};
// <character-string> in quotes; a quoted string ends on its line.
struct quoted_string : pegtl::seq<quote, quoted_content, closing_quote> {};
struct field : pegtl::sor<quoted_string, word> {};
struct open_paren : pegtl::one<'('> {};
struct closing_paren : pegtl::one<')'> {};
// "( ... )" lets an entry continue over line ends.
struct group
    : pegtl::seq<open_paren,
                 pegtl::star<pegtl::sor<blanks, line_break, comment, field>>,
                 closing_paren> {};
struct end_of_entry : pegtl::sor<line_break, pegtl::eof> {};
// One entry: fields and groups, an optional comment, the line end.
struct entry : pegtl::seq<pegtl::star<pegtl::sor<blanks, group, field>>,
                          pegtl::opt<comment>, end_of_entry> {};

// The error messages of this grammar, in one table. A rule with a message
// raises a parse_error where it fails.
template <typename Rule>
inline constexpr const char* error_message = nullptr;
template <>
inline constexpr const char* error_message<escape_tail> =
    "a backslash at the end of a line escapes nothing";
template <>
inline constexpr const char* error_message<closing_quote> =
    "unterminated quoted string";
template <>
inline constexpr const char* error_message<closing_paren> =
    "missing ')' to close '('";
template <>
inline constexpr const char* error_message<end_of_entry> =
    "unexpected character";

struct error_table {
  template <typename Rule>
  static constexpr const char* message = error_message<Rule>;
};
template <typename Rule>
using control = pegtl::must_if<error_table>::control<Rule>;

// What the actions collect for one entry.
struct EntryState {
  const char* base = nullptr;   // the start of the text offsets count from
  std::vector<Token> tokens;
  uint32_t open_paren = 0;      // offset of the last '('
  uint32_t open_quote = 0;      // offset of the last '"'
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};
template <>
struct action<word> {
  template <typename Input>
  static void apply(const Input& in, EntryState& s) {
    s.tokens.push_back({static_cast<uint32_t>(in.begin() - s.base),
                        static_cast<uint32_t>(in.end() - s.base), false});
  }
};
template <>
struct action<quoted_content> {
  template <typename Input>
  static void apply(const Input& in, EntryState& s) {
    s.tokens.push_back({static_cast<uint32_t>(in.begin() - s.base),
                        static_cast<uint32_t>(in.end() - s.base), true});
  }
};
template <>
struct action<quote> {
  template <typename Input>
  static void apply(const Input& in, EntryState& s) {
    s.open_quote = static_cast<uint32_t>(in.begin() - s.base);
  }
};
template <>
struct action<open_paren> {
  template <typename Input>
  static void apply(const Input& in, EntryState& s) {
    s.open_paren = static_cast<uint32_t>(in.begin() - s.base);
  }
};

}  // namespace grammar::master
}  // namespace zonelint

#endif  // ZONELINT_PARSER_MASTER_GRAMMAR_H_

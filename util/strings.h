// Small string helpers over std::string_view.
//
// Debian's Abseil is built with its own absl::string_view rather than
// std::string_view, so absl::StrCat and friends do not accept the
// std::string_view this project uses everywhere; these helpers stand in.
#ifndef ZONELINT_UTIL_STRINGS_H_
#define ZONELINT_UTIL_STRINGS_H_

#include <charconv>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace zonelint {

namespace strings_internal {
inline void Append(std::string* out, std::string_view s) { out->append(s); }
inline void Append(std::string* out, const char* s) { out->append(s); }
inline void Append(std::string* out, const std::string& s) { out->append(s); }
inline void Append(std::string* out, char c) { out->push_back(c); }
template <typename T, typename = std::enable_if_t<std::is_arithmetic_v<T> &&
                                                  !std::is_same_v<T, char> &&
                                                  !std::is_same_v<T, bool>>>
void Append(std::string* out, T v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}
}  // namespace strings_internal

// Concatenates strings, characters and numbers.
template <typename... Args>
std::string Cat(const Args&... args) {
  std::string out;
  (strings_internal::Append(&out, args), ...);
  return out;
}

inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}
inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);
std::string AsciiLowerString(std::string_view s);
// Levenshtein distance, ASCII letters compared without case: how far a
// typo ("us-east1", "inclde") is from a known word.
size_t EditDistanceIgnoreCase(std::string_view a, std::string_view b);
// The candidate closest to `word` for a "did you mean": within edit
// distance 1 for words of up to 4 characters, 2 up to 10, else 3; the
// first of equally close ones. Empty when none is that close.
std::string_view Nearest(std::string_view word,
                         const std::vector<std::string_view>& candidates);

// Parses a whole string as a (possibly signed) decimal integer.
bool ParseInt64(std::string_view s, int64_t* value);

// Splits on a character; keeps empty pieces.
std::vector<std::string_view> Split(std::string_view s, char sep);

// "0x1f"-style lower-case hex of a byte.
std::string HexByte(unsigned char c);

// Fills a message template: "$1".."$9" become args[0]..args[8] (missing
// ones become nothing). The parsers keep their messages in tables of such
// templates.
std::string FormatTemplate(std::string_view pattern,
                           std::initializer_list<std::string_view> args);

// Shows untrusted text (record text) in a message: bytes outside printable
// ASCII as "\xNN", and at most `max` bytes, then "...".
std::string ShowText(std::string_view s, size_t max = 80);

}  // namespace zonelint

#endif  // ZONELINT_UTIL_STRINGS_H_

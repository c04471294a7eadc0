// Base64 (RFC 4648 section 4), the one codec of the project: rdata checks
// (parser/rdata.cc, as BIND reads DNSKEY, ECH, ... text) and DKIM keys
// (mail/dkim.cc, RFC 6376 base64string).
#ifndef ZONELINT_UTIL_BASE64_H_
#define ZONELINT_UTIL_BASE64_H_

#include <string>
#include <string_view>

namespace zonelint {

// The 6-bit value of a base64 character; -1 for any other ('=' included).
int Base64Value(char c);

// Decodes base64 with blanks (space, tab, CR, LF) anywhere, as RFC 6376
// base64string allows. Returns false when it is not base64: a character
// outside the alphabet, padding not at the end, more than two '=', or a
// length (blanks left out) not a multiple of 4. *out is cleared first.
bool DecodeBase64(std::string_view text, std::string* out);

// Encodes bytes as padded base64.
std::string EncodeBase64(std::string_view bytes);

}  // namespace zonelint

#endif  // ZONELINT_UTIL_BASE64_H_

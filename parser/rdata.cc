#include "parser/rdata.h"

#include <algorithm>
#include <cctype>

#include "parser/field_grammar.h"
#include "parser/rrtype.h"
#include "util/base64.h"
#include "util/strings.h"

namespace zonelint {
namespace {

namespace fg = grammar::field;

// Shape codes (rrtype.cc lists each type's shape):
//   4 IPv4 address        6 IPv6 address        n domain name
//   b 8-bit number        s 16-bit number       l 32-bit number
//   t 32-bit number or TTL with units           S DNSSEC time or number
//   c one character-string (at most 255 bytes)  C one or more of them
//   q one quoted string of any length (URI target)
//   a one token, unchecked   * any tokens (0+)   + any tokens (1+)
//   x hex, 1+ tokens joined  h hex, 0+ tokens    X hex or "-" (NSEC3 salt)
//   3 base32hex, no padding  B base64, 1+ tokens joined
//   T type list (0+)         W type list (1+)    y one type
//   A DNSSEC algorithm (number or mnemonic)      D DS digest type
//   F key flags              k key protocol      K KEY key (none if NOKEY)
//   R CERT type              H DSYNC scheme      g IPSECKEY gateway type
//   I IPSECKEY gateway and optional public key
//   e EUI-48   E EUI-64   N NSAP   L 64-bit ILNP locator
//   O LOC fields             p APL items (0+)    G only RFC 3597 "\#" form
//   P SVCB parameters (0+)   Q CAA flags, tag and value
// Each code also has a wire form: generic "\#" rdata of a known type is
// checked against it (WireChecker below).

// Names of the fields of the types where a message should say more than
// "field 3".
std::string_view FieldLabel(uint16_t type, size_t index) {
  static constexpr std::string_view kSoa[] = {
      "primary name server", "responsible mailbox", "serial", "refresh",
      "retry", "expire", "minimum TTL"};
  static constexpr std::string_view kSrv[] = {"priority", "weight", "port",
                                              "target"};
  static constexpr std::string_view kCaa[] = {"flags", "tag", "value"};
  static constexpr std::string_view kUri[] = {"priority", "weight", "target"};
  static constexpr std::string_view kNaptr[] = {
      "order", "preference", "flags", "services", "regexp", "replacement"};
  static constexpr std::string_view kDs[] = {"key tag", "algorithm",
                                             "digest type", "digest"};
  static constexpr std::string_view kKey[] = {"flags", "protocol",
                                              "algorithm", "public key"};
  static constexpr std::string_view kTlsa[] = {
      "certificate usage", "selector", "matching type",
      "certificate association data"};
  static constexpr std::string_view kSshfp[] = {"algorithm", "fingerprint type",
                                                "fingerprint"};
  static constexpr std::string_view kSvcb[] = {"priority", "target",
                                               "parameter"};
  static constexpr std::string_view kIpseckey[] = {
      "precedence", "gateway type", "algorithm", "gateway", "public key"};
  switch (type) {
    case rrtype::kA: return "address";
    case rrtype::kAAAA: return "address";
    case rrtype::kMX: return index == 0 ? "preference" : "exchange";
    case rrtype::kCNAME: case rrtype::kDNAME: case rrtype::kNS:
    case rrtype::kPTR:
      return "target";
    case rrtype::kSOA: return index < 7 ? kSoa[index] : "field";
    case rrtype::kSRV: return index < 4 ? kSrv[index] : "field";
    case rrtype::kCAA: return index < 3 ? kCaa[index] : "field";
    case rrtype::kURI: return index < 3 ? kUri[index] : "field";
    case rrtype::kTXT: case rrtype::kSPF: return "string";
    case rrtype::kNAPTR: return index < 6 ? kNaptr[index] : "field";
    case rrtype::kDS: case rrtype::kCDS: return index < 4 ? kDs[index] : "field";
    case rrtype::kKEY: case rrtype::kDNSKEY: case rrtype::kCDNSKEY:
      return index < 4 ? kKey[index] : "field";
    case rrtype::kTLSA: case rrtype::kSMIMEA:
      return index < 4 ? kTlsa[index] : "field";
    case rrtype::kSSHFP: return index < 3 ? kSshfp[index] : "field";
    case rrtype::kSVCB: case rrtype::kHTTPS:
      return kSvcb[std::min<size_t>(index, 2)];
    case rrtype::kIPSECKEY: return index < 5 ? kIpseckey[index] : "field";
    default: return "field";
  }
}

// A mnemonic a numeric field also accepts.
struct Mnemonic {
  std::string_view name;
  uint32_t value;
};

// DNSSEC algorithms (RFC 4034 appendix A.1 and its registry) as BIND 9.18
// spells them.
constexpr Mnemonic kAlgorithms[] = {
    {"RSAMD5", 1},           {"DH", 2},
    {"DSA", 3},              {"RSASHA1", 5},
    {"NSEC3DSA", 6},         {"NSEC3RSASHA1", 7},
    {"RSASHA256", 8},        {"RSASHA512", 10},
    {"ECCGOST", 12},         {"ECDSAP256SHA256", 13},
    {"ECDSAP384SHA384", 14}, {"ED25519", 15},
    {"ED448", 16},           {"INDIRECT", 252},
    {"PRIVATEDNS", 253},     {"PRIVATEOID", 254},
};
// DS digest types (RFC 4034 5.1.3, RFC 4509, RFC 6605).
constexpr Mnemonic kDigestTypes[] = {
    {"SHA-1", 1},   {"SHA1", 1},    {"SHA-256", 2}, {"SHA256", 2},
    {"GOST", 3},    {"SHA-384", 4}, {"SHA384", 4},
};
// KEY/DNSKEY protocols (RFC 2535 3.1.3).
constexpr Mnemonic kKeyProtocols[] = {
    {"NONE", 0}, {"TLS", 1}, {"EMAIL", 2}, {"DNSSEC", 3}, {"IPSEC", 4},
    {"ALL", 255},
};
// KEY/DNSKEY flag names (RFC 2535 3.1.2, RFC 4034, RFC 5011), joined by '|'.
constexpr Mnemonic kKeyFlags[] = {
    {"NOCONF", 0x4000}, {"NOAUTH", 0x8000}, {"NOKEY", 0xC000},
    {"FLAG2", 0x2000},  {"EXTEND", 0x1000}, {"FLAG4", 0x0800},
    {"FLAG5", 0x0400},  {"USER", 0x0000},   {"ZONE", 0x0100},
    {"HOST", 0x0200},   {"NTYP3", 0x0300},  {"FLAG8", 0x0080},
    {"REVOKE", 0x0080}, {"FLAG9", 0x0040},  {"FLAG10", 0x0020},
    {"FLAG11", 0x0010}, {"KSK", 0x0001},
};
// CERT types (RFC 4398 2.1).
constexpr Mnemonic kCertTypes[] = {
    {"PKIX", 1},   {"SPKI", 2},    {"PGP", 3},   {"IPKIX", 4}, {"ISPKI", 5},
    {"IPGP", 6},   {"ACPKIX", 7},  {"IACPKIX", 8}, {"URI", 253}, {"OID", 254},
};
// DSYNC schemes (RFC 9859).
constexpr Mnemonic kDsyncSchemes[] = {{"NOTIFY", 1}};

bool FindMnemonic(absl::Span<const Mnemonic> names, std::string_view text,
                  uint32_t* value) {
  for (const Mnemonic& m : names) {
    if (EqualsIgnoreCase(m.name, text)) {
      *value = m.value;
      return true;
    }
  }
  return false;
}

// Key flags as BIND reads them: a number (decimal, 0x hex or 0 octal) up to
// 0xFFFF, or flag names joined by '|'.
bool ParseKeyFlags(std::string_view text, uint32_t* flags) {
  if (text.empty()) return false;
  if (IsAsciiDigit(text[0])) {
    uint32_t base = 10;
    std::string_view digits = text;
    if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
      base = 16;
      digits = text.substr(2);
    } else if (text.size() > 1 && text[0] == '0') {
      base = 8;
      digits = text.substr(1);
    }
    uint32_t v = 0;
    for (char c : digits) {
      uint32_t d = IsAsciiDigit(c) ? static_cast<uint32_t>(c - '0')
                   : (AsciiLower(c) >= 'a' && AsciiLower(c) <= 'f')
                       ? static_cast<uint32_t>(AsciiLower(c) - 'a' + 10)
                       : 99;
      if (d >= base) return false;
      v = v * base + d;
      if (v > 0xFFFF) return false;
    }
    *flags = v;
    return true;
  }
  uint32_t v = 0;
  for (std::string_view name : Split(text, '|')) {
    uint32_t bits;
    if (!FindMnemonic(kKeyFlags, name, &bits)) return false;
    v |= bits;
  }
  *flags = v;
  return true;
}

// Checks base64 text (RFC 4648 section 4) as BIND reads it: padded to a
// multiple of 4 characters, '=' only at the end, and no bits set after
// the last byte. Sets *bytes to the decoded length.
bool CheckBase64(std::string_view s, size_t* bytes) {
  if (s.size() % 4 != 0) return false;
  size_t pad = 0;
  while (pad < 2 && pad < s.size() && s[s.size() - 1 - pad] == '=') ++pad;
  for (size_t i = 0; i + pad < s.size(); ++i) {
    if (Base64Value(s[i]) < 0) return false;
  }
  if (pad > 0) {
    const int last = Base64Value(s[s.size() - 1 - pad]);
    if ((last & (pad == 1 ? 0x3 : 0xF)) != 0) return false;
  }
  *bytes = s.size() / 4 * 3 - pad;
  return true;
}

int Base32HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = AsciiLower(c);
  if (c >= 'a' && c <= 'v') return c - 'a' + 10;
  return -1;
}

// Checks unpadded base32hex (RFC 4648 section 7, as NSEC3 uses it): a length
// that ends on whole bytes and no bits set after the last byte.
bool CheckBase32Hex(std::string_view s, size_t* bytes) {
  switch (s.size() % 8) {
    case 1: case 3: case 6: return false;
    default: break;
  }
  for (char c : s) {
    if (Base32HexValue(c) < 0) return false;
  }
  const size_t spare = s.size() * 5 % 8;
  if (spare != 0 && (Base32HexValue(s.back()) & ((1 << spare) - 1)) != 0) {
    return false;
  }
  *bytes = s.size() * 5 / 8;
  return true;
}

// "192.0.2.1,192.0.2.2"-style lists: each item must match Rule.
template <typename Rule>
bool IsList(std::string_view s) {
  if (s.empty()) return false;
  for (std::string_view item : Split(s, ',')) {
    if (!fg::FullMatch<Rule>(item)) return false;
  }
  return true;
}

// A decimal with up to `decimals` fractional digits, in units of
// 10^-decimals (so "1.5" with 2 decimals is 150); an optional leading '-'
// and trailing 'm' are allowed. False when the whole part is over `max`
// (the fraction is not counted, as in BIND).
bool ParseFixed(std::string_view s, int decimals, int64_t max, int64_t* v) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (!s.empty() && (s.back() == 'm' || s.back() == 'M')) s.remove_suffix(1);
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  std::string_view fraction =
      dot == std::string_view::npos ? "" : s.substr(dot + 1);
  uint64_t w, f = 0;
  if (!ParseUnsigned(whole, static_cast<uint64_t>(max), &w)) return false;
  if (!fraction.empty() && !ParseUnsigned(fraction, 999, &f)) return false;
  for (size_t k = fraction.size(); k < static_cast<size_t>(decimals); ++k) {
    f *= 10;
  }
  int64_t scale = 1;
  for (int k = 0; k < decimals; ++k) scale *= 10;
  *v = static_cast<int64_t>(w) * scale + static_cast<int64_t>(f);
  if (negative) *v = -*v;
  return true;
}

// SvcParamKeys (RFC 9460 section 14.3.2 and later registrations).
struct SvcKey {
  std::string_view name;
  uint16_t number;
};
constexpr SvcKey kSvcKeys[] = {
    {"mandatory", 0}, {"alpn", 1},     {"no-default-alpn", 2},
    {"port", 3},      {"ipv4hint", 4}, {"ech", 5},
    {"ipv6hint", 6},  {"dohpath", 7},  {"ohttp", 8},
    {"tls-supported-groups", 9},
};
constexpr std::string_view kSvcKeyHelp =
    "use mandatory, alpn, no-default-alpn, port, ipv4hint, ech, ipv6hint, "
    "dohpath, ohttp, tls-supported-groups or keyNNNNN (a number up to "
    "65535 without leading zeros)";

// The number of a SvcParamKey ("alpn" or "key1"); false when unknown.
bool SvcKeyNumber(std::string_view key, uint16_t* number) {
  for (const SvcKey& k : kSvcKeys) {
    if (k.name == key) {
      *number = k.number;
      return true;
    }
  }
  if (key.size() < 4 || key.substr(0, 3) != "key") return false;
  std::string_view digits = key.substr(3);
  uint64_t v;
  if ((digits.size() > 1 && digits[0] == '0') ||
      !ParseUnsigned(digits, 65535, &v)) {
    return false;
  }
  *number = static_cast<uint16_t>(v);
  return true;
}

// Checks the value of a SvcParam (escapes already decoded); empty when
// it fits the key, else what is wrong. `listed` collects the keys a
// "mandatory" names.
std::string SvcValueProblem(uint16_t key, bool has_value,
                            std::string_view value,
                            std::vector<uint16_t>* listed) {
  auto items = [&]() { return Split(value, ','); };
  switch (key) {
    case 0:  // mandatory
      if (value.empty()) return "mandatory needs a list of keys";
      for (std::string_view item : items()) {
        uint16_t n;
        if (!SvcKeyNumber(item, &n)) return Cat("unknown key '", item, "'");
        if (n == 0) return "mandatory cannot list itself";
        if (std::find(listed->begin(), listed->end(), n) != listed->end()) {
          return Cat("mandatory lists '", item, "' twice");
        }
        listed->push_back(n);
      }
      return "";
    case 1: {  // alpn: a comma list; "\," and "\\" escape inside an item
      if (value.empty()) return "alpn needs a list of protocol ids";
      size_t length = 0;
      for (size_t k = 0; k <= value.size(); ++k) {
        if (k == value.size() || value[k] == ',') {
          if (length == 0) return "alpn has an empty protocol id";
          length = 0;
          continue;
        }
        if (value[k] == '\\' && ++k == value.size()) {
          return "alpn ends in a lone backslash";
        }
        if (++length > 255) return "an alpn protocol id is over 255 bytes";
      }
      return "";
    }
    case 2:
      return has_value ? "no-default-alpn takes no value" : "";
    case 3: {
      uint64_t port;
      return ParseUnsigned(value, 65535, &port)
                 ? ""
                 : "port needs a number from 0 to 65535";
    }
    case 4:
      return IsList<fg::IPv4address>(value)
                 ? ""
                 : "ipv4hint needs IPv4 addresses joined by ','";
    case 5: {
      size_t bytes;
      return value.empty() || CheckBase64(value, &bytes)
                 ? ""
                 : "ech needs base64 text";
    }
    case 6:
      return IsList<fg::IPv6address>(value)
                 ? ""
                 : "ipv6hint needs IPv6 addresses joined by ','";
    case 7:
      return value.empty() ? "dohpath needs a URI template such as "
                             "/dns-query{?dns}"
                           : "";
    case 8:
      return has_value ? "ohttp takes no value" : "";
    case 9:
      for (std::string_view item : items()) {
        uint64_t group;
        if (!ParseUnsigned(item, 65535, &group)) {
          return "tls-supported-groups needs numbers joined by ','";
        }
      }
      return "";
    default:
      return "";
  }
}

// Checks RFC 3597 rdata of a known type against the type's wire format.
class WireChecker {
 public:
  explicit WireChecker(std::string_view wire) : wire_(wire) {}

  // Empty when the rdata fits `shape`, else what is wrong.
  std::string Check(std::string_view shape) {
    for (char code : shape) {
      if (!Field(code)) return problem_;
    }
    if (pos_ != wire_.size()) {
      return Cat("it has ", wire_.size() - pos_, " bytes after the last field");
    }
    return "";
  }

 private:
  bool Fail(std::string problem) {
    problem_ = std::move(problem);
    return false;
  }
  bool Take(size_t n) {
    if (wire_.size() - pos_ < n) return Fail("it ends before its last field");
    pos_ += n;
    return true;
  }
  uint8_t Byte(size_t at) const { return static_cast<uint8_t>(wire_[at]); }
  size_t Left() const { return wire_.size() - pos_; }

  bool Name() {
    size_t length = 1;
    for (;;) {
      if (!Take(1)) return false;
      const uint8_t label = Byte(pos_ - 1);
      if (label == 0) return true;
      if (label > 63) {
        return Fail(label >= 0xC0 ? "a name uses a compression pointer"
                                  : "a name has a bad label type");
      }
      length += label + 1;
      if (length > 255) return Fail("a name is longer than 255 bytes");
      if (!Take(label)) return false;
    }
  }

  bool String() {
    if (!Take(1)) return false;
    return Take(Byte(pos_ - 1));
  }

  bool TypeBitmap(bool at_least_one) {
    if (at_least_one && Left() == 0) return Fail("the type bitmap is empty");
    int last_window = -1;
    while (Left() > 0) {
      if (!Take(2)) return false;
      const int window = Byte(pos_ - 2);
      const uint8_t length = Byte(pos_ - 1);
      if (window <= last_window) return Fail("bitmap windows are out of order");
      if (length == 0 || length > 32) return Fail("a bitmap window has a bad length");
      last_window = window;
      if (!Take(length)) return false;
    }
    return true;
  }

  bool SvcParams() {
    int last_key = -1;
    while (Left() > 0) {
      if (!Take(4)) return false;
      const int key = Byte(pos_ - 4) << 8 | Byte(pos_ - 3);
      const size_t length = Byte(pos_ - 2) << 8 | Byte(pos_ - 1);
      if (key <= last_key) return Fail("SvcParamKeys are not in increasing order");
      last_key = key;
      const size_t value = pos_;
      if (!Take(length)) return false;
      bool ok = true;
      switch (key) {
        case 0: ok = length > 0 && length % 2 == 0; break;
        case 1:
          ok = length > 0;
          for (size_t k = value; ok && k < value + length; k += 1 + Byte(k)) {
            ok = Byte(k) > 0 && k + 1 + Byte(k) <= value + length;
          }
          break;
        case 2: case 8: ok = length == 0; break;
        case 3: ok = length == 2; break;
        case 4: ok = length > 0 && length % 4 == 0; break;
        case 6: ok = length > 0 && length % 16 == 0; break;
        default: break;
      }
      if (!ok) return Fail(Cat("the value of SvcParamKey ", key, " is malformed"));
    }
    return true;
  }

  bool Loc() {
    if (Left() != 16 || Byte(pos_) != 0) {
      return Fail("LOC rdata must be 16 bytes of version 0");
    }
    for (size_t k = 1; k <= 3; ++k) {
      if ((Byte(pos_ + k) >> 4) > 9 || (Byte(pos_ + k) & 0xF) > 9) {
        return Fail("a LOC size or precision byte is malformed");
      }
    }
    auto u32 = [&](size_t at) {
      return static_cast<uint32_t>(Byte(at)) << 24 | Byte(at + 1) << 16 |
             Byte(at + 2) << 8 | Byte(at + 3);
    };
    const int64_t equator = int64_t{1} << 31;
    const int64_t latitude = int64_t{u32(pos_ + 4)} - equator;
    const int64_t longitude = int64_t{u32(pos_ + 8)} - equator;
    if (latitude < -324000000 || latitude > 324000000 ||
        longitude < -648000000 || longitude > 648000000) {
      return Fail("the LOC latitude or longitude is out of range");
    }
    pos_ += 16;
    return true;
  }

  bool Apl() {
    while (Left() > 0) {
      if (!Take(4)) return false;
      const int family = Byte(pos_ - 4) << 8 | Byte(pos_ - 3);
      const int prefix = Byte(pos_ - 2);
      const int length = Byte(pos_ - 1) & 0x7F;
      const int max = family == 1 ? 4 : family == 2 ? 16 : -1;
      if (max < 0) return Fail("an APL item has an unknown address family");
      if (prefix > max * 8 || length > max) {
        return Fail("an APL item has a bad prefix or address length");
      }
      if (!Take(length)) return false;
    }
    return true;
  }

  bool IpsecGateway() {
    // Precedence, gateway type and algorithm were taken: 3 bytes.
    switch (Byte(1)) {
      case 0: break;
      case 1: if (!Take(4)) return false; break;
      case 2: if (!Take(16)) return false; break;
      case 3: if (!Name()) return false; break;
      default: return Fail("the gateway type is not 0, 1, 2 or 3");
    }
    pos_ = wire_.size();  // the public key: any bytes
    return true;
  }

  bool Field(char code) {
    switch (code) {
      case '4': return Take(4);
      case '6': return Take(16);
      case 'n': return Name();
      case 'b': case 'A': case 'D': case 'k': case 'H': case 'g':
        return Take(1);
      case 's': case 'R': case 'F': case 'y': return Take(2);
      case 'l': case 't': case 'S': return Take(4);
      case 'e': return Take(6);
      case 'E': case 'L': return Take(8);
      case 'c': return String();
      case 'C':
        do {
          if (!String()) return false;
        } while (Left() > 0);
        return true;
      case 'X': return String();
      case '3':
        if (Left() > 0 && Byte(pos_) == 0) return Fail("the next hashed owner is empty");
        return String();
      case 'T': return TypeBitmap(false);
      case 'W': return TypeBitmap(true);
      case '+': case 'B': case 'N':
        if (Left() == 0) return Fail("it ends before its last field");
        pos_ = wire_.size();
        return true;
      case 'P': return SvcParams();
      case 'Q':
        if (!Take(2)) return false;
        if (Byte(pos_ - 1) == 0) return Fail("the CAA tag is empty");
        if (!Take(Byte(pos_ - 1))) return false;
        pos_ = wire_.size();
        return true;
      case 'O': return Loc();
      case 'p': return Apl();
      case 'I': return IpsecGateway();
      default:  // a, *, x, h, q, K, G: any bytes
        pos_ = wire_.size();
        return true;
    }
  }

  std::string_view wire_;
  size_t pos_ = 0;
  std::string problem_;
};

class RdataParser {
 public:
  RdataParser(uint16_t type, const RdataInput& in, RdataOutput* out)
      : type_(type),
        in_(in),
        out_(out),
        type_name_(TypeName(type)),
        first_(out->fields->size()) {}

  void Run() {
    const TypeInfo* info = FindType(type_);
    if (!in_.tokens.empty() && !in_.tokens[0].quoted &&
        Text(in_.tokens[0]) == "\\#") {
      ParseGeneric(info);
      return;
    }
    if (info == nullptr) {
      FailAt(in_.tokens.empty() ? EndToken() : in_.tokens[0],
             Cat(type_name_, " has no known text form"),
             "write the rdata in the RFC 3597 form: \\# <length> <hex>");
      return;
    }
    std::string_view shape = info->shape;
    for (size_t k = 0; k < shape.size() && !out_->fatal; ++k) {
      if (!Field(shape[k], k)) return;
    }
    if (!out_->fatal && i_ < in_.tokens.size()) {
      FailAt(in_.tokens[i_],
             Cat("extra text after the ", type_name_, " rdata"),
             "remove it, or put a ';' before it if it is a comment");
      return;
    }
    if (!out_->fatal) CheckLengths();
    if (!out_->fatal) CheckSignerLabels();
  }

 private:
  std::string_view Text(const Token& t) const {
    return std::string_view(in_.base + t.begin, t.end - t.begin);
  }
  Token EndToken() const { return {in_.end_of_entry, in_.end_of_entry, false}; }
  // The tokens from..to-1 as one range (for values split over tokens).
  Token Span(size_t from, size_t to) const {
    return {in_.tokens[from].begin, in_.tokens[to - 1].end, false};
  }

  void FailAt(const Token& t, std::string message, std::string help,
              IssueKind kind = IssueKind::kRdata, bool fatal = true) {
    // Quoted tokens: point at the quotes too.
    uint32_t b = t.begin, e = t.end;
    if (t.quoted && !out_->generated) {
      b = b > 0 ? b - 1 : b;
      e = e + 1;
    }
    out_->problems.push_back({kind, b, e, std::move(message), std::move(help)});
    if (fatal) out_->fatal = true;
  }

  // The next token, or a "missing field" problem.
  const Token* Next(size_t index) {
    if (i_ < in_.tokens.size()) return &in_.tokens[i_++];
    FailAt(EndToken(),
           Cat(type_name_, " rdata is missing its ",
                        FieldLabel(type_, index)),
           Cat("give every field of a ", type_name_, " record"));
    return nullptr;
  }

  void Push(const Token& t, FieldKind kind, uint32_t value = 0,
            bool relative = false) {
    zonelint::Field f;
    f.begin = t.begin;
    f.end = t.end;
    f.value = value;
    f.kind = kind;
    f.quoted = t.quoted;
    f.relative = relative;
    out_->fields->push_back(f);
  }

  // The value of this record's field `k` (a number field).
  uint32_t Value(size_t k) const { return (*out_->fields)[first_ + k].value; }

  bool Bad(const Token& t, size_t index, std::string_view expected) {
    FailAt(t,
           Cat("invalid ", type_name_, " ", FieldLabel(type_, index),
                        " '", ShowText(Text(t)), "'"),
           Cat("expected ", expected));
    return false;
  }

  bool Number(size_t index, uint64_t max, std::string_view what) {
    const Token* t = Next(index);
    if (t == nullptr) return false;
    uint64_t v;
    if (t->quoted || !ParseUnsigned(Text(*t), max, &v)) {
      return Bad(*t, index, Cat("a number from 0 to ", max, what));
    }
    Push(*t, FieldKind::kNumber, static_cast<uint32_t>(v));
    return true;
  }

  // A number up to `max`, or one of `names` (case-insensitive).
  bool NumberOrName(size_t index, uint64_t max,
                    absl::Span<const Mnemonic> names,
                    std::string_view example) {
    const Token* t = Next(index);
    if (t == nullptr) return false;
    uint64_t v = 0;
    uint32_t named;
    if (!t->quoted && FindMnemonic(names, Text(*t), &named)) {
      v = named;
    } else if (t->quoted || !ParseUnsigned(Text(*t), max, &v)) {
      return Bad(*t, index, Cat("a number from 0 to ", max, " or a name such as ",
                                example));
    }
    Push(*t, FieldKind::kNumber, static_cast<uint32_t>(v));
    return true;
  }

  bool Name(size_t index) {
    const Token* t = Next(index);
    if (t == nullptr) return false;
    return NameToken(*t, index);
  }

  bool NameToken(const Token& t, size_t index) {
    std::string_view text = Text(t);
    if (text == "@" && !t.quoted) {
      Push(t, FieldKind::kName, in_.names->Intern(in_.origin->text));
      return true;
    }
    bool relative = false;
    NameError err = ParseName(text, in_.origin, &scratch_, &relative);
    if (err != NameError::kOk) {
      return Bad(t, index, NameErrorText(err));
    }
    NameId id = in_.names->Intern(scratch_);
    Push(t, FieldKind::kName, id, relative);
    if (relative && LooksLikeFullName(text) && !out_->generated) {
      const bool mailbox = (type_ == rrtype::kSOA && index == 1) ||
                           (type_ == rrtype::kRP && index == 0) ||
                           type_ == rrtype::kMINFO;
      out_->relative_names->push_back(
          {{out_->file, t.begin, t.end}, id, text, false, mailbox});
    }
    return true;
  }

  bool CharacterString(size_t index) {
    const Token* t = Next(index);
    if (t == nullptr) return false;
    return CheckString(*t);
  }

  bool CheckString(const Token& t) {
    size_t length = 0;
    if (!CharacterStringLength(Text(t), &length)) {
      FailAt(t, "bad escape in a character-string",
             "write a backslash as \\\\ and bytes as \\DDD (three digits, "
             "at most 255)");
      return false;
    }
    Push(t, FieldKind::kString);
    if (length > 255) {
      FailAt(t,
             Cat("character-string is ", length,
                          " bytes long; the limit is 255"),
             "split it into several quoted strings of at most 255 bytes "
             "each: \"first part\" \"second part\"",
             IssueKind::kStringTooLong, /*fatal=*/false);
    }
    return true;
  }

  template <typename Rule>
  bool Match(size_t index, std::string_view expected) {
    const Token* t = Next(index);
    if (t == nullptr) return false;
    if (!fg::FullMatch<Rule>(Text(*t))) return Bad(*t, index, expected);
    Push(*t, FieldKind::kToken);
    return true;
  }

  // Hex over the rest of the tokens, joined: at least one token unless
  // `optional`. Counts the bytes in hex_bytes_.
  bool Hex(size_t index, bool optional) {
    hex_bytes_ = 0;
    if (i_ >= in_.tokens.size()) {
      if (optional) return true;
      Next(index);
      return false;
    }
    size_t digits = 0;
    for (; i_ < in_.tokens.size(); ++i_) {
      const Token& t = in_.tokens[i_];
      if (t.quoted || !fg::FullMatch<fg::hex>(Text(t))) {
        return Bad(t, index, "hex digits");
      }
      digits += t.end - t.begin;
      Push(t, FieldKind::kToken);
    }
    if (digits % 2 != 0) {
      return Bad(in_.tokens[i_ - 1], index, "an even number of hex digits");
    }
    hex_bytes_ = digits / 2;
    return true;
  }

  // Base64 over the rest of the tokens, joined (blanks may split it
  // anywhere): at least one token unless `optional`.
  bool Base64(size_t index, bool optional) {
    if (i_ >= in_.tokens.size()) {
      if (optional) return true;
      Next(index);
      return false;
    }
    const size_t from = i_;
    std::string joined;
    for (; i_ < in_.tokens.size(); ++i_) {
      const Token& t = in_.tokens[i_];
      if (t.quoted) return Bad(t, index, "base64 text, not a quoted string");
      joined += Text(t);
      Push(t, FieldKind::kToken);
    }
    size_t bytes;
    if (!CheckBase64(joined, &bytes)) {
      FailAt(Span(from, i_),
             Cat("invalid ", type_name_, " ", FieldLabel(type_, index),
                 ": not valid base64"),
             "base64 uses A-Z, a-z, 0-9, '+' and '/', padded with '=' to a "
             "multiple of 4 characters; check for a missing, extra or "
             "mistyped character");
      return false;
    }
    return true;
  }

  bool RestAny(size_t index, bool at_least_one) {
    if (at_least_one && i_ >= in_.tokens.size()) {
      Next(index);
      return false;
    }
    for (; i_ < in_.tokens.size(); ++i_) Push(in_.tokens[i_], FieldKind::kToken);
    return true;
  }

  bool TypeList(size_t index, bool at_least_one) {
    if (at_least_one && i_ >= in_.tokens.size()) {
      FailAt(EndToken(), Cat(type_name_, " rdata lists no types"),
             Cat("list the types at the owner name; a ", type_name_,
                 " record always has at least ", type_name_, " itself"));
      return false;
    }
    for (; i_ < in_.tokens.size(); ++i_) {
      uint16_t t;
      if (!ParseTypeToken(Text(in_.tokens[i_]), &t)) {
        return Bad(in_.tokens[i_], index, "an RR type such as A or TYPE65280");
      }
      Push(in_.tokens[i_], FieldKind::kNumber, t);
    }
    return true;
  }

  bool Field(char code, size_t index) {
    switch (code) {
      case '4': return Match<fg::IPv4address>(index, "an IPv4 address such as 192.0.2.1");
      case '6': return Match<fg::IPv6address>(index, "an IPv6 address such as 2001:db8::1");
      case 'n': return Name(index);
      case 'b': return Number(index, 255, "");
      case 's': return Number(index, 65535, "");
      case 'l': return Number(index, 4294967295u, "");
      case 'g': return Number(index, 3, " (no gateway, IPv4, IPv6, name)");
      case 'A': return NumberOrName(index, 255, kAlgorithms, "RSASHA256");
      case 'D': return NumberOrName(index, 255, kDigestTypes, "SHA-256");
      case 'k': return NumberOrName(index, 255, kKeyProtocols, "DNSSEC");
      case 'R': return NumberOrName(index, 65535, kCertTypes, "PKIX");
      case 'H': return NumberOrName(index, 255, kDsyncSchemes, "NOTIFY");
      case 'F': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        uint32_t flags;
        if (t->quoted || !ParseKeyFlags(Text(*t), &flags)) {
          return Bad(*t, index,
                     "a number up to 65535 (such as 256 or 257) or flag "
                     "names joined by '|'");
        }
        Push(*t, FieldKind::kNumber, flags);
        return true;
      }
      case 'K':
        // RFC 2535 3.1.2: the NOKEY flags (both top bits) mean no key.
        if ((Value(0) & 0xC000) == 0xC000) {
          if (i_ < in_.tokens.size()) {
            FailAt(Span(i_, in_.tokens.size()),
                   Cat(type_name_, " has key data but its flags say NOKEY "
                                   "(0xC000)"),
                   "remove the key, or clear the two top bits of the flags");
            return false;
          }
          return true;
        }
        return Base64(index, false);
      case 't': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        uint32_t v;
        if (!ParseTtl(Text(*t), &v)) {
          return Bad(*t, index, "a number of seconds or a TTL such as 1h30m");
        }
        Push(*t, FieldKind::kNumber, v);
        return true;
      }
      case 'S': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        uint64_t v;
        if (!fg::FullMatch<fg::dnssec_time>(Text(*t)) &&
            !ParseUnsigned(Text(*t), 4294967295u, &v)) {
          return Bad(*t, index, "a time as YYYYMMDDHHmmSS");
        }
        Push(*t, FieldKind::kToken);
        return true;
      }
      case 'c': return CharacterString(index);
      case 'C': {
        if (!CharacterString(index)) return false;
        while (i_ < in_.tokens.size()) {
          if (!CheckString(in_.tokens[i_++])) return false;
        }
        return true;
      }
      case 'q': {
        // RFC 7553 4.5: the URI is written as a quoted string. It is not a
        // <character-string>: it fills the rest of the rdata, so the
        // 255-byte limit does not apply (BIND reads any length).
        const Token* t = Next(index);
        if (t == nullptr) return false;
        if (!t->quoted) {
          return Bad(*t, index, "a URI in double quotes: \"https://...\"");
        }
        size_t length = 0;
        if (!CharacterStringLength(Text(*t), &length)) {
          return Bad(*t, index, "a URI with valid escapes");
        }
        Push(*t, FieldKind::kString);
        return true;
      }
      case 'a': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        Push(*t, FieldKind::kToken);
        return true;
      }
      case '*': return RestAny(index, false);
      case '+': return RestAny(index, true);
      case 'x': return Hex(index, false);
      case 'h': return Hex(index, true);
      case 'B': return Base64(index, false);
      case 'X': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        std::string_view s = Text(*t);
        if (t->quoted ||
            (s != "-" && (!fg::FullMatch<fg::hex>(s) || s.size() % 2 != 0 ||
                          s.size() > 510))) {
          return Bad(*t, index,
                     "'-' or an even number of hex digits (at most 255 "
                     "bytes)");
        }
        Push(*t, FieldKind::kToken);
        return true;
      }
      case '3': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        size_t bytes = 0;
        if (t->quoted || !CheckBase32Hex(Text(*t), &bytes) || bytes == 0 ||
            bytes > 255) {
          return Bad(*t, index,
                     "base32hex text (0-9, A-V) without '=' padding whose "
                     "length ends on a whole byte");
        }
        hash_bytes_ = bytes;
        Push(*t, FieldKind::kToken);
        return true;
      }
      case 'T': return TypeList(index, false);
      case 'W': return TypeList(index, true);
      case 'y': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        uint16_t v;
        if (!ParseTypeToken(Text(*t), &v)) return Bad(*t, index, "an RR type");
        Push(*t, FieldKind::kNumber, v);
        return true;
      }
      case 'e': return Match<fg::eui48>(index, "six hex pairs joined by '-'");
      case 'E': return Match<fg::eui64>(index, "eight hex pairs joined by '-'");
      case 'L':
        return Match<fg::locator64>(
            index, "four groups of 1 to 4 hex digits joined by ':'");
      case 'N': {
        const Token* t = Next(index);
        if (t == nullptr) return false;
        std::string_view s = Text(*t);
        size_t digits = 0;
        for (char c : s.substr(std::min<size_t>(2, s.size()))) {
          if (c != '.') ++digits;
        }
        if (!fg::FullMatch<fg::nsap>(s) || digits % 2 != 0) {
          return Bad(*t, index, "0x and an even number of hex digits");
        }
        Push(*t, FieldKind::kToken);
        return true;
      }
      case 'G': {
        FailAt(in_.tokens.empty() ? EndToken() : in_.tokens[0],
               Cat(type_name_, " rdata has no text form"),
               "write it in the RFC 3597 form: \\# <length> <hex>");
        return false;
      }
      case 'I': return IpsecGateway(index);
      case 'O': return Loc();
      case 'p': return Apl(index);
      case 'P': return SvcParams(index);
      case 'Q': return Caa();
      default: return RestAny(index, false);
    }
  }

  // Digest and hash lengths fixed by the algorithm, which BIND checks.
  void CheckLengths() {
    size_t want = 0;
    size_t have = hex_bytes_;
    std::string what;
    switch (type_) {
      case rrtype::kDS: case rrtype::kCDS: case rrtype::kTA: case rrtype::kDLV: {
        // RFC 4034 5.1.4, RFC 4509, RFC 6605: SHA-1, SHA-256, SHA-384.
        static constexpr size_t kDigest[] = {0, 20, 32, 0, 48};
        want = Value(2) < 5 ? kDigest[Value(2)] : 0;
        what = Cat("digest type ", Value(2));
        break;
      }
      case rrtype::kSSHFP: {
        // RFC 4255, RFC 6594: SHA-1 and SHA-256 fingerprints.
        static constexpr size_t kFingerprint[] = {0, 20, 32};
        want = Value(1) < 3 ? kFingerprint[Value(1)] : 0;
        what = Cat("fingerprint type ", Value(1));
        break;
      }
      case rrtype::kZONEMD:
        // RFC 8976 2.2.4: SHA-384 and SHA-512, and at least 12 bytes.
        want = Value(2) == 1 ? 48 : Value(2) == 2 ? 64 : 0;
        what = Cat("hash algorithm ", Value(2));
        if (want == 0 && have < 12) {
          FailAt(Span(3, in_.tokens.size()),
                 Cat("ZONEMD digest is ", have, " bytes; the minimum is 12"),
                 "give the whole digest");
          return;
        }
        break;
      case rrtype::kNSEC3:
        // RFC 5155: hash algorithm 1 is SHA-1, 20 bytes.
        want = Value(0) == 1 ? 20 : 0;
        have = hash_bytes_;
        what = "hash algorithm 1 (SHA-1)";
        if (want != 0 && have != want) {
          FailAt(in_.tokens[4],
                 Cat("NSEC3 next hashed owner is ", have, " bytes; ", what,
                     " makes ", want),
                 "give the whole 32-character base32hex hash");
        }
        return;
      default:
        return;
    }
    if (want != 0 && have != want) {
      const size_t field = type_ == rrtype::kSSHFP ? 2 : 3;
      Token where = field < in_.tokens.size()
                        ? Span(field, in_.tokens.size())
                        : EndToken();
      FailAt(where,
             Cat(type_name_, " ", FieldLabel(type_, field), " is ", have,
                 " bytes, but ", what, " makes ", want, " bytes"),
             "copy the whole value again; a digest of the wrong length "
             "never matches");
    }
  }

  // RRSIG (RFC 4034 3.1.3, 3.1.7): the signer is the zone apex, at or above
  // the owner, so it has no more labels than the Labels field counts. BIND
  // 9.18 rejects a signer with more ("out of range").
  void CheckSignerLabels() {
    if (type_ != rrtype::kRRSIG) return;
    std::string_view signer = in_.names->Text(Value(7));
    const size_t labels =
        signer == "." ? 0 : std::count(signer.begin(), signer.end(), '.');
    if (labels > Value(2)) {
      FailAt(in_.tokens[7],
             Cat("RRSIG signer '", Text(in_.tokens[7]), "' has ", labels,
                 " labels, more than the Labels field (", Value(2), ")"),
             "the signer is the zone apex, which has no more labels than "
             "the owner name; check the signer name and the Labels field");
    }
  }

  // IPSECKEY (RFC 4025 2.3-2.6): the gateway as its type says, then an
  // optional public key.
  bool IpsecGateway(size_t index) {
    const Token* t = Next(index);
    if (t == nullptr) return false;
    std::string_view s = Text(*t);
    switch (Value(1)) {
      case 0:
        if (s != "." || t->quoted) return Bad(*t, index, "'.': gateway type 0 has no gateway");
        Push(*t, FieldKind::kToken);
        break;
      case 1:
        if (!fg::FullMatch<fg::IPv4address>(s)) {
          return Bad(*t, index, "an IPv4 address (gateway type 1)");
        }
        Push(*t, FieldKind::kToken);
        break;
      case 2:
        if (!fg::FullMatch<fg::IPv6address>(s)) {
          return Bad(*t, index, "an IPv6 address (gateway type 2)");
        }
        Push(*t, FieldKind::kToken);
        break;
      default:
        if (!NameToken(*t, index)) return false;
        break;
    }
    // RFC 4025 makes the public key optional, but BIND 9.18 rejects an
    // IPSECKEY without one ("unexpected end of input"): follow BIND.
    return Base64(index + 1, /*optional=*/false);
  }

  // LOC (RFC 1876 section 3), with BIND's limits:
  //   d1 [m1 [s1]] {N|S} d2 [m2 [s2]] {E|W} alt[m] [siz[m] [hp[m] [vp[m]]]]
  bool Loc() {
    for (int axis = 0; axis < 2; ++axis) {
      const uint64_t max_degrees = axis == 0 ? 90 : 180;
      const std::string_view hemispheres = axis == 0 ? "NnSs" : "EeWw";
      const std::string_view what = axis == 0 ? "latitude" : "longitude";
      auto is_hemisphere = [&](const Token& t) {
        std::string_view s = Text(t);
        return s.size() == 1 && hemispheres.find(s[0]) != std::string_view::npos;
      };
      const Token* t = Next(0);
      if (t == nullptr) return false;
      uint64_t degrees;
      if (!ParseUnsigned(Text(*t), max_degrees, &degrees)) {
        return LocBad(*t, Cat(what, " degrees from 0 to ", max_degrees));
      }
      Push(*t, FieldKind::kNumber, static_cast<uint32_t>(degrees));
      bool beyond = false;  // minutes or seconds above zero
      for (int part = 0; part < 3; ++part) {
        t = Next(0);
        if (t == nullptr) return false;
        if (is_hemisphere(*t)) break;
        if (part == 2) {
          return LocBad(*t, Cat(hemispheres[0], " or ", hemispheres[2],
                                " after the ", what));
        }
        int64_t v;
        const bool ok = part == 0
                            ? fg::FullMatch<fg::loc_integer>(Text(*t)) &&
                                  ParseFixed(Text(*t), 0, 59, &v)
                            : fg::FullMatch<fg::loc_seconds>(Text(*t)) &&
                                  ParseFixed(Text(*t), 3, 59, &v) &&
                                  v <= 59999;
        if (!ok) {
          return LocBad(*t, part == 0 ? "minutes from 0 to 59"
                                      : "seconds from 0 to 59.999");
        }
        beyond = beyond || v > 0;
        Push(*t, FieldKind::kToken);
      }
      if (degrees == max_degrees && beyond) {
        return LocBad(*t, Cat("a ", what, " of at most ", max_degrees,
                              " degrees"));
      }
      Push(*t, FieldKind::kToken);
    }
    // Altitude, then size and horizontal and vertical precision.
    for (int k = 0; k < 4; ++k) {
      if (k > 0 && i_ >= in_.tokens.size()) return true;
      const Token* t = Next(0);
      if (t == nullptr) return false;
      int64_t cm;
      const bool ok =
          fg::FullMatch<fg::loc_meters>(Text(*t)) &&
          (k == 0 ? ParseFixed(Text(*t), 2, 42849672, &cm) &&
                        cm >= -10000000 && cm <= 4284967295
                  : Text(*t)[0] != '-' &&
                        ParseFixed(Text(*t), 2, 90000000, &cm));
      if (!ok) {
        return LocBad(*t, k == 0 ? "an altitude from -100000.00m to "
                                   "42849672.95m"
                                 : "a size or precision from 0 to "
                                   "90000000.00m");
      }
      Push(*t, FieldKind::kToken);
    }
    return true;
  }

  bool LocBad(const Token& t, std::string expected) {
    FailAt(t, Cat("invalid LOC field '", ShowText(Text(t)), "'"),
           Cat("expected ", expected, "; LOC is: d [m [s]] N|S d [m [s]] "
               "E|W altitude[m] [size[m] [hp[m] [vp[m]]]]"));
    return false;
  }

  // APL items (RFC 3123 section 5): [!]1:IPv4/prefix or [!]2:IPv6/prefix.
  bool Apl(size_t index) {
    for (; i_ < in_.tokens.size(); ++i_) {
      const Token& t = in_.tokens[i_];
      std::string_view s = Text(t);
      bool ok = !t.quoted && fg::FullMatch<fg::apl_item>(s);
      if (ok) {
        if (s[0] == '!') s.remove_prefix(1);
        const size_t colon = s.find(':');
        const size_t slash = s.rfind('/');
        std::string_view family = s.substr(0, colon);
        std::string_view address = s.substr(colon + 1, slash - colon - 1);
        uint64_t prefix;
        if (family == "1") {
          ok = fg::FullMatch<fg::IPv4address>(address) &&
               ParseUnsigned(s.substr(slash + 1), 32, &prefix);
        } else if (family == "2") {
          ok = fg::FullMatch<fg::IPv6address>(address) &&
               ParseUnsigned(s.substr(slash + 1), 128, &prefix);
        } else {
          ok = false;
        }
      }
      if (!ok) {
        return Bad(t, index,
                   "[!]1:IPv4-address/prefix or [!]2:IPv6-address/prefix, "
                   "such as 1:192.0.2.0/24");
      }
      Push(t, FieldKind::kToken);
    }
    return true;
  }

  bool Caa() {
    if (!Number(0, 255, "")) return false;
    const Token* tag = Next(1);
    if (tag == nullptr) return false;
    std::string_view s = Text(*tag);
    // RFC 8659 4.1: 1 to 15 characters SHOULD; the tag length is one byte.
    if (tag->quoted || s.size() > 255 || !fg::FullMatch<fg::caa_tag>(s)) {
      return Bad(*tag, 1,
                 "an unquoted tag of letters and digits: issue, issuewild, "
                 "issuemail or iodef");
    }
    Push(*tag, FieldKind::kToken);
    const Token* value = Next(2);
    if (value == nullptr) return false;
    if (!DecodeCharacterString(Text(*value), &scratch_)) {
      return Bad(*value, 2, "a value with valid escapes");
    }
    Push(*value, FieldKind::kString);
    return true;
  }

  // SvcParams (RFC 9460 section 2.1 and appendix A): key[=value] with the
  // value checked by key, each key once, what "mandatory" lists present,
  // and alpn beside no-default-alpn.
  bool SvcParams(size_t index) {
    // The first field of this record is SvcPriority.
    const uint32_t priority = Value(0);
    std::vector<uint16_t> keys;
    std::vector<uint16_t> mandatory;
    Token mandatory_token{0, 0, false};
    Token no_default_alpn{0, 0, false};
    bool has_no_default_alpn = false;
    for (; i_ < in_.tokens.size(); ++i_) {
      const Token& t = in_.tokens[i_];
      std::string_view s = Text(t);
      if (priority == 0) {
        FailAt(t, "SvcParams are not allowed in AliasMode (priority 0)",
               "remove them, or use a priority above 0 (ServiceMode)");
        return false;
      }
      std::string_view key = s.substr(0, s.find('='));
      bool has_value = key.size() < s.size();
      std::string_view value = has_value ? s.substr(key.size() + 1) : "";
      Token whole = t;
      if (has_value && value.empty() && i_ + 1 < in_.tokens.size() &&
          in_.tokens[i_ + 1].quoted) {
        whole.end = in_.tokens[i_ + 1].end + 1;
        value = Text(in_.tokens[++i_]);
      }
      uint16_t number;
      if (t.quoted || !SvcKeyNumber(key, &number)) {
        FailAt(t, Cat("unknown SvcParamKey '", key, "'"),
               std::string(kSvcKeyHelp));
        return false;
      }
      if (std::find(keys.begin(), keys.end(), number) != keys.end()) {
        FailAt(whole, Cat("SvcParamKey '", key, "' appears twice"),
               "give each key once; join values with ',' where the key "
               "takes a list");
        return false;
      }
      keys.push_back(number);
      std::string decoded;
      if (!DecodeCharacterString(value, &decoded)) {
        FailAt(whole, Cat("bad escape in the value of '", key, "'"),
               "write a backslash as \\\\ and bytes as \\DDD");
        return false;
      }
      std::string problem =
          SvcValueProblem(number, has_value, decoded, &mandatory);
      if (!problem.empty()) {
        FailAt(whole,
               Cat("invalid SvcParam '", ShowText(Text(whole)), "': ", problem),
               "see RFC 9460 section 7 for the value each key takes");
        return false;
      }
      if (number == 0) mandatory_token = whole;
      if (number == 2) {
        has_no_default_alpn = true;
        no_default_alpn = whole;
      }
      Push(t, FieldKind::kToken);
    }
    for (uint16_t listed : mandatory) {
      if (std::find(keys.begin(), keys.end(), listed) == keys.end()) {
        FailAt(mandatory_token,
               Cat("mandatory lists key", listed, ", which the record does "
                   "not have"),
               "add that parameter, or remove it from mandatory");
        return false;
      }
    }
    if (has_no_default_alpn &&
        std::find(keys.begin(), keys.end(), 1) == keys.end()) {
      FailAt(no_default_alpn, "no-default-alpn without alpn",
             "add alpn=... listing the protocols, or remove no-default-alpn");
      return false;
    }
    return true;
  }

  void ParseGeneric(const TypeInfo* info) {
    out_->generic = true;
    Push(in_.tokens[0], FieldKind::kToken);
    i_ = 1;
    const Token* len_token = Next(0);
    if (len_token == nullptr) return;
    uint64_t length;
    if (!ParseUnsigned(Text(*len_token), 65535, &length)) {
      Bad(*len_token, 0, "the rdata length in bytes, 0 to 65535");
      return;
    }
    Push(*len_token, FieldKind::kNumber, static_cast<uint32_t>(length));
    uint64_t digits = 0;
    std::string hex;
    for (; i_ < in_.tokens.size(); ++i_) {
      const Token& t = in_.tokens[i_];
      if (!fg::FullMatch<fg::hex>(Text(t))) {
        Bad(t, 0, "hex digits");
        return;
      }
      digits += t.end - t.begin;
      hex += Text(t);
      Push(t, FieldKind::kToken);
    }
    if (digits != 2 * length) {
      FailAt(in_.tokens.size() > 2 ? in_.tokens.back() : *len_token,
             Cat("RFC 3597 rdata says ", length, " bytes but has ",
                          digits / 2.0, " bytes of hex"),
             "make the length match the hex data");
      return;
    }
    // A known type's rdata must be valid in that type's wire format.
    if (info == nullptr || info->meta) return;
    std::string wire;
    for (size_t k = 0; k + 1 < hex.size(); k += 2) {
      auto nibble = [](char c) {
        return IsAsciiDigit(c) ? c - '0' : AsciiLower(c) - 'a' + 10;
      };
      wire.push_back(static_cast<char>(nibble(hex[k]) << 4 | nibble(hex[k + 1])));
    }
    std::string problem = WireChecker(wire).Check(info->shape);
    if (!problem.empty()) {
      FailAt(in_.tokens.size() > 2 ? Span(2, in_.tokens.size()) : *len_token,
             Cat("RFC 3597 rdata is not valid ", type_name_, " rdata: ",
                 problem),
             Cat("check the hex against the wire format of ", type_name_,
                 ", or write the rdata in its usual text form"));
    }
  }

  static std::string NameErrorText(NameError err) {
    switch (err) {
      case NameError::kEmpty: return "a domain name";
      case NameError::kEmptyLabel: return "a domain name without empty labels ('..')";
      case NameError::kLabelTooLong: return "a domain name whose labels are at most 63 bytes";
      case NameError::kNameTooLong: return "a domain name of at most 255 bytes";
      case NameError::kBadEscape: return "a domain name with valid escapes (\\X or \\DDD up to 255)";
      case NameError::kOk: break;
    }
    return "a domain name";
  }

  uint16_t type_;
  const RdataInput& in_;
  RdataOutput* out_;
  std::string type_name_;
  size_t first_;  // index of this record's first field
  size_t i_ = 0;
  size_t hex_bytes_ = 0;   // bytes of the last hex field ('x', 'h')
  size_t hash_bytes_ = 0;  // bytes of the NSEC3 next hashed owner ('3')
  // Decoded names and strings. Its buffer outlives the parser (one per
  // record), so a big zone's names are not each a fresh allocation.
  std::string& scratch_ = out_->scratch;
};

}  // namespace

void ParseRdata(uint16_t type, const RdataInput& in, RdataOutput* out) {
  RdataParser(type, in, out).Run();
}

bool ParseUnsigned(std::string_view token, uint64_t max, uint64_t* value) {
  if (token.empty() || token.size() > 20) return false;
  uint64_t v = 0;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
    if (v > max) return false;
  }
  *value = v;
  return true;
}

bool ParseTtl(std::string_view token, uint32_t* ttl) {
  if (token.empty()) return false;
  // Fast path: plain seconds.
  uint64_t v;
  if (ParseUnsigned(token, 4294967295u, &v)) {
    *ttl = static_cast<uint32_t>(v);
    return true;
  }
  if (!grammar::field::FullMatch<grammar::field::ttl>(token)) return false;
  uint64_t total = 0, part = 0;
  for (char c : token) {
    if (c >= '0' && c <= '9') {
      part = part * 10 + static_cast<uint64_t>(c - '0');
      if (part > 4294967295u) return false;
      continue;
    }
    switch (c | 0x20) {
      case 'w': part *= 604800; break;
      case 'd': part *= 86400; break;
      case 'h': part *= 3600; break;
      case 'm': part *= 60; break;
      default: break;  // 's'
    }
    total += part;
    part = 0;
    if (total > 4294967295u) return false;
  }
  total += part;
  if (total > 4294967295u) return false;
  *ttl = static_cast<uint32_t>(total);
  return true;
}

bool LooksLikeFullName(std::string_view text) {
  size_t dot = text.rfind('.');
  if (dot == std::string_view::npos || dot + 1 >= text.size()) return false;
  std::string_view last = text.substr(dot + 1);
  if (last.size() < 2) return false;
  if (StartsWithIgnoreCase(last, "xn--")) {
    return last.size() > 4 &&
           std::all_of(last.begin() + 4, last.end(),
                       [](char c) { return IsAsciiAlnum(c) || c == '-'; });
  }
  return std::all_of(last.begin(), last.end(), IsAsciiAlpha);
}

std::vector<TxtString> AsTxt(const Zone& zone, const SourceSet& sources,
                             const Record& r) {
  std::vector<TxtString> out;
  if ((r.type != rrtype::kTXT && r.type != rrtype::kSPF) ||
      r.has(kRecordGeneric)) {
    return out;
  }
  for (const zonelint::Field& f : zone.FieldsOf(r)) {
    TxtString s;
    DecodeCharacterString(zone.FieldText(sources, r, f), &s.text);
    s.range = zone.FieldRange(r, f);
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace zonelint

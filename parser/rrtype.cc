#include "parser/rrtype.h"

#include "util/strings.h"
#include "util/strings.h"
#include "util/strings.h"
#include "util/strings.h"

namespace zonelint {
namespace {

// Shape codes are explained in rdata.cc. "+" is "one or more tokens, checked
// no further": types that are rare in mail-related zones get only that.
constexpr TypeInfo kTypes[] = {
    {"A", 1, "4", false},
    {"NS", 2, "n", false},
    {"MD", 3, "n", false},
    {"MF", 4, "n", false},
    {"CNAME", 5, "n", false},
    {"SOA", 6, "nnltttt", false},
    {"MB", 7, "n", false},
    {"MG", 8, "n", false},
    {"MR", 9, "n", false},
    {"NULL", 10, "G", false},
    {"WKS", 11, "4a*", false},
    {"PTR", 12, "n", false},
    {"HINFO", 13, "cc", false},
    {"MINFO", 14, "nn", false},
    {"MX", 15, "sn", false},
    {"TXT", 16, "C", false},
    {"RP", 17, "nn", false},
    {"AFSDB", 18, "sn", false},
    {"X25", 19, "c", false},
    {"ISDN", 20, "c*", false},
    {"RT", 21, "sn", false},
    {"NSAP", 22, "N", false},
    {"NSAP-PTR", 23, "n", false},
    {"SIG", 24, "yAbtSSsnB", false},
    {"KEY", 25, "FkAK", false},
    {"PX", 26, "snn", false},
    {"GPOS", 27, "ccc", false},
    {"AAAA", 28, "6", false},
    {"LOC", 29, "O", false},
    {"NXT", 30, "n*", false},
    {"EID", 31, "x", false},
    {"NIMLOC", 32, "x", false},
    {"SRV", 33, "sssn", false},
    {"ATMA", 34, "a", false},
    {"NAPTR", 35, "sscccn", false},
    {"KX", 36, "sn", false},
    {"CERT", 37, "RsAB", false},
    {"A6", 38, "+", false},
    {"DNAME", 39, "n", false},
    {"SINK", 40, "+", false},
    {"OPT", 41, "", true},
    {"APL", 42, "p", false},
    {"DS", 43, "sADx", false},
    {"SSHFP", 44, "bbh", false},
    {"IPSECKEY", 45, "bgbI", false},
    {"RRSIG", 46, "yAbtSSsnB", false},
    {"NSEC", 47, "nW", false},
    {"DNSKEY", 48, "FkAB", false},
    {"DHCID", 49, "B", false},
    {"NSEC3", 50, "bbsX3T", false},
    {"NSEC3PARAM", 51, "bbsX", false},
    {"TLSA", 52, "bbbx", false},
    {"SMIMEA", 53, "bbbx", false},
    {"HIP", 55, "+", false},
    {"NINFO", 56, "C", false},
    {"RKEY", 57, "FkAB", false},
    {"TALINK", 58, "nn", false},
    {"CDS", 59, "sADx", false},
    {"CDNSKEY", 60, "FkAB", false},
    {"OPENPGPKEY", 61, "B", false},
    {"CSYNC", 62, "lsT", false},
    {"ZONEMD", 63, "lbbx", false},
    {"SVCB", 64, "snP", false},
    {"HTTPS", 65, "snP", false},
    {"DSYNC", 66, "yHsn", false},
    {"HHIT", 67, "+", false},
    {"BRID", 68, "+", false},
    {"SPF", 99, "C", false},
    {"UINFO", 100, "G", false},
    {"UID", 101, "G", false},
    {"GID", 102, "G", false},
    {"UNSPEC", 103, "G", false},
    {"NID", 104, "sL", false},
    {"L32", 105, "s4", false},
    {"L64", 106, "sL", false},
    {"LP", 107, "sn", false},
    {"EUI48", 108, "e", false},
    {"EUI64", 109, "E", false},
    {"NXNAME", 128, "", true},
    {"TKEY", 249, "", true},
    {"TSIG", 250, "", true},
    {"IXFR", 251, "", true},
    {"AXFR", 252, "", true},
    {"MAILB", 253, "", true},
    {"MAILA", 254, "", true},
    {"ANY", 255, "", true},
    {"URI", 256, "ssq", false},
    {"CAA", 257, "Q", false},
    {"AVC", 258, "C", false},
    {"DOA", 259, "llbc*", false},
    {"AMTRELAY", 260, "bb+", false},
    {"RESINFO", 261, "C", false},
    {"WALLET", 262, "C", false},
    {"TA", 32768, "sADx", false},
    {"DLV", 32769, "sADx", false},
};

bool ParseNumberSuffix(std::string_view token, std::string_view prefix,
                       uint16_t* value) {
  if (token.size() <= prefix.size() ||
      !StartsWithIgnoreCase(token, prefix)) {
    return false;
  }
  std::string_view digits = token.substr(prefix.size());
  if (digits.size() > 5) return false;
  uint32_t v = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v > 65535) return false;
  *value = static_cast<uint16_t>(v);
  return true;
}

}  // namespace

const TypeInfo* FindType(std::string_view mnemonic) {
  if (mnemonic.empty() || mnemonic.size() > 10) return nullptr;
  for (const TypeInfo& t : kTypes) {
    if (t.name.size() == mnemonic.size() &&
        EqualsIgnoreCase(t.name, mnemonic)) {
      return &t;
    }
  }
  return nullptr;
}

const TypeInfo* FindType(uint16_t number) {
  for (const TypeInfo& t : kTypes) {
    if (t.number == number) return &t;
  }
  return nullptr;
}

bool ParseTypeToken(std::string_view token, uint16_t* type) {
  if (const TypeInfo* t = FindType(token)) {
    *type = t->number;
    return true;
  }
  return ParseNumberSuffix(token, "TYPE", type);
}

bool ParseClassToken(std::string_view token, uint16_t* rclass) {
  struct ClassName {
    std::string_view name;
    uint16_t number;
  };
  static constexpr ClassName kClasses[] = {
      {"IN", 1}, {"CS", 2}, {"CH", 3}, {"CHAOS", 3}, {"HS", 4}, {"HESIOD", 4}};
  if (token.size() <= 6) {
    for (const ClassName& c : kClasses) {
      if (EqualsIgnoreCase(c.name, token)) {
        *rclass = c.number;
        return true;
      }
    }
  }
  return ParseNumberSuffix(token, "CLASS", rclass);
}

std::string TypeName(uint16_t type) {
  if (const TypeInfo* t = FindType(type)) return std::string(t->name);
  return Cat("TYPE", type);
}

std::string ClassName(uint16_t rclass) {
  switch (rclass) {
    case 1: return "IN";
    case 2: return "CS";
    case 3: return "CH";
    case 4: return "HS";
    default: return Cat("CLASS", rclass);
  }
}

}  // namespace zonelint

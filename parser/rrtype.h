// RR types and classes: mnemonics, numbers and the rdata shape of each type.
#ifndef ZONELINT_PARSER_RRTYPE_H_
#define ZONELINT_PARSER_RRTYPE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace zonelint {

namespace rrtype {
inline constexpr uint16_t kA = 1, kNS = 2, kCNAME = 5, kSOA = 6, kPTR = 12,
                          kMX = 15, kTXT = 16, kAAAA = 28, kSRV = 33,
                          kDNAME = 39, kRRSIG = 46, kNSEC = 47, kNSEC3 = 50,
                          kSPF = 99, kURI = 256, kCAA = 257, kKEY = 25,
                          kSIG = 24, kNAPTR = 35, kDS = 43, kSSHFP = 44,
                          kIPSECKEY = 45, kDNSKEY = 48, kTLSA = 52,
                          kSMIMEA = 53, kCDS = 59, kCDNSKEY = 60, kZONEMD = 63,
                          kSVCB = 64, kHTTPS = 65, kTA = 32768, kDLV = 32769,
                          kMINFO = 14, kRP = 17;
}  // namespace rrtype

inline constexpr uint16_t kClassIN = 1;

// One row of the type table. `shape` lists the rdata fields, one code each;
// rdata.cc documents the codes and checks the fields against them.
struct TypeInfo {
  std::string_view name;
  uint16_t number;
  std::string_view shape;
  bool meta;  // a query-only or transaction type: not allowed in zone data
};

// Finds a type by mnemonic (case-insensitive) or number; nullptr if unknown.
const TypeInfo* FindType(std::string_view mnemonic);
const TypeInfo* FindType(uint16_t number);

// Parses a type token: a mnemonic or RFC 3597 TYPEnnn.
bool ParseTypeToken(std::string_view token, uint16_t* type);
// Parses a class token: IN, CH, CHAOS, HS, HESIOD, CS or CLASSnnn.
bool ParseClassToken(std::string_view token, uint16_t* rclass);

// "MX", or "TYPE65280" for a type without a mnemonic.
std::string TypeName(uint16_t type);
std::string ClassName(uint16_t rclass);

}  // namespace zonelint

#endif  // ZONELINT_PARSER_RRTYPE_H_

// What the DNS outside the linted zones is known to hold, from dated offline
// copies: the top-level domains of the root zone (IANA's list, in
// third_party/iana/) and the Public Suffix List (third_party/publicsuffix/),
// which gives a name's organizational domain (RFC 7489 3.2).
#ifndef ZONELINT_PARSER_PUBLIC_NAMES_H_
#define ZONELINT_PARSER_PUBLIC_NAMES_H_

#include <string_view>

namespace zonelint {

// Whether `label` is a top-level domain of the root zone; any case, IDN
// TLDs in their A-label form ("xn--p1ai").
bool IsTopLevelDomain(std::string_view label);

// The organizational domain of the canonical name `name` ("mail.example.co.
// uk." gives "example.co.uk."): its public suffix by the Public Suffix List
// (ICANN and private sections, wildcards and exceptions; a name no rule
// matches has its TLD as public suffix) and one label more. A suffix of
// `name`; empty when `name` is the root or a public suffix itself.
std::string_view OrganizationalDomain(std::string_view name);

}  // namespace zonelint

#endif  // ZONELINT_PARSER_PUBLIC_NAMES_H_

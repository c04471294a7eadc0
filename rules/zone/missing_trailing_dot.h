// What zone-missing-trailing-dot reports, for the rules that leave such
// names to it (an MX target without its dot has no address either, but the
// dot is the mistake to fix).
#ifndef ZONELINT_RULES_ZONE_MISSING_TRAILING_DOT_H_
#define ZONELINT_RULES_ZONE_MISSING_TRAILING_DOT_H_

#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "parser/zone.h"

namespace zonelint::rules {

// Why a relative name is taken for one meant to be complete.
enum class MissingDot {
  kRepeatsOrigin,  // its text ends in the origin it is relative to
  kEndsInTld,      // a name in rdata that ends in a TLD, under a node of
                   // the linted zones that holds no names
};

struct MissingDotName {
  const RelativeName* name;
  MissingDot why;
  std::string_view origin;  // canonical, the one appended to the name
  std::string_view node;    // the last written label and the origin
};

// The relative names of the linted zones that were almost surely meant to
// be complete, zone by zone in file order (docs/rules/
// zone-missing-trailing-dot.md says which). Linear in the zones' size: the
// owners are read only when a name in rdata ends in a TLD.
std::vector<MissingDotName> NamesMissingTheirDot(const LintContext& context);

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_ZONE_MISSING_TRAILING_DOT_H_

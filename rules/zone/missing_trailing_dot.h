// What zone-missing-trailing-dot reports, for the rules that leave such
// names to it (an MX target without its dot has no address either, but the
// dot is the mistake to fix).
#ifndef ZONELINT_RULES_ZONE_MISSING_TRAILING_DOT_H_
#define ZONELINT_RULES_ZONE_MISSING_TRAILING_DOT_H_

#include "parser/name.h"
#include "parser/zone.h"

namespace zonelint::rules {

// Whether a relative name's text already ends in the origin or in a
// well-known top-level domain: it was almost surely meant as complete.
bool LooksMeantAbsolute(const NameTable& names, const RelativeName& rel);

}  // namespace zonelint::rules

#endif  // ZONELINT_RULES_ZONE_MISSING_TRAILING_DOT_H_

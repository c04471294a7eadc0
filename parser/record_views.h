// Typed views of the rdata of parsed records, for the stages after the
// parser (mail views, rules): what an MX or a CNAME points at, read from
// the zone model's fields. nullopt (or kNoName) for generic "\#" rdata or
// a record of another type.
#ifndef ZONELINT_PARSER_RECORD_VIEWS_H_
#define ZONELINT_PARSER_RECORD_VIEWS_H_

#include <cstdint>
#include <optional>

#include "parser/name.h"
#include "parser/universe.h"
#include "parser/zone.h"

namespace zonelint {

struct MxRdata {
  uint16_t preference;
  NameId exchange;
};
std::optional<MxRdata> AsMx(const Zone& zone, const Record& r);

// The target of CNAME, DNAME, NS or PTR.
std::optional<NameId> AsTargetName(const Zone& zone, const Record& r);

// The target of a CNAME record; kNoName for any other record.
NameId CnameTarget(const Zone& zone, const Record& r);

// The target of the CNAME at `name` in the zones of `universe`: of the
// first CNAME record there (a name has one; more is an error reported
// elsewhere). kNoName when there is none, or its target does not read.
NameId CnameTargetAt(const Universe& universe, NameId name);

}  // namespace zonelint

#endif  // ZONELINT_PARSER_RECORD_VIEWS_H_

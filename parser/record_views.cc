#include "parser/record_views.h"

#include "parser/rrtype.h"

namespace zonelint {

std::optional<MxRdata> AsMx(const Zone& zone, const Record& r) {
  if (r.type != rrtype::kMX || r.has(kRecordGeneric) || r.field_count != 2) {
    return std::nullopt;
  }
  auto f = zone.FieldsOf(r);
  return MxRdata{static_cast<uint16_t>(f[0].value), f[1].value};
}

std::optional<NameId> AsTargetName(const Zone& zone, const Record& r) {
  switch (r.type) {
    case rrtype::kCNAME:
    case rrtype::kDNAME:
    case rrtype::kNS:
    case rrtype::kPTR:
      break;
    default:
      return std::nullopt;
  }
  if (r.has(kRecordGeneric) || r.field_count != 1) return std::nullopt;
  return zone.FieldsOf(r)[0].value;
}

NameId CnameTarget(const Zone& zone, const Record& r) {
  if (r.type != rrtype::kCNAME) return kNoName;
  return AsTargetName(zone, r).value_or(kNoName);
}

NameId CnameTargetAt(const Universe& universe, NameId name) {
  NameId target = kNoName;
  bool seen = false;
  universe.ForEachRecordAt(name, [&](const RecordRef& ref) {
    if (seen || ref.record->type != rrtype::kCNAME) return;
    seen = true;
    target = CnameTarget(*ref.zone, *ref.record);
  });
  return target;
}

}  // namespace zonelint

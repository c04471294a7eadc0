// zone-ttl-mismatch: the records of one RRset with different TTLs
// (RFC 2181 5.2).
#include <vector>

#include "lint/rule.h"
#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class TtlMismatch final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{"zone-ttl-mismatch", Severity::kWarning,
                                    "one RRset with several TTLs"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      for (size_t o = 0; o < zone->owners().size(); ++o) {
        const NameId owner = zone->owners()[o];
        auto at = zone->RecordsOfOwner(o);
        if (at.size() < 2) continue;
        // RRsets at one name are few: compare each record with the first of
        // its RRset. RRSIGs form one set per covered type.
        for (size_t i = 1; i < at.size(); ++i) {
          const Record& r = zone->records[at[i]];
          for (size_t j = 0; j < i; ++j) {
            const Record& first = zone->records[at[j]];
            if (!SameRRset(*zone, first, r)) continue;
            if (first.ttl != r.ttl) {
              sink.Emit(r.range(),
                        Cat("TTL ", r.ttl, " differs from ", first.ttl,
                            ", the TTL of the first ", TypeName(r.type),
                            " record at '", context.names.Text(owner), "'"),
                        "give all records of an RRset the same TTL; "
                        "servers use one TTL for the whole set");
            }
            break;
          }
        }
      }
    }
  }

 private:
  static bool SameRRset(const Zone& zone, const Record& a, const Record& b) {
    if (a.type != b.type || a.rclass != b.rclass) return false;
    if (a.type != rrtype::kRRSIG) return true;
    auto fa = zone.FieldsOf(a);
    auto fb = zone.FieldsOf(b);
    return !fa.empty() && !fb.empty() && fa[0].value == fb[0].value;
  }
};

}  // namespace

const Rule& ZoneTtlMismatchRule() {
  static const TtlMismatch rule;
  return rule;
}

}  // namespace zonelint::rules

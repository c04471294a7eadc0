// zone-no-soa: a zone that name servers refuse to load for want of exactly
// one SOA record at its origin.
#include "lint/rule.h"
#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// Whether two SOA records have the same rdata (BIND merges such duplicates
// and loads the zone). Names and numbers compare by value, so "1h" equals
// "3600" and "NS1" equals "ns1"; anything else by its text.
bool SameRdata(const LintContext& context, const Zone& zone, const Record& a,
               const Record& b) {
  auto fa = zone.FieldsOf(a);
  auto fb = zone.FieldsOf(b);
  if (fa.size() != fb.size() ||
      a.has(kRecordGeneric) != b.has(kRecordGeneric)) {
    return false;
  }
  for (size_t i = 0; i < fa.size(); ++i) {
    if (fa[i].kind != fb[i].kind) return false;
    if (fa[i].kind == FieldKind::kName || fa[i].kind == FieldKind::kNumber) {
      if (fa[i].value != fb[i].value) return false;
    } else if (zone.FieldText(context.sources, a, fa[i]) !=
               zone.FieldText(context.sources, b, fb[i])) {
      return false;
    }
  }
  return true;
}

class NoSoa final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "zone-no-soa", Severity::kError,
        "no SOA record at the zone's origin, an SOA below it, or two: the "
        "zone does not load"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      // A zone whose origin is unknown may be a fragment that another file
      // includes: nothing to say about its SOA.
      if (zone->apex != kNoName) CheckZone(context, *zone, sink);
    }
  }

 private:
  // One finding per zone: the first SOA that makes loading fail (one below
  // the origin, or a second one at it), as BIND stops there; else, when the
  // origin has none, the SOA outside the zone that was meant for it, or the
  // first record.
  static void CheckZone(const LintContext& context, const Zone& zone,
                        RuleSink& sink) {
    const std::string_view apex = context.names.Text(zone.apex);
    const Record* at_apex = nullptr;
    const Record* outside = nullptr;
    for (const Record& r : zone.records) {
      if (r.type != rrtype::kSOA) continue;
      std::string_view owner = context.names.Text(r.owner);
      if (r.owner == zone.apex) {
        if (at_apex == nullptr) {
          at_apex = &r;
        } else if (!SameRdata(context, zone, *at_apex, r)) {
          sink.Emit(r.range(),
                    Cat("a second SOA record at '", apex,
                        "', with other data than the first: name servers "
                        "refuse to load the zone"),
                    "a zone has exactly one SOA record; keep one and "
                    "remove the other");
          return;
        }
      } else if (IsAtOrBelow(owner, apex)) {
        sink.Emit(r.owner_or_record_range(),
                  Cat("SOA record at '", owner, "', below the zone's origin '",
                      apex, "': name servers refuse to load the zone"),
                  Cat("an SOA belongs only at the origin: write its owner "
                      "as '@', or in full with its trailing dot; if '",
                      owner,
                      "' is a zone of its own, give it a file of its own and "
                      "delegate it with NS records"));
        return;
      } else if (outside == nullptr) {
        outside = &r;
      }
    }
    if (at_apex != nullptr) return;
    // The SOA may be the record whose problem was reported, or in a file
    // that could not be included.
    if (zone.soa_unreadable || zone.incomplete()) return;
    if (outside != nullptr) {
      sink.Emit(
          outside->owner_or_record_range(),
          Cat("the SOA record is at '", context.names.Text(outside->owner),
              "', outside the zone '", apex,
              "': name servers ignore it, so the zone has no SOA and "
              "will not load"),
          "put the SOA at the zone's origin ('@'); check $ORIGIN and "
          "whether the owner's trailing dot belongs there");
      return;
    }
    const SourceRange where =
        zone.records.empty() ? SourceRange{zone.main_file, 0, 0}
                             : zone.records.front().owner_or_record_range();
    sink.Emit(where,
              Cat("zone '", apex,
                  "' has no SOA record: name servers refuse to load it"),
              "add one at the origin: @ IN SOA <primary name server> "
              "<mailbox> <serial> <refresh> <retry> <expire> <minimum>; if "
              "a tool adds it when it deploys the zone, disable this rule "
              "for the file");
  }
};

}  // namespace

const Rule& ZoneNoSoaRule() {
  static const NoSoa rule;
  return rule;
}

}  // namespace zonelint::rules

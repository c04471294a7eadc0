// zone-cname-and-other-data: a CNAME beside other data at one name, or two
// different CNAMEs (RFC 1034 3.6.2, RFC 2181 10.1).
#include <string>

#include "lint/rule.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// DNSSEC records that may sit beside a CNAME (RFC 4035 2.5; RFC 2535 for
// the older SIG and NXT).
bool MayAccompanyCname(uint16_t type) {
  return type == rrtype::kRRSIG || type == rrtype::kNSEC ||
         type == rrtype::kSIG || type == 30 /* NXT */;
}

class CnameAndOtherData final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "zone-cname-and-other-data", Severity::kError,
        "a CNAME beside other data at one name, or two CNAMEs"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      for (size_t o = 0; o < zone->owners().size(); ++o) {
        const NameId owner = zone->owners()[o];
        auto at = zone->RecordsOfOwner(o);
        if (at.size() < 2) continue;
        const Record* cname = nullptr;
        const Record* second_cname = nullptr;
        std::string others;
        uint16_t last_other = 0;
        for (uint32_t index : at) {
          const Record& r = zone->records[index];
          if (r.type == rrtype::kCNAME) {
            if (cname == nullptr) {
              cname = &r;
            } else if (second_cname == nullptr &&
                       AsTargetName(*zone, r) != AsTargetName(*zone, *cname)) {
              second_cname = &r;
            }
          } else if (!MayAccompanyCname(r.type) && r.type != last_other &&
                     others.find(TypeName(r.type) + ",") == std::string::npos) {
            others += TypeName(r.type) + ",";
            last_other = r.type;
          }
        }
        if (cname == nullptr) continue;
        std::string_view name = context.names.Text(owner);
        if (second_cname != nullptr) {
          sink.Emit(second_cname->range(),
                    Cat("second CNAME at '", name,
                        "'; a name can have only one"),
                    "keep one CNAME and delete the other");
        }
        if (!others.empty()) {
          others.pop_back();
          for (size_t p = others.find(','); p != std::string::npos;
               p = others.find(',', p + 2)) {
            others.replace(p, 1, ", ");
          }
          sink.Emit(cname->range(),
                    Cat("CNAME at '", name, "' beside other data (", others,
                        ")"),
                    "a name with a CNAME can hold nothing else: move the "
                    "other records to the CNAME's target, or replace the "
                    "CNAME with A/AAAA records");
        }
      }
    }
  }
};

}  // namespace

const Rule& ZoneCnameAndOtherDataRule() {
  static const CnameAndOtherData rule;
  return rule;
}

}  // namespace zonelint::rules

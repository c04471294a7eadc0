// mx-null-mixed: a null MX ("0 .", RFC 7505) beside other MX records.
#include "lint/rule.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "parser/universe.h"
#include "rules/mx/mx_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MxNullMixed final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mx-null-mixed", Severity::kError,
        "a null MX (\"0 .\", RFC 7505) beside other MX records"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    // Null MX records are few: for each, count the other MX at its name.
    ForEachMx(context, [&](const MxSite& site) {
      if (!IsNullMx(context, site.mx)) return;
      int others = 0;
      context.universe.ForEachRecordAt(
          site.record->owner, [&](const RecordRef& ref) {
            if (ref.record->type != rrtype::kMX) return;
            auto mx = AsMx(*ref.zone, *ref.record);
            others += mx && !IsNullMx(context, *mx);
          });
      if (others == 0) return;
      const std::string_view domain = context.names.Text(site.record->owner);
      sink.Emit(site.record->range(),
                Cat("null MX at '", domain, "' beside ", others,
                    others == 1 ? " other MX record" : " other MX records",
                    ": a domain that accepts no mail must publish only the "
                    "null MX (RFC 7505 3), and senders may treat the "
                    "mixture as either"),
                Cat("if '", domain,
                    "' receives mail, delete the null MX; if it does not, "
                    "delete the other MX records"));
    });
  }
};

}  // namespace

const Rule& MxNullMixedRule() {
  static const MxNullMixed rule;
  return rule;
}

}  // namespace zonelint::rules

// spf-too-many-void-lookups: evaluating an SPF record meets more than two
// lookups that return no records, nested records included (RFC 7208
// 4.6.4).
#include <string>

#include "lint/rule.h"
#include "mail/spf_lookups.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfTooManyVoidLookups final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-too-many-void-lookups", Severity::kError,
        "an SPF record whose terms name more than 2 names with no records"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const SpfLookupAnalysis& analysis = context.views.SpfLookups();
    for (const SpfRecordLookups& record : analysis.records()) {
      const SpfTermCost* passing =
          record.TermPassing(kSpfVoidLookupLimit, /*voids=*/true);
      if (passing == nullptr) continue;
      const std::string owner(context.names.Text(record.site->owner));
      std::string list;
      for (const SpfVoidLookup& v : record.voids) {
        list += Cat(list.empty() ? "" : ", ", v.term);
        if (v.record != owner) list += Cat(" in '", v.record, "'");
        list += Cat(" (no ", v.missing, ")");
      }
      sink.Emit(
          SpfTermRange(*record.site, *passing->term),
          Cat("SPF record makes ", record.voids.size(),
              " lookups that find no records, over the limit of ",
              kSpfVoidLookupLimit,
              ", so verifiers return permerror from this term on: ", list),
          "remove the terms that name hosts or domains which no longer "
          "exist, or publish the records they look for");
    }
  }
};

}  // namespace

const Rule& SpfTooManyVoidLookupsRule() {
  static const SpfTooManyVoidLookups rule;
  return rule;
}

}  // namespace zonelint::rules

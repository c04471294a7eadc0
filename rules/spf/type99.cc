// spf-type99: an SPF (type 99) record, which RFC 7208 3.1 retired: verifiers
// read SPF from TXT only.
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "parser/universe.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfType99 final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-type99", Severity::kWarning,
        "an SPF (type 99) record; verifiers read only TXT"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const SpfSite& site : context.views.Spf()) {
      if (!site.type99()) continue;
      std::string_view owner = context.names.Text(site.owner);
      if (!context.views.SpfAt(site.owner).empty()) {
        sink.Emit(site.text.RecordRange(),
                  Cat("SPF (type 99) record at '", owner,
                      "' is obsolete; verifiers read only the TXT record "
                      "there"),
                  "delete the SPF record and keep the TXT record");
      } else if (!context.universe.Knows(owner)) {
        // A zone not read whole may hold a TXT twin in the part not read.
        sink.Emit(site.text.RecordRange(),
                  Cat("SPF (type 99) record at '", owner,
                      "' is obsolete; verifiers read SPF only from TXT "
                      "records"),
                  "publish the same text as a TXT record unless the name has "
                  "one, and delete the SPF record");
      } else {
        sink.Emit(site.text.RecordRange(),
                  Cat("'", owner,
                      "' publishes SPF only as an SPF (type 99) record, which "
                      "verifiers ignore: the name has no SPF policy"),
                  "publish the same text as a TXT record, and delete the SPF "
                  "record");
      }
    }
  }
};

}  // namespace

const Rule& SpfType99Rule() {
  static const SpfType99 rule;
  return rule;
}

}  // namespace zonelint::rules

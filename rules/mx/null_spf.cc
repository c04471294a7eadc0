// mx-null-spf: a domain with a null MX (it receives no mail) whose SPF
// record is not "v=spf1 -all".
#include <string>

#include "absl/container/flat_hash_set.h"
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "parser/universe.h"
#include "rules/mx/mx_rule.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MxNullSpf final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mx-null-spf", Severity::kWarning,
        "a domain with a null MX whose SPF record is not \"v=spf1 -all\""};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    absl::flat_hash_set<NameId> done;  // one finding a domain
    ForEachMx(context, [&](const MxSite& site) {
      if (!IsNullMx(context, site.mx)) return;
      const NameId owner = site.record->owner;
      if (!done.insert(owner).second) return;
      const std::string_view domain = context.names.Text(owner);
      const std::vector<const SpfSite*> spf = context.views.SpfAt(owner);
      if (spf.empty()) {
        // A zone not read whole may hold the record in the part not read.
        if (!context.universe.Knows(domain)) return;
        sink.Emit(site.record->range(),
                  Cat("'", domain,
                      "' has a null MX (it receives no mail) but no SPF "
                      "record, so anyone may send mail in its name and no "
                      "bounce can come back"),
                  Cat("publish TXT \"v=spf1 -all\" at '", domain,
                      "' to say that it sends no mail either"));
        return;
      }
      // Several SPF records are spf-multiple-records'; the first tells.
      const SpfSite& record = *spf.front();
      if (SpfSendsNothing(record.spf)) return;
      sink.Emit(record.text.RecordRange(),
                Cat("'", domain,
                    "' has a null MX (it receives no mail) but its SPF "
                    "record authorises senders: mail sent from it can get "
                    "no bounces back (RFC 7505)"),
                Cat("if '", domain,
                    "' sends no mail, make its SPF record \"v=spf1 -all\"; "
                    "if it does, replace the null MX with MX records for a "
                    "server that takes the bounces"));
    });
  }
};

}  // namespace

const Rule& MxNullSpfRule() {
  static const MxNullSpf rule;
  return rule;
}

}  // namespace zonelint::rules

// mailfrom-spf-missing: a custom MAIL FROM domain (its MX points at a mail
// provider's bounce host) with no SPF record.
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "parser/universe.h"
#include "rules/mailfrom/mailfrom.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MailFromSpfMissing final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mailfrom-spf-missing", Severity::kError,
        "a custom MAIL FROM domain (MX to a provider's bounce host) with no "
        "SPF record"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    ForEachMailFromDomain(context, [&](const MailFromSite& site) {
      const NameId owner = site.mx.record->owner;
      if (!context.views.SpfAt(owner).empty()) return;
      const std::string_view domain = context.names.Text(owner);
      // A zone not read whole may hold the record in the part not read.
      if (!context.universe.Knows(domain)) return;
      const std::string_view include = SpfIncludeShown(*site.provider);
      sink.Emit(site.mx.record->range(),
                Cat("'", domain, "' is a MAIL FROM domain for ",
                    site.provider->name, " (its MX is '", site.exchange,
                    "') but has no SPF record: mail sent with it fails "
                    "SPF, and so DMARC's SPF alignment"),
                Cat("publish TXT \"v=spf1 include:", include, " -all\" at '",
                    domain, "'"));
    });
  }
};

}  // namespace

const Rule& MailFromSpfMissingRule() {
  static const MailFromSpfMissing rule;
  return rule;
}

}  // namespace zonelint::rules

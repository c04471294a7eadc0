// mailfrom-spf-mismatch: a custom MAIL FROM domain whose SPF record does not
// authorise the provider its MX points at, when every include it follows is
// known (SpfAuthorises).
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "rules/mailfrom/mailfrom.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MailFromSpfMismatch final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mailfrom-spf-mismatch", Severity::kError,
        "a custom MAIL FROM domain whose SPF record does not authorise its "
        "provider"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    ForEachMailFromDomain(context, [&](const MailFromSite& site) {
      const NameId owner = site.mx.record->owner;
      const std::vector<const SpfSite*> spf = context.views.SpfAt(owner);
      // None is mailfrom-spf-missing's; several are spf-multiple-records'
      // (a permerror): the first is judged.
      if (spf.empty()) return;
      const SpfSite& record = *spf.front();
      if (!record.spf.ok()) return;  // spf-syntax says why it fails
      // An include whose record is not known may authorise it: say nothing
      // (spf-unknown-include says what is not known).
      if (SpfAuthorises(context, record.spf, *site.provider) !=
          SpfAuthorisation::kNo) {
        return;
      }
      const std::string_view domain = context.names.Text(owner);
      const std::string_view include = SpfIncludeShown(*site.provider);
      sink.Emit(record.text.RecordRange(),
                Cat("'", domain, "' is a MAIL FROM domain for ",
                    site.provider->name, " (its MX is '", site.exchange,
                    "') but its SPF record does not authorise ",
                    site.provider->name, ": no include:", include,
                    ", directly or through the records it includes, so mail "
                    "sent through it fails SPF and DMARC's SPF alignment"),
                Cat("add include:", include, " to the SPF record at '", domain,
                    "', as in \"v=spf1 include:", include, " -all\""));
    });
  }
};

}  // namespace

const Rule& MailFromSpfMismatchRule() {
  static const MailFromSpfMismatch rule;
  return rule;
}

}  // namespace zonelint::rules

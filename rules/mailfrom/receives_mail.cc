// mailfrom-receives-mail: a custom MAIL FROM domain that also has an
// ordinary (inbound) MX.
#include "lint/rule.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "parser/universe.h"
#include "rules/mailfrom/mailfrom.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MailFromReceivesMail final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mailfrom-receives-mail", Severity::kWarning,
        "a custom MAIL FROM domain that also has an ordinary inbound MX"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    ForEachMailFromDomain(context, [&](const MailFromSite& site) {
      const NameId owner = site.mx.record->owner;
      const std::string_view domain = context.names.Text(owner);
      context.universe.ForEachRecordAt(owner, [&](const RecordRef& ref) {
        if (ref.record->type != rrtype::kMX) return;
        auto mx = AsMx(*ref.zone, *ref.record);
        if (!mx || IsNullMx(context, *mx)) return;  // mx-null-mixed's
        const std::string_view exchange = context.names.Text(mx->exchange);
        if (FindBounceHost(exchange).provider != nullptr) return;
        sink.Emit(ref.record->range(),
                  Cat("'", domain, "' is a MAIL FROM domain for ",
                      site.provider->name, " (bounces go to '", site.exchange,
                      "') and also receives mail through '", exchange,
                      "': senders pick among the MX records by preference, "
                      "so some bounces may reach the mailbox server and some "
                      "ordinary mail the bounce host"),
                  Cat("keep '", domain,
                      "' for bounces only and receive mail at another name "
                      "(the parent domain, or a subdomain of its own)"));
      });
    });
  }
};

}  // namespace

const Rule& MailFromReceivesMailRule() {
  static const MailFromReceivesMail rule;
  return rule;
}

}  // namespace zonelint::rules

// ses-dkim-cname: an Amazon SES Easy DKIM CNAME whose target token differs
// from the owner's, or whose target is not <token>.dkim.amazonses.com.
#include <string_view>

#include "lint/rule.h"
#include "mail/mail_names.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "rules/provider/providers.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SesDkimCname final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "ses-dkim-cname", Severity::kError,
        "an Amazon SES DKIM CNAME whose token or target is wrong"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const MailProvider& ses = AmazonSes();
    for (const auto& zone : context.zones) {
      for (const Record& record : zone->records) {
        if (record.type != rrtype::kCNAME) continue;
        const auto target = AsTargetName(*zone, record);
        if (!target) continue;
        const std::string_view target_name = context.names.Text(*target);
        // Meant as an SES key: a CNAME below amazonses.com.
        if (!target_name.ends_with(".amazonses.com.")) continue;
        const std::string_view owner = context.names.Text(record.owner);
        const MailNameInfo name = ClassifyMailName(owner);
        if (name.kind != MailName::kDkim) continue;
        const std::string_view token = name.selector;
        bool right = false;
        std::string_view other_token;
        std::string_view region;  // of a regional target
        for (const ProviderDkim& dkim : ses.dkim) {
          if (MatchHost(dkim.target, target_name, token).matched) {
            right = true;
            break;
          }
          const HostMatch any = MatchHost(dkim.target, target_name);
          if (any.matched) {
            other_token = any.selector;
            region = any.region;
          }
        }
        if (right) continue;
        const auto fields = zone->FieldsOf(record);
        const SourceRange where = fields.empty()
                                      ? record.range()
                                      : zone->FieldRange(record, fields[0]);
        const std::string expected =
            region.empty() ? Cat(token, ".dkim.amazonses.com.")
                           : Cat(token, ".dkim.", region, ".amazonses.com.");
        if (!other_token.empty()) {
          sink.Emit(
              where,
              Cat("SES DKIM CNAME at '", owner, "' points at '", target_name,
                  "', whose token '", other_token, "' is not the owner's '",
                  token, "': SES signs with the selector '", token,
                  "', so receivers find another key, or none, and "
                  "DKIM fails"),
              Cat("make the target '", expected,
                  "' (copy each pair from the SES console as it is)"));
        } else {
          sink.Emit(
              where,
              Cat("SES DKIM CNAME at '", owner, "' points at '", target_name,
                  "', which is not an Easy DKIM target ('", expected,
                  "'), so the key is never found and DKIM "
                  "fails"),
              Cat("make the target '", expected, "'"));
        }
      }
    }
  }
};

}  // namespace

const Rule& SesDkimCnameRule() {
  static const SesDkimCname rule;
  return rule;
}

}  // namespace zonelint::rules

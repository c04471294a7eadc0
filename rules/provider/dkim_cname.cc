// provider-dkim-cname: a DKIM CNAME to a mail provider other than Amazon SES
// (SendGrid, Mailgun, Mailchimp/Mandrill, Microsoft 365) whose target is not
// the one the provider publishes for the owner's selector.
#include <string>
#include <string_view>

#include "lint/rule.h"
#include "mail/mail_names.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "rules/provider/providers.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// The provider a DKIM CNAME target is meant for: one whose DKIM domain the
// target is at or below.
const MailProvider* DkimProviderOf(std::string_view target) {
  for (const MailProvider& provider : MailProviders()) {
    if (&provider == &AmazonSes()) continue;  // ses-dkim-cname's
    for (std::string_view domain : provider.dkim_domains) {
      if (target == domain ||
          (target.size() > domain.size() && target.ends_with(domain) &&
           target[target.size() - domain.size() - 1] == '.')) {
        return &provider;
      }
    }
  }
  return nullptr;
}

// A pattern shown to people: "{selector}" filled in, '*' as "<...>".
std::string Shown(std::string_view pattern, std::string_view selector) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.substr(i).starts_with("{selector}")) {
      out += selector;
      i += 9;
    } else if (pattern[i] == '*') {
      out += "<...>";
    } else {
      out += pattern[i];
    }
  }
  return out;
}

class ProviderDkimCname final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "provider-dkim-cname", Severity::kError,
        "a DKIM CNAME to a mail provider (SendGrid, Mailchimp, Microsoft "
        "365, ...) whose target does not fit its selector"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      for (const Record& record : zone->records) {
        if (record.type != rrtype::kCNAME) continue;
        auto target_id = AsTargetName(*zone, record);
        if (!target_id) continue;
        const std::string_view target = context.names.Text(*target_id);
        const MailProvider* provider = DkimProviderOf(target);
        if (provider == nullptr) continue;
        const std::string_view owner = context.names.Text(record.owner);
        const MailNameInfo name = ClassifyMailName(owner);
        if (name.kind != MailName::kDkim) continue;
        const std::string_view selector = name.selector;
        // The targets the provider publishes for this selector.
        std::string expected;
        bool right = false;
        for (const ProviderDkim& dkim : provider->dkim) {
          // "{selector}": any selector; else exactly the one named.
          if (dkim.selector != "{selector}" && dkim.selector != selector) {
            continue;
          }
          if (MatchHost(dkim.target, target, selector).matched) {
            right = true;
            break;
          }
          if (expected.empty()) expected = Shown(dkim.target, selector);
        }
        if (right) continue;
        const auto fields = zone->FieldsOf(record);
        const SourceRange where = fields.empty()
                                      ? record.range()
                                      : zone->FieldRange(record, fields[0]);
        if (expected.empty()) {
          std::string selectors;
          for (const ProviderDkim& dkim : provider->dkim) {
            if (selectors.find(Cat("'", dkim.selector, "'")) !=
                std::string::npos) {
              continue;
            }
            selectors +=
                Cat(selectors.empty() ? "" : ", ", "'", dkim.selector, "'");
          }
          sink.Emit(where,
                    Cat(provider->name, " DKIM CNAME at '", owner,
                        "' uses the selector '", selector, "', but ",
                        provider->name, " signs with ", selectors,
                        ": no message is signed with this key"),
                    Cat("publish the CNAME records exactly as ", provider->name,
                        " lists them (", provider->docs, ")"));
          continue;
        }
        sink.Emit(where,
                  Cat(provider->name, " DKIM CNAME at '", owner,
                      "' points at '", target, "', but ", provider->name,
                      " publishes the key for the selector '", selector,
                      "' at '", expected,
                      "', so receivers find another key, or none, and "
                      "DKIM fails"),
                  Cat("make the target '", expected, "', as ", provider->name,
                      " lists it for your account"));
      }
    }
  }
};

}  // namespace

const Rule& ProviderDkimCnameRule() {
  static const ProviderDkimCname rule;
  return rule;
}

}  // namespace zonelint::rules

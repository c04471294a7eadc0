// dmarc-missing: a domain that sends or receives mail (MX other than a null
// MX, an SPF record other than "v=spf1 -all", or DKIM keys) with no DMARC
// record at _dmarc.<domain> or at _dmarc of any domain above it in the
// linted zones (its organizational domain, approximated).
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "lint/rule.h"
#include "parser/mail_names.h"
#include "parser/mail_views.h"
#include "parser/name.h"
#include "parser/rdata.h"
#include "parser/rrtype.h"
#include "parser/spf.h"
#include "parser/zone.h"
#include "rules/dmarc/dmarc_rule.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// Whether `name` is a plain domain (no '_' label, not a wildcard).
bool IsPlainDomain(std::string_view name) {
  if (name.empty() || name == "." || name[0] == '*') return false;
  for (size_t start = 0; start < name.size();) {
    if (name[start] == '_') return false;
    size_t dot = name.find('.', start);
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

class DmarcMissing final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-missing", Severity::kWarning,
        "a domain that sends or receives mail has no DMARC record (at it or "
        "above it)"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    // The domains with a DMARC record at their _dmarc name.
    absl::flat_hash_set<std::string_view> with_dmarc;
    for (const DmarcSite* site : DmarcSites(context.views, false)) {
      with_dmarc.insert(site->domain);
    }
    auto covered = [&with_dmarc](std::string_view domain) {
      for (std::string_view name = domain; name != "." && !name.empty();
           name = ParentName(name)) {
        if (with_dmarc.contains(name)) return true;
      }
      return false;
    };
    // Views into the name table and the record texts, which outlive this.
    absl::flat_hash_set<std::string_view> done;
    auto report = [&](std::string_view domain, SourceRange range,
                      std::string_view why) {
      if (!IsPlainDomain(domain) || !done.insert(domain).second) return;
      if (covered(domain)) return;
      sink.Emit(
          range,
          Cat("'", domain, "' ", why, " but has no DMARC record at '_dmarc.",
              domain, "' nor at _dmarc of a domain above it"),
          Cat("publish TXT \"v=DMARC1; p=none; "
              "rua=mailto:dmarc-reports@",
              domain, "\" at '_dmarc.", domain,
              "', then tighten p once the reports are clean"));
    };
    // Zone by zone in file order: MX and SPF records where they are.
    for (const auto& zone : context.zones) {
      for (const Record& record : zone->records) {
        if (record.type != rrtype::kMX) continue;
        auto mx = AsMx(*zone, record);
        if (!mx || context.names.Text(mx->exchange) == ".") continue;
        report(context.names.Text(record.owner), record.range(),
               "receives mail (MX)");
      }
    }
    for (const SpfSite& site : context.views.Spf()) {
      if (site.type99() || SpfSendsNothing(site.spf)) continue;
      report(context.names.Text(site.owner), site.text.RecordRange(),
             "sends mail (SPF)");
    }
    for (const TxtSite* site : context.views.MailTxtOfKind(MailName::kDkim)) {
      report(site->name().domain, site->text.RecordRange(),
             "signs mail (DKIM key)");
    }
  }
};

}  // namespace

const Rule& DmarcMissingRule() {
  static const DmarcMissing rule;
  return rule;
}

}  // namespace zonelint::rules

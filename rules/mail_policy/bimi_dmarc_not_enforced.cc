// bimi-dmarc-not-enforced: a BIMI record for a domain whose DMARC policy is
// not enforced (p=quarantine or p=reject for all mail): receivers show BIMI
// logos only for mail that DMARC protects (draft-brand-indicators-for-
// message-identification 3, 4.3), so the record has no effect.
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "mail/mail_names.h"
#include "mail/mail_policy.h"
#include "mail/mail_views.h"
#include "parser/name.h"
#include "parser/rrtype.h"
#include "parser/universe.h"
#include "parser/zone.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// The organizational domain, approximated by the apex of the linted zone
// that holds `domain` (or else of the zone the BIMI record is in).
std::string_view OrgDomain(const LintContext& context, const TxtSite& bimi,
                           std::string_view domain) {
  const Zone* zone = context.universe.ZoneOf(domain);
  if (zone == nullptr) zone = bimi.zone;
  if (zone == nullptr || zone->apex == kNoName) return domain;
  std::string_view apex = context.names.Text(zone->apex);
  if (domain.size() < apex.size() || !domain.ends_with(apex)) return domain;
  return apex;
}

class BimiDmarcNotEnforced final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "bimi-dmarc-not-enforced", Severity::kWarning,
        "a BIMI record for a domain whose DMARC policy is not quarantine or "
        "reject at pct=100, so no logo is shown"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const TxtSite* site : context.views.MailTxtOfKind(MailName::kBimi)) {
      const std::string_view text = site->text.text();
      if (!bimi::IsBimiRecord(text)) continue;
      // "l=;": the domain declares it has no logo; nothing to show.
      if (bimi::ParseBimi(text).Declined()) continue;
      CheckSite(context, *site, sink);
    }
  }

 private:
  void CheckSite(const LintContext& context, const TxtSite& site,
                 RuleSink& sink) const {
    const std::string_view domain = site.name().domain;
    const std::string_view owner = context.names.Text(site.owner);
    const std::string intro = Cat("BIMI record at '", owner, "', but ");
    const char* const kWhy =
        "; receivers show a BIMI logo only for mail under a DMARC policy of "
        "quarantine or reject applied to all of it";
    std::string_view policy_domain = domain;
    std::vector<const TxtSite*> found = context.views.DmarcRecordsOf(domain);
    bool inherited = false;
    // A _dmarc name whose records are unknown (in a zone not read whole, or
    // in none linted) may hold the policy: nothing to say.
    auto unknown = [&](std::string_view at) {
      return found.empty() && !context.universe.Knows(Cat("_dmarc.", at));
    };
    if (unknown(domain)) return;
    if (found.empty()) {
      std::string_view org = OrgDomain(context, site, domain);
      if (org != domain) {
        found = context.views.DmarcRecordsOf(org);
        policy_domain = org;
        inherited = true;
        if (unknown(org)) return;
      }
    }
    const std::string where = Cat("'_dmarc.", policy_domain, "'");
    if (found.empty()) {
      sink.Emit(site.text.RecordRange(),
                Cat(intro, "'", domain,
                    "' has no DMARC record in the linted zones", kWhy),
                Cat("publish 'v=DMARC1; p=quarantine; rua=mailto:...' (or "
                    "p=reject) at '_dmarc.",
                    domain, "'"));
      return;
    }
    if (found.size() > 1) {
      sink.Emit(site.text.RecordRange(),
                Cat(intro, where,
                    " has more than one DMARC record, so receivers apply "
                    "none",
                    kWhy),
                "keep one DMARC record, with p=quarantine or p=reject");
      return;
    }
    const dmarc::Record record = dmarc::ParseDmarc(found[0]->text.text());
    // A subdomain without its own record gets the organizational domain's
    // sp= (else p=).
    const bool sub = inherited && record.has_sp;
    const dmarc::Policy policy =
        inherited ? record.SubdomainPolicy() : record.policy();
    if (policy == dmarc::Policy::kNone) {
      std::string what =
          sub ? "sp=none" : (record.has_p ? "p=none" : "no valid p= (so none)");
      sink.Emit(site.text.RecordRange(),
                Cat(intro, "the DMARC policy at ", where,
                    inherited ? " for its subdomains" : "", " is ", what, kWhy),
                Cat("once DMARC reports show your mail passes, set '",
                    sub ? "sp" : "p", "=quarantine' or '", sub ? "sp" : "p",
                    "=reject' at ", where));
      return;
    }
    if (record.pct < 100) {
      sink.Emit(site.text.RecordRange(),
                Cat(intro, "the DMARC policy at ", where,
                    " applies to pct=", record.pct, " of mail", kWhy),
                Cat("remove 'pct=", record.pct,
                    "' (the default is 100) or set 'pct=100' at ", where));
      return;
    }
    // At the organizational domain, sp=none leaves its subdomains open,
    // which BIMI does not accept either.
    if (!inherited && record.has_sp && record.sp == dmarc::Policy::kNone) {
      sink.Emit(site.text.RecordRange(),
                Cat(intro, "the DMARC policy at ", where,
                    " is sp=none for subdomains", kWhy),
                Cat("set 'sp=quarantine' or 'sp=reject', or remove 'sp=' so "
                    "that subdomains get p=, at ",
                    where));
    }
  }
};

}  // namespace

const Rule& BimiDmarcNotEnforcedRule() {
  static const BimiDmarcNotEnforced rule;
  return rule;
}

}  // namespace zonelint::rules

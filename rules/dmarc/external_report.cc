// dmarc-external-report: rua/ruf addresses in another organisation's
// domain need that domain's consent: a "v=DMARC1" TXT record at
// <policy-domain>._report._dmarc.<report-domain> (RFC 7489 7.1). Checked
// when the report domain is in a linted zone (warning when missing);
// otherwise reported as info, since it cannot be checked offline.
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "parser/name.h"
#include "parser/universe.h"
#include "rules/dmarc/dmarc_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// Whether reports to `report` (canonical) stay within the organisation of
// `policy` (canonical): one is at or below the other, or `report` is in the
// zone that holds `policy` (the organizational domain approximated by the
// linted zone's apex).
bool SameOrganization(const Universe& universe, std::string_view policy,
                      std::string_view report) {
  if (IsAtOrBelow(report, policy) || IsAtOrBelow(policy, report)) return true;
  const Zone* zone = universe.ZoneOf(policy);
  if (zone == nullptr || zone->apex == kNoName) return false;
  std::string_view apex = universe.names().Text(zone->apex);
  return apex != "." && IsAtOrBelow(report, apex);
}

class DmarcExternalReport final : public DmarcRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-external-report", Severity::kWarning,
        "DMARC reports sent to another domain that does not authorise them "
        "(<domain>._report._dmarc.<other>)"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const DmarcSite& site,
                   RuleSink& sink) const override {
    std::vector<std::string> done;
    for (const auto* list : {&site.record.rua, &site.record.ruf}) {
      for (const dmarc::ReportUri& uri : *list) {
        if (!uri.valid || uri.domain.empty()) continue;
        std::string report = Cat(uri.domain, ".");
        if (SameOrganization(context.universe, site.domain, report)) continue;
        bool repeat = false;
        for (const std::string& d : done) repeat = repeat || d == report;
        if (repeat) continue;
        done.push_back(report);
        std::string auth = Cat(site.domain, "_report._dmarc.", report);
        std::string help =
            Cat("'", uri.domain, "' must publish TXT \"v=DMARC1\" at '", auth,
                "' (or at '*._report._dmarc.", report,
                "'), or reports to it are dropped (RFC 7489 7.1)");
        if (!context.universe.Knows(report)) {
          // In a linted zone whose $INCLUDE failed: unknown, and zone-include
          // says so.
          if (context.universe.ZoneOf(report) != nullptr) continue;
          sink.EmitWithSeverity(
              Severity::kInfo, DmarcRange(site, uri.range),
              Cat("DMARC reports for '", site.domain, "' go to '", uri.domain,
                  "', which is not linted here, so its authorisation "
                  "record cannot be checked"),
              help);
          continue;
        }
        const NameId exact = context.universe.Find(auth);
        const NameId wild =
            context.universe.Find(Cat("*._report._dmarc.", report));
        if (!context.views.DmarcRecordsAt(exact).empty() ||
            !context.views.DmarcRecordsAt(wild).empty()) {
          continue;
        }
        sink.Emit(
            DmarcRange(site, uri.range),
            Cat("DMARC reports for '", site.domain, "' go to '", uri.domain,
                "', which does not authorise them: no "
                "DMARC record at '",
                auth, "'"),
            help);
      }
    }
  }
};

}  // namespace

const Rule& DmarcExternalReportRule() {
  static const DmarcExternalReport rule;
  return rule;
}

}  // namespace zonelint::rules

// ses-unknown-region: an Amazon SES endpoint (an MX or CNAME target) whose
// region is not one of SES's regions, such as "us-east1".
#include <string_view>

#include "lint/rule.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "rules/provider/providers.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SesUnknownRegion final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "ses-unknown-region", Severity::kWarning,
        "an Amazon SES endpoint that names no SES region (\"us-east1\")"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const MailProvider& ses = AmazonSes();
    for (const auto& zone : context.zones) {
      for (const Record& record : zone->records) {
        if (record.type != rrtype::kMX && record.type != rrtype::kCNAME) {
          continue;
        }
        const auto fields = zone->FieldsOf(record);
        const size_t target_field = record.type == rrtype::kMX ? 1 : 0;
        if (fields.size() <= target_field ||
            fields[target_field].kind != FieldKind::kName) {
          continue;
        }
        const std::string_view target =
            context.names.Text(fields[target_field].value);
        // Cheap first: every SES host name ends in one of these.
        if (!target.ends_with(".amazonses.com.") &&
            !target.ends_with(".amazonaws.com.")) {
          continue;
        }
        const std::string_view region = SesRegionOf(ses, target);
        if (region.empty() || IsProviderRegion(ses, region)) continue;
        const std::string_view closest = ClosestRegion(ses, region);
        sink.Emit(
            zone->FieldRange(record, fields[target_field]),
            Cat("'", target, "' names the region '", region,
                "', which is not an Amazon SES region",
                closest.empty() ? "" : Cat(" (did you mean '", closest, "'?)"),
                "; the name does not exist, so ",
                record.type == rrtype::kMX
                    ? "mail to this MX cannot be delivered"
                    : "the DKIM key behind it is never found"),
            closest.empty()
                ? std::string("use the region of your SES identity, "
                              "as the SES console shows it")
                : Cat("write '", closest, "' as in the SES console"));
      }
    }
  }

 private:
  // The region of an SES endpoint (empty when `target` is none).
  static std::string_view SesRegionOf(const MailProvider& ses,
                                      std::string_view target) {
    for (auto patterns : {ses.bounce_mx, ses.inbound_mx}) {
      for (std::string_view pattern : patterns) {
        const HostMatch m = MatchHost(pattern, target);
        if (m.matched) return m.region;
      }
    }
    for (const ProviderDkim& dkim : ses.dkim) {
      const HostMatch m = MatchHost(dkim.target, target);
      if (m.matched && !m.region.empty()) return m.region;
    }
    return {};
  }
};

}  // namespace

const Rule& SesUnknownRegionRule() {
  static const SesUnknownRegion rule;
  return rule;
}

}  // namespace zonelint::rules

// dmarc-multiple-records: more than one DMARC record at one _dmarc name,
// which makes receivers apply no DMARC policy at all (RFC 7489 6.6.3).
#include <string>
#include <vector>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "mail/mail_names.h"
#include "mail/mail_views.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DmarcMultipleRecords final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-multiple-records", Severity::kError,
        "more than one DMARC record at one _dmarc name (no policy applies)"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const TxtSite* site : context.views.MailTxtOfKind(MailName::kDmarc)) {
      if (!dmarc::IsDmarcRecord(site->text.text())) continue;
      // Identical texts are one record in DNS: count distinct ones, and
      // report each but the first when it is reached.
      std::vector<std::string_view> seen;
      for (const TxtSite* other : context.views.DmarcRecordsAt(site->owner)) {
        bool repeat = false;
        for (std::string_view s : seen)
          repeat = repeat || s == other->text.text();
        if (other == site) {
          if (!repeat && !seen.empty()) {
            sink.Emit(site->text.RecordRange(),
                      Cat("DMARC record number ", seen.size() + 1, " at '",
                          context.names.Text(site->owner),
                          "'; with more than one, receivers apply no DMARC "
                          "policy to the domain"),
                      "merge the records into one 'v=DMARC1; p=...' record");
          }
          break;
        }
        if (!repeat) seen.push_back(other->text.text());
      }
    }
  }
};

}  // namespace

const Rule& DmarcMultipleRecordsRule() {
  static const DmarcMultipleRecords rule;
  return rule;
}

}  // namespace zonelint::rules

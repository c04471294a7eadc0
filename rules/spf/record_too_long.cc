// spf-record-too-long: an SPF record over 450 bytes, whose DNS answer may
// not fit in a 512-byte UDP message (RFC 7208 3.4).
#include "lint/rule.h"
#include "mail/mail_views.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

constexpr size_t kMaxLength = 450;

class SpfRecordTooLong final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-record-too-long", Severity::kWarning,
        "an SPF record over 450 bytes; its answer may not fit 512-byte UDP"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext& context, const SpfSite& site,
                   RuleSink& sink) const override {
    const size_t length = site.text.text().size();
    if (length <= kMaxLength) return;
    sink.Emit(site.text.RecordRange(),
              Cat("SPF record at '", context.names.Text(site.owner), "' is ",
                  length, " bytes long; over ", kMaxLength,
                  " its DNS answer may not fit in a 512-byte UDP message"),
              "shorten it: merge ip4/ip6 ranges into wider prefixes, drop "
              "senders you no longer use, or move some into a record you "
              "include");
  }
};

}  // namespace

const Rule& SpfRecordTooLongRule() {
  static const SpfRecordTooLong rule;
  return rule;
}

}  // namespace zonelint::rules

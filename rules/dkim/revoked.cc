// dkim-revoked: an empty p=, which revokes the key (RFC 6376 3.6.1):
// signatures with its selector fail.
#include "lint/rule.h"
#include "mail/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimRevoked final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-revoked", Severity::kInfo,
        "a revoked DKIM key (empty p=): signatures with it fail"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    const dkim::Key& key = site.key();
    if (!key.revoked) return;
    sink.Emit(
        site.Range(key.key_tag_range),
        Cat("the DKIM key at '", DkimDisplayName(context.names, site.owner),
            "' is revoked (empty p=): signatures with this selector "
            "fail",
            site.Via(context.names)),
        "fine if the selector is retired; if mail is still signed "
        "with it, publish its public key in p=");
  }
};

}  // namespace

const Rule& DkimRevokedRule() {
  static const DkimRevoked rule;
  return rule;
}

}  // namespace zonelint::rules

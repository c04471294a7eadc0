// dkim-key-invalid: a p= value that is not base64, not a public key, or not
// a key of the k= type (RSA as SubjectPublicKeyInfo or PKCS#1; Ed25519 as
// exactly 32 raw bytes, RFC 8463); and a DKIM CNAME whose target a linted
// zone holds without a key.
#include "lint/rule.h"
#include "mail/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimKeyInvalid final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-key-invalid", Severity::kError,
        "a DKIM p= that is not base64, not a public key, or not the k= type"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    const DkimKeys& keys = context.views.Dkim();
    for (const DkimSite& site : keys.sites) {
      for (const dkim::Error& error : site.key().errors) {
        if (error.kind != dkim::ErrorKind::kKeyInvalid) continue;
        sink.Emit(site.Range(error.range),
                  Cat(error.message, site.Via(context.names)), error.help);
      }
    }
    for (const DkimMissingTarget& missing : keys.missing_targets) {
      const std::string_view target =
          DkimDisplayName(context.names, missing.target);
      sink.Emit(missing.cname->range(),
                Cat("'", target, "' (the target of the DKIM CNAME at '",
                    DkimDisplayName(context.names, missing.owner),
                    "') has no DKIM key"),
                Cat("publish the key as a TXT record at '", target,
                    "', or point the CNAME at the name that holds it"));
    }
  }
};

}  // namespace

const Rule& DkimKeyInvalidRule() {
  static const DkimKeyInvalid rule;
  return rule;
}

}  // namespace zonelint::rules

// dkim-key-too-short: an RSA key under 1024 bits, whose signatures RFC 8301
// 3.2 forbids verifiers to accept.
#include "lint/rule.h"
#include "mail/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimKeyTooShort final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-key-too-short", Severity::kError,
        "an RSA DKIM key under 1024 bits, which verifiers must reject"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    const dkim::Key& key = site.key();
    if (!IsRsaKey(key) || key.key_info.bits >= 1024) return;
    sink.Emit(site.Range(key.key_range),
              Cat("the RSA key in p= has ", key.key_info.bits,
                  " bits; verifiers must not accept signatures made with "
                  "keys under 1024 bits (RFC 8301 3.2)",
                  site.Via(context.names)),
              "generate a 2048-bit key ('openssl genrsa 2048'), publish it "
              "under a new selector and sign with it");
  }

 private:
  static bool IsRsaKey(const dkim::Key& key) {
    return key.type == dkim::KeyType::kRsa && key.decoded &&
           (key.key_info.format == dkim::KeyFormat::kRsaSpki ||
            key.key_info.format == dkim::KeyFormat::kRsaPkcs1);
  }
};

}  // namespace

const Rule& DkimKeyTooShortRule() {
  static const DkimKeyTooShort rule;
  return rule;
}

}  // namespace zonelint::rules

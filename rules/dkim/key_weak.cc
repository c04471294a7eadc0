// dkim-key-weak: an RSA key of 1024 to 2047 bits: accepted, but RFC 8301
// 3.2 says signers should use at least 2048 bits.
#include "lint/rule.h"
#include "mail/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimKeyWeak final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-key-weak", Severity::kWarning,
        "an RSA DKIM key under 2048 bits (RFC 8301 recommends 2048)"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    const dkim::Key& key = site.key();
    if (key.type != dkim::KeyType::kRsa || !key.decoded) return;
    if (key.key_info.format != dkim::KeyFormat::kRsaSpki &&
        key.key_info.format != dkim::KeyFormat::kRsaPkcs1) {
      return;
    }
    const int bits = key.key_info.bits;
    if (bits < 1024 || bits >= 2048) return;
    sink.Emit(site.Range(key.key_range),
              Cat("the RSA key in p= has ", bits,
                  " bits, under the 2048 that RFC 8301 3.2 says signers "
                  "should use",
                  site.Via(context.names)),
              "generate a 2048-bit key ('openssl genrsa 2048'), publish it "
              "under a new selector, sign with it, then revoke this one");
  }
};

}  // namespace

const Rule& DkimKeyWeakRule() {
  static const DkimKeyWeak rule;
  return rule;
}

}  // namespace zonelint::rules

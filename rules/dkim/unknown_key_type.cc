// dkim-unknown-key-type: a k= other than rsa or ed25519; verifiers ignore
// keys of a type they do not know (RFC 6376 3.6.1), so signatures fail.
#include "lint/rule.h"
#include "mail/dkim.h"
#include "mail/dkim_key.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimUnknownKeyType final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-unknown-key-type", Severity::kWarning,
        "a DKIM k= other than rsa or ed25519, which verifiers ignore"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    const dkim::Key& key = site.key();
    if (key.type != dkim::KeyType::kUnknown) return;
    for (const dkim::Error& error : key.errors) {
      // A malformed k= value is reported by dkim-syntax.
      if (error.range.begin == key.type_range.begin &&
          error.range.end == key.type_range.end) {
        return;
      }
    }
    sink.Emit(site.Range(key.type_range),
              Cat("unknown DKIM key type 'k=", key.type_text,
                  "': verifiers ignore the key, so signatures with it fail",
                  site.Via(context.names)),
              Help(key));
  }

 private:
  static std::string Help(const dkim::Key& key) {
    if (EqualsIgnoreCase(key.type_text, "rsa") ||
        EqualsIgnoreCase(key.type_text, "ed25519")) {
      return Cat("write 'k=", AsciiLowerString(key.type_text),
                 "': values are case-sensitive");
    }
    const dkim::KeyFormat format =
        key.decoded ? key.key_info.format : dkim::KeyFormat::kNone;
    if (format == dkim::KeyFormat::kRsaSpki ||
        format == dkim::KeyFormat::kRsaPkcs1) {
      return "p= holds an RSA key: write 'k=rsa' (or leave k= out)";
    }
    if (key.decoded && key.key_size == 32) {
      return "p= holds 32 bytes, an Ed25519 key: write 'k=ed25519'";
    }
    return "write 'k=rsa' or 'k=ed25519', the key types verifiers know";
  }
};

}  // namespace

const Rule& DkimUnknownKeyTypeRule() {
  static const DkimUnknownKeyType rule;
  return rule;
}

}  // namespace zonelint::rules

// dkim-sha1: an h= tag that allows sha1, which RFC 8301 3.1 forbids for
// signing and verifying.
#include "lint/rule.h"
#include "mail/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimSha1 final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-sha1", Severity::kWarning,
        "a DKIM key whose h= allows sha1 (RFC 8301 forbids rsa-sha1)"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    const dkim::Key& key = site.key();
    if (key.revoked) return;
    const dkim::Item* sha1 = key.Sha1Hash();
    if (sha1 == nullptr) return;
    bool sha256 = false;
    for (const dkim::Item& hash : key.hashes) {
      if (hash.text == "sha256") sha256 = true;
    }
    sink.Emit(site.Range(sha1->range),
              Cat("'h=", site.TextOf(key.hashes_range),
                  "' allows sha1, which RFC 8301 3.1 forbids: verifiers "
                  "reject rsa-sha1 signatures",
                  sha256 ? "" : ", and no other hash is left for this key",
                  site.Via(context.names)),
              sha256 ? "write 'h=sha256', or leave h= out"
                     : "sign with rsa-sha256 and write 'h=sha256', or leave "
                       "h= out");
  }
};

}  // namespace

const Rule& DkimSha1Rule() {
  static const DkimSha1 rule;
  return rule;
}

}  // namespace zonelint::rules

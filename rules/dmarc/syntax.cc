// dmarc-syntax: a DMARC record that breaks the RFC 7489 6.4 grammar after
// its version: malformed tag list, duplicate tags, bad tag values, no p,
// malformed report URIs, a likely misspelt tag name. Text that receivers do
// not take as a DMARC record at all is dmarc-lookalike's.
#include "lint/rule.h"
#include "rules/dmarc/dmarc_rule.h"

namespace zonelint::rules {
namespace {

class DmarcSyntax final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-syntax", Severity::kError,
        "a DMARC record that breaks the RFC 7489 grammar (receivers ignore "
        "it or the bad tag)"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const DmarcSite& site : context.views.Dmarc()) {
      for (const dmarc::Error& error : site.record.errors) {
        sink.Emit(DmarcRange(site, error.range), error.message, error.help);
      }
    }
  }
};

}  // namespace

const Rule& DmarcSyntaxRule() {
  static const DmarcSyntax rule;
  return rule;
}

}  // namespace zonelint::rules

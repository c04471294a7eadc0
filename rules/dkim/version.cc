// dkim-version: a v= tag that is not "DKIM1" or not the first tag; RFC
// 6376 3.6.1 makes verifiers discard such a key.
#include <optional>
#include <vector>

#include "lint/rule.h"
#include "mail/dkim.h"
#include "rules/dkim/dkim_rule.h"
#include "rules/fixes/txt_edits.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DkimVersion final : public DkimKeyRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dkim-version", Severity::kError,
        "a DKIM key whose v= is not first or not `DKIM1`"};
    return kInfo;
  }

 protected:
  void CheckKey(const LintContext& context, const DkimSite& site,
                RuleSink& sink) const override {
    bool fix_given = false;
    for (const dkim::Error& error : site.key().errors) {
      if (error.kind != dkim::ErrorKind::kVersion) continue;
      // v= not first: the error is at the whole v= tag (once, when it is
      // also a bad version).
      std::vector<Fix> fixes;
      if (!fix_given && error.range.begin == site.key().version_range.begin &&
          error.range.end == site.key().version_range.end) {
        if (std::optional<Fix> fix = MoveVersionFirst(
                *site.zone, *site.record, *site.text, context.sources)) {
          fixes.push_back(*std::move(fix));
          fix_given = true;
        }
      }
      sink.Emit(site.Range(error.range),
                Cat(error.message, site.Via(context.names)), error.help,
                std::move(fixes));
    }
  }
};

}  // namespace

const Rule& DkimVersionRule() {
  static const DkimVersion rule;
  return rule;
}

}  // namespace zonelint::rules

// Rules: what each one is (RuleInfo) and the interface it implements.
// A rule reads the parsed zones and emits findings into a RuleSink; it
// never prints and never reads configuration (lint/runner.cc applies
// suppressions, severity overrides and the fail level).
#ifndef ZONELINT_LINT_RULE_H_
#define ZONELINT_LINT_RULE_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/diagnostic.h"
#include "mail/mail_views.h"
#include "mail/spf_costs.h"
#include "parser/name.h"
#include "parser/source.h"
#include "parser/universe.h"
#include "parser/zone.h"

namespace zonelint {

struct RuleInfo {
  std::string_view id;       // kebab-case, prefixed by area: "zone-syntax"
  Severity severity;         // the default
  std::string_view summary;  // one line, for --list-rules and the README
};

// Everything linted together: the files, the shared name table and the
// zones (several zone files given at once form one universe), the universe
// that answers questions across them, the parsed mail records, and the
// user's SPF cost table (--spf-costs; empty when none was given).
struct LintContext {
  const SourceSet& sources;
  const NameTable& names;
  const std::vector<std::unique_ptr<Zone>>& zones;
  const Universe& universe;
  const MailViews& views;
  const SpfCostTable& spf_costs;
};

// What a rule emits into: fills in the rule id and default severity, and
// stores the finding (its texts copied) in the run's Findings.
class RuleSink {
 public:
  RuleSink(const RuleInfo& info, Findings* findings)
      : info_(info), findings_(findings) {}
  void Emit(SourceRange range, std::string_view message,
            std::string_view help) {
    findings_->Add(info_.id, info_.severity, range, message, help);
  }
  // With fixes (lint/diagnostic.h): only where the change is certain.
  void Emit(SourceRange range, std::string_view message, std::string_view help,
            std::vector<Fix> fixes) {
    findings_->Add(info_.id, info_.severity, range, message, help,
                   std::move(fixes));
  }
  // For the few rules whose diagnostics differ in severity by case (the
  // doc page says which); a --severity override still replaces it.
  void EmitWithSeverity(Severity severity, SourceRange range,
                        std::string_view message, std::string_view help) {
    findings_->Add(info_.id, severity, range, message, help);
  }

 private:
  const RuleInfo& info_;
  Findings* findings_;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void Check(const LintContext& context, RuleSink& sink) const = 0;
};

// Whether a select pattern, a rule id or a prefix ending in '*' ("spf-*"),
// names the rule `id`.
inline bool RulePatternMatches(std::string_view pattern, std::string_view id) {
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return id.substr(0, pattern.size()) == pattern;
  }
  return id == pattern;
}

// Every rule, sorted by id (rules/registry.cc).
const std::vector<const Rule*>& AllRules();
// nullptr when no rule has this id.
const Rule* FindRule(std::string_view id);
// The rule id closest to a misspelt one, for "did you mean"; empty when
// none is close (see Nearest in util/strings.h).
std::string_view NearestRuleId(std::string_view id);
// "unknown rule 'x' (did you mean 'y'?)", or with "(see zonelint
// --list-rules)" when no id is close.
std::string UnknownRuleMessage(std::string_view id);

}  // namespace zonelint

#endif  // ZONELINT_LINT_RULE_H_

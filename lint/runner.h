// Runs the rules and applies what only the engine knows about: disabled
// rules, severity overrides, per-file settings and inline suppressions
// (lint/suppressions.h). Sorts the result.
#ifndef ZONELINT_LINT_RUNNER_H_
#define ZONELINT_LINT_RUNNER_H_

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/rule.h"

namespace zonelint {

// Rules turned off and severities changed, for every file or some.
struct RuleOverrides {
  std::vector<std::string> disabled;                       // rule ids
  std::vector<std::pair<std::string, Severity>> severity;  // the last wins
};

struct LintConfig : RuleOverrides {
  // Report the names in inline suppressions that silenced nothing, as
  // zone-suppression findings.
  bool report_unused_suppressions = false;
  // Overrides for some files (the config file's [per-path] sections), by
  // the path a file was read from: its findings of the `disabled` rules are
  // dropped, and its `severity` overrides apply after the ones above.
  // Called once per file that has a finding; may be unset.
  std::function<RuleOverrides(std::string_view path)> per_file;
};

// The findings of every enabled rule, by file, position and rule, kept
// compactly (for output: a big zone's findings can be many).
Findings LintFindings(const LintContext& context, const LintConfig& config);

}  // namespace zonelint

#endif  // ZONELINT_LINT_RUNNER_H_

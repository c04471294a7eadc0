// Runs the rules and applies what only the engine knows about: disabled
// rules, severity overrides and inline suppressions. Sorts the result.
#ifndef ZONELINT_LINT_RUNNER_H_
#define ZONELINT_LINT_RUNNER_H_

#include <string>
#include <utility>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/rule.h"

namespace zonelint {

struct LintConfig {
  std::vector<std::string> disabled;                       // rule ids
  std::vector<std::pair<std::string, Severity>> severity;  // id -> severity
};

// Inline suppressions, in zone-file comments:
//   ; zonelint-disable-line RULE[,RULE...]       this line
//   ; zonelint-disable-next-line RULE[,RULE...]  the next line
//   ; zonelint-disable-file RULE[,RULE...]       the whole file
// "all" stands for every rule.
// The findings of every enabled rule, by file, position and rule, kept
// compactly (for output: a big zone's findings can be many).
Findings LintFindings(const LintContext& context, const LintConfig& config);
// The same as Diagnostics that own their texts (for tests and small zones).
std::vector<Diagnostic> RunLint(const LintContext& context,
                                const LintConfig& config);

}  // namespace zonelint

#endif  // ZONELINT_LINT_RUNNER_H_

// The rule pages of docs/rules/, compiled into the binary for --explain.
#ifndef ZONELINT_LINT_RULE_DOCS_H_
#define ZONELINT_LINT_RULE_DOCS_H_

#include <string_view>

namespace zonelint {

// The Markdown page of a rule; empty when there is none.
std::string_view RuleDoc(std::string_view id);

}  // namespace zonelint

#endif  // ZONELINT_LINT_RULE_DOCS_H_

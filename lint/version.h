// What zonelint says of itself: its version (--version, SARIF's
// tool.driver.version) and its home, where the rule pages are.
#ifndef ZONELINT_LINT_VERSION_H_
#define ZONELINT_LINT_VERSION_H_

namespace zonelint {

inline constexpr char kVersion[] = "0.1.0";
// The project's home: SARIF's tool.driver.informationUri, and with
// "/blob/main/docs/rules/<id>.md" each rule's helpUri.
inline constexpr char kHomepage[] = "https://github.com/zonelint/zonelint";

}  // namespace zonelint

#endif  // ZONELINT_LINT_VERSION_H_

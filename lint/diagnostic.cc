#include "lint/diagnostic.h"

#include <utility>

namespace zonelint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo:
      return "info";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "error";
}

bool ParseSeverity(std::string_view text, Severity* s) {
  if (text == "info") {
    *s = Severity::kInfo;
  } else if (text == "warning") {
    *s = Severity::kWarning;
  } else if (text == "error") {
    *s = Severity::kError;
  } else {
    return false;
  }
  return true;
}

void Findings::Add(std::string_view rule, Severity severity, SourceRange range,
                   std::string_view message, std::string_view help,
                   std::vector<Fix> fixes) {
  Finding finding{rule, severity, range, text_.Store(message), {}, {}};
  if (!help.empty()) {
    auto it = helps_.find(help);
    if (it == helps_.end()) it = helps_.insert(text_.Store(help)).first;
    finding.help = *it;
  }
  if (!fixes.empty()) finding.fixes = fixes_.emplace_back(std::move(fixes));
  list_.push_back(finding);
}

}  // namespace zonelint

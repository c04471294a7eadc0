#include "lint/diagnostic.h"

namespace zonelint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
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

}  // namespace zonelint

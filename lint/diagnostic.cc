#include "lint/diagnostic.h"

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

void Findings::Add(const Diagnostic& d) {
  DiagnosticView view{d.rule, d.severity, d.range, text_.Store(d.message),
                      {}, {}};
  if (!d.help.empty()) {
    auto it = helps_.find(std::string_view(d.help));
    if (it == helps_.end()) {
      it = helps_.insert(text_.Store(d.help)).first;
    }
    view.help = *it;
  }
  if (!d.fixes.empty()) {
    view.fixes = fixes_.emplace_back(d.fixes);
  }
  list_.push_back(view);
}

std::vector<Diagnostic> Findings::ToVector() const {
  std::vector<Diagnostic> out;
  out.reserve(list_.size());
  for (const DiagnosticView& d : list_) {
    out.push_back({d.rule, d.severity, d.range, std::string(d.message),
                   std::string(d.help),
                   std::vector<Fix>(d.fixes.begin(), d.fixes.end())});
  }
  return out;
}

}  // namespace zonelint

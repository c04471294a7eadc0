// Findings: what rules emit, and the sink they emit into.
#ifndef ZONELINT_LINT_DIAGNOSTIC_H_
#define ZONELINT_LINT_DIAGNOSTIC_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parser/source.h"

namespace zonelint {

enum class Severity : uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);
// "error", "warning" or "info".
bool ParseSeverity(std::string_view text, Severity* s);

struct Diagnostic {
  std::string_view rule;  // the rule's id (static storage)
  Severity severity = Severity::kError;
  SourceRange range;      // positions are data, never part of `message`
  std::string message;
  std::string help;       // how to fix it; may be empty
};

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void Emit(Diagnostic d) = 0;
};

class VectorSink : public DiagnosticSink {
 public:
  void Emit(Diagnostic d) override { diagnostics.push_back(std::move(d)); }
  std::vector<Diagnostic> diagnostics;
};

}  // namespace zonelint

#endif  // ZONELINT_LINT_DIAGNOSTIC_H_

// Output formats for diagnostics: text (clang-like, with the source line,
// a caret and a help line), gcc (one line each), json, sarif (SARIF 2.1.0,
// for GitHub code scanning) and github (GitHub Actions annotations).
#ifndef ZONELINT_LINT_FORMAT_H_
#define ZONELINT_LINT_FORMAT_H_

#include <ostream>
#include <string>
#include <string_view>

#include "lint/diagnostic.h"
#include "parser/source.h"

namespace zonelint {

enum class OutputFormat { kText, kGcc, kJson, kSarif, kGithub };

// The names --format takes, for messages.
inline constexpr char kOutputFormatNames[] = "text, gcc, json, sarif or github";

bool ParseOutputFormat(std::string_view text, OutputFormat* format);

struct FormatOptions {
  OutputFormat format = OutputFormat::kText;
  bool color = false;
};

// Appends the formatted findings to *out.
void FormatDiagnostics(const SourceSet& sources, const Findings& diagnostics,
                       const FormatOptions& options, std::string* out);

// Writes the formatted findings to `out` as they are formatted, a chunk
// at a time.
void WriteDiagnostics(const SourceSet& sources, const Findings& diagnostics,
                      const FormatOptions& options, std::ostream& out);

// The web page of a rule: SARIF's helpUri, the language server's
// codeDescription.href.
std::string RulePageUrl(std::string_view id);

// JSON string literal of `s` (valid UTF-8 out, whatever the bytes in).
std::string JsonString(std::string_view s);

}  // namespace zonelint

#endif  // ZONELINT_LINT_FORMAT_H_

// A lint session: the files read, the shared name table and the zones
// parsed from them; what the CLI, the tests and the fuzzer drive.
#ifndef ZONELINT_LINT_SESSION_H_
#define ZONELINT_LINT_SESSION_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "lint/rule.h"
#include "lint/runner.h"
#include "parser/name.h"
#include "parser/source.h"
#include "parser/zone.h"
#include "parser/zone_parser.h"

namespace zonelint {

class Session {
 public:
  // Reads and parses a zone file. Fails (without adding a zone) when the
  // file cannot be read.
  absl::Status AddFile(const std::string& path, const ParseOptions& options);
  // Parses a zone held in memory; `name` is what diagnostics call it.
  void AddText(std::string name, std::string contents,
               const ParseOptions& options);

  LintContext context() const { return {sources_, names_, zones_}; }
  std::vector<Diagnostic> Lint(const LintConfig& config) const {
    return RunLint(context(), config);
  }

  const SourceSet& sources() const { return sources_; }
  const std::vector<std::unique_ptr<Zone>>& zones() const { return zones_; }

 private:
  void Parse(FileId file, const ParseOptions& options);

  SourceSet sources_;
  NameTable names_;
  std::vector<std::unique_ptr<Zone>> zones_;
};

}  // namespace zonelint

#endif  // ZONELINT_LINT_SESSION_H_

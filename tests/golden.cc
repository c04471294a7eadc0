#include "tests/golden.h"

#include "lint/format.h"
#include "lint/session.h"

namespace zonelint::testing {

std::string LintFixture(const std::string& relative_path) {
  Session session;
  absl::Status status = session.AddFile(relative_path, ParseOptions{});
  if (!status.ok()) return "cannot read " + relative_path + "\n";
  std::string out;
  FormatDiagnostics(session.sources(), session.Lint(LintConfig{}),
                    {OutputFormat::kGcc, false}, &out);
  return out;
}

}  // namespace zonelint::testing

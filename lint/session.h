// A lint session: the files read, the shared name table and the zones
// parsed from them; what the CLI, the tests and the fuzzer drive.
#ifndef ZONELINT_LINT_SESSION_H_
#define ZONELINT_LINT_SESSION_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "lint/rule.h"
#include "lint/runner.h"
#include "mail/spf_costs.h"
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

  // A file for AddFiles: read from `path`, or, given `text`, that text
  // under the name `path`.
  struct Input {
    std::string path;
    std::optional<std::string> text;
    ParseOptions options;
  };
  // AddFile or AddText for each input, the files read and parsed on all
  // cores; the session ends up exactly as after adding them one by one in
  // this order (the same ids, so the same output). One status per input.
  std::vector<absl::Status> AddFiles(std::vector<Input> inputs);

  // The user's SPF cost table (--spf-costs) the SPF lookup rules read.
  void set_spf_costs(SpfCostTable costs) { spf_costs_ = std::move(costs); }

  // Runs every rule over all zones added so far. Then `after`, if set,
  // sees the linted set, whose universe and mail views live only during the
  // call (--write-spf-costs reads the SPF lookup analysis there).
  Findings Lint(
      const LintConfig& config,
      const std::function<void(const LintContext&)>& after = nullptr) const;

  const SourceSet& sources() const { return sources_; }
  const std::vector<std::unique_ptr<Zone>>& zones() const { return zones_; }

 private:
  void Parse(FileId file, const ParseOptions& options);

  SourceSet sources_;
  NameTable names_;
  std::vector<std::unique_ptr<Zone>> zones_;
  SpfCostTable spf_costs_;
};

}  // namespace zonelint

#endif  // ZONELINT_LINT_SESSION_H_

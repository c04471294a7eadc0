// What decides how zone files are linted, shared by the command line and
// the language server: the config file in force, and the rule flags over
// it (see the CLI's --help for how flags and the file combine).
#ifndef ZONELINT_LINT_SETTINGS_H_
#define ZONELINT_LINT_SETTINGS_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/config.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "lint/zone_files.h"
#include "parser/zone_parser.h"

namespace zonelint {

// The rule flags of a run (--select, --disable, --severity,
// --report-unused-suppressions) and the name given to stdin.
struct RuleFlags {
  std::vector<std::string> select;   // rule patterns
  std::vector<std::string> disable;  // rule ids
  std::vector<std::pair<std::string, Severity>> severity;
  bool report_unused_suppressions = false;
  std::string stdin_filename;
};

// The config file for linting `paths`: `config_file` when given, else the
// nearest one (FindConfig), if any; nothing with `no_config`. The error's
// message is the text to show, "FILE:LINE:COL: error: ..." lines or one
// line starting "zonelint: ".
absl::StatusOr<std::optional<Config>> ReadConfig(
    const std::vector<std::string>& paths, const std::string& stdin_filename,
    const std::string& config_file, bool no_config);

// The flags over the config file: which rules run, severity overrides,
// per-path settings. `config` (may be null) must outlive the result.
LintConfig MakeLintConfig(const RuleFlags& flags, const Config* config);

// The config's [directory] patterns as a ZoneFileChoice; empty for none.
// `config` (may be null) must outlive the result.
ZoneFileChoice MakeZoneFileChoice(const Config* config);

// How to parse `path`: `origin` (canonical) when given, else the origin of
// the config's [per-path] section for it, if any.
ParseOptions ParseOptionsFor(const std::string& origin, const Config* config,
                             const std::string& path);

}  // namespace zonelint

#endif  // ZONELINT_LINT_SETTINGS_H_

// The config file, .zonelint.toml: the settings of every run on the zone
// files below its folder, so that pre-commit, CI, Bazel and editors need no
// flags. The README's Configuration section documents the keys:
//
//   select = ["zone-*", "spf-*"]       disable = ["zone-ttl-mismatch"]
//   severity = { "dmarc-missing" = "info" }      fail-level = "error"
//   spf-costs = ["spf-costs.txt"]      report-unused-suppressions = true
//   [directory]   include = [GLOB...]  exclude = [GLOB...]
//   [per-path."GLOB"]   disable = [...]  severity = {...}  origin = "NAME"
//
// Paths and globs (lint/glob.h) are relative to the config file's folder.
// Parsed with toml++; every problem (TOML syntax, an unknown key, a bad
// value, an unknown rule) is an error naming the file, line and column.
#ifndef ZONELINT_LINT_CONFIG_H_
#define ZONELINT_LINT_CONFIG_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"

namespace zonelint {

inline constexpr char kConfigFileName[] = ".zonelint.toml";

// A [per-path."GLOB"] section.
struct PathSection {
  std::string pattern;
  RuleOverrides rules;
  std::string origin;  // canonical ("corp.example."), or empty
};

struct Config {
  std::string path;           // the file, as messages name it
  std::filesystem::path dir;  // its folder, absolute

  std::optional<std::vector<std::string>> select;  // rule patterns
  std::vector<std::string> disable;                // rule ids
  std::vector<std::pair<std::string, Severity>> severity;
  // Set when the file gives fail-level; nullopt inside for "none".
  std::optional<std::optional<Severity>> fail_level;
  std::vector<std::string> spf_costs;  // paths, resolved against `dir`
  bool report_unused_suppressions = false;
  std::vector<std::string> include;  // [directory] globs
  std::vector<std::string> exclude;
  std::vector<PathSection> per_path;  // in the file's order

  // Whether [directory] include / exclude names `file` (a path as given or
  // found, relative to the current directory or absolute).
  bool Included(const std::string& file) const;
  bool Excluded(const std::string& file) const;
  // The [per-path] rule settings for `file`, of every section that matches
  // it, in the file's order.
  RuleOverrides OverridesFor(std::string_view file) const;
  // The origin the last matching [per-path] section gives, or empty.
  std::string OriginFor(std::string_view file) const;

 private:
  // `file` relative to `dir`, with '/' separators; empty when outside.
  std::string Relative(std::string_view file) const;
  bool AnyMatches(const std::vector<std::string>& patterns,
                  std::string_view file) const;
};

// Parses the text of a config file. `path` names it in errors, `dir` is
// its folder (absolute). Errors are lines "PATH:LINE:COL: error: ...", all
// of them, in the file's order.
absl::StatusOr<Config> ParseConfig(std::string_view text,
                                   const std::string& path,
                                   const std::filesystem::path& dir);
// Reads and parses a config file; errors name it the same way
// ("PATH: error: cannot read the config file: ...").
absl::StatusOr<Config> LoadConfig(const std::string& path);

// The config file that applies to linting `paths` (files, directories, or
// "-" for stdin, which stands for `stdin_name`'s folder or the current
// one): the nearest .zonelint.toml in each path's folder or above it,
// stopping at a repository's top (a folder with .git) or the root. Empty
// when there is none; an error when two paths have different ones.
absl::StatusOr<std::string> FindConfig(const std::vector<std::string>& paths,
                                       const std::string& stdin_name);

// The canonical form of a zone origin given as text ("example.com" or
// "example.com."), or nullopt when it is no valid name.
std::optional<std::string> CanonicalOrigin(std::string_view text);

}  // namespace zonelint

#endif  // ZONELINT_LINT_CONFIG_H_

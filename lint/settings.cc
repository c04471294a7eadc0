#include "lint/settings.h"

#include "lint/rule.h"

namespace zonelint {

absl::StatusOr<std::optional<Config>> ReadConfig(
    const std::vector<std::string>& paths, const std::string& stdin_filename,
    const std::string& config_file, bool no_config) {
  if (no_config) return std::optional<Config>();
  std::string path = config_file;
  if (path.empty()) {
    absl::StatusOr<std::string> found = FindConfig(paths, stdin_filename);
    if (!found.ok()) {
      return absl::Status(found.status().code(),
                          "zonelint: " + std::string(found.status().message()));
    }
    if (found->empty()) return std::optional<Config>();
    path = *found;
  }
  // Its errors are "FILE:LINE:COL: error: ..." lines already.
  absl::StatusOr<Config> loaded = LoadConfig(path);
  if (!loaded.ok()) return loaded.status();
  return std::optional<Config>(*std::move(loaded));
}

LintConfig MakeLintConfig(const RuleFlags& flags, const Config* config) {
  LintConfig lint;
  std::vector<std::string> select = flags.select;
  if (select.empty() && config != nullptr) {
    select = config->select.value_or(std::vector<std::string>());
    lint.disabled = config->disable;
  }
  lint.disabled.insert(lint.disabled.end(), flags.disable.begin(),
                       flags.disable.end());
  // Only the rules a pattern names run; the others are disabled.
  if (!select.empty()) {
    for (const Rule* rule : AllRules()) {
      bool selected = false;
      for (const std::string& pattern : select) {
        selected = selected || RulePatternMatches(pattern, rule->info().id);
      }
      if (!selected) lint.disabled.emplace_back(rule->info().id);
    }
  }
  if (config != nullptr) lint.severity = config->severity;
  lint.severity.insert(lint.severity.end(), flags.severity.begin(),
                       flags.severity.end());
  lint.report_unused_suppressions =
      flags.report_unused_suppressions ||
      (config != nullptr && config->report_unused_suppressions);
  if (config != nullptr && !config->per_path.empty()) {
    // Unnamed stdin ("<stdin>") is at no path.
    const bool stdin_unnamed = flags.stdin_filename.empty();
    lint.per_file = [config, stdin_unnamed](std::string_view path) {
      return stdin_unnamed && path == "<stdin>" ? RuleOverrides()
                                                : config->OverridesFor(path);
    };
  }
  return lint;
}

ZoneFileChoice MakeZoneFileChoice(const Config* config) {
  ZoneFileChoice choice;
  if (config != nullptr) {
    choice.included = [config](const std::string& path) {
      return config->Included(path);
    };
    choice.excluded = [config](const std::string& path) {
      return config->Excluded(path);
    };
  }
  return choice;
}

ParseOptions ParseOptionsFor(const std::string& origin, const Config* config,
                             const std::string& path) {
  ParseOptions parse;
  parse.origin = origin;
  if (origin.empty() && config != nullptr && !path.empty()) {
    parse.origin = config->OriginFor(path);
  }
  return parse;
}

}  // namespace zonelint

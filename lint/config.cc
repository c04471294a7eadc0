#include "lint/config.h"

#include <toml++/toml.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <system_error>

#include "absl/status/status.h"
#include "lint/glob.h"
#include "lint/rule.h"
#include "parser/name.h"
#include "util/strings.h"

namespace zonelint {
namespace {

namespace fs = std::filesystem;

// A config file is a few lines; anything much bigger is a mistake.
constexpr std::streamsize kMaxConfigSize = 1 << 20;

struct Problem {
  toml::source_position where;
  std::string message;
};

// Shows `word` and its did-you-mean, or the words allowed.
std::string Unknown(std::string_view what, std::string_view word,
                    const std::vector<std::string_view>& known) {
  std::string message = Cat("unknown ", what, " '", ShowText(word), "'");
  std::string_view near = Nearest(word, known);
  if (!near.empty()) return Cat(message, " (did you mean '", near, "'?)");
  message += ": use ";
  for (size_t i = 0; i < known.size(); ++i) {
    message += i == 0 ? "" : i + 1 == known.size() ? " or " : ", ";
    message += known[i];
  }
  return message;
}

// Reads the parsed TOML into a Config, collecting every problem.
class Reader {
 public:
  explicit Reader(Config* config) : config_(config) {}

  void Top(const toml::table& top) {
    for (const auto& [key, node] : top) {
      const std::string_view k = key.str();
      if (k == "select") {
        Select(node);
      } else if (k == "disable") {
        Disable(k, node, &config_->disable);
      } else if (k == "severity") {
        Severities(k, node, &config_->severity);
      } else if (k == "fail-level") {
        const std::optional<std::string> text = String(k, node);
        Severity s;
        if (!text) continue;
        if (*text == "none") {
          config_->fail_level.emplace(std::nullopt);
        } else if (ParseSeverity(*text, &s)) {
          config_->fail_level.emplace(s);
        } else {
          Fail(node.source().begin,
               Unknown("fail-level", *text,
                       {"error", "warning", "info", "none"}));
        }
      } else if (k == "spf-costs") {
        for (const auto& [file, where] :
             Strings(k, node, "[\"spf-costs.txt\"]")) {
          SpfCosts(file, where);
        }
      } else if (k == "report-unused-suppressions") {
        if (const toml::value<bool>* b = node.as_boolean()) {
          config_->report_unused_suppressions = b->get();
        } else {
          Fail(node.source().begin,
               "'report-unused-suppressions' must be true or false");
        }
      } else if (k == "directory") {
        Directory(node);
      } else if (k == "per-path") {
        PerPath(node);
      } else {
        Fail(
            key.source().begin,
            Unknown("key", k,
                    {"select", "disable", "severity", "fail-level", "spf-costs",
                     "report-unused-suppressions", "directory", "per-path"}));
      }
    }
  }

  std::vector<Problem> problems;

 private:
  using Located = std::pair<std::string, toml::source_position>;

  void Fail(toml::source_position where, std::string message) {
    problems.push_back({where, std::move(message)});
  }

  std::optional<std::string> String(std::string_view key,
                                    const toml::node& node) {
    if (const toml::value<std::string>* s = node.as_string()) return s->get();
    Fail(node.source().begin, Cat("'", key, "' must be a string"));
    return std::nullopt;
  }

  // The strings of an array, with where each is.
  std::vector<Located> Strings(std::string_view key, const toml::node& node,
                               std::string_view example) {
    std::vector<Located> out;
    const toml::array* array = node.as_array();
    if (array == nullptr) {
      Fail(node.source().begin,
           Cat("'", key, "' must be an array of strings, like ", example));
      return out;
    }
    for (const toml::node& item : *array) {
      if (const toml::value<std::string>* s = item.as_string()) {
        out.emplace_back(s->get(), item.source().begin);
      } else {
        Fail(item.source().begin,
             Cat("'", key, "' must be an array of strings, like ", example));
      }
    }
    return out;
  }

  bool KnownRule(std::string_view id, toml::source_position where) {
    if (FindRule(id) != nullptr) return true;
    Fail(where, UnknownRuleMessage(id));
    return false;
  }

  static bool PatternNamesRule(std::string_view pattern) {
    for (const Rule* rule : AllRules()) {
      if (RulePatternMatches(pattern, rule->info().id)) return true;
    }
    return false;
  }

  void Select(const toml::node& node) {
    config_->select.emplace();
    const toml::array* array = node.as_array();
    if (array != nullptr && array->empty()) {
      Fail(node.source().begin,
           "'select = []' selects no rule: leave it out to run them all");
    }
    for (const auto& [pattern, where] :
         Strings("select", node, "[\"spf-*\"]")) {
      if (PatternNamesRule(pattern)) {
        config_->select->push_back(pattern);
      } else {
        Fail(where, Cat("'", ShowText(pattern),
                        "' names no rule (a rule id, or a group such as "
                        "'spf-*')"));
      }
    }
  }

  void Disable(std::string_view key, const toml::node& node,
               std::vector<std::string>* out) {
    for (const auto& [id, where] :
         Strings(key, node, "[\"zone-ttl-mismatch\"]")) {
      if (KnownRule(id, where)) out->push_back(id);
    }
  }

  void Severities(std::string_view key, const toml::node& node,
                  std::vector<std::pair<std::string, Severity>>* out) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Fail(node.source().begin, Cat("'", key,
                                    "' must be a table of rule = level, like "
                                    "{ \"dmarc-missing\" = \"info\" }"));
      return;
    }
    for (const auto& [rule, level] : *table) {
      if (!KnownRule(rule.str(), rule.source().begin)) continue;
      const toml::value<std::string>* text = level.as_string();
      Severity s;
      if (text == nullptr || !ParseSeverity(text->get(), &s)) {
        Fail(level.source().begin,
             Cat("the level of '", rule.str(),
                 "' must be \"error\", \"warning\" or \"info\""));
        continue;
      }
      out->emplace_back(rule.str(), s);
    }
  }

  // A path relative to the config file's folder that stays inside it, as
  // written (links are followed when the file is read, as for zone files).
  void SpfCosts(const std::string& file, toml::source_position where) {
    const fs::path relative = fs::path(file).lexically_normal();
    if (file.empty() || relative.is_absolute() ||
        relative.begin()->string() == "..") {
      Fail(where, Cat("'", ShowText(file),
                      "' is not a path inside the config file's folder"));
      return;
    }
    config_->spf_costs.push_back(
        (fs::path(config_->path).parent_path() / relative)
            .lexically_normal()
            .string());
  }

  // Whether a glob pattern is fine; a problem when not.
  bool GoodGlob(const std::string& pattern, toml::source_position where) {
    const std::string problem = GlobProblem(pattern);
    if (!problem.empty()) {
      Fail(where, Cat("bad pattern '", ShowText(pattern), "': ", problem));
    }
    return problem.empty();
  }

  std::vector<std::string> Globs(std::string_view key, const toml::node& node) {
    std::vector<std::string> out;
    for (const auto& [pattern, where] :
         Strings(key, node, "[\"zones/*.zone\"]")) {
      if (GoodGlob(pattern, where)) out.push_back(pattern);
    }
    return out;
  }

  void Directory(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Fail(node.source().begin,
           "'directory' must be a table: [directory] with include and "
           "exclude");
      return;
    }
    for (const auto& [key, value] : *table) {
      if (key.str() == "include") {
        config_->include = Globs(key.str(), value);
      } else if (key.str() == "exclude") {
        config_->exclude = Globs(key.str(), value);
      } else {
        Fail(key.source().begin,
             Unknown("key", key.str(), {"include", "exclude"}));
      }
    }
  }

  void PerPath(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
      Fail(node.source().begin,
           "'per-path' must be a table of sections, like "
           "[per-path.\"zones/legacy/*\"]");
      return;
    }
    // toml++ keeps keys sorted; the file's order decides which origin and
    // severity win.
    std::vector<std::pair<toml::source_position, PathSection>> sections;
    for (const auto& [pattern, value] : *table) {
      PathSection section;
      section.pattern = std::string(pattern.str());
      GoodGlob(section.pattern, pattern.source().begin);
      const toml::table* settings = value.as_table();
      if (settings == nullptr) {
        Fail(value.source().begin,
             Cat("[per-path.\"", ShowText(section.pattern),
                 "\"] must be a table with disable, severity or origin"));
        continue;
      }
      for (const auto& [key, setting] : *settings) {
        if (key.str() == "disable") {
          Disable(key.str(), setting, &section.rules.disabled);
        } else if (key.str() == "severity") {
          Severities(key.str(), setting, &section.rules.severity);
        } else if (key.str() == "origin") {
          std::optional<std::string> text = String(key.str(), setting);
          if (!text) continue;
          std::optional<std::string> origin = CanonicalOrigin(*text);
          if (origin) {
            section.origin = *origin;
          } else {
            Fail(setting.source().begin,
                 Cat("'", ShowText(*text), "' is not a domain name"));
          }
        } else {
          Fail(key.source().begin,
               Unknown("key", key.str(), {"disable", "severity", "origin"}));
        }
      }
      sections.emplace_back(pattern.source().begin, std::move(section));
    }
    std::stable_sort(
        sections.begin(), sections.end(),
        [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [where, section] : sections) {
      config_->per_path.push_back(std::move(section));
    }
  }

  Config* config_;
};

std::string Where(const std::string& path, toml::source_position where) {
  return Cat(path, ":", where.line, ":", where.column, ": error: ");
}

// `path` relative to the current directory, or absolute when that fails.
std::string Shown(const fs::path& path) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  const fs::path relative = ec ? fs::path() : path.lexically_relative(cwd);
  return relative.empty() ? path.string() : relative.string();
}

// The nearest config file at or above `dir` (absolute), or empty.
fs::path NearestConfig(fs::path dir) {
  std::error_code ec;
  for (;;) {
    const fs::path candidate = dir / kConfigFileName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (fs::exists(dir / ".git", ec)) return {};
    const fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return {};
    dir = parent;
  }
}

}  // namespace

std::string Config::Relative(std::string_view file) const {
  std::error_code ec;
  const fs::path absolute = fs::absolute(fs::path(file), ec);
  if (ec) return "";
  const fs::path relative = absolute.lexically_normal().lexically_relative(dir);
  const std::string text = relative.generic_string();
  return text.starts_with("..") || text == "." ? "" : text;
}

bool Config::AnyMatches(const std::vector<std::string>& patterns,
                        std::string_view file) const {
  if (patterns.empty()) return false;
  const std::string relative = Relative(file);
  if (relative.empty()) return false;
  return std::any_of(
      patterns.begin(), patterns.end(),
      [&](const std::string& p) { return GlobMatches(p, relative); });
}

bool Config::Included(const std::string& file) const {
  return AnyMatches(include, file);
}

bool Config::Excluded(const std::string& file) const {
  return AnyMatches(exclude, file);
}

RuleOverrides Config::OverridesFor(std::string_view file) const {
  RuleOverrides out;
  if (per_path.empty()) return out;
  const std::string relative = Relative(file);
  if (relative.empty()) return out;
  for (const PathSection& section : per_path) {
    if (!GlobMatches(section.pattern, relative)) continue;
    out.disabled.insert(out.disabled.end(), section.rules.disabled.begin(),
                        section.rules.disabled.end());
    out.severity.insert(out.severity.end(), section.rules.severity.begin(),
                        section.rules.severity.end());
  }
  return out;
}

std::string Config::OriginFor(std::string_view file) const {
  std::string origin;
  if (per_path.empty()) return origin;
  const std::string relative = Relative(file);
  if (relative.empty()) return origin;
  for (const PathSection& section : per_path) {
    if (!section.origin.empty() && GlobMatches(section.pattern, relative)) {
      origin = section.origin;
    }
  }
  return origin;
}

absl::StatusOr<Config> ParseConfig(std::string_view text,
                                   const std::string& path,
                                   const fs::path& dir) {
  Config config;
  config.path = path;
  config.dir = dir;
  toml::parse_result parsed = toml::parse(text, path);
  if (!parsed) {
    return absl::InvalidArgumentError(
        Cat(Where(path, parsed.error().source().begin),
            ShowText(parsed.error().description(), 200)));
  }
  Reader reader(&config);
  reader.Top(parsed.table());
  if (reader.problems.empty()) return config;
  std::stable_sort(
      reader.problems.begin(), reader.problems.end(),
      [](const Problem& a, const Problem& b) { return a.where < b.where; });
  std::string message;
  for (const Problem& problem : reader.problems) {
    if (!message.empty()) message += "\n";
    message += Where(path, problem.where) + problem.message;
  }
  return absl::InvalidArgumentError(message);
}

absl::StatusOr<Config> LoadConfig(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(kMaxConfigSize + 1, '\0');
  if (in) in.read(text.data(), kMaxConfigSize + 1);
  if (!in && !in.eof()) {
    return absl::NotFoundError(
        Cat(path, ": error: cannot read the config file: ",
            std::error_code(errno, std::generic_category()).message()));
  }
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > static_cast<size_t>(kMaxConfigSize)) {
    return absl::InvalidArgumentError(
        Cat(path, ": error: a config file of more than 1 MiB"));
  }
  std::error_code ec;
  const fs::path dir = fs::absolute(fs::path(path), ec).parent_path();
  return ParseConfig(text, path, dir.lexically_normal());
}

absl::StatusOr<std::string> FindConfig(const std::vector<std::string>& paths,
                                       const std::string& stdin_name) {
  std::set<fs::path> found;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::path start;
    if (path == "-") {
      start = stdin_name.empty() ? fs::path(".")
                                 : fs::path(stdin_name).parent_path();
    } else if (fs::is_directory(path, ec)) {
      start = path;
    } else {
      start = fs::path(path).parent_path();
    }
    if (start.empty()) start = ".";
    start = fs::absolute(start, ec).lexically_normal();
    if (ec) continue;
    if (!start.has_filename()) start = start.parent_path();  // "dir/" ends
    const fs::path config = NearestConfig(start);
    if (!config.empty()) found.insert(config);
  }
  if (found.empty()) return std::string();
  if (found.size() > 1) {
    return absl::InvalidArgumentError(
        Cat("the files given are under different config files, '",
            Shown(*found.begin()), "' and '", Shown(*std::next(found.begin())),
            "': lint them in separate runs, or choose one with --config"));
  }
  return Shown(*found.begin());
}

std::optional<std::string> CanonicalOrigin(std::string_view text) {
  std::string name(text);
  if (name.empty()) return std::nullopt;
  if (!IsAbsoluteText(name)) name.push_back('.');
  std::string out;
  bool relative;
  if (ParseName(name, nullptr, &out, &relative) != NameError::kOk) {
    return std::nullopt;
  }
  return out;
}

}  // namespace zonelint

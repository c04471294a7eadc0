#include "lint/runner.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <string_view>
#include <vector>

#include "lint/suppressions.h"
#include "util/strings.h"

namespace zonelint {
namespace {

constexpr std::string_view kAll = "all";
constexpr std::string_view kSuppressionRule = "zone-suppression";

bool Contains(const std::vector<std::string>& ids, std::string_view id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The inline suppressions of the files, parsed once per file when first
// needed: a file with no "zonelint-disable" costs one search however many
// findings it has.
class Suppressions {
 public:
  explicit Suppressions(const SourceSet& sources)
      : sources_(sources), files_(sources.size()) {}

  // Whether a directive silences `d`; marks the names in directives that do.
  bool Suppress(const Finding& d) {
    if (d.range.file == kNoFile || d.range.file >= files_.size()) return false;
    File& file = Get(d.range.file);
    if (file.directives.empty()) return false;
    const uint32_t line = sources_.Get(d.range.file).Locate(d.range.begin).line;
    bool suppressed = false;
    auto mark = [&](uint32_t index) {
      const Directive& directive = file.directives[index];
      for (size_t k = 0; k < directive.rules.size(); ++k) {
        const std::string_view name = directive.rules[k].name;
        if (name == d.rule || name == kAll) {
          file.used[index][k] = true;
          suppressed = true;
        }
      }
    };
    for (uint32_t index : file.whole_file) mark(index);
    auto [begin, end] = std::equal_range(
        file.by_line.begin(), file.by_line.end(), std::make_pair(line, 0u),
        [](auto& a, auto& b) { return a.first < b.first; });
    for (auto it = begin; it != end; ++it) mark(it->second);
    return suppressed;
  }

  // Calls f(file, directive, name) for each rule name in a directive of a
  // known kind that silenced nothing.
  template <typename F>
  void ForEachUnused(F f) {
    for (FileId id = 0; id < files_.size(); ++id) {
      const File& file = Get(id);
      for (size_t i = 0; i < file.directives.size(); ++i) {
        const Directive& directive = file.directives[i];
        if (directive.kind == DirectiveKind::kUnknown) continue;
        for (size_t k = 0; k < directive.rules.size(); ++k) {
          if (!file.used[i][k]) f(id, directive, directive.rules[k]);
        }
      }
    }
  }

 private:
  struct File {
    bool parsed = false;
    std::vector<Directive> directives;
    std::vector<std::vector<bool>> used;  // [directive][name]
    // (line, directive) for each line a line or next-line directive
    // covers, sorted; and the file-wide directives.
    std::vector<std::pair<uint32_t, uint32_t>> by_line;
    std::vector<uint32_t> whole_file;
  };

  File& Get(FileId id) {
    File& file = files_[id];
    if (file.parsed) return file;
    file.parsed = true;
    file.directives = ParseDirectives(sources_.Get(id).text());
    for (uint32_t i = 0; i < file.directives.size(); ++i) {
      const Directive& directive = file.directives[i];
      file.used.emplace_back(directive.rules.size(), false);
      if (directive.kind == DirectiveKind::kFile) {
        file.whole_file.push_back(i);
      } else if (directive.kind != DirectiveKind::kUnknown) {
        for (uint32_t l = directive.first_line; l <= directive.last_line; ++l) {
          file.by_line.emplace_back(l, i);
        }
      }
    }
    std::sort(file.by_line.begin(), file.by_line.end());
    return file;
  }

  const SourceSet& sources_;
  std::vector<File> files_;
};

// The per-file overrides, asked for once per file.
class PerFile {
 public:
  PerFile(const LintConfig& config, const SourceSet& sources)
      : config_(config), sources_(sources), files_(sources.size()) {}

  const RuleOverrides& Get(FileId id) {
    if (!config_.per_file || id == kNoFile || id >= files_.size()) {
      return none_;
    }
    if (!files_[id]) files_[id] = config_.per_file(sources_.Get(id).path());
    return *files_[id];
  }

 private:
  const LintConfig& config_;
  const SourceSet& sources_;
  std::vector<std::optional<RuleOverrides>> files_;
  const RuleOverrides none_;
};

// False when the settings of d's file disable its rule; else applies the
// severity overrides, those of d's file after those for every file.
bool Settle(const LintConfig& config, PerFile& per_file, Finding& d) {
  const RuleOverrides& file = per_file.Get(d.range.file);
  if (Contains(file.disabled, d.rule)) return false;
  auto apply = [&d](const RuleOverrides& overrides) {
    for (const auto& [id, severity] : overrides.severity) {
      if (id == d.rule) d.severity = severity;
    }
  };
  apply(config);
  apply(file);
  return true;
}

// The zone-suppression findings for names that silenced nothing. A name
// is left alone when its rule did not run on the file (or, for "all",
// when some rule did not), or when it names no rule: zone-suppression
// itself reports those.
void ReportUnused(const LintConfig& config, Suppressions& suppressions,
                  PerFile& per_file, Findings* findings) {
  const Rule* rule = FindRule(kSuppressionRule);
  if (rule == nullptr || Contains(config.disabled, kSuppressionRule)) return;
  const RuleInfo& info = rule->info();
  suppressions.ForEachUnused(
      [&](FileId file, const Directive& directive, const DirectiveRule& name) {
        const RuleOverrides& overrides = per_file.Get(file);
        if (name.name == kAll) {
          if (!config.disabled.empty() || !overrides.disabled.empty()) return;
        } else if (FindRule(name.name) == nullptr ||
                   Contains(config.disabled, name.name) ||
                   Contains(overrides.disabled, name.name)) {
          return;
        }
        const std::string_view where =
            directive.kind == DirectiveKind::kLine       ? "on this line"
            : directive.kind == DirectiveKind::kNextLine ? "on the next line"
                                                         : "in this file";
        const std::string what = name.name == kAll ? std::string("any rule")
                                                   : Cat("'", name.name, "'");
        findings->Add(
            info.id, info.severity,
            SourceRange{file, name.begin,
                        name.begin + static_cast<uint32_t>(name.name.size())},
            Cat("'", directive.word, "' silences ", what,
                " but nothing was reported ", where),
            "remove the name from the comment (or the whole comment): a "
            "suppression that silences nothing hides the next real finding");
      });
}

}  // namespace

Findings LintFindings(const LintContext& context, const LintConfig& config) {
  Findings findings;
  for (const Rule* rule : AllRules()) {
    const RuleInfo& info = rule->info();
    if (Contains(config.disabled, info.id)) continue;
    RuleSink rule_sink(info, &findings);
    rule->Check(context, rule_sink);
  }

  // Findings of rules off for their file and suppressed findings out,
  // severity overrides in, in place.
  std::deque<Finding>& list = findings.list();
  Suppressions suppressions(context.sources);
  PerFile per_file(config, context.sources);
  size_t kept = 0;
  for (Finding& d : list) {
    if (!Settle(config, per_file, d) || suppressions.Suppress(d)) continue;
    list[kept++] = d;
  }
  list.resize(kept);
  if (config.report_unused_suppressions) {
    ReportUnused(config, suppressions, per_file, &findings);
    for (size_t i = kept; i < list.size(); ++i) {
      if (Settle(config, per_file, list[i])) list[kept++] = list[i];
    }
    list.resize(kept);
  }
  // By file, position and rule, keeping the emission order of ties.
  std::stable_sort(list.begin(), list.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.range.file != b.range.file) {
                       return a.range.file < b.range.file;
                     }
                     if (a.range.begin != b.range.begin) {
                       return a.range.begin < b.range.begin;
                     }
                     return a.rule < b.rule;
                   });
  return findings;
}

}  // namespace zonelint

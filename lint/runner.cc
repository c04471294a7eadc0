#include "lint/runner.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <vector>

#include "util/strings.h"

namespace zonelint {
namespace {

// True when `comment_text` (a line) has `marker` followed by a list that
// names `rule` or "all".
bool ListsRule(std::string_view line, std::string_view marker,
               std::string_view rule) {
  size_t at = line.find(marker);
  while (at != std::string_view::npos) {
    // The marker must be inside a comment.
    size_t semicolon = line.rfind(';', at);
    if (semicolon != std::string_view::npos) {
      std::string_view rest = line.substr(at + marker.size());
      size_t end = rest.find(';');
      rest = rest.substr(0, end);
      for (std::string_view item : Split(rest, ',')) {
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) {
          item.remove_prefix(1);
        }
        size_t stop = item.find_first_of(" \t\r");
        if (stop != std::string_view::npos) item = item.substr(0, stop);
        if (item == rule || item == "all") return true;
      }
    }
    at = line.find(marker, at + 1);
  }
  return false;
}

// The inline suppressions of the files, found once per file: a file with
// no "zonelint-disable" costs one scan however many findings it has.
class Suppressions {
 public:
  explicit Suppressions(const SourceSet& sources)
      : sources_(sources), files_(sources.size()) {}

  bool Suppressed(const DiagnosticView& d) {
    if (d.range.file == kNoFile || d.range.file >= files_.size()) return false;
    const File& file = Get(d.range.file);
    if (!file.has_markers) return false;
    const Source& src = sources_.Get(d.range.file);
    uint32_t line = src.Locate(d.range.begin).line;
    if (ListsRule(src.Line(line), "zonelint-disable-line", d.rule)) {
      return true;
    }
    if (line > 1 &&
        ListsRule(src.Line(line - 1), "zonelint-disable-next-line", d.rule)) {
      return true;
    }
    for (std::string_view l : file.file_lines) {
      if (ListsRule(l, "zonelint-disable-file", d.rule)) return true;
    }
    return false;
  }

 private:
  struct File {
    bool scanned = false;
    bool has_markers = false;
    // The lines holding "zonelint-disable-file".
    std::vector<std::string_view> file_lines;
  };

  const File& Get(FileId id) {
    File& file = files_[id];
    if (file.scanned) return file;
    file.scanned = true;
    std::string_view text = sources_.Get(id).text();
    file.has_markers = text.find("zonelint-disable") != std::string_view::npos;
    if (!file.has_markers) return file;
    size_t at = text.find("zonelint-disable-file");
    while (at != std::string_view::npos) {
      size_t begin = text.rfind('\n', at);
      begin = begin == std::string_view::npos ? 0 : begin + 1;
      size_t end = text.find('\n', at);
      file.file_lines.push_back(text.substr(begin, end == std::string_view::npos
                                                       ? std::string_view::npos
                                                       : end - begin));
      at = text.find("zonelint-disable-file", at + 1);
    }
    return file;
  }

  const SourceSet& sources_;
  std::vector<File> files_;
};

// The area of a rule id: what comes before the first '-' ("spf").
std::string_view Area(std::string_view id) {
  return id.substr(0, id.find('-'));
}

// Keeps what rules emit in a Findings store.
class FindingsSink : public DiagnosticSink {
 public:
  explicit FindingsSink(Findings* findings) : findings_(findings) {}
  void Emit(Diagnostic d) override { findings_->Add(d); }

 private:
  Findings* findings_;
};

}  // namespace

Findings LintFindings(const LintContext& context, const LintConfig& config) {
  Findings findings;
  FindingsSink sink(&findings);
  std::string_view area;
  for (const Rule* rule : AllRules()) {
    const RuleInfo& info = rule->info();
    if (std::find(config.disabled.begin(), config.disabled.end(), info.id) !=
        config.disabled.end()) {
      continue;
    }
    // The registry lists rules by id, so an area's rules run together and
    // the values they share (parsed DKIM keys, the SPF lookup analysis)
    // can go before the next area builds its own.
    if (Area(info.id) != area) {
      context.views.ReleaseMemos();
      area = Area(info.id);
    }
    RuleSink rule_sink(info, &sink);
    rule->Check(context, rule_sink);
  }
  context.views.ReleaseMemos();

  // Suppressed findings out, severity overrides in, in place.
  std::deque<DiagnosticView>& list = findings.list();
  Suppressions suppressions(context.sources);
  size_t kept = 0;
  for (DiagnosticView& d : list) {
    if (suppressions.Suppressed(d)) continue;
    for (const auto& [id, severity] : config.severity) {
      if (id == d.rule) d.severity = severity;
    }
    list[kept++] = d;
  }
  list.resize(kept);
  // By file, position and rule, keeping the emission order of ties.
  std::stable_sort(list.begin(), list.end(),
                   [](const DiagnosticView& a, const DiagnosticView& b) {
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

std::vector<Diagnostic> RunLint(const LintContext& context,
                                const LintConfig& config) {
  return LintFindings(context, config).ToVector();
}

}  // namespace zonelint

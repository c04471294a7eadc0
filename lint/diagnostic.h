// Findings: what rules report (through RuleSink, lint/rule.h), kept in one
// compact store that the runner, the output formats, the fixer and the
// language server read.
#ifndef ZONELINT_LINT_DIAGNOSTIC_H_
#define ZONELINT_LINT_DIAGNOSTIC_H_

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/types/span.h"
#include "parser/source.h"
#include "util/arena.h"

namespace zonelint {

enum class Severity : uint8_t { kInfo = 0, kWarning = 1, kError = 2 };

std::string_view SeverityName(Severity s);
// "error", "warning" or "info".
bool ParseSeverity(std::string_view text, Severity* s);

// One change to a file: the bytes of `range` replaced by `text` (an empty
// range inserts, an empty text deletes).
struct TextEdit {
  SourceRange range;
  std::string text;
};

// A change that mends a finding. Safe fixes keep what the zone means to
// resolvers and mail receivers except for the mistake itself: `--fix`
// applies them. Others (`~all` to `-all`) change behaviour: editors offer
// them, nothing applies them unasked.
struct Fix {
  std::string title;  // imperative, for a menu: "Add the trailing dot"
  bool safe = true;
  std::vector<TextEdit> edits;  // in one file, not overlapping
};

// One finding: a rule's id, how bad, where, what is wrong and how to mend
// it. Its texts and fixes are views into the Findings store that holds it,
// valid as long as the store.
struct Finding {
  std::string_view rule;  // the rule's id (static storage)
  Severity severity = Severity::kError;
  SourceRange range;  // positions are data, never part of `message`
  std::string_view message;
  std::string_view help;        // how to fix it; may be empty
  absl::Span<const Fix> fixes;  // may be empty
};

// A run's findings, kept compactly: their texts in one arena, each distinct
// help text once (most rules give every finding the same help), and fixes
// only for the findings that have some. A zone of a million records can
// have hundreds of thousands of findings.
class Findings {
 public:
  Findings() = default;
  Findings(Findings&&) = default;
  Findings& operator=(Findings&&) = default;

  // Stores a finding: copies its message and help, keeps its fixes.
  // `rule` is kept as given: a rule's id, in static storage.
  void Add(std::string_view rule, Severity severity, SourceRange range,
           std::string_view message, std::string_view help,
           std::vector<Fix> fixes = {});

  size_t size() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const Finding& operator[](size_t i) const { return list_[i]; }
  std::deque<Finding>::const_iterator begin() const { return list_.begin(); }
  std::deque<Finding>::const_iterator end() const { return list_.end(); }
  // The list itself, for the runner to filter and sort in place.
  std::deque<Finding>& list() { return list_; }

 private:
  // A deque: it grows without copying itself, so a run with many findings
  // never holds two copies of the list.
  std::deque<Finding> list_;
  StringArena text_;
  absl::flat_hash_set<std::string_view> helps_;  // into text_
  // Each finding's fixes, for the few findings that have any; a deque, so
  // the vectors (and the findings' spans into them) stay put as it grows.
  std::deque<std::vector<Fix>> fixes_;
};

}  // namespace zonelint

#endif  // ZONELINT_LINT_DIAGNOSTIC_H_

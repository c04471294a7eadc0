// Diagnostics: what rules emit, the sink they emit into, and the compact
// store of a run's findings.
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

struct Diagnostic {
  std::string_view rule;  // the rule's id (static storage)
  Severity severity = Severity::kError;
  SourceRange range;  // positions are data, never part of `message`
  std::string message;
  std::string help;  // how to fix it; may be empty
  std::vector<Fix> fixes;  // may be empty
};

// A finding whose texts are views into a Findings store.
struct DiagnosticView {
  std::string_view rule;
  Severity severity = Severity::kError;
  SourceRange range;
  std::string_view message;
  std::string_view help;
  absl::Span<const Fix> fixes;  // into the Findings store
};

// Many findings, kept compactly: their texts in one arena, and each distinct
// help text once (most rules give every finding the same help). A zone of a
// million records can have hundreds of thousands of findings.
class Findings {
 public:
  Findings() = default;
  Findings(Findings&&) = default;
  Findings& operator=(Findings&&) = default;

  void Add(const Diagnostic& d);

  size_t size() const { return list_.size(); }
  bool empty() const { return list_.empty(); }
  const DiagnosticView& operator[](size_t i) const { return list_[i]; }
  std::deque<DiagnosticView>::const_iterator begin() const {
    return list_.begin();
  }
  std::deque<DiagnosticView>::const_iterator end() const { return list_.end(); }
  // The list itself, for the runner to filter and sort in place.
  std::deque<DiagnosticView>& list() { return list_; }

  // Copies that own their texts.
  std::vector<Diagnostic> ToVector() const;

 private:
  // A deque: it grows without copying itself, so a run with many findings
  // never holds two copies of the list.
  std::deque<DiagnosticView> list_;
  StringArena text_;
  absl::flat_hash_set<std::string_view> helps_;  // into text_
  // Each finding's fixes, for the few findings that have any; a deque, so
  // the vectors (and the views' spans into them) stay put as it grows.
  std::deque<std::vector<Fix>> fixes_;
};

class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void Emit(Diagnostic d) = 0;
};

}  // namespace zonelint

#endif  // ZONELINT_LINT_DIAGNOSTIC_H_

// --fix and --diff: applying the fixes attached to the reported findings
// (lint/diagnostic.h) to the files, round after round, and showing them as
// a unified diff. The CLI hands in how to lint; this file decides which
// fixes apply, edits the text, writes files atomically and reports.
#ifndef ZONELINT_LINT_FIXER_H_
#define ZONELINT_LINT_FIXER_H_

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "lint/diagnostic.h"
#include "lint/format.h"
#include "lint/session.h"

namespace zonelint {

// One lint of the files: the session (its sources hold the texts linted)
// and the findings as reported (after suppressions and configuration).
struct LintPass {
  std::unique_ptr<Session> session;
  Findings findings;
  bool io_error = false;  // a file could not be read (already said)
};

// Lints the files, taking the text of each path in `texts` from there
// rather than from the disk (stdin's, and files changed by --diff).
using LintFunction =
    std::function<LintPass(const std::map<std::string, std::string>& texts)>;

struct FixOptions {
  bool unsafe = false;  // --unsafe-fixes: apply fixes that change behaviour
  bool write = false;   // --fix writes the files; --diff only shows
  // The name stdin's text is linted under; its fixed text is never
  // written to a file. Empty when stdin is not linted.
  std::string stdin_name;
  // The files linted (named or found in a directory), and the folders
  // that files they $INCLUDE must be in to be fixed too: the folders
  // named, and the folders of the files named.
  std::vector<std::string> files;
  std::vector<std::string> roots;
  int max_rounds = 10;
};

struct FixResult {
  LintPass last;  // the lint of the fixed texts: what remains
  // The texts before and after, of the files that changed, by path.
  std::map<std::string, std::string> before;
  std::map<std::string, std::string> after;
  size_t fixed = 0;                // findings whose fix was applied
  size_t unsafe_left = 0;          // reported findings with only an unsafe fix
  std::vector<std::string> notes;  // files not fixed and why (for stderr)
  bool write_error = false;
};

// The fix --fix applies to a finding: its first safe fix, or with
// `unsafe` its first fix; nullptr when none.
const Fix* ChosenFix(const Finding& d, bool unsafe);

// The fixes of `findings` that one round applies, by file: each finding's
// chosen fix, in the order of their first edits; a fix with an edit that
// overlaps an edit already taken (or starts where one starts) waits for the
// next round. Returns the edits by file, and counts the fixes taken in
// *taken (by file too).
std::map<FileId, std::vector<TextEdit>> PlanRound(
    const Findings& findings, bool unsafe, std::map<FileId, size_t>* taken);

// `text` with the edits applied: they are sorted by position and do not
// overlap (PlanRound's); an edit out of range is ignored.
std::string ApplyEdits(std::string_view text, std::vector<TextEdit> edits);

// A unified diff of `before` and `after` (`--- a/PATH`, `+++ b/PATH`, hunks
// with 3 lines of context), as diff -u and git print it; empty when they
// are equal. Control bytes other than TAB and a CR that ends a line are
// written as \xNN, so no raw escape sequence reaches a terminal.
std::string UnifiedDiff(std::string_view path, std::string_view before,
                        std::string_view after);

// Lints, applies the chosen fixes of what is reported and lints again,
// until no fix is left or after options.max_rounds rounds.
FixResult RunFixes(const LintFunction& lint, const FixOptions& options);

// --fix or --diff from the command line: runs the fixes and prints what
// each prints (README "Fixing"); returns the exit status.
int FixCommand(const LintFunction& lint, const FixOptions& options,
               const FormatOptions& format, std::optional<Severity> fail_level,
               std::ostream& out, std::ostream& err);

}  // namespace zonelint

#endif  // ZONELINT_LINT_FIXER_H_

// Shared pieces of the corpus agreement tests: finding ../shared under Bazel
// and by hand, reading the corpus TSV files, linting a zone into a summary
// of its errors, and the checked-in tables of known differences.
#ifndef ZONELINT_TESTS_CONFORMANCE_CORPUS_H_
#define ZONELINT_TESTS_CONFORMANCE_CORPUS_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.h"
#include "lint/session.h"

namespace zonelint::conformance {

// The directory holding corpus/ (the @shared repository). Tries, in order:
// $ZONELINT_SHARED, $TEST_SRCDIR/zonelint/external/shared,
// $TEST_SRCDIR/shared, then ../shared relative to the current directory.
// Empty when none holds corpus/.
std::string SharedRoot();

// Why a corpus test skips (GTEST_SKIP) when SharedRoot() is empty, as in a
// plain clone. tools/test.sh prints it once in its summary.
inline constexpr char kNoSharedCorpus[] =
    "../shared/corpus not found beside the project; the corpus agreement "
    "tests need it (see README: Corpora)";

// The project root under Bazel ($TEST_SRCDIR/zonelint) or by hand (the
// current directory, as when run from the repository root).
std::string ProjectRoot();

// An absolute form of `path` (relative to the current directory).
std::string Absolute(const std::string& path);

// A TSV file with a header row: one map per data row, header -> cell.
// Lines starting with '#' and empty lines are skipped.
using TsvRow = std::map<std::string, std::string, std::less<>>;
bool ReadTsv(const std::string& path, std::vector<TsvRow>* rows,
             std::string* error);

// Whether a rule reports a syntax-level problem (what BIND's loader rejects
// as a syntax or rdata error): zone-syntax, zone-rdata, zone-include and
// zone-txt-string-too-long.
bool IsSyntaxRule(std::string_view rule);

// One diagnostic with its position resolved.
struct Finding {
  std::string rule;
  Severity severity;
  std::string file;       // base name of the file it is in
  uint32_t line = 0;      // first line of its range (1-based)
  uint32_t end_line = 0;  // last line of its range
  // First line of the entry (record or directive) the range is in: BIND
  // reports rdata errors of a multi-line entry on the line its rdata
  // starts, not on the bad token's line.
  uint32_t entry_line = 0;
  uint32_t offset = 0;  // byte offset of the range's start
  std::string message;
};

// What zonelint says about one zone file.
struct LintResult {
  bool read_ok = true;  // the main file could be read
  std::string read_error;
  std::vector<Finding> findings;  // every diagnostic, in report order

  // Error-severity findings of the syntax rules.
  std::vector<const Finding*> SyntaxErrors() const;
  bool HasRule(std::string_view rule) const;
  // Whether a syntax error is in the entry that spans `line` of the file
  // named `file_base` (any file when empty).
  bool SyntaxErrorOnLine(uint32_t line, std::string_view file_base) const;
  // "rule file:line: message" lines, for failure messages.
  std::string Describe(bool syntax_only) const;
};

// Lints `path` (relative to the current directory) with `origin`
// ("example." or "."; letters are lowered as --origin does), the default
// configuration.
LintResult LintFile(const std::string& path, const std::string& origin);

// The offset where the entry (record or directive) holding `offset`
// starts: entries end at a line break outside parentheses; quoted strings
// (which end at their line's end), comments and escapes are skipped.
uint32_t EntryStart(std::string_view text, uint32_t offset);

// The base name of a path.
std::string_view BaseName(std::string_view path);

// A checked-in table of known differences: rows keyed by the values of
// `key_columns`, each with a non-empty `reason`.
class DifferenceTable {
 public:
  // Loads the table; a missing file, a missing column, an empty reason or
  // a duplicate key is an error.
  bool Load(const std::string& path, std::vector<std::string> key_columns,
            std::string* error);
  // Whether the case is listed; marks it as seen.
  bool Listed(const std::vector<std::string>& key);
  std::string Reason(const std::vector<std::string>& key) const;
  // Listed keys never asked about (rows naming no corpus case).
  std::vector<std::string> Unseen() const;
  size_t size() const { return rows_.size(); }
  static std::string KeyText(const std::vector<std::string>& key);

 private:
  struct Row {
    std::string reason;
    bool seen = false;
  };
  std::vector<std::string> key_columns_;
  std::map<std::vector<std::string>, Row> rows_;
};

// A fresh directory under $TEST_TMPDIR (or /tmp), removed with its
// contents when the object is destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Small file helpers; they return false on failure.
bool ReadFile(const std::string& path, std::string* contents);
bool WriteFile(const std::string& path, std::string_view contents);
bool MakeDirs(const std::string& path);  // mkdir -p

// The real-world corpus (corpus/realworld under SharedRoot()): calls
// fn(row, result) for each zone of MANIFEST.tsv (not the files only
// $INCLUDEd), in manifest order, with what zonelint says about it. Each zone
// is linted as BIND checked it: from the folder that holds it in a rebuilt
// copy of its repository's layout under `tmp` (so relative $INCLUDEs
// resolve), with the manifest's origin. False, with *error set, when the
// manifest cannot be read or a zone cannot be placed or read.
bool ForEachRealworldZone(
    const std::string& shared, const TempDir& tmp,
    const std::function<void(const TsvRow& row, const LintResult& result)>& fn,
    std::string* error);

// Restores the current directory when destroyed.
class ScopedChdir {
 public:
  explicit ScopedChdir(const std::string& dir);
  ~ScopedChdir();
  ScopedChdir(const ScopedChdir&) = delete;
  ScopedChdir& operator=(const ScopedChdir&) = delete;
  bool ok() const { return ok_; }

 private:
  std::string saved_;
  bool ok_ = false;
};

}  // namespace zonelint::conformance

#endif  // ZONELINT_TESTS_CONFORMANCE_CORPUS_H_

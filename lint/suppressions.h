// Inline suppressions: the zonelint-disable comments of a zone file.
//   ; zonelint-disable-line RULE[,RULE...]       this line
//   ; zonelint-disable-next-line RULE[,RULE...]  the next line, and when a
//                                                record starts there, all
//                                                of its lines: a record in
//                                                parentheses can span many
//   ; zonelint-disable-file RULE[,RULE...]       the whole file
// "all" stands for every rule. Text after the list is free ("; zonelint-
// disable-line spf-ptr -- the old relay needs it"). The runner applies
// them (lint/runner.cc); the zone-suppression rule reports directives that
// name no known rule.
#ifndef ZONELINT_LINT_SUPPRESSIONS_H_
#define ZONELINT_LINT_SUPPRESSIONS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"

namespace zonelint {

enum class DirectiveKind {
  kLine,
  kNextLine,
  kFile,
  kUnknown,  // "zonelint-disable" followed by something else
};

// A rule named in a directive, as written ("all" included).
struct DirectiveRule {
  std::string_view name;
  uint32_t begin = 0;  // byte offset in the file
};

struct Directive {
  DirectiveKind kind = DirectiveKind::kUnknown;
  std::string_view word;  // "zonelint-disable-line", as written
  uint32_t begin = 0;     // byte offset of `word`
  uint32_t line = 0;      // the line that holds it (1-based)
  // The lines it covers; for kFile every line, for kUnknown none.
  uint32_t first_line = 0;
  uint32_t last_line = 0;
  std::vector<DirectiveRule> rules;
};

// A line of a zone file as the parser reads records: parentheses outside
// quotes and comments continue a record on the next line.
struct ZoneLine {
  uint32_t number = 0;  // 1-based
  uint32_t begin = 0;   // byte offsets of the line, without its '\n'
  uint32_t end = 0;
  uint32_t comment = 0;       // the ';' that starts its comment, or `end`
  uint32_t record_first = 0;  // the line the record it is in starts on
  bool record_open = false;   // the record goes on to the next line
};

// Calls fn for each line of `text` (a last line without '\n' included,
// none after a final '\n'), in order, in one pass.
void ForEachZoneLine(std::string_view text,
                     absl::FunctionRef<void(const ZoneLine&)> fn);

// The directives in a file's comments, in order. Cheap for a file without
// "zonelint-disable": one search.
std::vector<Directive> ParseDirectives(std::string_view text);

}  // namespace zonelint

#endif  // ZONELINT_LINT_SUPPRESSIONS_H_

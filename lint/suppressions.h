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

// The directives in a file's comments, in order. Cheap for a file without
// "zonelint-disable": one search.
std::vector<Directive> ParseDirectives(std::string_view text);

}  // namespace zonelint

#endif  // ZONELINT_LINT_SUPPRESSIONS_H_

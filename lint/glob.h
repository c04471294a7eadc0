// Glob patterns over paths relative to a folder, as the config file's
// [directory] and [per-path] sections use them (see README, Configuration):
//   *    any characters within one path component
//   ?    one character; [abc], [a-z] one of a set, [!abc] one not in it
//   **   as a whole component: any number of folders, none included
// A pattern without '/' matches a file or folder name at any depth
// ("*.rev", "archive"); one with '/' matches from the folder down
// ("zones/*.rev", "zones/**/legacy"). A pattern that matches a folder
// matches everything below it. Matching is case-sensitive.
#ifndef ZONELINT_LINT_GLOB_H_
#define ZONELINT_LINT_GLOB_H_

#include <string>
#include <string_view>

namespace zonelint {

// Whether `pattern` matches `path`, a relative path with '/' separators
// and no "." or ".." components.
bool GlobMatches(std::string_view pattern, std::string_view path);

// What is wrong with a pattern (empty, absolute, going up with "..", an
// unclosed '['), or empty when nothing is.
std::string GlobProblem(std::string_view pattern);

}  // namespace zonelint

#endif  // ZONELINT_LINT_GLOB_H_

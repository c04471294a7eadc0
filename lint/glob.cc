#include "lint/glob.h"

#include <fnmatch.h>

#include <vector>

#include "util/strings.h"

namespace zonelint {
namespace {

// The components of a path or pattern, without empty ones and ".".
std::vector<std::string> Components(std::string_view path) {
  std::vector<std::string> out;
  for (std::string_view part : Split(path, '/')) {
    if (!part.empty() && part != ".") out.emplace_back(part);
  }
  return out;
}

bool ComponentMatches(const std::string& pattern, const std::string& name) {
  return ::fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
}

}  // namespace

bool GlobMatches(std::string_view pattern, std::string_view path) {
  const std::vector<std::string> names = Components(path);
  const std::vector<std::string> parts = Components(pattern);
  if (parts.empty()) return false;
  if (pattern.find('/') == std::string_view::npos) {
    for (const std::string& name : names) {
      if (ComponentMatches(parts[0], name)) return true;
    }
    return false;
  }
  // at[j]: the pattern's parts so far match names[0, j).
  std::vector<bool> at(names.size() + 1, false);
  at[0] = true;
  for (const std::string& part : parts) {
    std::vector<bool> next(names.size() + 1, false);
    bool any = false;
    for (size_t j = 0; j <= names.size(); ++j) {
      if (part == "**") {
        any = any || at[j];
        next[j] = any;
      } else if (j > 0 && at[j - 1] && ComponentMatches(part, names[j - 1])) {
        next[j] = true;
      }
    }
    at = std::move(next);
  }
  // Some folder or the file itself: a non-empty prefix of the path.
  for (size_t j = 1; j <= names.size(); ++j) {
    if (at[j]) return true;
  }
  return false;
}

std::string GlobProblem(std::string_view pattern) {
  if (Components(pattern).empty()) return "an empty pattern matches nothing";
  if (pattern.front() == '/') {
    return "patterns are relative to the config file's folder, not absolute";
  }
  for (std::string_view part : Split(pattern, '/')) {
    if (part == "..") return "a pattern cannot go up with '..'";
    const size_t open = part.find('[');
    if (open != std::string_view::npos &&
        part.find(']', open + 2) == std::string_view::npos) {
      return "'[' opens a set that no ']' closes";
    }
  }
  return "";
}

}  // namespace zonelint

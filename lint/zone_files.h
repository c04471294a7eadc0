// Finding the zone files in a directory, for `zonelint DIR`.
#ifndef ZONELINT_LINT_ZONE_FILES_H_
#define ZONELINT_LINT_ZONE_FILES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace zonelint {

// Whether a file looks like a zone file, from its name (the last path
// component) and its first bytes (`head`, all of the file or a prefix that
// ends where reading stopped):
// - never a file with a NUL byte, or one whose extension names another
//   kind of file (".md", ".txt", ".log", ".tsv", ".json", ".py", ".sh",
//   templates, backups, ...);
// - a file named "*.zone", "*.db" or "db.*";
// - a file whose first line that is not blank or a comment is a $ORIGIN,
//   $TTL or $INCLUDE directive, or an SOA record: owner, TTL and class,
//   SOA, then two names and five numbers (parentheses may spread them over
//   lines).
bool LooksLikeZoneFile(std::string_view name, std::string_view head);

// What the config file says about a directory's files (its [directory]
// include and exclude patterns), by path (`dir` joined with the path below
// it). Either may be unset.
struct ZoneFileChoice {
  // Files linted whatever their name and content.
  std::function<bool(const std::string& path)> included;
  // Files and folders never linted; an excluded folder is not even read.
  std::function<bool(const std::string& path)> excluded;
};

// The zone files under `dir`, found recursively and sorted by path (hidden
// files and directories, those starting with '.', are skipped, and links
// to directories are not followed), with `choice` applied over what their
// names and contents say. A file that another file found here includes
// with $INCLUDE is left out: it is linted as part of that file.
// Of each file only the bytes needed to tell are read, a block of 4 KiB at
// a time and at most 64 KiB: a file picked by its name has its first block
// checked for NUL bytes.
// An error when `dir` cannot be read.
absl::StatusOr<std::vector<std::string>> FindZoneFiles(
    const std::string& dir, const ZoneFileChoice& choice = {});

}  // namespace zonelint

#endif  // ZONELINT_LINT_ZONE_FILES_H_

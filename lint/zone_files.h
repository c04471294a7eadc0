// Finding the zone files in a directory, for `zonelint DIR`.
#ifndef ZONELINT_LINT_ZONE_FILES_H_
#define ZONELINT_LINT_ZONE_FILES_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace zonelint {

// Whether a file looks like a zone file, from its name (the last path
// component) and its first bytes: named "*.zone" or "db.*", or starting
// like a master file: a $ORIGIN or $TTL directive or an SOA record in its
// first 64 lines. Text with a NUL byte is never a zone file.
bool LooksLikeZoneFile(std::string_view name, std::string_view head);

// The zone files under `dir`, found recursively and sorted by path (hidden
// files and directories, those starting with '.', are skipped, and links
// to directories are not followed). A file that another file found here
// includes with $INCLUDE is left out: it is linted as part of that file.
// An error when `dir` cannot be read.
absl::StatusOr<std::vector<std::string>> FindZoneFiles(const std::string& dir);

}  // namespace zonelint

#endif  // ZONELINT_LINT_ZONE_FILES_H_

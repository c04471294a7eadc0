// Writing a file so that a reader sees the old contents or the new ones,
// never a mix: what --fix and --write-spf-costs write with.
#ifndef ZONELINT_UTIL_ATOMIC_FILE_H_
#define ZONELINT_UTIL_ATOMIC_FILE_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace zonelint {

// Replaces the file at `path` with `contents`, or creates it: a temporary
// file in the same folder, written, flushed to disk and renamed over it
// (through a symbolic link, the file it names is replaced). A file replaced
// keeps its permission bits (and its owner where allowed); a new one gets
// 0666 less the umask. Errors name `path`; no temporary file is left.
absl::Status WriteFileAtomically(const std::string& path,
                                 std::string_view contents);

}  // namespace zonelint

#endif  // ZONELINT_UTIL_ATOMIC_FILE_H_

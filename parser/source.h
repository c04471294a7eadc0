// Source files: the bytes of one zone file (memory-mapped when read from disk)
// and a line table that is built only when a diagnostic needs a position.
#ifndef ZONELINT_PARSER_SOURCE_H_
#define ZONELINT_PARSER_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace zonelint {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

// A half-open byte range [begin, end) in one file.
struct SourceRange {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// 1-based line and column (columns count bytes, as clang and gcc do).
struct LineCol {
  uint32_t line = 0;
  uint32_t column = 0;
};

class Source {
 public:
  // Largest file we accept: offsets are 32-bit.
  static constexpr uint64_t kMaxSize = UINT32_MAX - 1;

  // Maps the file read-only (reads it when small). Fails for directories,
  // unreadable or huge files.
  static absl::StatusOr<std::unique_ptr<Source>> Open(const std::string& path);
  // Takes the bytes from memory (stdin, tests, fuzzing).
  static std::unique_ptr<Source> FromString(std::string path,
                                            std::string contents);

  ~Source();
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

  // Position of a byte offset (offset == size is allowed: end of file).
  LineCol Locate(uint32_t offset) const;
  // The text of a 1-based line without its line end.
  std::string_view Line(uint32_t line) const;

 private:
  Source(std::string path) : path_(std::move(path)) {}
  void BuildLineTable() const;

  std::string path_;
  std::string owned_;    // contents when not mapped
  void* map_ = nullptr;  // mmap base when mapped
  size_t map_size_ = 0;
  std::string_view text_;
  mutable std::vector<uint32_t> line_starts_;  // built lazily
};

// All files read in one run; FileId indexes into it.
class SourceSet {
 public:
  FileId Add(std::unique_ptr<Source> source);
  const Source& Get(FileId id) const { return *sources_[id]; }
  // Hands a source over to another set (Session::AddFiles); this set must
  // not be asked for it again.
  std::unique_ptr<Source> Release(FileId id) { return std::move(sources_[id]); }
  size_t size() const { return sources_.size(); }

 private:
  std::vector<std::unique_ptr<Source>> sources_;
};

}  // namespace zonelint

#endif  // ZONELINT_PARSER_SOURCE_H_

#include "parser/source.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "absl/status/status.h"
#include "util/strings.h"

namespace zonelint {

absl::StatusOr<std::unique_ptr<Source>> Source::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) {
      return absl::NotFoundError(Cat("no such file: ", path));
    }
    return absl::PermissionDeniedError(
        Cat("cannot open ", path, ": ", std::strerror(err)));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return absl::UnavailableError(
        Cat("cannot stat ", path, ": ", std::strerror(err)));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return absl::FailedPreconditionError(
        Cat(path, " is a directory, not a zone file"));
  }
  std::unique_ptr<Source> source(new Source(path));
  // Small files are read, not mapped: a map costs a page at least and one
  // of the 65,530 a process may hold (vm.max_map_count), and a directory
  // of 100,000 zones is small files.
  constexpr off_t kMapFrom = off_t{1} << 20;
  if (!S_ISREG(st.st_mode) || st.st_size < kMapFrom) {
    // A pipe or device, or a small file: read it all.
    std::string data;
    if (S_ISREG(st.st_mode)) data.reserve(st.st_size);
    char buf[1 << 16];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) data.append(buf, n);
    ::close(fd);
    if (n < 0) {
      return absl::UnavailableError(Cat("cannot read ", path));
    }
    if (data.size() > kMaxSize) {
      return absl::ResourceExhaustedError(Cat(path, " is larger than 4 GiB"));
    }
    source->owned_ = std::move(data);
    source->text_ = source->owned_;
    return source;
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxSize) {
    ::close(fd);
    return absl::ResourceExhaustedError(Cat(path, " is larger than 4 GiB"));
  }
  if (st.st_size > 0) {
    void* p = ::mmap(nullptr, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      return absl::UnavailableError(
          Cat("cannot map ", path, ": ", std::strerror(err)));
    }
    ::madvise(p, st.st_size, MADV_SEQUENTIAL);
    source->map_ = p;
    source->map_size_ = st.st_size;
    source->text_ = std::string_view(static_cast<const char*>(p), st.st_size);
  }
  ::close(fd);
  return source;
}

std::unique_ptr<Source> Source::FromString(std::string path,
                                           std::string contents) {
  std::unique_ptr<Source> source(new Source(std::move(path)));
  source->owned_ = std::move(contents);
  source->text_ = source->owned_;
  return source;
}

Source::~Source() {
  if (map_ != nullptr) ::munmap(map_, map_size_);
}

void Source::BuildLineTable() const {
  if (!line_starts_.empty()) return;
  line_starts_.push_back(0);
  const char* base = text_.data();
  const char* p = base;
  const char* end = base + text_.size();
  while (p < end) {
    const void* nl = std::memchr(p, '\n', end - p);
    if (nl == nullptr) break;
    p = static_cast<const char*>(nl) + 1;
    line_starts_.push_back(static_cast<uint32_t>(p - base));
  }
}

LineCol Source::Locate(uint32_t offset) const {
  BuildLineTable();
  offset = std::min<uint32_t>(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  uint32_t index = static_cast<uint32_t>(it - line_starts_.begin()) - 1;
  return {index + 1, offset - line_starts_[index] + 1};
}

std::string_view Source::Line(uint32_t line) const {
  BuildLineTable();
  if (line == 0 || line > line_starts_.size()) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < line_starts_.size()
                     ? line_starts_[line] - 1
                     : static_cast<uint32_t>(text_.size());
  std::string_view s = text_.substr(begin, end - begin);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

FileId SourceSet::Add(std::unique_ptr<Source> source) {
  sources_.push_back(std::move(source));
  return static_cast<FileId>(sources_.size() - 1);
}

}  // namespace zonelint

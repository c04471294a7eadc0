#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "util/strings.h"

namespace zonelint {

absl::Status WriteFileAtomically(const std::string& path,
                                 std::string_view contents) {
  std::error_code ec;
  std::string target = path;
  if (std::filesystem::is_symlink(path, ec)) {
    target = std::filesystem::canonical(path, ec).string();
    if (ec) return absl::InternalError(Cat("cannot resolve '", path, "'"));
  }
  auto error = [&path](std::string_view what) {
    return absl::InternalError(
        Cat("cannot ", what, " '", path, "': ", std::strerror(errno)));
  };
  struct stat st;
  const bool exists = ::stat(target.c_str(), &st) == 0;
  if (!exists && errno != ENOENT) return error("read");
  std::string temp = target + ".zonelint-XXXXXX";
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) return error("write");
  auto fail = [&](std::string_view what) {
    const absl::Status status = error(what);
    ::close(fd);
    ::unlink(temp.c_str());
    return status;
  };
  mode_t mode;
  if (exists) {
    mode = st.st_mode & 07777;
  } else {
    // The umask is read by setting it back at once.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) return fail("write");
  // Keeps the owner when allowed (root); otherwise the writer owns it, as
  // with any editor.
  if (exists && ::fchown(fd, st.st_uid, st.st_gid) != 0) {
  }
  for (size_t done = 0; done < contents.size();) {
    const ssize_t n =
        ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("write");
  if (::close(fd) != 0) {
    const absl::Status status = error("write");
    ::unlink(temp.c_str());
    return status;
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const absl::Status status = error("replace");
    ::unlink(temp.c_str());
    return status;
  }
  // The rename itself reaches the disk with its folder.
  const std::string folder =
      std::filesystem::path(target).parent_path().string();
  const int dir = ::open(folder.empty() ? "." : folder.c_str(),
                         O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
  return absl::OkStatus();
}

}  // namespace zonelint

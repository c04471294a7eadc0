// WriteFileAtomically: replaces keeping the mode, creates with the umask's,
// follows a symbolic link, leaves no temporary file.
#include "util/atomic_file.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

size_t Entries(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(WriteFileAtomicallyTest, KeepsModeAndLeavesNoTemporaryFile) {
  const fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "keep";
  fs::create_directories(dir);
  const fs::path file = dir / "z.zone";
  std::ofstream(file) << "old\n";
  ASSERT_EQ(::chmod(file.c_str(), 0640), 0);
  ASSERT_TRUE(
      WriteFileAtomically(file.string(), std::string("new\0\r\n", 6)).ok());
  EXPECT_EQ(Read(file), std::string("new\0\r\n", 6));
  struct stat st;
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(Entries(dir), 1u);
}

TEST(WriteFileAtomicallyTest, CreatesWithTheUmasksMode) {
  const fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "create";
  fs::create_directories(dir);
  const mode_t mask = ::umask(022);
  const fs::path file = dir / "costs.txt";
  const bool ok = WriteFileAtomically(file.string(), "a 1\n").ok();
  ::umask(mask);
  ASSERT_TRUE(ok);
  EXPECT_EQ(Read(file), "a 1\n");
  struct stat st;
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0644u);
}

TEST(WriteFileAtomicallyTest, ThroughALinkTheFileIsReplaced) {
  const fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "link";
  fs::create_directories(dir);
  std::ofstream(dir / "real.zone") << "old\n";
  fs::create_symlink("real.zone", dir / "link.zone");
  ASSERT_TRUE(WriteFileAtomically((dir / "link.zone").string(), "new\n").ok());
  EXPECT_TRUE(fs::is_symlink(dir / "link.zone"));
  EXPECT_EQ(Read(dir / "real.zone"), "new\n");
  EXPECT_EQ(Entries(dir), 2u);
}

TEST(WriteFileAtomicallyTest, AMissingFolderFailsNamingThePath) {
  const fs::path dir = fs::path(std::getenv("TEST_TMPDIR")) / "nofolder";
  const std::string path = (dir / "missing" / "x").string();
  const absl::Status status = WriteFileAtomically(path, "x");
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find(path), std::string::npos);
}

}  // namespace
}  // namespace zonelint

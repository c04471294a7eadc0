// StringArena: stores many small strings in large blocks, so that each costs
// its bytes and no allocation of its own. The views it returns stay valid as
// long as the arena lives; nothing is freed before then.
#ifndef ZONELINT_UTIL_ARENA_H_
#define ZONELINT_UTIL_ARENA_H_

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace zonelint {

class StringArena {
 public:
  StringArena() = default;
  StringArena(const StringArena&) = delete;
  StringArena& operator=(const StringArena&) = delete;
  StringArena(StringArena&&) = default;
  StringArena& operator=(StringArena&&) = default;

  // A copy of `s` that lives as long as the arena.
  std::string_view Store(std::string_view s);

 private:
  // Blocks grow from kFirstBlock to kBlockSize: an arena that stores a few
  // names (one small zone's, of 100,000 parsed at once) stays small.
  static constexpr size_t kFirstBlock = size_t{1} << 10;
  static constexpr size_t kBlockSize = size_t{1} << 16;

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* free_ = nullptr;
  size_t free_size_ = 0;
};

}  // namespace zonelint

#endif  // ZONELINT_UTIL_ARENA_H_

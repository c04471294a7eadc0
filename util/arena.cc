#include "util/arena.h"

#include <algorithm>
#include <cstring>

namespace zonelint {

std::string_view StringArena::Store(std::string_view s) {
  if (s.empty()) return {};
  if (s.size() > free_size_) {
    if (s.size() > kBlockSize / 4) {
      // A big string gets a block of its own; the current block keeps its
      // free space for the small ones that follow.
      blocks_.emplace_back(new char[s.size()]);
      std::memcpy(blocks_.back().get(), s.data(), s.size());
      return std::string_view(blocks_.back().get(), s.size());
    }
    const size_t doublings = std::min<size_t>(blocks_.size(), 6);
    const size_t size =
        std::min(kBlockSize, std::max(s.size(), kFirstBlock << doublings));
    blocks_.emplace_back(new char[size]);
    free_ = blocks_.back().get();
    free_size_ = size;
  }
  std::memcpy(free_, s.data(), s.size());
  std::string_view stored(free_, s.size());
  free_ += s.size();
  free_size_ -= s.size();
  return stored;
}

}  // namespace zonelint

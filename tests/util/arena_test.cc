// StringArena: stored copies stay valid and unchanged as the arena grows.
#include "util/arena.h"

#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TEST(StringArenaTest, CopiesStayValidAsTheArenaGrows) {
  StringArena arena;
  std::vector<std::string> originals;
  std::vector<std::string_view> stored;
  for (int i = 0; i < 20000; ++i) {
    // Small strings, and now and then one bigger than a block's quarter.
    std::string s = i % 997 == 0 ? std::string(40000, 'a' + i % 26)
                                 : "name-" + std::to_string(i);
    stored.push_back(arena.Store(s));
    originals.push_back(std::move(s));
  }
  for (size_t i = 0; i < stored.size(); ++i) {
    ASSERT_EQ(stored[i], originals[i]) << i;
    ASSERT_NE(stored[i].data(), originals[i].data());
  }
}

TEST(StringArenaTest, EmptyStringIsEmpty) {
  StringArena arena;
  EXPECT_TRUE(arena.Store("").empty());
  EXPECT_EQ(arena.Store("x"), "x");
}

}  // namespace
}  // namespace zonelint

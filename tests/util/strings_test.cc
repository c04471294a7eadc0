// util/strings: the edit distance that suggests the word a typo meant.
#include "util/strings.h"

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TEST(EditDistanceTest, CountsEditsIgnoringCase) {
  EXPECT_EQ(EditDistanceIgnoreCase("", ""), 0u);
  EXPECT_EQ(EditDistanceIgnoreCase("abc", ""), 3u);
  EXPECT_EQ(EditDistanceIgnoreCase("", "abc"), 3u);
  EXPECT_EQ(EditDistanceIgnoreCase("Include", "include"), 0u);
  EXPECT_EQ(EditDistanceIgnoreCase("inclde", "include"), 1u);    // insertion
  EXPECT_EQ(EditDistanceIgnoreCase("includee", "include"), 1u);  // deletion
  EXPECT_EQ(EditDistanceIgnoreCase("us-east1", "us-east-1"), 1u);
  EXPECT_EQ(EditDistanceIgnoreCase("eu-west-l", "eu-west-1"), 1u);  // change
  EXPECT_EQ(EditDistanceIgnoreCase("ip6", "ip4"), 1u);
  EXPECT_EQ(EditDistanceIgnoreCase("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistanceIgnoreCase("mx", "exists"), 5u);
}

}  // namespace
}  // namespace zonelint

#include "util/base64.h"

#include <string>

#include "gtest/gtest.h"

namespace zonelint {
namespace {

TEST(Base64Test, DecodeAndEncode) {
  std::string out;
  EXPECT_TRUE(DecodeBase64("aGVs bG8=", &out));
  EXPECT_EQ(out, "hello");
  EXPECT_EQ(EncodeBase64("hello"), "aGVsbG8=");
  EXPECT_EQ(EncodeBase64("hi"), "aGk=");
  EXPECT_EQ(EncodeBase64(""), "");
  EXPECT_FALSE(DecodeBase64("aGVsbG8", &out));   // length 7
  EXPECT_FALSE(DecodeBase64("aG=sbG8=", &out));  // padding inside
  EXPECT_FALSE(DecodeBase64("aGVs!G8=", &out));  // not the alphabet
  EXPECT_FALSE(DecodeBase64("aGk=====", &out));  // too much padding
  EXPECT_TRUE(DecodeBase64("aG\r\nk=", &out));   // blanks anywhere
  EXPECT_EQ(out, "hi");
}

TEST(Base64Test, Values) {
  EXPECT_EQ(Base64Value('A'), 0);
  EXPECT_EQ(Base64Value('z'), 51);
  EXPECT_EQ(Base64Value('9'), 61);
  EXPECT_EQ(Base64Value('+'), 62);
  EXPECT_EQ(Base64Value('/'), 63);
  EXPECT_EQ(Base64Value('='), -1);
  EXPECT_EQ(Base64Value('-'), -1);
}

}  // namespace
}  // namespace zonelint

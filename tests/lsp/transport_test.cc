#include "lsp/transport.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace zonelint::lsp {
namespace {

// Everything the reader hands out, errors as "!" + text.
std::vector<std::string> Drain(MessageReader& reader) {
  std::vector<std::string> out;
  Frame frame;
  while (reader.Next(&frame)) {
    out.push_back(frame.error ? "!" + frame.text : frame.text);
  }
  return out;
}

TEST(MessageReaderTest, OneMessage) {
  MessageReader reader;
  reader.Feed("Content-Length: 2\r\n\r\n{}");
  EXPECT_EQ(Drain(reader), std::vector<std::string>{"{}"});
  EXPECT_EQ(reader.buffered(), 0u);
}

TEST(MessageReaderTest, ByteByByte) {
  const std::string wire = FrameMessage(R"({"a":1})") +
                           "Content-Type: application/vscode-jsonrpc; "
                           "charset=utf-8\r\ncontent-length: 3\r\n\r\n[1]";
  MessageReader reader;
  std::vector<std::string> got;
  for (char c : wire) {
    reader.Feed(std::string(1, c));
    for (std::string& m : Drain(reader)) got.push_back(std::move(m));
  }
  EXPECT_EQ(got, (std::vector<std::string>{R"({"a":1})", "[1]"}));
}

TEST(MessageReaderTest, SeveralMessagesInOneRead) {
  MessageReader reader;
  reader.Feed(FrameMessage("1") + FrameMessage("22") + FrameMessage("333") +
              "Content-Length: 4\r\n\r\n44");
  EXPECT_EQ(Drain(reader), (std::vector<std::string>{"1", "22", "333"}));
  reader.Feed("44");
  EXPECT_EQ(Drain(reader), std::vector<std::string>{"4444"});
}

TEST(MessageReaderTest, BadHeadersAreSkippedToTheNextContentLength) {
  MessageReader reader;
  reader.Feed("garbage\r\n\r\n" + FrameMessage("a") +
              "Content-Length: x1\r\n\r\n" + FrameMessage("b") +
              "Content-Type: text\r\n\r\n" + FrameMessage("c") +
              "Content-Length: -1\r\n\r\n" + FrameMessage("d"));
  EXPECT_EQ(Drain(reader), (std::vector<std::string>{
                               "!a header line without a name and a colon", "a",
                               "!a Content-Length that is no number", "b",
                               "!a header block without Content-Length", "c",
                               "!a Content-Length that is no number", "d"}));
}

TEST(MessageReaderTest, OversizedContentLengthIsRefused) {
  MessageReader reader;
  reader.Feed("Content-Length: 67108865\r\n\r\n{}" + FrameMessage("ok"));
  EXPECT_EQ(Drain(reader),
            (std::vector<std::string>{
                "!a Content-Length over the limit of 64 MiB", "ok"}));
  MessageReader at_limit;
  at_limit.Feed("Content-Length: 67108864\r\n\r\n");
  EXPECT_TRUE(Drain(at_limit).empty());  // waits for the body
}

TEST(MessageReaderTest, EndlessHeaderIsBounded) {
  MessageReader reader;
  reader.Feed(std::string(MessageReader::kMaxHeaderBlock, 'x'));
  EXPECT_TRUE(Drain(reader).empty());
  reader.Feed("xx");
  std::vector<std::string> got = Drain(reader);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0][0], '!');
  // What is skipped is dropped, except a tail that may start a header.
  EXPECT_LT(reader.buffered(), 16u);
  reader.Feed("Content-Length: 1\r\n\r\n7");
  EXPECT_EQ(Drain(reader), std::vector<std::string>{"7"});
}

TEST(MessageReaderTest, ContentLengthCutByReads) {
  MessageReader reader;
  reader.Feed("junk\r\n\r\nContent-Le");
  EXPECT_EQ(Drain(reader).size(), 1u);  // the junk's error
  reader.Feed("ngth: 2\r");
  EXPECT_TRUE(Drain(reader).empty());
  reader.Feed("\n\r\n{}");
  EXPECT_EQ(Drain(reader), std::vector<std::string>{"{}"});
}

TEST(MessageReaderTest, UnreadPutsBytesBack) {
  MessageReader reader;
  reader.Feed(FrameMessage("x") + "Content-Length: 1\r\n");
  EXPECT_EQ(Drain(reader), std::vector<std::string>{"x"});
  EXPECT_TRUE(reader.Unread(FrameMessage("y")));
  reader.Feed("\r\nz");
  EXPECT_EQ(Drain(reader), (std::vector<std::string>{"y", "z"}));
  // Never more bytes put back than were fed.
  EXPECT_FALSE(reader.Unread(std::string(1000, 'x')));
  EXPECT_EQ(reader.buffered(), 0u);
}

}  // namespace
}  // namespace zonelint::lsp

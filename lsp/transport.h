// The language server's wire format: JSON-RPC messages framed by a header
// block ("Content-Length: N\r\n\r\n" and N bytes of body), read from
// hostile input. The reader is fed bytes as they come (a byte at a time
// or many messages at once) and hands out whole bodies; it bounds the
// header lines, the header block and the body, and after a bad header it
// says so and resynchronises at the next "Content-Length:".
#ifndef ZONELINT_LSP_TRANSPORT_H_
#define ZONELINT_LSP_TRANSPORT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zonelint::lsp {

// What the reader hands out: a message's body, or what was wrong with the
// bytes it skipped (a text of our own, never input bytes).
struct Frame {
  bool error = false;
  std::string text;
};

class MessageReader {
 public:
  // Limits: a header block longer than this is no header; a body longer
  // than kMaxBody is refused (and skipped).
  static constexpr size_t kMaxHeaderBlock = 8 << 10;
  static constexpr size_t kMaxBody = 64 << 20;

  void Feed(std::string_view bytes);
  // Puts bytes back in front of what is buffered: the server hands back
  // the part of a body that holds the next message's header when the body
  // was longer than its message (a Content-Length too big). Refused (false)
  // once the bytes put back would outnumber those fed, so that hostile
  // input cannot make the reader read it over and over.
  bool Unread(std::string_view bytes);
  // The next body or error, if one is complete; false when more bytes are
  // needed.
  bool Next(Frame* frame);
  // Bytes held, for tests and the main loop's bound.
  size_t buffered() const { return buffer_.size() - pos_; }

 private:
  // Drops bytes up to the next "Content-Length:" after the current
  // position; keeps a tail that may be the start of one.
  bool Resync();

  std::string buffer_;
  size_t pos_ = 0;          // bytes before it are consumed
  size_t scanned_ = 0;      // the header end was not found before it
  size_t body_ = SIZE_MAX;  // the body's length once its header is read
  bool resync_ = false;
  uint64_t fed_ = 0;     // bytes fed so far
  uint64_t unread_ = 0;  // bytes put back so far
};

// A message framed for the wire.
std::string FrameMessage(std::string_view body);

// Writes all of `bytes` to `fd`, retrying short writes; false on error.
bool WriteAll(int fd, std::string_view bytes);

}  // namespace zonelint::lsp

#endif  // ZONELINT_LSP_TRANSPORT_H_

#include "lsp/transport.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>

namespace zonelint::lsp {
namespace {

constexpr std::string_view kContentLength = "Content-Length:";

char Lower(char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

// The body length a header block gives, or an error text.
bool ParseHeader(std::string_view block, size_t* length, std::string* error) {
  bool found = false;
  while (!block.empty()) {
    size_t eol = block.find("\r\n");
    std::string_view line = block.substr(0, eol);
    block.remove_prefix(eol == std::string_view::npos ? block.size() : eol + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) {
      *error = "a header line without a name and a colon";
      return false;
    }
    if (!EqualsIgnoreCase(Trim(line.substr(0, colon)), "Content-Length")) {
      continue;  // Content-Type and the like: nothing to check
    }
    std::string_view value = Trim(line.substr(colon + 1));
    if (value.empty() || value.size() > 12) {
      *error = "a Content-Length that is no number";
      return false;
    }
    uint64_t n = 0;
    for (char c : value) {
      if (c < '0' || c > '9') {
        *error = "a Content-Length that is no number";
        return false;
      }
      n = n * 10 + static_cast<uint64_t>(c - '0');
    }
    if (n > MessageReader::kMaxBody) {
      *error = "a Content-Length over the limit of 64 MiB";
      return false;
    }
    *length = static_cast<size_t>(n);
    found = true;
  }
  if (!found) *error = "a header block without Content-Length";
  return found;
}

}  // namespace

void MessageReader::Feed(std::string_view bytes) {
  // Consumed bytes go once they are half the buffer: linear overall.
  if (pos_ > 0 && pos_ >= buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    scanned_ -= std::min(scanned_, pos_);
    pos_ = 0;
  }
  buffer_.append(bytes);
  fed_ += bytes.size();
}

bool MessageReader::Unread(std::string_view bytes) {
  if (unread_ + bytes.size() > fed_) return false;
  unread_ += bytes.size();
  buffer_.replace(0, pos_, bytes);
  pos_ = 0;
  scanned_ = 0;
  body_ = SIZE_MAX;
  return true;
}

bool MessageReader::Resync() {
  std::string_view rest = std::string_view(buffer_).substr(pos_);
  size_t at = rest.find(kContentLength);
  if (at == std::string_view::npos) {
    // Keep what may be the start of a "Content-Length:" cut by the read.
    size_t keep = std::min(rest.size(), kContentLength.size() - 1);
    pos_ = buffer_.size() - keep;
    scanned_ = pos_;
    return false;
  }
  pos_ += at;
  scanned_ = pos_;
  resync_ = false;
  return true;
}

bool MessageReader::Next(Frame* frame) {
  if (resync_ && !Resync()) return false;
  if (body_ == SIZE_MAX) {
    std::string_view rest = std::string_view(buffer_).substr(pos_);
    // Where the search for the blank line goes on: 3 bytes back, in case
    // "\r\n\r\n" was cut by the last read.
    size_t from = scanned_ > pos_ + 3 ? scanned_ - pos_ - 3 : 0;
    size_t end = rest.find("\r\n\r\n", from);
    if (end == std::string_view::npos || end > kMaxHeaderBlock) {
      if (rest.size() <= kMaxHeaderBlock) {
        scanned_ = buffer_.size();
        return false;
      }
      *frame = {true, "a header block over 8 KiB or without its blank line"};
      ++pos_;  // past the "C" of a "Content-Length:" that starts it
      resync_ = true;
      return true;
    }
    size_t length = 0;
    std::string error;
    if (!ParseHeader(rest.substr(0, end), &length, &error)) {
      *frame = {true, std::move(error)};
      ++pos_;
      resync_ = true;
      return true;
    }
    pos_ += end + 4;
    scanned_ = pos_;
    body_ = length;
  }
  if (buffer_.size() - pos_ < body_) return false;
  *frame = {false, buffer_.substr(pos_, body_)};
  pos_ += body_;
  scanned_ = pos_;
  body_ = SIZE_MAX;
  return true;
}

std::string FrameMessage(std::string_view body) {
  std::string out =
      "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        pollfd p{fd, POLLOUT, 0};
        ::poll(&p, 1, 1000);
        continue;
      }
      return false;
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace zonelint::lsp

// libFuzzer target for the language server's message reader and
// dispatcher: the bytes are fed to an initialized Server in pieces whose
// sizes the input chooses (as reads would cut them), with a lint between
// some of them. Any crash, leak, undefined behaviour or exception is a
// bug, and so is output that is not framed JSON-RPC: each message the
// server writes must parse back as a JSON object with "jsonrpc": "2.0".
//
// The server lists the zone files of the current directory (fuzz/run.sh
// runs fuzzers in a scratch folder with two small zones).
//
// Build and run: fuzz/run.sh SECONDS (see there).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lsp/server.h"
#include "lsp/transport.h"
#include "lsp/zone_set.h"
#include "nlohmann/json.hpp"

namespace {

// The server's output, checked as it comes.
class Checker {
 public:
  void Take(std::string_view bytes) {
    reader_.Feed(bytes);
    zonelint::lsp::Frame frame;
    while (reader_.Next(&frame)) {
      if (frame.error) std::abort();
      nlohmann::json j = nlohmann::json::parse(frame.text, nullptr, false);
      if (j.is_discarded() || !j.is_object() ||
          j.value("jsonrpc", "") != "2.0") {
        std::abort();
      }
    }
  }

 private:
  zonelint::lsp::MessageReader reader_;
};

std::string Cwd() {
  char buffer[4096];
  return ::getcwd(buffer, sizeof buffer) != nullptr ? buffer : "/nonexistent";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string root = Cwd();
  Checker checker;
  zonelint::lsp::Server server(
      [&checker](std::string_view bytes) { checker.Take(bytes); });
  const nlohmann::json initialize = {
      {"jsonrpc", "2.0"},
      {"id", 0},
      {"method", "initialize"},
      {"params", {{"rootUri", zonelint::lsp::UriFromPath(root)}}}};
  server.Feed(zonelint::lsp::FrameMessage(initialize.dump()));
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // Each piece: one byte gives its length (0: lint now), then the bytes.
  while (!input.empty() && !server.exited()) {
    const size_t n = static_cast<unsigned char>(input[0]);
    input.remove_prefix(1);
    if (n == 0) {
      server.Flush();
      continue;
    }
    const std::string_view piece = input.substr(0, n);
    input.remove_prefix(piece.size());
    server.Feed(piece);
  }
  server.Flush();
  return 0;
}

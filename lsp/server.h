// The language server: JSON-RPC 2.0 over the framing of lsp/transport.h,
// LSP 3.17. It keeps the open documents, lints their zone set
// (lsp/zone_set.h) once for all the messages that are already readable,
// publishes each document's findings with its version and answers the
// requests that need them (pull diagnostics, code actions) after that
// lint, so no result of an older text is ever sent.
#ifndef ZONELINT_LSP_SERVER_H_
#define ZONELINT_LSP_SERVER_H_

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lint/diagnostic.h"
#include "lsp/document.h"
#include "lsp/suppress.h"
#include "lsp/transport.h"
#include "lsp/zone_set.h"
#include "nlohmann/json.hpp"

namespace zonelint::lsp {

using Json = nlohmann::json;

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
  kRequestCancelled = -32800,
};

// A finding as the protocol shows it: range in UTF-16, severity, code,
// codeDescription, source and message with the hint. `text` is the file
// the finding's range is in.
Json DiagnosticJson(const Finding& d, std::string_view text,
                    const LineIndex& index);

// A Fix as a code action over the file at `uri` whose text is `text`.
Json FixAction(const Fix& fix, bool preferred, const Json& diagnostic,
               const std::string& uri, std::string_view text,
               const LineIndex& index);

// The code actions for a finding in the file `file` at `uri` whose text is
// `text`: one per Fix (preferred when it is the finding's only safe one),
// then "Disable RULE for this line".
Json FindingActions(const Finding& d, FileId file, const std::string& uri,
                    std::string_view text, const LineIndex& index,
                    const SuppressionEdits& suppressions);

class Server {
 public:
  // `send` gets each framed message for the client.
  explicit Server(std::function<void(std::string_view)> send);
  ~Server();

  // Takes bytes from the client and handles each complete message: the
  // documents change at once, linting and the requests that need it wait
  // for Flush.
  void Feed(std::string_view bytes);
  // Whether Flush has something to do.
  bool pending() const { return dirty_ || !deferred_.empty(); }
  // Lints the changed documents' zone set once, publishes what changed and
  // answers the deferred requests.
  void Flush();

  bool exited() const { return exited_; }
  // The exit status: 0 after shutdown, 1 without.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  struct OpenDocument;
  struct Deferred {
    Json id;
    std::string method;
    Json params;
  };

  void Handle(const Json& message);
  void HandleRequest(const Json& id, const std::string& method,
                     const Json& params);
  void HandleNotification(const std::string& method, const Json& params);
  void Send(const Json& message);
  void Reply(const Json& id, Json result);
  void ReplyError(const Json& id, int code, std::string_view message);
  void Log(int type, std::string_view message);

  Json Initialize(const Json& params);
  void DidOpen(const Json& params);
  void DidChange(const Json& params);
  void DidSave(const Json& params);
  void DidClose(const Json& params);
  void Lint();
  Json DocumentDiagnostics(const OpenDocument& doc) const;
  Json CodeActions(const Json& params) const;
  Json Answer(const Deferred& request) const;
  // The open document that `params.textDocument.uri` names, or null.
  const OpenDocument* Find(const Json& params) const;
  OpenDocument* Find(const Json& params) {
    return const_cast<OpenDocument*>(std::as_const(*this).Find(params));
  }

  std::function<void(std::string_view)> send_;
  MessageReader reader_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool dirty_ = false;
  std::map<std::string, std::unique_ptr<OpenDocument>> documents_;  // by URI
  std::vector<Deferred> deferred_;
  ZoneSet zones_;
  LintResult last_;  // the last lint, of the documents' current texts
};

// Runs the server on `in` and `out` (stdin, stdout) until exit or the end
// of input; returns the exit status.
int RunServer(int in, int out);

}  // namespace zonelint::lsp

#endif  // ZONELINT_LSP_SERVER_H_

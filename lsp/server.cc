#include "lsp/server.h"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <utility>

#include "lint/format.h"
#include "lint/version.h"
#include "lsp/suppress.h"
#include "parser/source.h"

namespace zonelint::lsp {
namespace {

// Deeper JSON than this is refused before it is parsed: copying and
// printing nlohmann's values recurses.
constexpr int kMaxDepth = 64;

// The method names the protocol reserves for optional notifications.
bool IsDollarMethod(std::string_view method) {
  return method.substr(0, 2) == "$/";
}

// The deepest nesting of arrays and objects in `text`, outside strings;
// stops counting past kMaxDepth.
int Depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > kMaxDepth) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return deepest;
}

// Members of a JSON object, or null when `j` is no object or lacks `key`.
const Json* Member(const Json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::optional<std::string> StringMember(const Json& j, const char* key) {
  const Json* m = Member(j, key);
  if (m == nullptr || !m->is_string()) return std::nullopt;
  return m->get<std::string>();
}

std::optional<Position> ParsePosition(const Json* j) {
  if (j == nullptr) return std::nullopt;
  const Json* line = Member(*j, "line");
  const Json* character = Member(*j, "character");
  if (line == nullptr || character == nullptr || !line->is_number_unsigned() ||
      !character->is_number_unsigned()) {
    return std::nullopt;
  }
  return Position{static_cast<uint32_t>(
                      std::min<uint64_t>(line->get<uint64_t>(), UINT32_MAX)),
                  static_cast<uint32_t>(std::min<uint64_t>(
                      character->get<uint64_t>(), UINT32_MAX))};
}

std::optional<Range> ParseRange(const Json* j) {
  if (j == nullptr) return std::nullopt;
  std::optional<Position> start = ParsePosition(Member(*j, "start"));
  std::optional<Position> end = ParsePosition(Member(*j, "end"));
  if (!start || !end) return std::nullopt;
  return Range{*start, *end};
}

Json PositionJson(Position p) {
  return {{"line", p.line}, {"character", p.character}};
}

Json RangeJson(std::string_view text, const LineIndex& index, uint32_t begin,
               uint32_t end) {
  return {{"start", PositionJson(index.PositionOf(text, begin))},
          {"end", PositionJson(index.PositionOf(text, std::max(begin, end)))}};
}

int SeverityNumber(Severity s) {
  switch (s) {
    case Severity::kError:
      return 1;
    case Severity::kWarning:
      return 2;
    case Severity::kInfo:
      return 3;
  }
  return 3;
}

std::string Dump(const Json& j) {
  // Texts from zone files may be any bytes: invalid UTF-8 becomes U+FFFD.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// The folder of a workspace folder's or the root's URI.
std::optional<std::string> FolderPath(const Json* uri) {
  if (uri == nullptr || !uri->is_string()) return std::nullopt;
  std::optional<std::string> path = PathFromUri(uri->get<std::string>());
  if (!path) return std::nullopt;
  std::string normal = std::filesystem::path(*path).lexically_normal().string();
  while (normal.size() > 1 && normal.back() == '/') normal.pop_back();
  return normal;
}

}  // namespace

Json DiagnosticJson(const Finding& d, std::string_view text,
                    const LineIndex& index) {
  std::string message(d.message);
  if (!d.help.empty()) message.append("\nhint: ").append(d.help);
  return {{"range", RangeJson(text, index, d.range.begin, d.range.end)},
          {"severity", SeverityNumber(d.severity)},
          {"code", std::string(d.rule)},
          {"codeDescription", {{"href", RulePageUrl(d.rule)}}},
          {"source", "zonelint"},
          {"message", std::move(message)}};
}

Json FixAction(const Fix& fix, bool preferred, const Json& diagnostic,
               const std::string& uri, std::string_view text,
               const LineIndex& index) {
  Json edits = Json::array();
  for (const TextEdit& edit : fix.edits) {
    edits.push_back(
        {{"range", RangeJson(text, index, edit.range.begin, edit.range.end)},
         {"newText", edit.text}});
  }
  Json action = {{"title", fix.title},
                 {"kind", "quickfix"},
                 {"diagnostics", Json::array({diagnostic})},
                 {"edit", {{"changes", {{uri, std::move(edits)}}}}}};
  if (preferred) action["isPreferred"] = true;
  return action;
}

Json FindingActions(const Finding& d, FileId file, const std::string& uri,
                    std::string_view text, const LineIndex& index,
                    const SuppressionEdits& suppressions) {
  Json actions = Json::array();
  const Json diagnostic = DiagnosticJson(d, text, index);
  size_t safe = 0;
  for (const Fix& fix : d.fixes) safe += fix.safe ? 1 : 0;
  for (const Fix& fix : d.fixes) {
    // Rules' fixes are in the finding's file; one that is not, or has no
    // edit, is no action here.
    const bool in_file =
        std::all_of(fix.edits.begin(), fix.edits.end(),
                    [&](const TextEdit& e) { return e.range.file == file; });
    if (!in_file || fix.edits.empty()) continue;
    actions.push_back(
        FixAction(fix, fix.safe && safe == 1, diagnostic, uri, text, index));
  }
  Fix suppress{"Disable " + std::string(d.rule) + " for this line",
               false,
               {suppressions.For(d.range.begin, d.rule)}};
  suppress.edits[0].range.file = file;
  actions.push_back(FixAction(suppress, false, diagnostic, uri, text, index));
  return actions;
}

struct Server::OpenDocument {
  std::string uri;
  std::string path;  // the file, or the URI of a document that is none
  bool is_file = true;
  Document document;
  bool publish = true;  // publish after the next lint
  bool published = false;
  Json last;                     // the diagnostics published last
  FileId file = kNoFile;         // in the last lint's session
  std::vector<size_t> findings;  // indices into the last lint's findings
};

Server::Server(std::function<void(std::string_view)> send)
    : send_(std::move(send)) {}

Server::~Server() = default;

void Server::Send(const Json& message) { send_(FrameMessage(Dump(message))); }

void Server::Reply(const Json& id, Json result) {
  Send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::ReplyError(const Json& id, int code, std::string_view message) {
  Send({{"jsonrpc", "2.0"},
        {"id", id},
        {"error", {{"code", code}, {"message", message}}}});
}

void Server::Log(int type, std::string_view message) {
  Send({{"jsonrpc", "2.0"},
        {"method", "window/logMessage"},
        {"params", {{"type", type}, {"message", message}}}});
}

void Server::Feed(std::string_view bytes) {
  reader_.Feed(bytes);
  Frame frame;
  while (!exited_ && reader_.Next(&frame)) {
    if (frame.error) {
      Log(1, "zonelint lsp: skipped input with " + frame.text +
                 "; reading on at the next Content-Length header");
      continue;
    }
    try {
      Json message;
      bool parsed = Depth(frame.text) <= kMaxDepth;
      if (parsed) {
        message = Json::parse(frame.text, nullptr, false);
        parsed = !message.is_discarded();
      }
      if (!parsed) {
        // A Content-Length too big swallows the next message's header:
        // take the body up to it, and read on from there.
        const size_t at = frame.text.find("Content-Length:");
        if (at != std::string::npos && at > 0 &&
            reader_.Unread(std::string_view(frame.text).substr(at))) {
          frame.text.resize(at);
          Log(1, "zonelint lsp: a Content-Length longer than its message");
          parsed = Depth(frame.text) <= kMaxDepth;
          if (parsed) {
            message = Json::parse(frame.text, nullptr, false);
            parsed = !message.is_discarded();
          }
        }
      }
      if (!parsed) {
        ReplyError(nullptr, kParseError,
                   "Parse error: the message is no JSON (or nested too "
                   "deeply)");
        continue;
      }
      Handle(message);
    } catch (const std::exception&) {
      // Nothing should throw; if something does, the documents stay.
      Log(1, "zonelint lsp: internal error while handling a message");
    }
  }
}

void Server::Handle(const Json& message) {
  if (!message.is_object()) {
    ReplyError(nullptr, kInvalidRequest, "Invalid request: no object");
    return;
  }
  const Json* id = Member(message, "id");
  const bool id_ok =
      id != nullptr && (id->is_string() || id->is_number_integer());
  const Json reply_id = id_ok ? *id : Json(nullptr);
  const Json* method = Member(message, "method");
  if (StringMember(message, "jsonrpc") != "2.0") {
    ReplyError(reply_id, kInvalidRequest,
               "Invalid request: jsonrpc is not 2.0");
    return;
  }
  if (method == nullptr) {
    // A response to a request of ours: the server sends none it waits for.
    if (id != nullptr &&
        (Member(message, "result") != nullptr || Member(message, "error"))) {
      return;
    }
    ReplyError(reply_id, kInvalidRequest, "Invalid request: no method");
    return;
  }
  const Json* params = Member(message, "params");
  if (params != nullptr && params->is_null()) params = nullptr;  // "void"
  if (!method->is_string() || (id != nullptr && !id_ok) ||
      (params != nullptr && !params->is_object() && !params->is_array())) {
    if (id != nullptr) {
      ReplyError(reply_id, kInvalidRequest,
                 "Invalid request: method, id or params of the wrong type");
    }
    return;
  }
  static const Json kNoParams = Json::object();
  const std::string name = method->get<std::string>();
  if (id != nullptr) {
    HandleRequest(*id, name, params != nullptr ? *params : kNoParams);
  } else {
    HandleNotification(name, params != nullptr ? *params : kNoParams);
  }
}

void Server::HandleRequest(const Json& id, const std::string& method,
                           const Json& params) {
  if (method == "initialize") {
    if (initialized_ || shutdown_) {
      ReplyError(id, kInvalidRequest, "Invalid request: already initialized");
      return;
    }
    initialized_ = true;
    Json folders_log = Initialize(params);
    Reply(id, {{"capabilities",
                {{"positionEncoding", "utf-16"},
                 {"textDocumentSync",
                  {{"openClose", true},
                   {"change", 2},  // incremental
                   {"save", {{"includeText", false}}}}},
                 {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
                 {"diagnosticProvider",
                  {{"interFileDependencies", true},
                   {"workspaceDiagnostics", false}}}}},
               {"serverInfo", {{"name", "zonelint"}, {"version", kVersion}}}});
    for (const Json& line : folders_log) Log(1, line.get<std::string>());
    return;
  }
  if (!initialized_) {
    ReplyError(id, kServerNotInitialized, "Server not initialized");
    return;
  }
  if (shutdown_) {
    ReplyError(id, kInvalidRequest, "Invalid request: the server is shut down");
    return;
  }
  if (method == "shutdown") {
    shutdown_ = true;
    Reply(id, nullptr);
    return;
  }
  if (method == "textDocument/diagnostic" ||
      method == "textDocument/codeAction") {
    if (Member(params, "textDocument") == nullptr) {
      ReplyError(id, kInvalidParams, "Invalid params: no textDocument");
      return;
    }
    Deferred request{id, method, params};
    if (pending()) {
      deferred_.push_back(std::move(request));
    } else {
      Reply(id, Answer(request));
    }
    return;
  }
  ReplyError(id, kMethodNotFound, "Method not found");
}

void Server::HandleNotification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (method == "$/cancelRequest") {
    const Json* id = Member(params, "id");
    if (id == nullptr) return;
    auto it = std::find_if(deferred_.begin(), deferred_.end(),
                           [&](const Deferred& d) { return d.id == *id; });
    if (it != deferred_.end()) {
      ReplyError(it->id, kRequestCancelled, "Request cancelled");
      deferred_.erase(it);
    }
    return;
  }
  if (!initialized_ || shutdown_ || IsDollarMethod(method)) return;
  if (method == "textDocument/didOpen") {
    DidOpen(params);
  } else if (method == "textDocument/didChange") {
    DidChange(params);
  } else if (method == "textDocument/didSave") {
    DidSave(params);
  } else if (method == "textDocument/didClose") {
    DidClose(params);
  }
  // "initialized" and notifications the server does not know: nothing to
  // do.
}

Json Server::Initialize(const Json& params) {
  std::vector<std::string> folders;
  if (const Json* list = Member(params, "workspaceFolders");
      list != nullptr && list->is_array()) {
    for (const Json& folder : *list) {
      if (std::optional<std::string> path = FolderPath(Member(folder, "uri"))) {
        folders.push_back(*path);
      }
    }
  }
  if (folders.empty()) {
    if (std::optional<std::string> path =
            FolderPath(Member(params, "rootUri"))) {
      folders.push_back(*path);
    }
  }
  Json log = Json::array();
  for (const std::string& line : zones_.SetFolders(std::move(folders))) {
    log.push_back(line);
  }
  return log;
}

const Server::OpenDocument* Server::Find(const Json& params) const {
  std::optional<std::string> uri =
      StringMember(Member(params, "textDocument") != nullptr
                       ? *Member(params, "textDocument")
                       : Json(),
                   "uri");
  if (!uri) return nullptr;
  auto it = documents_.find(*uri);
  return it == documents_.end() ? nullptr : it->second.get();
}

void Server::DidOpen(const Json& params) {
  const Json* item = Member(params, "textDocument");
  std::optional<std::string> uri =
      item != nullptr ? StringMember(*item, "uri") : std::nullopt;
  std::optional<std::string> text =
      item != nullptr ? StringMember(*item, "text") : std::nullopt;
  const Json* version = item != nullptr ? Member(*item, "version") : nullptr;
  if (!uri || !text) {
    Log(1, "zonelint lsp: didOpen without a document's uri and text");
    return;
  }
  if (text->size() > Document::kMaxSize) {
    Log(1, "zonelint lsp: a document over 256 MiB is not linted");
    return;
  }
  auto doc = std::make_unique<OpenDocument>(
      OpenDocument{*uri, *uri, true,
                   Document(*std::move(text),
                            version != nullptr && version->is_number_integer()
                                ? version->get<int64_t>()
                                : 0)});
  if (std::optional<std::string> path = PathFromUri(*uri)) {
    doc->path = std::filesystem::path(*path).lexically_normal().string();
  } else {
    doc->is_file = false;
  }
  documents_[*uri] = std::move(doc);
  dirty_ = true;
}

void Server::DidChange(const Json& params) {
  OpenDocument* doc = Find(params);
  const Json* changes = Member(params, "contentChanges");
  if (doc == nullptr || changes == nullptr || !changes->is_array()) {
    Log(1, "zonelint lsp: didChange of a document that is not open");
    return;
  }
  for (const Json& change : *changes) {
    std::optional<std::string> text = StringMember(change, "text");
    const Json* range_json = Member(change, "range");
    std::optional<Range> range = ParseRange(range_json);
    if (!text || (range_json != nullptr && !range)) {
      Log(1, "zonelint lsp: a change without text or with a bad range");
      continue;
    }
    if (!doc->document.Apply(range, *text)) {
      Log(1, "zonelint lsp: a change that makes the document over 256 MiB");
    }
  }
  const Json* version = Member(*Member(params, "textDocument"), "version");
  if (version != nullptr && version->is_number_integer()) {
    doc->document.set_version(version->get<int64_t>());
  }
  doc->publish = true;
  dirty_ = true;
}

void Server::DidSave(const Json& params) {
  OpenDocument* doc = Find(params);
  if (doc == nullptr) return;
  // A saved file may be new to the set, or the config may have changed.
  for (const std::string& line : zones_.Refresh()) Log(1, line);
  doc->publish = true;
  dirty_ = true;
}

void Server::DidClose(const Json& params) {
  OpenDocument* doc = Find(params);
  if (doc == nullptr) return;
  const std::string uri = doc->uri;
  documents_.erase(uri);
  Send({{"jsonrpc", "2.0"},
        {"method", "textDocument/publishDiagnostics"},
        {"params", {{"uri", uri}, {"diagnostics", Json::array()}}}});
  // The others may have findings about it, now from its disk contents.
  dirty_ = true;
}

void Server::Lint() {
  dirty_ = false;
  if (documents_.empty()) {
    last_ = LintResult();  // nothing to publish to
    return;
  }
  std::vector<Buffer> buffers;
  for (const auto& [uri, doc] : documents_) {
    buffers.push_back({doc->path, doc->is_file, &doc->document.text()});
  }
  std::vector<std::string> log;
  last_ = zones_.Lint(buffers, &log);
  for (const std::string& line : log) Log(1, line);
  const SourceSet& sources = last_.session->sources();
  for (auto& [uri, doc] : documents_) {
    doc->file = kNoFile;
    doc->findings.clear();
    // The document's own file: the one read from its buffer, or when it is
    // $INCLUDEd, the disk copy if that is what the editor holds.
    for (FileId id = 0; id < sources.size(); ++id) {
      const Source& source = sources.Get(id);
      if (source.path() == doc->path && source.text() == doc->document.text()) {
        doc->file = id;
        break;
      }
    }
    for (size_t i = 0; i < last_.findings.size(); ++i) {
      if (doc->file != kNoFile && last_.findings[i].range.file == doc->file) {
        doc->findings.push_back(i);
      }
    }
    Json diagnostics = DocumentDiagnostics(*doc);
    if (doc->publish || !doc->published || diagnostics != doc->last) {
      Send({{"jsonrpc", "2.0"},
            {"method", "textDocument/publishDiagnostics"},
            {"params",
             {{"uri", doc->uri},
              {"version", doc->document.version()},
              {"diagnostics", diagnostics}}}});
      doc->last = std::move(diagnostics);
      doc->published = true;
      doc->publish = false;
    }
  }
}

void Server::Flush() {
  if (dirty_) {
    try {
      Lint();
    } catch (const std::exception&) {
      // Out of memory, most likely: keep the documents, say so.
      Log(1, "zonelint lsp: internal error while linting");
    }
  }
  std::vector<Deferred> requests = std::move(deferred_);
  deferred_.clear();
  for (const Deferred& request : requests) Reply(request.id, Answer(request));
}

Json Server::DocumentDiagnostics(const OpenDocument& doc) const {
  Json list = Json::array();
  for (size_t i : doc.findings) {
    list.push_back(DiagnosticJson(last_.findings[i], doc.document.text(),
                                  doc.document.index()));
  }
  return list;
}

Json Server::Answer(const Deferred& request) const {
  const OpenDocument* doc = Find(request.params);
  if (request.method == "textDocument/diagnostic") {
    Json items = doc != nullptr && last_.session != nullptr
                     ? DocumentDiagnostics(*doc)
                     : Json::array();
    return {{"kind", "full"}, {"items", std::move(items)}};
  }
  return CodeActions(request.params);
}

Json Server::CodeActions(const Json& params) const {
  Json actions = Json::array();
  const OpenDocument* doc = Find(params);
  if (doc == nullptr || last_.session == nullptr) return actions;
  if (const Json* only = Member(Member(params, "context") != nullptr
                                    ? *Member(params, "context")
                                    : Json(),
                                "only");
      only != nullptr && only->is_array()) {
    bool wanted = false;
    for (const Json& kind : *only) {
      wanted = wanted || kind == "quickfix" || kind == "";
    }
    if (!wanted) return actions;
  }
  const std::string& text = doc->document.text();
  const LineIndex& index = doc->document.index();
  std::optional<Range> range = ParseRange(Member(params, "range"));
  size_t begin = 0;
  size_t end = text.size();
  if (range) {
    // Whole lines: editors ask at the cursor, which is seldom on the
    // finding's first character.
    begin = index.OffsetOf(text, {range->start.line, 0});
    end = std::max(begin, index.OffsetOf(text, {range->end.line, UINT32_MAX}));
  }
  // Read once for all the findings (a range may hold many).
  std::optional<SuppressionEdits> suppressions;
  for (size_t i : doc->findings) {
    const Finding& d = last_.findings[i];
    if (d.range.begin > end || std::max(d.range.begin, d.range.end) < begin) {
      continue;
    }
    if (!suppressions) suppressions.emplace(text);
    for (Json& action :
         FindingActions(d, doc->file, doc->uri, text, index, *suppressions)) {
      actions.push_back(std::move(action));
    }
  }
  return actions;
}

int RunServer(int in, int out) {
  // A client that goes away makes writes fail, not kill the server.
  ::signal(SIGPIPE, SIG_IGN);
  bool write_failed = false;
  Server server([&](std::string_view bytes) {
    if (!write_failed && !WriteAll(out, bytes)) write_failed = true;
  });
  // Messages already readable are handled before the lint, so a burst of
  // changes is linted once; a steady stream is still linted every 50 ms.
  using Clock = std::chrono::steady_clock;
  constexpr auto kMaxDelay = std::chrono::milliseconds(50);
  Clock::time_point since = Clock::now();
  std::string buffer(64 << 10, '\0');
  for (;;) {
    if (server.exited() || write_failed) break;
    const bool pending = server.pending();
    if (pending && Clock::now() - since > kMaxDelay) {
      server.Flush();
      continue;
    }
    pollfd p{in, POLLIN, 0};
    int ready = ::poll(&p, 1, pending ? 0 : -1);
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (ready == 0) {
      server.Flush();
      continue;
    }
    ssize_t n = ::read(in, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      break;
    }
    if (n == 0) break;  // the client is gone
    if (!server.pending()) since = Clock::now();
    server.Feed(std::string_view(buffer.data(), static_cast<size_t>(n)));
  }
  return server.exited() ? server.exit_code() : 1;
}

}  // namespace zonelint::lsp

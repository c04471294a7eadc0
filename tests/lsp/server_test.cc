#include "lsp/server.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "lsp/document.h"
#include "lsp/suppress.h"
#include "lsp/transport.h"
#include "nlohmann/json.hpp"

namespace zonelint::lsp {
namespace {

namespace fs = std::filesystem;

constexpr char kZoneA[] =
    "$ORIGIN a.example.\n"
    "$TTL 3600\n"
    "@\tSOA\tns1 hostmaster 1 7200 3600 1209600 300\n"
    "\tNS\tns1\n"
    "ns1\tA\t192.0.2.1\n"
    "@\tMX\t10 mail.b.example.\n"  // line 5
    "_dmarc\tTXT\t\"v=DMARC1; p=reject\"\n"
    "www\tCNAME\thost.example.net\n";  // line 7

constexpr char kZoneB[] =
    "$ORIGIN b.example.\n"
    "$TTL 3600\n"
    "@\tSOA\tns1 hostmaster 1 7200 3600 1209600 300\n"
    "\tNS\tns1\n"
    "ns1\tA\t192.0.2.1\n"
    "_dmarc\tTXT\t\"v=DMARC1; p=reject\"\n";

void WriteFile(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// A client in the test: sends messages to a Server and reads its answers.
class Client {
 public:
  Client() : server_([this](std::string_view bytes) { reader_.Feed(bytes); }) {}

  void Send(const Json& message) { server_.Feed(FrameMessage(message.dump())); }
  void SendRaw(std::string_view bytes) { server_.Feed(bytes); }
  void Request(int id, const std::string& method, Json params) {
    Send({{"jsonrpc", "2.0"},
          {"id", id},
          {"method", method},
          {"params", std::move(params)}});
  }
  void Notify(const std::string& method, Json params) {
    Send({{"jsonrpc", "2.0"},
          {"method", method},
          {"params", std::move(params)}});
  }
  // What the server sent, after the lint of everything sent so far.
  std::vector<Json> Flush() {
    server_.Flush();
    return Take();
  }
  std::vector<Json> Take() {
    std::vector<Json> out;
    Frame frame;
    while (reader_.Next(&frame)) {
      EXPECT_FALSE(frame.error) << frame.text;
      out.push_back(Json::parse(frame.text));
    }
    return out;
  }
  Server& server() { return server_; }

  // initialize with `root` (may be empty) and initialized.
  void Start(const fs::path& root) {
    Json params = {{"processId", nullptr}, {"capabilities", Json::object()}};
    params["rootUri"] =
        root.empty() ? Json(nullptr) : Json(UriFromPath(root.string()));
    Request(1, "initialize", params);
    Notify("initialized", Json::object());
    Take();
  }
  void Open(const std::string& uri, const std::string& text, int version = 1) {
    Notify("textDocument/didOpen", {{"textDocument",
                                     {{"uri", uri},
                                      {"languageId", "zone"},
                                      {"version", version},
                                      {"text", text}}}});
  }
  void Change(const std::string& uri, int version, Json changes) {
    Notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", version}}},
            {"contentChanges", std::move(changes)}});
  }

 private:
  MessageReader reader_;
  Server server_;
};

// The publishDiagnostics notifications among `messages`, for `uri`.
std::vector<Json> Published(const std::vector<Json>& messages,
                            const std::string& uri) {
  std::vector<Json> out;
  for (const Json& m : messages) {
    if (m.value("method", "") == "textDocument/publishDiagnostics" &&
        m["params"]["uri"] == uri) {
      out.push_back(m["params"]);
    }
  }
  return out;
}

std::vector<std::string> Codes(const Json& diagnostics) {
  std::vector<std::string> out;
  for (const Json& d : diagnostics) out.push_back(d["code"]);
  return out;
}

const Json* Response(const std::vector<Json>& messages, int id) {
  for (const Json& m : messages) {
    if (m.contains("id") && m["id"] == id) return &m;
  }
  return nullptr;
}

Json Edit(int line, int from, int to, const std::string& text) {
  return {{"range",
           {{"start", {{"line", line}, {"character", from}}},
            {"end", {{"line", line}, {"character", to}}}}},
          {"text", text}};
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::path(::testing::TempDir()) /
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::create_directories(root_);
    WriteFile(root_ / "a.example.zone", kZoneA);
    WriteFile(root_ / "b.example.zone", kZoneB);
    uri_a_ = UriFromPath((root_ / "a.example.zone").string());
    uri_b_ = UriFromPath((root_ / "b.example.zone").string());
  }

  fs::path root_;
  std::string uri_a_, uri_b_;
};

TEST_F(ServerTest, Lifecycle) {
  Client client;
  client.Request(1, "textDocument/diagnostic", Json::object());
  std::vector<Json> out = client.Take();
  ASSERT_NE(Response(out, 1), nullptr);
  EXPECT_EQ((*Response(out, 1))["error"]["code"], -32002);

  client.Request(2, "initialize", {{"rootUri", nullptr}, {"capabilities", {}}});
  out = client.Take();
  ASSERT_NE(Response(out, 2), nullptr);
  const Json& result = (*Response(out, 2))["result"];
  EXPECT_EQ(result["capabilities"]["textDocumentSync"]["change"], 2);
  EXPECT_EQ(result["capabilities"]["textDocumentSync"]["openClose"], true);
  EXPECT_EQ(result["capabilities"]["codeActionProvider"]["codeActionKinds"],
            Json::array({"quickfix"}));
  EXPECT_EQ(
      result["capabilities"]["diagnosticProvider"]["interFileDependencies"],
      true);
  EXPECT_EQ(result["serverInfo"]["name"], "zonelint");
  EXPECT_FALSE(result["serverInfo"]["version"].get<std::string>().empty());

  client.Request(3, "initialize", Json::object());
  out = client.Take();
  EXPECT_EQ((*Response(out, 3))["error"]["code"], -32600);

  client.Request(4, "shutdown", nullptr);
  out = client.Take();
  EXPECT_TRUE((*Response(out, 4))["result"].is_null());
  client.Request(5, "textDocument/codeAction", Json::object());
  out = client.Take();
  EXPECT_EQ((*Response(out, 5))["error"]["code"], -32600);
  EXPECT_FALSE(client.server().exited());
  client.Notify("exit", nullptr);
  EXPECT_TRUE(client.server().exited());
  EXPECT_EQ(client.server().exit_code(), 0);

  Client no_shutdown;
  no_shutdown.Start({});
  no_shutdown.Notify("exit", nullptr);
  EXPECT_TRUE(no_shutdown.server().exited());
  EXPECT_EQ(no_shutdown.server().exit_code(), 1);
}

TEST_F(ServerTest, ErrorsAreAnsweredAndDocumentsKept) {
  Client client;
  client.Start(root_);
  client.Open(uri_a_, kZoneA);
  client.Flush();
  client.SendRaw(FrameMessage("{\"jsonrpc\": \"2.0\", \"id\": 7,"));  // cut
  client.SendRaw(
      FrameMessage("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                   "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]"));
  client.Send({{"id", 8}, {"method", "shutdown"}});  // no jsonrpc
  client.Send(Json::array({1, 2}));
  client.Send({{"jsonrpc", "2.0"}, {"id", {{"x", 1}}}, {"method", "shutdown"}});
  client.Request(9, "textDocument/hover", Json::object());
  client.Notify("workspace/didChangeConfiguration", Json::object());
  client.Notify("$/setTrace", {{"value", "off"}});
  client.SendRaw("Content-Length: nine\r\n\r\n{}");
  std::vector<Json> out = client.Take();
  ASSERT_EQ(out.size(), 7u) << Json(out).dump();
  EXPECT_EQ(out[0]["error"]["code"], -32700);
  EXPECT_TRUE(out[0]["id"].is_null());
  EXPECT_EQ(out[1]["error"]["code"], -32700);  // too deep
  EXPECT_EQ(out[2]["error"]["code"], -32600);
  EXPECT_EQ(out[2]["id"], 8);
  EXPECT_EQ(out[3]["error"]["code"], -32600);
  EXPECT_EQ(out[4]["error"]["code"], -32600);
  EXPECT_TRUE(out[4]["id"].is_null());
  EXPECT_EQ(out[5]["error"]["code"], -32601);
  EXPECT_EQ(out[5]["id"], 9);
  EXPECT_EQ(out[6]["method"], "window/logMessage");

  // A Content-Length too short: the rest is no header and is skipped; one
  // too long swallows the next message's header, which is read from there.
  const std::string ok =
      Json({{"jsonrpc", "2.0"},
            {"id", 10},
            {"method", "textDocument/diagnostic"},
            {"params", {{"textDocument", {{"uri", uri_a_}}}}}})
          .dump();
  client.SendRaw("Content-Length: 5\r\n\r\n" + ok);
  client.SendRaw("Content-Length: " + std::to_string(ok.size() + 30) +
                 "\r\n\r\n" + ok + FrameMessage(ok));
  out = client.Flush();
  int answers = 0;
  for (const Json& m : out) {
    if (m.contains("id") && m["id"] == 10) {
      ++answers;
      EXPECT_EQ(Codes(m["result"]["items"]),
                (std::vector<std::string>{"mx-target-no-address",
                                          "zone-missing-trailing-dot"}));
    }
  }
  EXPECT_EQ(answers, 2) << Json(out).dump();
}

TEST_F(ServerTest, PublishesOnOpenChangeSaveAndClose) {
  Client client;
  client.Start(root_);
  client.Open(uri_a_, kZoneA, 3);
  std::vector<Json> published = Published(client.Flush(), uri_a_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["version"], 3);
  const Json& diagnostics = published[0]["diagnostics"];
  EXPECT_EQ(Codes(diagnostics),
            (std::vector<std::string>{"mx-target-no-address",
                                      "zone-missing-trailing-dot"}));
  const Json& dot = diagnostics[1];
  EXPECT_EQ(dot["range"]["start"], Json({{"line", 7}, {"character", 10}}));
  EXPECT_EQ(dot["range"]["end"], Json({{"line", 7}, {"character", 26}}));
  EXPECT_EQ(dot["severity"], 2);
  EXPECT_EQ(dot["source"], "zonelint");
  EXPECT_EQ(dot["codeDescription"]["href"],
            "https://github.com/zonelint/zonelint/blob/main/docs/rules/"
            "zone-missing-trailing-dot.md");
  const std::string message = dot["message"];
  EXPECT_NE(message.find("has no trailing dot"), std::string::npos);
  EXPECT_NE(message.find("\nhint: "), std::string::npos);
  EXPECT_EQ(diagnostics[0]["severity"], 1);

  // The buffer is linted, not the disk: the dot added in the editor only.
  client.Change(uri_a_, 4, {Edit(7, 26, 26, ".")});
  published = Published(client.Flush(), uri_a_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["version"], 4);
  EXPECT_EQ(Codes(published[0]["diagnostics"]),
            std::vector<std::string>{"mx-target-no-address"});

  client.Notify("textDocument/didSave", {{"textDocument", {{"uri", uri_a_}}}});
  EXPECT_EQ(Published(client.Flush(), uri_a_).size(), 1u);
  // Nothing changed: nothing published.
  EXPECT_TRUE(client.Flush().empty());

  client.Notify("textDocument/didClose", {{"textDocument", {{"uri", uri_a_}}}});
  published = Published(client.Take(), uri_a_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_TRUE(published[0]["diagnostics"].empty());
}

TEST_F(ServerTest, UnicodeAndTabsInRanges) {
  Client client;
  client.Start(root_);
  // Before the flagged name: a tab, "é" (2 bytes, 1 unit) and "😀" (4
  // bytes, 2 units) in an owner name.
  std::string text = kZoneA;
  text += "caf\xC3\xA9\xF0\x9F\x98\x80\tCNAME\tother.example.org\n";
  client.Open(uri_a_, text);
  std::vector<Json> published = Published(client.Flush(), uri_a_);
  ASSERT_EQ(published.size(), 1u);
  bool found = false;
  for (const Json& d : published[0]["diagnostics"]) {
    if (d["code"] == "zone-missing-trailing-dot" &&
        d["range"]["start"]["line"] == 8) {
      found = true;
      // "café😀\tCNAME\t" is 4 + 2 + 1 + 5 + 1 = 13 units (17 bytes).
      EXPECT_EQ(d["range"]["start"]["character"], 13);
      EXPECT_EQ(d["range"]["end"]["character"], 13 + 17);
    }
  }
  EXPECT_TRUE(found) << published[0].dump();
}

TEST_F(ServerTest, BurstOfChangesIsLintedOnceForTheNewestVersion) {
  Client client;
  client.Start(root_);
  client.Open(uri_a_, kZoneA, 1);
  client.Change(uri_a_, 2, {Edit(7, 26, 26, ".")});
  client.Change(uri_a_, 3, {Edit(7, 26, 27, "")});
  client.Change(uri_a_, 4, {Edit(7, 26, 26, ".")});
  client.Request(5, "textDocument/codeAction",
                 {{"textDocument", {{"uri", uri_a_}}},
                  {"range",
                   {{"start", {{"line", 7}, {"character", 0}}},
                    {"end", {{"line", 7}, {"character", 0}}}}},
                  {"context", {{"diagnostics", Json::array()}}}});
  // Not answered before the lint: it would answer for an older text.
  EXPECT_TRUE(client.Take().empty());
  EXPECT_TRUE(client.server().pending());
  std::vector<Json> out = client.Flush();
  std::vector<Json> published = Published(out, uri_a_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0]["version"], 4);
  EXPECT_EQ(Codes(published[0]["diagnostics"]),
            std::vector<std::string>{"mx-target-no-address"});
  // The answer comes after the publication and knows the newest text: no
  // finding on line 7 any more.
  ASSERT_NE(Response(out, 5), nullptr);
  EXPECT_EQ(&out.back(), Response(out, 5));
  EXPECT_TRUE((*Response(out, 5))["result"].empty());
}

TEST_F(ServerTest, CancelledRequest) {
  Client client;
  client.Start(root_);
  client.Open(uri_a_, kZoneA);
  client.Request(2, "textDocument/diagnostic",
                 {{"textDocument", {{"uri", uri_a_}}}});
  client.Notify("$/cancelRequest", {{"id", 2}});
  std::vector<Json> out = client.Flush();
  ASSERT_NE(Response(out, 2), nullptr);
  EXPECT_EQ((*Response(out, 2))["error"]["code"], -32800);
}

TEST_F(ServerTest, CrossZoneFindingsFollowEitherFile) {
  Client client;
  client.Start(root_);
  client.Open(uri_a_, kZoneA);
  EXPECT_EQ(Codes(Published(client.Flush(), uri_a_)[0]["diagnostics"])[0],
            "mx-target-no-address");
  // The MX target added in b's buffer: a is published again without it.
  client.Open(uri_b_, kZoneB);
  client.Change(uri_b_, 2, {Edit(5, 0, 0, "mail\tA\t192.0.2.25\n")});
  std::vector<Json> out = client.Flush();
  std::vector<Json> published = Published(out, uri_a_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(Codes(published[0]["diagnostics"]),
            std::vector<std::string>{"zone-missing-trailing-dot"});
  // b closed unsaved: b's disk contents count again.
  client.Notify("textDocument/didClose", {{"textDocument", {{"uri", uri_b_}}}});
  published = Published(client.Flush(), uri_a_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(Codes(published[0]["diagnostics"])[0], "mx-target-no-address");
  // b changed on disk (not open): seen at the next lint.
  WriteFile(root_ / "b.example.zone",
            std::string(kZoneB) + "mail\tA\t192.0.2.25\n");
  client.Change(uri_a_, 5, {Edit(0, 0, 0, "")});
  published = Published(client.Flush(), uri_a_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(Codes(published[0]["diagnostics"]),
            std::vector<std::string>{"zone-missing-trailing-dot"});
}

TEST_F(ServerTest, PullDiagnosticsAndIncludesBesideTheDocument) {
  fs::create_directories(root_ / "sub");
  WriteFile(root_ / "sub" / "mail.inc", "@\tMX\t10 mx.example.net\n");
  const std::string uri =
      UriFromPath((root_ / "sub" / "c.example.zone").string());
  Client client;
  client.Start(root_);
  client.Open(uri,
              "$ORIGIN c.example.\n$TTL 3600\n"
              "@\tSOA\tns1 hostmaster 1 7200 3600 1209600 300\n"
              "\tNS\tns1\nns1\tA\t192.0.2.1\n$INCLUDE mail.inc\n");
  client.Request(2, "textDocument/diagnostic",
                 {{"textDocument", {{"uri", uri}}}});
  std::vector<Json> out = client.Flush();
  ASSERT_NE(Response(out, 2), nullptr);
  const Json& result = (*Response(out, 2))["result"];
  EXPECT_EQ(result["kind"], "full");
  // The include was found beside the document: no include error.
  EXPECT_TRUE(result["items"].empty()) << result.dump();
  EXPECT_EQ(result["items"], Published(out, uri)[0]["diagnostics"]);
  // The included file's findings show on it when it is open as on disk;
  // it is not linted on its own (it is no zone).
  const std::string inc = UriFromPath((root_ / "sub" / "mail.inc").string());
  client.Open(inc, "@\tMX\t10 mx.example.net\n");
  std::vector<Json> published = Published(client.Flush(), inc);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(Codes(published[0]["diagnostics"]),
            std::vector<std::string>{"zone-missing-trailing-dot"});
}

// Applies a WorkspaceEdit's edits for `uri` to `text` (in reverse order,
// as they do not overlap).
std::string ApplyEdit(const std::string& text, const Json& edit,
                      const std::string& uri) {
  Document doc(text, 0);
  Json edits = edit["changes"][uri];
  for (auto it = edits.rbegin(); it != edits.rend(); ++it) {
    const Json& r = (*it)["range"];
    doc.Apply(Range{{r["start"]["line"], r["start"]["character"]},
                    {r["end"]["line"], r["end"]["character"]}},
              (*it)["newText"].get<std::string>());
  }
  return doc.text();
}

Json CodeActionsAt(Client& client, const std::string& uri, int line) {
  client.Request(50, "textDocument/codeAction",
                 {{"textDocument", {{"uri", uri}}},
                  {"range",
                   {{"start", {{"line", line}, {"character", 0}}},
                    {"end", {{"line", line}, {"character", 0}}}}},
                  {"context", {{"diagnostics", Json::array()}}}});
  std::vector<Json> out = client.Flush();
  const Json* response = Response(out, 50);
  return response != nullptr ? (*response)["result"] : Json();
}

TEST_F(ServerTest, SuppressionActionSilencesTheFinding) {
  Client client;
  client.Start(root_);
  // A one-line record, one with a comment already, and a record over
  // several lines (indented, with CRLF line ends).
  std::string text = std::string(kZoneA) +
                     "mx2\tCNAME\thost2.example.net ; old\n"
                     "txt\tTXT\t(\n"
                     "  \"v=spf1 a\"\n"
                     "  )\n"
                     "\tMX\t(\r\n"
                     "\t\t10 host3.example.net )\r\n";
  client.Open(uri_a_, text);
  client.Flush();
  struct Case {
    int line;
    std::string expected_line;  // the line after the edit
    int at;                     // where it is now
    int after;                  // where the finding is now
  };
  const Case cases[] = {
      {7,
       "www\tCNAME\thost.example.net ; zonelint-disable-line "
       "zone-missing-trailing-dot",
       7, 7},
      {8,
       "mx2\tCNAME\thost2.example.net ; old ; zonelint-disable-line "
       "zone-missing-trailing-dot",
       8, 8},
      {13, "\t; zonelint-disable-next-line zone-missing-trailing-dot\r", 12,
       14},
  };
  int version = 2;
  for (const Case& c : cases) {
    Json actions = CodeActionsAt(client, uri_a_, c.line);
    const Json* suppress = nullptr;
    for (const Json& a : actions) {
      if (a["title"] == "Disable zone-missing-trailing-dot for this line") {
        suppress = &a;
      }
    }
    ASSERT_NE(suppress, nullptr) << c.line << " " << actions.dump();
    EXPECT_EQ((*suppress)["kind"], "quickfix");
    EXPECT_FALSE(suppress->contains("isPreferred"));
    EXPECT_EQ((*suppress)["diagnostics"][0]["code"],
              "zone-missing-trailing-dot");
    text = ApplyEdit(text, (*suppress)["edit"], uri_a_);
    Document doc(text, 0);
    size_t from = doc.index().OffsetOf(text, {static_cast<uint32_t>(c.at), 0});
    EXPECT_EQ(text.substr(from, text.find('\n', from) - from), c.expected_line);
    client.Change(uri_a_, version++, {{{"text", text}}});
    std::vector<Json> published = Published(client.Flush(), uri_a_);
    ASSERT_EQ(published.size(), 1u);
    for (const Json& d : published[0]["diagnostics"]) {
      EXPECT_FALSE(d["code"] == "zone-missing-trailing-dot" &&
                   d["range"]["start"]["line"] == c.after)
          << d.dump();
    }
  }
}

TEST(FixActionTest, FixBecomesAWorkspaceEdit) {
  // "é" before the edit: byte offsets 7..7 are UTF-16 character 6.
  const std::string text = "x\nw\xC3\xA9 CNAME host\n";
  LineIndex index(text);
  const std::vector<Fix> fixes = {
      {"Add the trailing dot", true, {{{0, 16, 16}, "."}}},
      {"Remove the name", false, {{{0, 2, 5}, ""}, {{0, 12, 16}, "@"}}}};
  const Finding d{"zone-missing-trailing-dot",
                  Severity::kWarning,
                  {0, 12, 16},
                  "no dot",
                  "",
                  fixes};
  const Json diagnostic = DiagnosticJson(d, text, index);
  EXPECT_EQ(diagnostic["range"]["start"],
            Json({{"line", 1}, {"character", 9}}));
  EXPECT_EQ(diagnostic["message"], "no dot");
  const std::string uri = "file:///z/x.zone";
  Json action = FixAction(d.fixes[0], true, diagnostic, uri, text, index);
  EXPECT_EQ(action["title"], "Add the trailing dot");
  EXPECT_EQ(action["kind"], "quickfix");
  EXPECT_EQ(action["isPreferred"], true);
  EXPECT_EQ(action["diagnostics"][0], diagnostic);
  EXPECT_EQ(action["edit"]["changes"][uri],
            Json::parse(R"([{"range": {"start": {"line": 1, "character": 13},
                                       "end": {"line": 1, "character": 13}},
                             "newText": "."}])"));
  action = FixAction(d.fixes[1], false, diagnostic, uri, text, index);
  EXPECT_FALSE(action.contains("isPreferred"));
  EXPECT_EQ(action["edit"]["changes"][uri][0]["range"]["end"],
            Json({{"line", 1}, {"character", 2}}));
  EXPECT_EQ(ApplyEdit(text, action["edit"], uri), "x\n CNAME @\n");
}

TEST(FindingActionsTest, OneActionPerFixThenTheSuppression) {
  const std::string text = "www CNAME host\n";
  LineIndex index(text);
  SuppressionEdits suppressions(text);
  const std::vector<Fix> fixes = {
      {"Add the trailing dot", true, {{{3, 14, 14}, "."}}},
      {"Behaviour", false, {{{3, 0, 3}, "w"}}},
      {"Elsewhere", true, {{{4, 0, 0}, "x"}}},  // in another file
      {"Nothing", true, {}}};
  Finding d{"zone-missing-trailing-dot",
            Severity::kError,
            {3, 10, 14},
            "m",
            "",
            fixes};
  const std::string uri = "file:///z.zone";
  Json actions = FindingActions(d, 3, uri, text, index, suppressions);
  ASSERT_EQ(actions.size(), 3u) << actions.dump();
  EXPECT_EQ(actions[0]["title"], "Add the trailing dot");
  // Three safe fixes: none is preferred.
  EXPECT_FALSE(actions[0].contains("isPreferred"));
  EXPECT_EQ(actions[1]["title"], "Behaviour");
  EXPECT_FALSE(actions[1].contains("isPreferred"));
  EXPECT_EQ(actions[2]["title"],
            "Disable zone-missing-trailing-dot for this line");
  EXPECT_EQ(
      ApplyEdit(text, actions[2]["edit"], uri),
      "www CNAME host ; zonelint-disable-line zone-missing-trailing-dot\n");
  // One safe fix (and an unsafe one): it is preferred, the other not.
  d.fixes = d.fixes.first(2);
  actions = FindingActions(d, 3, uri, text, index, suppressions);
  ASSERT_EQ(actions.size(), 3u);
  EXPECT_EQ(actions[0]["isPreferred"], true);
  EXPECT_FALSE(actions[1].contains("isPreferred"));
  EXPECT_EQ(ApplyEdit(text, actions[0]["edit"], uri), "www CNAME host.\n");
  EXPECT_EQ(ApplyEdit(text, actions[1]["edit"], uri), "w CNAME host\n");
}

TEST_F(ServerTest, FixesOfAFindingBecomeActions) {
  // Fixes come from the rules; a finding without any still has the
  // suppression action, and an unsafe fix is never preferred (FixAction
  // above). Here: the actions are only for the requested lines.
  Client client;
  client.Start(root_);
  client.Open(uri_a_, kZoneA);
  client.Flush();
  Json actions = CodeActionsAt(client, uri_a_, 4);
  EXPECT_TRUE(actions.empty()) << actions.dump();
  actions = CodeActionsAt(client, uri_a_, 5);
  ASSERT_FALSE(actions.empty());
  for (const Json& a : actions) {
    EXPECT_EQ(a["diagnostics"][0]["code"], "mx-target-no-address");
  }
}

TEST_F(ServerTest, ConfigFileOfTheWorkspaceApplies) {
  WriteFile(root_ / ".zonelint.toml",
            "disable = [\"zone-missing-trailing-dot\"]\n"
            "severity = { \"mx-target-no-address\" = \"info\" }\n");
  Client client;
  client.Start(root_);
  client.Open(uri_a_, kZoneA);
  std::vector<Json> published = Published(client.Flush(), uri_a_);
  ASSERT_EQ(published.size(), 1u);
  const Json& diagnostics = published[0]["diagnostics"];
  EXPECT_EQ(Codes(diagnostics),
            std::vector<std::string>{"mx-target-no-address"});
  EXPECT_EQ(diagnostics[0]["severity"], 3);
  // A broken config is said, and the zone is linted without it.
  WriteFile(root_ / ".zonelint.toml",
            "disable = [\"no-such-rule\"]\n# longer\n");
  client.Change(uri_a_, 2, {Edit(0, 0, 0, "")});
  std::vector<Json> out = client.Flush();
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out[0]["method"], "window/logMessage");
  EXPECT_NE(out[0]["params"]["message"].get<std::string>().find("no-such-rule"),
            std::string::npos);
  EXPECT_EQ(Codes(Published(out, uri_a_)[0]["diagnostics"]),
            (std::vector<std::string>{"mx-target-no-address",
                                      "zone-missing-trailing-dot"}));
  // Mended: read again at the next lint, no save needed.
  WriteFile(root_ / ".zonelint.toml",
            "select = [\"zone-missing-trailing-dot\"]\n");
  client.Change(uri_a_, 3, {Edit(0, 0, 0, "")});
  EXPECT_EQ(Codes(Published(client.Flush(), uri_a_)[0]["diagnostics"]),
            std::vector<std::string>{"zone-missing-trailing-dot"});

  // Without a workspace folder: the config near the document, and only
  // the open zones (b is not linted, so a's MX target is outside the set).
  Client alone;
  alone.Start({});
  alone.Open(uri_a_, kZoneA);
  EXPECT_EQ(Codes(Published(alone.Flush(), uri_a_)[0]["diagnostics"]),
            std::vector<std::string>{"zone-missing-trailing-dot"});
  WriteFile(root_ / ".zonelint.toml",
            "disable = [\"zone-missing-trailing-dot\"]\n");
  alone.Change(uri_a_, 2, {Edit(0, 0, 0, "")});
  EXPECT_TRUE(Published(alone.Flush(), uri_a_)[0]["diagnostics"].empty());
}

// The server on pipes, as the binary runs it: the messages already written
// are read before the lint, so a burst of changes gets one publication;
// exit after shutdown gives 0, the end of input without exit gives 1.
TEST_F(ServerTest, RunServerOnPipes) {
  auto frame = [](const Json& m) { return FrameMessage(m.dump()); };
  auto notify = [](const std::string& method, Json params) {
    return Json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}};
  };
  std::string burst =
      frame({{"jsonrpc", "2.0"},
             {"id", 1},
             {"method", "initialize"},
             {"params", {{"rootUri", UriFromPath(root_.string())}}}}) +
      frame(notify("initialized", Json::object())) +
      frame(notify("textDocument/didOpen",
                   {{"textDocument",
                     {{"uri", uri_a_}, {"version", 1}, {"text", kZoneA}}}}));
  for (int version = 2; version <= 4; ++version) {
    burst += frame(
        notify("textDocument/didChange",
               {{"textDocument", {{"uri", uri_a_}, {"version", version}}},
                {"contentChanges",
                 {Edit(7, 26, 26 + (version % 2), version % 2 ? "" : ".")}}}));
  }
  for (bool clean_exit : {true, false}) {
    int in[2], out[2];
    ASSERT_EQ(::pipe(in), 0);
    ASSERT_EQ(::pipe(out), 0);
    std::string wire = burst;
    if (clean_exit) {
      wire += frame({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "shutdown"}}) +
              frame(notify("exit", nullptr));
    }
    ASSERT_TRUE(WriteAll(in[1], burst));
    int status = -1;
    std::thread server([&] { status = RunServer(in[0], out[1]); });
    // Read until the publication, then send the rest and end the input.
    MessageReader reader;
    std::vector<Json> got;
    char buffer[4096];
    while (Published(got, uri_a_).empty()) {
      ssize_t n = ::read(out[0], buffer, sizeof buffer);
      ASSERT_GT(n, 0);
      reader.Feed(std::string_view(buffer, static_cast<size_t>(n)));
      Frame f;
      while (reader.Next(&f)) got.push_back(Json::parse(f.text));
    }
    ASSERT_TRUE(WriteAll(in[1], wire.substr(burst.size())));
    ::close(in[1]);
    server.join();
    ::close(out[1]);
    for (ssize_t n; (n = ::read(out[0], buffer, sizeof buffer)) > 0;) {
      reader.Feed(std::string_view(buffer, static_cast<size_t>(n)));
    }
    Frame f;
    while (reader.Next(&f)) got.push_back(Json::parse(f.text));
    ::close(in[0]);
    ::close(out[0]);
    std::vector<Json> published = Published(got, uri_a_);
    ASSERT_EQ(published.size(), 1u);
    EXPECT_EQ(published[0]["version"], 4);
    EXPECT_EQ(Codes(published[0]["diagnostics"]),
              std::vector<std::string>{"mx-target-no-address"});
    EXPECT_EQ(status, clean_exit ? 0 : 1);
  }
}

}  // namespace
}  // namespace zonelint::lsp

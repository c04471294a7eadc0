#include "lint/format.h"

#include <openssl/evp.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <ostream>

#include "absl/container/flat_hash_map.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "lint/version.h"
#include "nlohmann/json.hpp"
#include "util/strings.h"

namespace zonelint {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0. Overlong forms,
// surrogates and code points past U+10FFFF are not valid (RFC 3629).
size_t Utf8Length(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t n = (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  uint32_t cp = c & (0x7f >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return 0;
  }
  return n;
}

constexpr std::string_view kReset = "\033[0m";
constexpr std::string_view kBold = "\033[1m";

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError:
      return "\033[1;31m";
    case Severity::kWarning:
      return "\033[1;35m";
    case Severity::kInfo:
      return "\033[1;36m";
  }
  return "";
}

struct Located {
  std::string_view path;
  LineCol begin;
  LineCol end;  // exclusive
};

Located Locate(const SourceSet& sources, const Finding& d) {
  if (d.range.file == kNoFile) return {"<unknown>", {1, 1}, {1, 1}};
  const Source& src = sources.Get(d.range.file);
  return {src.path(), src.Locate(d.range.begin),
          src.Locate(std::max(d.range.end, d.range.begin))};
}

// Whether --fix would mend the finding: it has a safe fix.
bool Fixable(const Finding& d) {
  for (const Fix& fix : d.fixes) {
    if (fix.safe && !fix.edits.empty()) return true;
  }
  return false;
}

void Header(const Located& loc, const Finding& d, bool color,
            std::string* out) {
  if (color) out->append(kBold);
  *out += Cat(loc.path, ":", loc.begin.line, ":", loc.begin.column, ": ");
  if (color) {
    out->append(kReset);
    out->append(SeverityColor(d.severity));
  }
  *out += Cat(SeverityName(d.severity), ":");
  if (color) {
    out->append(kReset);
    out->append(kBold);
  }
  *out += Cat(" ", d.message, " [", d.rule, "]");
  if (color) out->append(kReset);
  if (Fixable(d)) out->append(" [fixable]");
  out->push_back('\n');
}

// The source line, and a caret line under the range (tabs kept so the
// caret lines up in a terminal).
void Snippet(const SourceSet& sources, const Finding& d, const Located& loc,
             bool color, std::string* out) {
  if (d.range.file == kNoFile) return;
  std::string_view line = sources.Get(d.range.file).Line(loc.begin.line);
  std::string shown;
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    shown.push_back((u < 0x20 && c != '\t') || u == 0x7f ? '?' : c);
  }
  out->append("  ");
  out->append(shown);
  out->push_back('\n');
  std::string caret = "  ";
  uint32_t col = loc.begin.column;
  for (uint32_t i = 1; i < col && i - 1 < shown.size(); ++i) {
    caret.push_back(shown[i - 1] == '\t' ? '\t' : ' ');
  }
  uint32_t last = loc.end.line == loc.begin.line
                      ? loc.end.column
                      : static_cast<uint32_t>(shown.size()) + 1;
  if (color) caret.append("\033[1;32m");
  caret.push_back('^');
  for (uint32_t c = col + 1; c < last; ++c) caret.push_back('~');
  if (color) caret.append(kReset);
  out->append(caret);
  out->push_back('\n');
}

// Hands the formatted text on to `stream` (when there is one) each time a
// chunk has gathered, so output never costs memory in proportion to the
// number of findings.
void Spill(std::string* out, std::ostream* stream) {
  constexpr size_t kChunk = size_t{1} << 16;
  if (stream == nullptr || out->size() < kChunk) return;
  stream->write(out->data(), static_cast<std::streamsize>(out->size()));
  out->clear();
}

void Text(const SourceSet& sources, const Findings& ds, bool color,
          std::string* out, std::ostream* stream) {
  size_t counts[3] = {0, 0, 0};
  for (const Finding& d : ds) {
    Spill(out, stream);
    Located loc = Locate(sources, d);
    Header(loc, d, color, out);
    Snippet(sources, d, loc, color, out);
    if (!d.help.empty()) {
      if (color) out->append("\033[1;36m");
      out->append("  help:");
      if (color) out->append(kReset);
      *out += Cat(" ", d.help, "\n");
    }
    ++counts[static_cast<int>(d.severity)];
  }
  if (ds.empty()) return;
  auto plural = [](size_t n, std::string_view word) {
    return Cat(n, " ", word, n == 1 ? "" : "s");
  };
  *out += Cat(plural(counts[2], "error"), ", ", plural(counts[1], "warning"),
              ", ", counts[0], " info\n");
}

void Gcc(const SourceSet& sources, const Findings& ds, std::string* out,
         std::ostream* stream) {
  for (const Finding& d : ds) {
    Spill(out, stream);
    Header(Locate(sources, d), d, false, out);
  }
}

// A finding's fixes in --format=json: each edit with its file, its range
// (1-based lines and byte columns, the end exclusive, and byte offsets) and
// the new text.
std::string JsonFixes(const SourceSet& sources, const Finding& d) {
  std::string out = "[";
  for (const Fix& fix : d.fixes) {
    if (out.size() > 1) out.push_back(',');
    out += Cat("{\"title\":", JsonString(fix.title),
               ",\"safe\":", fix.safe ? "true" : "false", ",\"edits\":[");
    bool first = true;
    for (const TextEdit& edit : fix.edits) {
      if (edit.range.file == kNoFile) continue;
      const Source& src = sources.Get(edit.range.file);
      const LineCol begin = src.Locate(edit.range.begin);
      const LineCol end = src.Locate(edit.range.end);
      if (!first) out.push_back(',');
      first = false;
      out += Cat("{\"file\":", JsonString(src.path()), ",\"line\":", begin.line,
                 ",\"column\":", begin.column, ",\"end_line\":", end.line,
                 ",\"end_column\":", end.column,
                 ",\"start_offset\":", edit.range.begin,
                 ",\"end_offset\":", edit.range.end,
                 ",\"text\":", JsonString(edit.text), "}");
    }
    out += "]}";
  }
  out.push_back(']');
  return out;
}

void Json(const SourceSet& sources, const Findings& ds, std::string* out,
          std::ostream* stream) {
  out->append("{\"version\":1,\"diagnostics\":[");
  bool first = true;
  for (const Finding& d : ds) {
    Spill(out, stream);
    Located loc = Locate(sources, d);
    if (!first) out->push_back(',');
    first = false;
    *out +=
        Cat("{\"file\":", JsonString(loc.path), ",\"line\":", loc.begin.line,
            ",\"column\":", loc.begin.column, ",\"end_line\":", loc.end.line,
            ",\"end_column\":", loc.end.column, ",\"severity\":\"",
            SeverityName(d.severity), "\",\"rule\":\"", d.rule,
            "\",\"message\":", JsonString(d.message),
            ",\"help\":", JsonString(d.help),
            ",\"fixes\":", JsonFixes(sources, d), "}");
  }
  out->append("]}\n");
}

// Where a finding is, as SARIF and GitHub count: 1-based lines, and 1-based
// columns in UTF-16 code units (SARIF's default columnKind, and what
// JavaScript, hence GitHub, counts), the end column exclusive.
struct Region {
  uint32_t start_line = 1, start_column = 1, end_line = 1, end_column = 1;
};

// The UTF-16 column of the 1-based byte column `column` of `line`; a byte
// that is not UTF-8 counts as one unit (it is shown as U+FFFD).
uint32_t Utf16Column(std::string_view line, uint32_t column) {
  size_t bytes = std::min<size_t>(column - 1, line.size());
  uint32_t units = 1 + (column - 1 - static_cast<uint32_t>(bytes));
  for (size_t i = 0; i < bytes;) {
    size_t n = Utf8Length(line, i);
    units += n == 4 ? 2 : 1;
    i += std::max<size_t>(n, 1);
  }
  return units;
}

Region RegionOf(const SourceSet& sources, const Finding& d,
                const Located& loc) {
  if (d.range.file == kNoFile) return {};
  const Source& src = sources.Get(d.range.file);
  return {loc.begin.line,
          Utf16Column(src.Line(loc.begin.line), loc.begin.column), loc.end.line,
          Utf16Column(src.Line(loc.end.line), loc.end.column)};
}

// A relative path as written on the command line, made plain ("./a//b" is
// "a/b"), so that it names the file relative to the repository root when
// zonelint runs there; an absolute path is kept.
std::string PlainPath(std::string_view path) {
  std::string plain =
      std::filesystem::path(path).lexically_normal().generic_string();
  return plain.empty() ? std::string(path) : plain;
}

// A path as a URI reference: every byte but unreserved ones and '/'
// percent-encoded (RFC 3986), an absolute path as a file: URI.
std::string PathUri(std::string_view path) {
  std::string uri = path.substr(0, 1) == "/" ? "file://" : "";
  for (char c : path) {
    if (IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' ||
        c == '/') {
      uri.push_back(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      unsigned char u = static_cast<unsigned char>(c);
      uri += Cat('%', kHex[u >> 4], kHex[u & 15]);
    }
  }
  return uri;
}

// The message, then the help on a line of its own.
std::string MessageAndHelp(const Finding& d) {
  std::string text(d.message);
  if (!d.help.empty()) text += Cat("\nhelp: ", d.help);
  return text;
}

using SarifJson = nlohmann::ordered_json;

// Compact JSON text; a byte that is not UTF-8 becomes U+FFFD.
std::string Dump(const SarifJson& j) {
  return j.dump(-1, ' ', false, SarifJson::error_handler_t::replace);
}

// SARIF's level of a severity ("note" for info), or with "notice" GitHub's
// annotation command.
std::string_view LevelName(Severity s, std::string_view info = "note") {
  return s == Severity::kInfo ? info : SeverityName(s);
}

// The first paragraph of a rule page after its title and severity line,
// on one line: what the rule finds, in a sentence or two.
std::string PageDescription(std::string_view page) {
  std::string paragraph;
  bool started = false;
  for (std::string_view line : Split(page, '\n')) {
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (started && blank) break;
    if (blank || line[0] == '#' || line.substr(0, 2) == "**") continue;
    if (started) paragraph.push_back(' ');
    paragraph.append(line);
    started = true;
  }
  return paragraph;
}

// "zone-rdata" is "ZoneRdata": SARIF's friendly name of a rule.
std::string PascalCase(std::string_view id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-') {
      upper = true;
    } else {
      name.push_back(upper && c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
      upper = false;
    }
  }
  return name;
}

// tool.driver.rules[i]: what GitHub code scanning shows beside an alert.
// Every registered rule has a page (tests/registry_test.cc); an id that
// none has stands for its own summary and page.
SarifJson RuleDescriptor(std::string_view id) {
  const Rule* rule = FindRule(id);
  std::string_view summary = rule != nullptr ? rule->info().summary : id;
  Severity severity =
      rule != nullptr ? rule->info().severity : Severity::kWarning;
  std::string_view page = RuleDoc(id);
  if (page.empty()) page = summary;
  return {{"id", id},
          {"name", PascalCase(id)},
          {"shortDescription", {{"text", summary}}},
          {"fullDescription", {{"text", PageDescription(page)}}},
          {"help", {{"text", page}, {"markdown", page}}},
          {"helpUri", RulePageUrl(id)},
          {"defaultConfiguration", {{"level", LevelName(severity)}}}};
}

// The text at a finding with each run of white space made one space, at
// most the first 4 KiB of it.
std::string NormalisedText(const SourceSet& sources, SourceRange range) {
  if (range.file == kNoFile) return "";
  std::string_view text = sources.Get(range.file).text();
  size_t begin = std::min<size_t>(range.begin, text.size());
  size_t end = std::min<size_t>({range.end, text.size(), begin + 4096});
  std::string out;
  bool space = false;
  for (size_t i = begin; i < end; ++i) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// partialFingerprints["zonelint/v1"]: SHA-256 of the rule id, the file's
// path and the finding's text with white space normalised (not its line
// number nor its message, so moving lines above it or rewording a message
// keeps it), the first 16 bytes in hex, then ":N" for the N-th finding
// with that hash in the run, as GitHub's own primaryLocationLineHash does.
std::string Fingerprint(std::string_view rule, std::string_view path,
                        const std::string& text,
                        absl::flat_hash_map<std::string, uint32_t>* seen) {
  // Fetched once: OpenSSL 3 looks EVP_sha256() up again on every use.
  static EVP_MD* const kSha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  std::string key = Cat(rule, '\0', path, '\0', text);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(key.data(), key.size(), md, &size, kSha256, nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(32, '0');
  for (unsigned int i = 0; i < 16 && i < size; ++i) {
    hex[2 * i] = kHex[md[i] >> 4];
    hex[2 * i + 1] = kHex[md[i] & 15];
  }
  return Cat(hex, ":", ++(*seen)[hex]);
}

// A result's "fixes" (SARIF 2.1.0 3.55): each fix's title, and its edits as
// replacements of regions (columns in UTF-16 code units, as the run's
// columnKind says; an empty region inserts) by new text. SARIF has no
// notion of a safe fix: properties.safe says whether --fix applies it.
// Empty when the finding has none.
std::string SarifFixes(const SourceSet& sources, const Finding& d) {
  if (d.fixes.empty()) return "";
  std::string out = ",\"fixes\":[";
  bool first_fix = true;
  for (const Fix& fix : d.fixes) {
    if (!first_fix) out.push_back(',');
    first_fix = false;
    out += Cat("{\"description\":{\"text\":", JsonString(fix.title),
               "},\"artifactChanges\":[");
    // SARIF groups the replacements by file; a fix's edits are in one.
    bool first = true;
    for (const TextEdit& edit : fix.edits) {
      if (edit.range.file == kNoFile) continue;
      const Source& src = sources.Get(edit.range.file);
      const LineCol begin = src.Locate(edit.range.begin);
      const LineCol end = src.Locate(edit.range.end);
      if (first) {
        out += Cat("{\"artifactLocation\":{\"uri\":",
                   JsonString(PathUri(PlainPath(src.path()))),
                   ",\"uriBaseId\":\"%SRCROOT%\"},\"replacements\":[");
      } else {
        out.push_back(',');
      }
      first = false;
      out += Cat(
          "{\"deletedRegion\":{\"startLine\":", begin.line,
          ",\"startColumn\":", Utf16Column(src.Line(begin.line), begin.column),
          ",\"endLine\":", end.line,
          ",\"endColumn\":", Utf16Column(src.Line(end.line), end.column),
          "},\"insertedContent\":{\"text\":", JsonString(edit.text), "}}");
    }
    if (!first) out += "]}";
    out +=
        Cat("],\"properties\":{\"safe\":", fix.safe ? "true" : "false", "}}");
  }
  out.push_back(']');
  return out;
}

// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: the rules
// that have findings, with their pages, then one result a line.
void Sarif(const SourceSet& sources, const Findings& ds, std::string* out,
           std::ostream* stream) {
  std::vector<std::string_view> rules;
  for (const Finding& d : ds) rules.push_back(d.rule);
  std::sort(rules.begin(), rules.end());
  rules.erase(std::unique(rules.begin(), rules.end()), rules.end());
  SarifJson descriptors = SarifJson::array();
  for (std::string_view id : rules) descriptors.push_back(RuleDescriptor(id));
  SarifJson driver = {{"name", "zonelint"},
                      {"version", kVersion},
                      {"semanticVersion", kVersion},
                      {"informationUri", kHomepage},
                      {"rules", std::move(descriptors)}};
  *out += Cat(R"({"version":"2.1.0","$schema":)",
              R"("https://json.schemastore.org/sarif-2.1.0.json",)",
              R"("runs":[{"tool":{"driver":)", Dump(driver), "},",
              R"("columnKind":"utf16CodeUnits","results":[)");
  absl::flat_hash_map<std::string, uint32_t> seen;
  bool first = true;
  for (const Finding& d : ds) {
    Spill(out, stream);
    Located loc = Locate(sources, d);
    std::string path = PlainPath(loc.path);
    Region r = RegionOf(sources, d, loc);
    // Written by hand, not with nlohmann::json: a run can have hundreds of
    // thousands of results, and this is over twice as fast.
    *out += Cat(
        first ? "\n" : ",\n", "{\"ruleId\":\"", d.rule, "\",\"ruleIndex\":",
        std::lower_bound(rules.begin(), rules.end(), d.rule) - rules.begin(),
        ",\"level\":\"", LevelName(d.severity),
        "\",\"message\":{\"text\":", JsonString(MessageAndHelp(d)),
        "},\"locations\":[{\"physicalLocation\":{",
        "\"artifactLocation\":{\"uri\":", JsonString(PathUri(path)),
        ",\"uriBaseId\":\"%SRCROOT%\"},\"region\":{\"startLine\":",
        r.start_line, ",\"startColumn\":", r.start_column,
        ",\"endLine\":", r.end_line, ",\"endColumn\":", r.end_column,
        "}}}],\"partialFingerprints\":{\"zonelint/v1\":\"",
        Fingerprint(d.rule, path, NormalisedText(sources, d.range), &seen),
        "\"}", SarifFixes(sources, d), "}");
    first = false;
  }
  out->append("\n]}]}\n");
}

// A value in a GitHub Actions workflow command, escaped as @actions/core
// does (escapeData; in a property, escapeProperty also escapes ':' and
// ','); other control bytes are written as "\xNN", never raw.
std::string GithubEscape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '%') {
      out += "%25";
    } else if (c == '\r') {
      out += "%0D";
    } else if (c == '\n') {
      out += "%0A";
    } else if (property && c == ':') {
      out += "%3A";
    } else if (property && c == ',') {
      out += "%2C";
    } else if (u < 0x20 || u == 0x7f) {
      out += Cat("\\x", HexByte(u).substr(2));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// GitHub Actions workflow commands, one a line: an annotation on the file
// and lines in the run's summary and a pull request's changed files.
void Github(const SourceSet& sources, const Findings& ds, std::string* out,
            std::ostream* stream) {
  for (const Finding& d : ds) {
    Spill(out, stream);
    Located loc = Locate(sources, d);
    Region r = RegionOf(sources, d, loc);
    // The properties in the order @actions/core writes them.
    *out += Cat("::", LevelName(d.severity, "notice"),
                " title=", GithubEscape(d.rule, true),
                ",file=", GithubEscape(PlainPath(loc.path), true),
                ",line=", r.start_line, ",endLine=", r.end_line,
                ",col=", r.start_column, ",endColumn=", r.end_column,
                "::", GithubEscape(MessageAndHelp(d), false), "\n");
  }
}

}  // namespace

bool ParseOutputFormat(std::string_view text, OutputFormat* format) {
  if (text == "text") {
    *format = OutputFormat::kText;
  } else if (text == "gcc") {
    *format = OutputFormat::kGcc;
  } else if (text == "json") {
    *format = OutputFormat::kJson;
  } else if (text == "sarif") {
    *format = OutputFormat::kSarif;
  } else if (text == "github") {
    *format = OutputFormat::kGithub;
  } else {
    return false;
  }
  return true;
}

std::string RulePageUrl(std::string_view id) {
  return Cat(kHomepage, "/blob/main/docs/rules/", id, ".md");
}

std::string JsonString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        ++i;
        continue;
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {  // no control byte raw, DEL included
      static constexpr char kHex[] = "0123456789abcdef";
      out += Cat("\\u00", kHex[c >> 4], kHex[c & 15]);
      ++i;
      continue;
    }
    size_t n = Utf8Length(s, i);
    if (n == 0) {
      out += "\xef\xbf\xbd";  // U+FFFD for a byte that is not UTF-8
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  out.push_back('"');
  return out;
}

namespace {

void Format(const SourceSet& sources, const Findings& ds,
            const FormatOptions& options, std::string* out,
            std::ostream* stream) {
  switch (options.format) {
    case OutputFormat::kText:
      Text(sources, ds, options.color, out, stream);
      break;
    case OutputFormat::kGcc:
      Gcc(sources, ds, out, stream);
      break;
    case OutputFormat::kJson:
      Json(sources, ds, out, stream);
      break;
    case OutputFormat::kSarif:
      Sarif(sources, ds, out, stream);
      break;
    case OutputFormat::kGithub:
      Github(sources, ds, out, stream);
      break;
  }
}

}  // namespace

void FormatDiagnostics(const SourceSet& sources, const Findings& diagnostics,
                       const FormatOptions& options, std::string* out) {
  Format(sources, diagnostics, options, out, nullptr);
}

void WriteDiagnostics(const SourceSet& sources, const Findings& diagnostics,
                      const FormatOptions& options, std::ostream& out) {
  std::string chunk;
  Format(sources, diagnostics, options, &chunk, &out);
  out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
}

}  // namespace zonelint

#include "lint/format.h"

#include <cstdint>
#include <ostream>

#include "util/strings.h"

namespace zonelint {
namespace {

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

template <typename D>
Located Locate(const SourceSet& sources, const D& d) {
  if (d.range.file == kNoFile) return {"<unknown>", {1, 1}, {1, 1}};
  const Source& src = sources.Get(d.range.file);
  return {src.path(), src.Locate(d.range.begin),
          src.Locate(std::max(d.range.end, d.range.begin))};
}

template <typename D>
void Header(const Located& loc, const D& d, bool color, std::string* out) {
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
  out->push_back('\n');
}

// The source line, and a caret line under the range (tabs kept so the
// caret lines up in a terminal).
template <typename D>
void Snippet(const SourceSet& sources, const D& d, const Located& loc,
             bool color, std::string* out) {
  if (d.range.file == kNoFile) return;
  std::string_view line = sources.Get(d.range.file).Line(loc.begin.line);
  std::string shown;
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    shown.push_back(u < 0x20 && c != '\t' ? '?' : c);
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

template <typename List>
void Text(const SourceSet& sources, const List& ds, bool color,
          std::string* out, std::ostream* stream) {
  size_t counts[3] = {0, 0, 0};
  for (const auto& d : ds) {
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

template <typename List>
void Gcc(const SourceSet& sources, const List& ds, std::string* out,
         std::ostream* stream) {
  for (const auto& d : ds) {
    Spill(out, stream);
    Header(Locate(sources, d), d, false, out);
  }
}

template <typename List>
void Json(const SourceSet& sources, const List& ds, std::string* out,
          std::ostream* stream) {
  out->append("{\"version\":1,\"diagnostics\":[");
  bool first = true;
  for (const auto& d : ds) {
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
            ",\"help\":", JsonString(d.help), "}");
  }
  out->append("]}\n");
}

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

}  // namespace

bool ParseOutputFormat(std::string_view text, OutputFormat* format) {
  if (text == "text") {
    *format = OutputFormat::kText;
  } else if (text == "gcc") {
    *format = OutputFormat::kGcc;
  } else if (text == "json") {
    *format = OutputFormat::kJson;
  } else {
    return false;
  }
  return true;
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
    if (c < 0x20) {
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

template <typename List>
void Format(const SourceSet& sources, const List& ds,
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
  }
}

}  // namespace

void FormatDiagnostics(const SourceSet& sources,
                       const std::vector<Diagnostic>& diagnostics,
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

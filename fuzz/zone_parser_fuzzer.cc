// libFuzzer target for the whole pipeline: the bytes are parsed as a zone
// (once with the origin "example.com.", once with no origin at all), every
// rule runs, and the diagnostics are formatted in every output format. Any
// crash, leak or undefined behaviour on the way is a bug, and so is JSON or
// SARIF that is not UTF-8, or SARIF or GitHub annotations with a control
// byte in them other than their line ends; and a fix's edit outside its
// file, or a --diff of the fixes with a raw control byte.
//
// Build and run: fuzz/run.sh SECONDS (see there).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lint/fixer.h"
#include "lint/format.h"
#include "lint/runner.h"
#include "lint/session.h"
#include "parser/zone_parser.h"

namespace {

// Small limits so that the fuzzer reaches them quickly instead of spending
// its time on million-record $GENERATE lines.
zonelint::ParseOptions Options(std::string origin) {
  zonelint::ParseOptions options;
  options.origin = std::move(origin);
  options.origin_from_file_name = false;
  options.max_include_depth = 4;
  options.max_generate_records = 4096;
  options.max_entry_bytes = 16384;
  return options;
}

// Strict UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF): what JsonString promises whatever the input bytes are.
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) {
      n = 2, cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      n = 3, cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      n = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n;
  }
  return true;
}

// A control byte (C0 or DEL) other than '\n'.
bool HasControlByte(std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n') || u == 0x7f) return true;
  }
  return false;
}

// The fixes: every edit inside its file, the fixes of a round applied
// (unsafe ones too, and at most 10 rounds, as --fix does), and --diff's
// output free of control bytes but TAB and the CR of a CRLF line end.
void CheckFixes(const zonelint::Session& session,
                const zonelint::LintConfig& config) {
  const zonelint::Findings findings = session.Lint(config);
  for (const zonelint::Finding& d : findings) {
    for (const zonelint::Fix& fix : d.fixes) {
      for (const zonelint::TextEdit& edit : fix.edits) {
        if (edit.range.file == zonelint::kNoFile ||
            edit.range.file >= session.sources().size() ||
            edit.range.begin > edit.range.end ||
            edit.range.end >
                session.sources().Get(edit.range.file).text().size()) {
          __builtin_trap();
        }
      }
    }
  }
  std::map<zonelint::FileId, size_t> taken;
  for (const auto& [file, edits] :
       zonelint::PlanRound(findings, /*unsafe=*/true, &taken)) {
    const zonelint::Source& source = session.sources().Get(file);
    const std::string fixed = zonelint::ApplyEdits(source.text(), edits);
    const std::string diff =
        zonelint::UnifiedDiff(source.path(), source.text(), fixed);
    for (size_t i = 0; i < diff.size(); ++i) {
      const unsigned char u = static_cast<unsigned char>(diff[i]);
      const bool line_end_cr =
          u == '\r' && i + 1 < diff.size() && diff[i + 1] == '\n';
      if (((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f) && !line_end_cr) {
        __builtin_trap();
      }
    }
  }
}

void Run(const std::string& text, const zonelint::ParseOptions& options) {
  zonelint::Session session;
  // The name is not a domain, so the file name gives no origin either.
  session.AddText("fuzz-input", text, options);
  // Unused inline suppressions are reported too: more of the runner runs.
  zonelint::LintConfig config;
  config.report_unused_suppressions = true;
  const zonelint::Findings diagnostics = session.Lint(config);
  std::string out;
  zonelint::FormatOptions format;
  format.format = zonelint::OutputFormat::kText;
  zonelint::FormatDiagnostics(session.sources(), diagnostics, format, &out);
  format.color = true;
  zonelint::FormatDiagnostics(session.sources(), diagnostics, format, &out);
  format.format = zonelint::OutputFormat::kJson;
  std::string json;
  zonelint::FormatDiagnostics(session.sources(), diagnostics, format, &json);
  if (!IsValidUtf8(json)) __builtin_trap();
  format.format = zonelint::OutputFormat::kGcc;
  zonelint::FormatDiagnostics(session.sources(), diagnostics, format, &out);
  format.format = zonelint::OutputFormat::kSarif;
  std::string sarif;
  zonelint::FormatDiagnostics(session.sources(), diagnostics, format, &sarif);
  if (!IsValidUtf8(sarif) || HasControlByte(sarif)) __builtin_trap();
  format.format = zonelint::OutputFormat::kGithub;
  std::string github;
  zonelint::FormatDiagnostics(session.sources(), diagnostics, format, &github);
  if (HasControlByte(github)) __builtin_trap();
  CheckFixes(session, config);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Run(text, Options("example.com."));
  Run(text, Options(""));
  return 0;
}

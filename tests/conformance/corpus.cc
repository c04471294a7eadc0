#include "tests/conformance/corpus.h"

#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <utility>

#include "parser/name.h"
#include "util/strings.h"

namespace zonelint::conformance {
namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v == nullptr ? std::string() : std::string(v);
}

}  // namespace

uint32_t EntryStart(std::string_view text, uint32_t offset) {
  uint32_t start = 0;
  int depth = 0;
  const uint32_t n = std::min<uint32_t>(offset, text.size());
  for (uint32_t i = 0; i < n; ++i) {
    const char c = text[i];
    if (c == '\\') {
      // The escaped character; a backslash at a line end escapes nothing
      // (BIND and zonelint end the entry there).
      if (i + 1 < n && text[i + 1] != '\n') ++i;
    } else if (c == '"') {
      // To the closing quote, or to the line end that ends an unterminated
      // string (which the loop must still see).
      for (++i; i < n && text[i] != '"' && text[i] != '\n';) {
        i += text[i] == '\\' ? 2 : 1;
      }
      if (i < n && text[i] == '\n') --i;
    } else if (c == ';') {
      while (i + 1 < n && text[i + 1] != '\n') ++i;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      depth = std::max(0, depth - 1);
    } else if (c == '\n' && depth == 0) {
      start = i + 1;
    }
  }
  return start;
}

std::string SharedRoot() {
  std::vector<std::string> candidates;
  if (std::string v = Env("ZONELINT_SHARED"); !v.empty()) {
    candidates.push_back(v);
  }
  if (std::string srcdir = Env("TEST_SRCDIR"); !srcdir.empty()) {
    candidates.push_back(srcdir + "/zonelint/external/shared");
    candidates.push_back(srcdir + "/shared");
  }
  candidates.push_back("../shared");
  for (const std::string& c : candidates) {
    if (IsDirectory(c + "/corpus")) return Absolute(c);
  }
  return "";
}

std::string ProjectRoot() {
  if (std::string srcdir = Env("TEST_SRCDIR"); !srcdir.empty()) {
    return Absolute(srcdir + "/zonelint");
  }
  return Absolute(".");
}

std::string Absolute(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) != nullptr) return buf;
  if (!path.empty() && path[0] == '/') return path;
  if (::getcwd(buf, sizeof buf) == nullptr) return path;
  return std::string(buf) + "/" + path;
}

bool ReadFile(const std::string& path, std::string* contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *contents = s.str();
  return true;
}

bool WriteFile(const std::string& path, std::string_view contents) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return false;
  out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
  return static_cast<bool>(out);
}

bool MakeDirs(const std::string& path) {
  if (path.empty() || IsDirectory(path)) return true;
  size_t slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0 &&
      !MakeDirs(path.substr(0, slash))) {
    return false;
  }
  return ::mkdir(path.c_str(), 0755) == 0 || IsDirectory(path);
}

bool ReadTsv(const std::string& path, std::vector<TsvRow>* rows,
             std::string* error) {
  std::string text;
  if (!ReadFile(path, &text)) {
    *error = Cat("cannot read ", path);
    return false;
  }
  std::vector<std::string> header;
  size_t line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cells = Split(line, '\t');
    if (header.empty()) {
      for (std::string_view c : cells) header.emplace_back(c);
      continue;
    }
    if (cells.size() > header.size()) {
      *error = Cat(path, ":", line_number, ": ", cells.size(),
                   " cells but the header has ", header.size());
      return false;
    }
    TsvRow row;
    for (size_t i = 0; i < header.size(); ++i) {
      row[header[i]] = i < cells.size() ? std::string(cells[i]) : "";
    }
    rows->push_back(std::move(row));
  }
  if (header.empty()) {
    *error = Cat(path, " has no header row");
    return false;
  }
  return true;
}

bool IsSyntaxRule(std::string_view rule) {
  return rule == "zone-syntax" || rule == "zone-rdata" ||
         rule == "zone-include" || rule == "zone-txt-string-too-long";
}

std::string_view BaseName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::vector<const Finding*> LintResult::SyntaxErrors() const {
  std::vector<const Finding*> out;
  for (const Finding& f : findings) {
    if (f.severity == Severity::kError && IsSyntaxRule(f.rule)) {
      out.push_back(&f);
    }
  }
  return out;
}

bool LintResult::HasRule(std::string_view rule) const {
  for (const Finding& f : findings) {
    if (f.rule == rule) return true;
  }
  return false;
}

bool LintResult::SyntaxErrorOnLine(uint32_t line,
                                   std::string_view file_base) const {
  for (const Finding* f : SyntaxErrors()) {
    if (!file_base.empty() && f->file != file_base) continue;
    if (f->entry_line <= line && line <= f->end_line) return true;
  }
  return false;
}

std::string LintResult::Describe(bool syntax_only) const {
  if (!read_ok) return Cat("    (cannot read: ", read_error, ")\n");
  std::string out;
  int shown = 0;
  for (const Finding& f : findings) {
    if (syntax_only && !IsSyntaxRule(f.rule)) continue;
    if (++shown > 8) {
      out += "    ...\n";
      break;
    }
    out += Cat("    ", f.rule, " ", f.file, ":", f.line, ": ", f.message, "\n");
  }
  if (out.empty()) out = "    (no findings)\n";
  return out;
}

LintResult LintFile(const std::string& path, const std::string& origin) {
  LintResult result;
  Session session;
  ParseOptions options;
  // The manifest writes origins as found ("wlanLaDaDi.net."); the parser
  // takes them canonical, as the command line makes them.
  bool relative;
  if (ParseName(origin, nullptr, &options.origin, &relative) !=
      NameError::kOk) {
    result.read_ok = false;
    result.read_error = "invalid origin '" + origin + "'";
    return result;
  }
  absl::Status status = session.AddFile(path, options);
  if (!status.ok()) {
    result.read_ok = false;
    result.read_error = std::string(status.message());
    return result;
  }
  for (const zonelint::Finding& d : session.Lint(LintConfig{})) {
    Finding f;
    f.rule = std::string(d.rule);
    f.severity = d.severity;
    f.message = d.message;
    if (d.range.file != kNoFile) {
      const Source& src = session.sources().Get(d.range.file);
      f.file = std::string(BaseName(src.path()));
      f.offset = d.range.begin;
      f.line = src.Locate(d.range.begin).line;
      // The end is exclusive: locate its last byte.
      uint32_t last =
          d.range.end > d.range.begin ? d.range.end - 1 : d.range.begin;
      f.end_line = src.Locate(last).line;
      f.entry_line = src.Locate(EntryStart(src.text(), f.offset)).line;
    }
    result.findings.push_back(std::move(f));
  }
  return result;
}

bool DifferenceTable::Load(const std::string& path,
                           std::vector<std::string> key_columns,
                           std::string* error) {
  key_columns_ = std::move(key_columns);
  std::vector<TsvRow> rows;
  if (!ReadTsv(path, &rows, error)) return false;
  for (const TsvRow& row : rows) {
    std::vector<std::string> key;
    for (const std::string& column : key_columns_) {
      auto it = row.find(column);
      if (it == row.end()) {
        *error = Cat(path, " has no column '", column, "'");
        return false;
      }
      key.push_back(it->second);
    }
    auto reason = row.find("reason");
    if (reason == row.end() || reason->second.size() < 10) {
      *error = Cat(path, ": ", KeyText(key),
                   " needs a reason (a 'reason' column, 10+ characters)");
      return false;
    }
    if (!rows_.emplace(key, Row{reason->second, false}).second) {
      *error = Cat(path, ": ", KeyText(key), " is listed twice");
      return false;
    }
  }
  return true;
}

bool DifferenceTable::Listed(const std::vector<std::string>& key) {
  auto it = rows_.find(key);
  if (it == rows_.end()) return false;
  it->second.seen = true;
  return true;
}

std::string DifferenceTable::Reason(const std::vector<std::string>& key) const {
  auto it = rows_.find(key);
  return it == rows_.end() ? std::string() : it->second.reason;
}

std::vector<std::string> DifferenceTable::Unseen() const {
  std::vector<std::string> out;
  for (const auto& [key, row] : rows_) {
    if (!row.seen) out.push_back(KeyText(key));
  }
  return out;
}

std::string DifferenceTable::KeyText(const std::vector<std::string>& key) {
  std::string out;
  for (const std::string& k : key) {
    if (!out.empty()) out += " ";
    out += k.empty() ? "(none)" : k;
  }
  return out;
}

TempDir::TempDir() {
  std::string base = Env("TEST_TMPDIR");
  if (base.empty()) base = "/tmp";
  std::string tmpl = base + "/zonelint-conformance-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (::mkdtemp(buf.data()) != nullptr) path_ = buf.data();
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  ::nftw(
      path_.c_str(),
      [](const char* p, const struct stat*, int, struct FTW*) {
        return ::remove(p);
      },
      16, FTW_DEPTH | FTW_PHYS);
}

ScopedChdir::ScopedChdir(const std::string& dir) {
  char buf[PATH_MAX];
  if (::getcwd(buf, sizeof buf) == nullptr) return;
  saved_ = buf;
  ok_ = ::chdir(dir.c_str()) == 0;
}

ScopedChdir::~ScopedChdir() {
  if (!saved_.empty()) {
    if (::chdir(saved_.c_str()) != 0) std::perror("chdir back");
  }
}

namespace {

// "includes: a.inc -> t/zones/a.inc; /srv/x -> (not in repo)" gives
// {"t/zones/a.inc"}: the included files that are in the corpus.
std::vector<std::string> IncludedPaths(std::string_view notes) {
  std::vector<std::string> out;
  if (notes.substr(0, 10) != "includes: ") return out;
  notes.remove_prefix(10);
  for (std::string_view item : Split(notes, ';')) {
    size_t arrow = item.find(" -> ");
    if (arrow == std::string_view::npos) continue;
    std::string_view target = item.substr(arrow + 4);
    if (target.empty() || target[0] == '(') continue;  // "(not in repo)"
    out.emplace_back(target);
  }
  return out;
}

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

}  // namespace

bool ForEachRealworldZone(
    const std::string& shared, const TempDir& tmp,
    const std::function<void(const TsvRow& row, const LintResult& result)>& fn,
    std::string* error) {
  const std::string dir = shared + "/corpus/realworld";
  std::vector<TsvRow> rows;
  if (!ReadTsv(dir + "/MANIFEST.tsv", &rows, error)) return false;
  // repo + path -> corpus file, to place included files.
  std::map<std::pair<std::string, std::string>, std::string> by_path;
  for (const TsvRow& row : rows) {
    by_path[{row.at("repo"), row.at("path")}] = row.at("file");
  }
  int zones = 0;
  for (const TsvRow& row : rows) {
    if (row.at("origin") == "include") continue;  // linted with its zone
    ++zones;
    const std::string& file = row.at("file");
    const std::string& path = row.at("path");
    // Rebuild the zone's place in its repository, with its includes.
    const std::string tree = Cat(tmp.path(), "/", zones);
    std::vector<std::string> paths = IncludedPaths(row.at("notes"));
    paths.insert(paths.begin(), path);
    for (const std::string& p : paths) {
      auto it = by_path.find({row.at("repo"), p});
      const std::string link = tree + "/" + p;
      if (it == by_path.end() || !MakeDirs(DirOf(link)) ||
          ::symlink((dir + "/" + it->second).c_str(), link.c_str()) != 0) {
        *error = Cat(file, ": cannot place ", p, " at ", link);
        return false;
      }
    }
    LintResult result;
    {
      ScopedChdir chdir(tree + "/" + DirOf(path));
      if (!chdir.ok()) {
        *error = Cat(file, ": cannot enter ", tree, "/", DirOf(path));
        return false;
      }
      result = LintFile(std::string(BaseName(path)), row.at("origin"));
    }
    if (!result.read_ok) {
      *error = Cat(file, ": ", result.read_error);
      return false;
    }
    fn(row, result);
  }
  return true;
}

}  // namespace zonelint::conformance

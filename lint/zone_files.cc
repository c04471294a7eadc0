#include "lint/zone_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string_view>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "util/strings.h"

namespace zonelint {
namespace {

namespace fs = std::filesystem;

// A file is read a block at a time until its kind is clear, and never
// beyond kMaxHead bytes.
constexpr size_t kBlock = 4 << 10;
constexpr size_t kMaxHead = 64 << 10;

// Extensions of files that are not zone files, whatever their content:
// text, documentation, logs and tables (which may quote zone lines),
// scripts and data ("db.py", "db.json"), templates of zone files, and
// patch and editor leftovers, dotenv files ("db.env"). Sorted. Binary files
// have NUL bytes and need no entry. The pre-commit hooks' `files` patterns
// (.pre-commit-hooks.yaml) leave out the same kinds.
constexpr std::string_view kOtherKinds[] = {
    "bak",  "bash", "cfg",      "conf", "css",  "csv",   "diff",   "env",
    "erb",  "htm",  "html",     "ini",  "j2",   "jinja", "jinja2", "js",
    "json", "log",  "markdown", "md",   "orig", "patch", "php",    "py",
    "rej",  "rst",  "sh",       "sql",  "swp",  "tmpl",  "toml",   "tpl",
    "tsv",  "txt",  "xml",      "yaml", "yml",  "zsh"};
static_assert(std::is_sorted(std::begin(kOtherKinds), std::end(kOtherKinds)));

enum class ByName {
  kZone,     // "*.zone", "*.db", "db.*"
  kOther,    // a kind in kOtherKinds, or an editor's backup ("*~")
  kContent,  // only the content can tell
};

ByName KindByName(std::string_view name) {
  if (name.ends_with('~')) return ByName::kOther;
  const size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) {
    const std::string ext = AsciiLowerString(name.substr(dot + 1));
    if (std::binary_search(std::begin(kOtherKinds), std::end(kOtherKinds),
                           ext)) {
      return ByName::kOther;
    }
    if (ext == "zone" || ext == "db") return ByName::kZone;
  }
  if (name.size() > 3 && StartsWithIgnoreCase(name, "db.")) {
    return ByName::kZone;
  }
  return ByName::kContent;
}

enum class Verdict { kZone, kNotZone, kNeedMore };

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// A TTL or SOA number: digits, with BIND's unit letters ("3600", "1h30m").
bool IsTtl(std::string_view token) {
  if (token.empty() || !IsAsciiDigit(token[0])) return false;
  for (char c : token) {
    if (!IsAsciiDigit(c) &&
        std::string_view("smhdwSMHDW").find(c) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

bool IsClass(std::string_view token) {
  if (EqualsIgnoreCase(token, "IN") || EqualsIgnoreCase(token, "CH") ||
      EqualsIgnoreCase(token, "CS") || EqualsIgnoreCase(token, "HS")) {
    return true;
  }
  return token.size() > 5 && StartsWithIgnoreCase(token, "CLASS") &&
         std::all_of(token.begin() + 5, token.end(), IsAsciiDigit);
}

// Whether the record that starts at head[pos] is an SOA record: owner
// (unless the line starts with a blank), at most a TTL and a class, SOA,
// and its seven fields, two names and five numbers, over as many lines as
// its parentheses span.
Verdict SoaRecordAt(std::string_view head, size_t pos, bool whole) {
  constexpr size_t kMaxTokens = 12;  // owner, TTL, class, SOA, 7, one more
  std::string_view tokens[kMaxTokens];
  size_t count = 0;
  int depth = 0;
  size_t i = pos;
  for (;;) {
    if (i == head.size()) {
      if (!whole) return Verdict::kNeedMore;
      break;
    }
    const char c = head[i];
    if (c == '\n') {
      if (depth == 0) break;
      ++i;
    } else if (IsSpace(c)) {
      ++i;
    } else if (c == ';') {
      const size_t eol = head.find('\n', i);
      if (eol == std::string_view::npos && !whole) return Verdict::kNeedMore;
      i = eol == std::string_view::npos ? head.size() : eol;
    } else if (c == '(') {
      ++depth;
      ++i;
    } else if (c == ')') {
      if (--depth < 0) return Verdict::kNotZone;
      ++i;
    } else if (c == '"') {
      return Verdict::kNotZone;  // no quotes in an SOA record
    } else {
      const size_t start = i;
      while (i < head.size() && !IsSpace(head[i]) &&
             std::string_view("\n;()\"").find(head[i]) ==
                 std::string_view::npos) {
        i += head[i] == '\\' && i + 1 < head.size() ? 2 : 1;
      }
      if (i == head.size() && !whole) return Verdict::kNeedMore;
      if (count == kMaxTokens) return Verdict::kNotZone;
      tokens[count++] = head.substr(start, i - start);
    }
  }
  size_t t = IsSpace(head[pos]) ? 0 : 1;  // past the owner
  for (int k = 0;
       k < 2 && t < count && (IsTtl(tokens[t]) || IsClass(tokens[t])); ++k) {
    ++t;
  }
  if (t == count || !EqualsIgnoreCase(tokens[t], "SOA") || count - t != 8) {
    return Verdict::kNotZone;
  }
  return std::all_of(tokens + t + 3, tokens + count, IsTtl) ? Verdict::kZone
                                                            : Verdict::kNotZone;
}

// What the first line that is not blank or a comment says: a directive
// ($ORIGIN, $TTL, $INCLUDE) or an SOA record makes a zone file.
Verdict ByContent(std::string_view head, bool whole) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);  // UTF-8 BOM
  for (size_t pos = 0; pos < head.size();) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) {
      if (!whole) return Verdict::kNeedMore;
      end = head.size();
    }
    const std::string_view line = head.substr(pos, end - pos);
    const size_t first = line.find_first_not_of(" \t\r");
    if (first == std::string_view::npos || line[first] == ';') {
      pos = end + 1;
      continue;
    }
    if (line[0] == '$') {
      const std::string_view word =
          line.substr(0, line.find_first_of(" \t\r;"));
      return EqualsIgnoreCase(word, "$ORIGIN") ||
                     EqualsIgnoreCase(word, "$TTL") ||
                     EqualsIgnoreCase(word, "$INCLUDE")
                 ? Verdict::kZone
                 : Verdict::kNotZone;
    }
    return SoaRecordAt(head, pos, whole);
  }
  return whole ? Verdict::kNotZone : Verdict::kNeedMore;
}

Verdict Judge(ByName by_name, std::string_view head, bool whole) {
  if (by_name == ByName::kOther || head.find('\0') != std::string_view::npos) {
    return Verdict::kNotZone;
  }
  if (by_name == ByName::kZone) return Verdict::kZone;
  return ByContent(head, whole);
}

// Reads a block at a time until the file's kind is clear.
bool IsZoneFile(const fs::path& path, std::string_view name) {
  const ByName by_name = KindByName(name);
  if (by_name == ByName::kOther) return false;
  std::ifstream in(path, std::ios::binary);
  std::string head;
  for (;;) {
    const size_t old = head.size();
    head.resize(old + kBlock);
    in.read(head.data() + old, static_cast<std::streamsize>(kBlock));
    head.resize(old +
                static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
    const bool whole = !in;  // the end of the file, or a read error
    const Verdict verdict = Judge(by_name, head, whole);
    if (verdict != Verdict::kNeedMore) return verdict == Verdict::kZone;
    if (whole || head.size() >= kMaxHead) return false;
  }
}

// The files a zone file names in $INCLUDE directives, resolved as the
// parser does: beside the including file first, then from the current
// directory.
std::vector<fs::path> IncludedFiles(const fs::path& path) {
  std::vector<fs::path> out;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!StartsWithIgnoreCase(line, "$INCLUDE")) continue;
    std::string_view rest = std::string_view(line).substr(8);
    size_t b = 0;
    while (b < rest.size() && IsSpace(rest[b])) ++b;
    if (b == 0 || b == rest.size()) continue;
    size_t e = b;
    std::string name;
    if (rest[b] == '"') {
      e = rest.find('"', b + 1);
      if (e == std::string_view::npos) continue;
      name = std::string(rest.substr(b + 1, e - b - 1));
    } else {
      while (e < rest.size() && !IsSpace(rest[e]) && rest[e] != ';') ++e;
      name = std::string(rest.substr(b, e - b));
    }
    if (name.empty()) continue;
    fs::path target(name);
    if (target.is_relative()) {
      std::error_code ec;
      fs::path beside = path.parent_path() / target;
      if (fs::exists(beside, ec) || !fs::exists(target, ec)) target = beside;
    }
    out.push_back(std::move(target));
  }
  return out;
}

fs::path Canonical(const fs::path& path) {
  std::error_code ec;
  fs::path canonical = fs::weakly_canonical(path, ec);
  return ec ? path : canonical;
}

}  // namespace

bool LooksLikeZoneFile(std::string_view name, std::string_view head) {
  return Judge(KindByName(name), head, /*whole=*/true) == Verdict::kZone;
}

absl::StatusOr<std::vector<std::string>> FindZoneFiles(
    const std::string& dir, const ZoneFileChoice& choice) {
  std::error_code ec;
  fs::recursive_directory_iterator it(
      dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    return absl::NotFoundError(
        Cat("cannot read directory '", dir, "': ", ec.message()));
  }
  std::vector<fs::path> found;
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::path& path = it->path();
    const std::string name = path.filename().string();
    if (name.empty() || name[0] == '.' ||
        (choice.excluded && choice.excluded(path.string()))) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if ((choice.included && choice.included(path.string())) ||
        IsZoneFile(path, name)) {
      found.push_back(path);
    }
  }
  if (ec) {
    return absl::UnavailableError(
        Cat("cannot read directory '", dir, "': ", ec.message()));
  }
  // Files that others include are linted inside them, not alone.
  std::vector<fs::path> canonical;
  canonical.reserve(found.size());
  for (const fs::path& path : found) canonical.push_back(Canonical(path));
  std::set<fs::path> included;
  for (size_t i = 0; i < found.size(); ++i) {
    for (const fs::path& target : IncludedFiles(found[i])) {
      fs::path name = Canonical(target);
      if (name != canonical[i]) included.insert(std::move(name));
    }
  }
  std::vector<std::string> out;
  for (size_t i = 0; i < found.size(); ++i) {
    if (!included.contains(canonical[i])) out.push_back(found[i].string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace zonelint

#include "lint/zone_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>
#include <utility>

#include "absl/status/status.h"
#include "util/strings.h"

namespace zonelint {
namespace {

namespace fs = std::filesystem;

// How much of a file is read to tell whether it is a zone file.
constexpr size_t kHeadBytes = 16 << 10;
constexpr int kHeadLines = 64;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Whether a line (comment removed) has the word SOA as a token.
bool HasSoaToken(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (IsSpace(line[i]) || line[i] == '(')) ++i;
    size_t start = i;
    while (i < line.size() && !IsSpace(line[i]) && line[i] != '(') ++i;
    if (EqualsIgnoreCase(line.substr(start, i - start), "SOA")) return true;
  }
  return false;
}

std::string ReadHead(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string head(kHeadBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return head;
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
  if (head.find('\0') != std::string_view::npos) return false;
  if ((name.size() > 5 && name.substr(name.size() - 5) == ".zone") ||
      (name.size() > 3 && name.substr(0, 3) == "db.")) {
    return true;
  }
  int lines = 0;
  for (size_t start = 0; start < head.size() && lines < kHeadLines; ++lines) {
    size_t end = head.find('\n', start);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(start, end - start);
    start = end + 1;
    line = line.substr(0, line.find(';'));
    if (StartsWithIgnoreCase(line, "$ORIGIN") ||
        StartsWithIgnoreCase(line, "$TTL") || HasSoaToken(line)) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<std::vector<std::string>> FindZoneFiles(const std::string& dir) {
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
    if (name.empty() || name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (LooksLikeZoneFile(name, ReadHead(path))) found.push_back(path);
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

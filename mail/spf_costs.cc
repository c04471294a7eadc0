#include "mail/spf_costs.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "absl/strings/string_view.h"
#include "parser/name.h"
#include "util/strings.h"

namespace zonelint {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The next blank-separated word of `line` from *at, or "" at the end.
std::string_view NextWord(std::string_view line, size_t* at) {
  while (*at < line.size() && IsBlank(line[*at])) ++*at;
  size_t start = *at;
  while (*at < line.size() && !IsBlank(line[*at])) ++*at;
  return line.substr(start, *at - start);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace

absl::Status SpfCostTable::Parse(std::string_view text,
                                 std::string_view file_name) {
  static const Origin kRoot = MakeOrigin(".");
  int line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    // '#' starts a comment at the start of the line or after a blank.
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || IsBlank(line[i - 1]))) {
        line = line.substr(0, i);
        break;
      }
    }
    size_t at = 0;
    std::string_view name = NextWord(line, &at);
    if (name.empty()) continue;
    auto error = [&](std::string_view problem) {
      return absl::InvalidArgumentError(
          Cat(file_name, ":", line_number, ": ", problem,
              " (expected 'DOMAIN LOOKUPS [COMMENT]')"));
    };
    std::string_view number = NextWord(line, &at);
    if (number.empty()) {
      return error(Cat("no lookup count after '", name, "'"));
    }
    int64_t lookups;
    const bool at_least = number.size() > 1 && number.back() == '+';
    if (!ParseInt64(at_least ? number.substr(0, number.size() - 1) : number,
                    &lookups) ||
        lookups < 0 || lookups > 1000) {
      return error(Cat("'", number,
                       "' is not a lookup count (0 to 1000, '+' after it "
                       "for at least)"));
    }
    SpfCostEntry entry;
    entry.lookups = static_cast<int>(lookups);
    entry.at_least = at_least;
    entry.comment = std::string(Trim(line.substr(at)));
    entry.where = Cat(file_name, ":", line_number);
    std::string_view domain = name;
    if (domain.substr(0, 2) == "*.") {
      entry.pattern = true;
      domain.remove_prefix(2);
    }
    bool relative;
    if (domain.empty() || domain.find('%') != std::string_view::npos ||
        ParseName(domain, &kRoot, &entry.name, &relative) != NameError::kOk ||
        entry.name == ".") {
      return error(Cat("'", name, "' is not a domain name"));
    }
    (entry.pattern ? patterns_ : exact_)[entry.name] =
        static_cast<uint32_t>(entries_.size());
    entries_.push_back(std::move(entry));
  }
  return absl::OkStatus();
}

absl::Status SpfCostTable::LoadFile(const std::string& path) {
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) {
    return absl::InvalidArgumentError(
        Cat("cannot read SPF cost table ", path, ": is a directory"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int err = errno;
    return absl::NotFoundError(
        Cat("cannot read SPF cost table ", path, ": ", std::strerror(err)));
  }
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  if (in.bad()) {
    return absl::DataLossError(Cat("cannot read SPF cost table ", path));
  }
  return Parse(text, path);
}

namespace {

// The maps' heterogeneous lookup takes Abseil's string_view, which need not
// be std's.
absl::string_view Key(std::string_view s) { return {s.data(), s.size()}; }

}  // namespace

const SpfCostEntry* SpfCostTable::Find(std::string_view canonical) const {
  if (entries_.empty()) return nullptr;
  // An exact entry wins over any pattern; the latest of each kind counts.
  if (auto it = exact_.find(Key(canonical)); it != exact_.end()) {
    return &entries_[it->second];
  }
  if (patterns_.empty()) return nullptr;
  // The longest suffix strictly above the name: its nearest ancestor first.
  for (std::string_view up = canonical; up != ".";) {
    up = ParentName(up);
    if (auto it = patterns_.find(Key(up)); it != patterns_.end()) {
      return &entries_[it->second];
    }
  }
  return nullptr;
}

}  // namespace zonelint

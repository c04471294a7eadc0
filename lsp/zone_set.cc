#include "lsp/zone_set.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <utility>

#include "lint/settings.h"
#include "lint/zone_files.h"
#include "parser/source.h"

namespace zonelint::lsp {
namespace {

// Modification time and size of a file; false when it is none.
bool Stat(const std::string& path, int64_t* mtime_ns, uint64_t* size) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  *mtime_ns = int64_t{st.st_mtim.tv_sec} * 1000000000 + st.st_mtim.tv_nsec;
  *size = static_cast<uint64_t>(st.st_size);
  return true;
}

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::string> PathFromUri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size()) return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    char c = uri[i];
    if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != kScheme[i]) {
      return std::nullopt;
    }
  }
  uri.remove_prefix(kScheme.size());
  // "file://localhost/x" and "file:///x"; other hosts are not ours.
  if (uri.substr(0, 9) == "localhost") uri.remove_prefix(9);
  if (uri.empty() || uri[0] != '/') return std::nullopt;
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '?' || uri[i] == '#') break;
    if (uri[i] == '%' && i + 2 < uri.size() + 0 && Hex(uri[i + 1]) >= 0 &&
        Hex(uri[i + 2]) >= 0) {
      path.push_back(static_cast<char>(Hex(uri[i + 1]) * 16 + Hex(uri[i + 2])));
      i += 2;
    } else {
      path.push_back(uri[i]);
    }
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return path;
}

std::string UriFromPath(std::string_view path) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (char c : path) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
        (u >= '0' && u <= '9') || c == '/' || c == '-' || c == '.' ||
        c == '_' || c == '~') {
      uri.push_back(c);
    } else {
      uri.push_back('%');
      uri.push_back(kDigits[u >> 4]);
      uri.push_back(kDigits[u & 15]);
    }
  }
  return uri;
}

std::vector<std::string> ZoneSet::SetFolders(std::vector<std::string> folders) {
  folders_ = std::move(folders);
  near_.clear();
  return Refresh();
}

std::vector<std::string> ZoneSet::ReadSettings() {
  std::vector<std::string> log;
  config_.reset();
  config_path_.clear();
  config_mtime_ns_ = -1;
  config_size_ = 0;
  spf_costs_ = SpfCostTable();
  if (!near_.empty()) {
    absl::StatusOr<std::string> found = FindConfig(near_, "");
    if (!found.ok()) {
      log.push_back("zonelint: " + std::string(found.status().message()));
    } else if (!found->empty()) {
      // Kept even when it is broken, so that mending it is seen.
      config_path_ = *found;
      Stat(config_path_, &config_mtime_ns_, &config_size_);
      absl::StatusOr<std::optional<Config>> loaded =
          ReadConfig(near_, "", config_path_, false);
      if (!loaded.ok()) {
        log.emplace_back(loaded.status().message());
      } else if (*loaded) {
        config_ = **std::move(loaded);
        for (const std::string& file : config_->spf_costs) {
          absl::Status status = spf_costs_.LoadFile(file);
          if (!status.ok()) log.emplace_back(status.message());
        }
      }
    }
  }
  lint_config_ = MakeLintConfig({}, config_ ? &*config_ : nullptr);
  return log;
}

std::vector<std::string> ZoneSet::Refresh() {
  // The config that applies to the first folder, as `zonelint FOLDER`
  // would read it; without folders, the one near the first buffer.
  if (!folders_.empty()) near_ = {folders_[0]};
  std::vector<std::string> log = ReadSettings();
  files_.clear();
  const ZoneFileChoice choice =
      MakeZoneFileChoice(config_ ? &*config_ : nullptr);
  for (const std::string& folder : folders_) {
    absl::StatusOr<std::vector<std::string>> found =
        FindZoneFiles(folder, choice);
    if (!found.ok()) {
      log.emplace_back(found.status().message());
      continue;
    }
    files_.insert(files_.end(), found->begin(), found->end());
  }
  std::sort(files_.begin(), files_.end());
  files_.erase(std::unique(files_.begin(), files_.end()), files_.end());
  // Forget the contents of files no longer in the set.
  for (auto it = cache_.begin(); it != cache_.end();) {
    it = std::binary_search(files_.begin(), files_.end(), it->first)
             ? std::next(it)
             : cache_.erase(it);
  }
  return log;
}

bool ZoneSet::InFolders(const std::string& path) const {
  for (const std::string& folder : folders_) {
    if (path.size() > folder.size() &&
        path.compare(0, folder.size(), folder) == 0 &&
        (folder.back() == '/' || path[folder.size()] == '/')) {
      return true;
    }
  }
  return false;
}

const std::string* ZoneSet::DiskText(const std::string& path) {
  Cached& cached = cache_[path];
  int64_t mtime_ns;
  uint64_t size;
  if (!Stat(path, &mtime_ns, &size) || size > Source::kMaxSize) {
    cached = Cached();
    return nullptr;
  }
  if (cached.readable && cached.mtime_ns == mtime_ns && cached.size == size) {
    return &cached.text;
  }
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    cached = Cached();
    return nullptr;
  }
  cached = {mtime_ns, size, true, std::move(text)};
  return &cached.text;
}

LintResult ZoneSet::Lint(const std::vector<Buffer>& buffers,
                         std::vector<std::string>* log) {
  std::vector<std::string> messages;
  if (folders_.empty() && near_.empty()) {
    // No workspace: the config near the first buffer.
    for (const Buffer& b : buffers) {
      if (b.is_file) {
        near_ = {b.path};
        messages = ReadSettings();
        break;
      }
    }
  } else if (!config_path_.empty()) {
    int64_t mtime_ns = -1;
    uint64_t size = 0;
    Stat(config_path_, &mtime_ns, &size);
    if (mtime_ns != config_mtime_ns_ || size != config_size_) {
      messages = Refresh();
    }
  }
  if (log != nullptr) log->insert(log->end(), messages.begin(), messages.end());

  const Config* config = config_ ? &*config_ : nullptr;
  LintResult result;
  result.session = std::make_unique<Session>();
  Session& session = *result.session;
  if (!spf_costs_.empty()) session.set_spf_costs(spf_costs_);
  std::map<std::string, const Buffer*> open;
  for (const Buffer& b : buffers) {
    if (b.is_file) open.emplace(b.path, &b);
  }
  // The set's files, each from its buffer when open: in path order, as
  // `zonelint DIR` reads them; parsed together on all cores.
  std::vector<Session::Input> inputs;
  for (const std::string& file : files_) {
    auto it = open.find(file);
    if (it != open.end()) {
      inputs.push_back(
          {file, *it->second->text, ParseOptionsFor("", config, file)});
      continue;
    }
    if (const std::string* text = DiskText(file)) {
      inputs.push_back({file, *text, ParseOptionsFor("", config, file)});
    }
  }
  // Buffers that are not in the set: new files, files outside the folders,
  // documents that are no files.
  for (const Buffer& b : buffers) {
    if (!b.is_file) {
      ParseOptions parse;
      parse.origin_from_file_name = false;
      inputs.push_back({b.path, *b.text, parse});
      continue;
    }
    if (std::binary_search(files_.begin(), files_.end(), b.path)) continue;
    int64_t mtime_ns;
    uint64_t size;
    if (InFolders(b.path) && Stat(b.path, &mtime_ns, &size)) continue;
    inputs.push_back({b.path, *b.text, ParseOptionsFor("", config, b.path)});
  }
  // Every input has its text: nothing to read, so nothing fails here.
  session.AddFiles(std::move(inputs));
  result.findings = session.Lint(lint_config_);
  return result;
}

}  // namespace zonelint::lsp

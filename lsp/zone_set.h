// The zone set of a workspace: the zone files that `zonelint DIR` would
// lint in its folders, with the editor's open buffers over their disk
// contents, and the config file that applies there. What the server lints
// on every change, so that findings across zones (an SPF include or an MX
// target in another zone) come and go as either file changes.
#ifndef ZONELINT_LSP_ZONE_SET_H_
#define ZONELINT_LSP_ZONE_SET_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lint/config.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "lint/session.h"

namespace zonelint::lsp {

// An open buffer: `path` is a file path, or for a document that is no file
// (an editor's "untitled:" buffer) its URI, which is then linted alone.
struct Buffer {
  std::string path;
  bool is_file = true;
  const std::string* text = nullptr;
};

struct LintResult {
  // The files as linted (buffers' texts, disk contents of the others,
  // $INCLUDEd files) and their zones; `findings` point into its sources.
  std::unique_ptr<Session> session;
  Findings findings;
};

class ZoneSet {
 public:
  // The workspace folders (absolute paths; none when the editor gives no
  // workspace: then only the buffers are linted). Reads the config file
  // and lists the zone files; returns messages for the user.
  std::vector<std::string> SetFolders(std::vector<std::string> folders);
  // Reads the config file and lists the zone files again (after a save:
  // a file may be new). Returns messages for the user (config errors).
  std::vector<std::string> Refresh();

  // Lints the set with `buffers` over the disk. A buffer of a file that is
  // in a folder and on disk but not in the set (a file another includes,
  // or one the config excludes) is not linted on its own. Disk files are
  // read when they are new or their modification time or size changed.
  // Messages for the user go to `log` (may be null).
  LintResult Lint(const std::vector<Buffer>& buffers,
                  std::vector<std::string>* log);

  const std::vector<std::string>& files() const { return files_; }

 private:
  struct Cached {
    int64_t mtime_ns = -1;
    uint64_t size = 0;
    bool readable = false;
    std::string text;
  };
  // Whether `path` is in the set's folders.
  bool InFolders(const std::string& path) const;
  // The disk contents of `path`, re-read when it changed; nullptr when it
  // cannot be read.
  const std::string* DiskText(const std::string& path);
  // Reads the config file for `near_`; returns messages for the user.
  std::vector<std::string> ReadSettings();

  std::vector<std::string> folders_;
  // Where the config file is looked for: the first folder, or without
  // folders the first buffer linted.
  std::vector<std::string> near_;
  std::optional<Config> config_;
  std::string config_path_;  // the file found, even when broken; or empty
  int64_t config_mtime_ns_ = -1;
  uint64_t config_size_ = 0;
  LintConfig lint_config_;
  SpfCostTable spf_costs_;
  std::vector<std::string> files_;  // sorted
  std::map<std::string, Cached> cache_;
};

// file:// URIs and paths. A URI that is no file: URI gives nullopt.
std::optional<std::string> PathFromUri(std::string_view uri);
std::string UriFromPath(std::string_view path);

}  // namespace zonelint::lsp

#endif  // ZONELINT_LSP_ZONE_SET_H_

#include "lint/spf_costs_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "rules/spf/lookups.h"
#include "util/strings.h"

namespace zonelint {
namespace {

struct Cost {
  std::string_view name;  // canonical, with its final dot
  int lookups;
  bool at_least;
};

}  // namespace

std::string SpfCostsText(const LintContext& context) {
  const SpfLookupAnalysis& analysis =
      SpfLookupAnalysis::Of(context.views, context.spf_costs);
  std::vector<Cost> costs;
  costs.reserve(analysis.records().size());
  for (const SpfRecordLookups& record : analysis.records()) {
    // `opaque`, not ChainText's "at least": what an include of this record
    // inherits when both are linted together (a macro in an exists term
    // costs one lookup all the same).
    costs.push_back(
        {context.names.Text(record.site->owner), record.total, record.opaque});
  }
  std::sort(costs.begin(), costs.end(),
            [](const Cost& a, const Cost& b) { return a.name < b.name; });
  std::string out =
      "# SPF lookup costs of the names with an SPF record in the linted "
      "zones,\n# written by zonelint --write-spf-costs; read them with "
      "--spf-costs FILE.\n# NAME LOOKUPS: the DNS lookups the name's record "
      "costs, nested ones counted;\n# N+: at least N, the record includes "
      "names of unknown cost.\n";
  out.reserve(out.size() + costs.size() * 32);
  for (size_t i = 0; i < costs.size();) {
    // Several records at a name are a permerror (spf-multiple-records); an
    // include of it counts the costliest, as the analysis does.
    Cost merged = costs[i];
    for (++i; i < costs.size() && costs[i].name == merged.name; ++i) {
      merged.lookups = std::max(merged.lookups, costs[i].lookups);
      merged.at_least |= costs[i].at_least;
    }
    std::string_view name = merged.name;
    if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);
    out += Cat(name, " ", merged.lookups, merged.at_least ? "+\n" : "\n");
  }
  return out;
}

absl::Status WriteSpfCosts(const std::string& path, std::string_view text) {
  const std::string folder = std::filesystem::path(path).parent_path();
  std::string temp =
      Cat(folder.empty() ? "." : folder, "/",
          std::filesystem::path(path).filename().string(), ".zonelint-XXXXXX");
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) {
    return absl::InternalError(
        Cat("cannot write '", path, "': ", std::strerror(errno)));
  }
  auto fail = [&](std::string_view what) {
    const std::string message =
        Cat("cannot ", what, " '", path, "': ", std::strerror(errno));
    ::close(fd);
    ::unlink(temp.c_str());
    return absl::InternalError(message);
  };
  // mkstemp makes the file private; give it the mode a new file gets. The
  // umask is read by setting it: the run has no other threads by now.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(fd, 0666 & ~mask) != 0) return fail("write");
  for (size_t done = 0; done < text.size();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("write");
  if (::close(fd) != 0) {
    const std::string message =
        Cat("cannot write '", path, "': ", std::strerror(errno));
    ::unlink(temp.c_str());
    return absl::InternalError(message);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string message =
        Cat("cannot write '", path, "': ", std::strerror(errno));
    ::unlink(temp.c_str());
    return absl::InternalError(message);
  }
  return absl::OkStatus();
}

}  // namespace zonelint

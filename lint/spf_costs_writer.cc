#include "lint/spf_costs_writer.h"

#include <algorithm>
#include <vector>

#include "mail/spf_lookups.h"
#include "util/atomic_file.h"
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
  const SpfLookupAnalysis& analysis = context.views.SpfLookups();
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
  return WriteFileAtomically(path, text);
}

}  // namespace zonelint

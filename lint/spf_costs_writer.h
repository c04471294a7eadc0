// --write-spf-costs: the SPF lookup cost of every name with an SPF record in
// the linted zones, in the --spf-costs format (mail/spf_costs.h), so that a
// run over one shard of many zones can read the costs of another shard's
// names instead of counting their includes as unknown.
//
// Each line is "NAME LOOKUPS", sorted by name: LOOKUPS is what the SPF
// lookup analysis (mail/spf_lookups.h) finds the name's record costs, the
// costliest when it has several; "N+" when that record leads to an include
// whose cost is unknown, so a record including it is a lower bound as when
// both are linted together. A wildcard owner is written "*.suffix", the
// table's pattern for the names below it.
//
// What a table cannot carry, and so differs from linting the shards
// together: the void lookups inside the other shard's records, its names
// without an SPF record (spf-include-no-spf), names that reach an SPF record
// through a CNAME, and include loops that cross shards.
#ifndef ZONELINT_LINT_SPF_COSTS_WRITER_H_
#define ZONELINT_LINT_SPF_COSTS_WRITER_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "lint/rule.h"

namespace zonelint {

// The cost table of the linted set, a comment header first.
std::string SpfCostsText(const LintContext& context);

// Writes `text` to `path` through a temporary file beside it renamed over
// it, so a reader never sees half a table. The error names the path.
absl::Status WriteSpfCosts(const std::string& path, std::string_view text);

}  // namespace zonelint

#endif  // ZONELINT_LINT_SPF_COSTS_WRITER_H_

// The user's SPF cost table: how many DNS lookups the SPF record of a name
// outside the linted zones costs, read from a `--spf-costs FILE` (later
// also from the config file). It adds to or overrides zonelint's built-in
// table of well-known senders (mail/known_senders.cc).
//
// File format, one entry a line:
//   # a comment
//   _spf.example-esp.com   2   Example ESP, checked 2026-11-20
//   *.hosted.example.net   0   any name below hosted.example.net
//   spf.shard-a.example    4+
// The number is the lookups the name's own record costs (its include, a,
// mx, ptr, exists and redirect terms, recursively), not counting the
// `include:` term that names it: `include:X` costs 1 + that number. A '+'
// after it says "at least": the record includes names whose cost is
// unknown, so a record including it has an unknown total too, as when both
// are linted together. `zonelint --write-spf-costs FILE` writes this format
// for every name with an SPF record in the linted zones (sorted by name;
// lint/spf_costs_writer.h), so that a run over one shard of the zones can
// read another's costs.
#ifndef ZONELINT_MAIL_SPF_COSTS_H_
#define ZONELINT_MAIL_SPF_COSTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"

namespace zonelint {

struct SpfCostEntry {
  std::string name;       // canonical ("_spf.example.com."); for a pattern
                          // "*.example.com." the suffix below which it applies
  bool pattern = false;   // written "*.suffix": any name below the suffix
  int lookups = 0;        // the nested cost (see above)
  bool at_least = false;  // written "N+": a lower bound (see above)
  std::string comment;    // the rest of the line, may be empty
  std::string where;      // "costs.txt:3", where the entry was read
};

class SpfCostTable {
 public:
  // Parses the table format. `file_name` names the text in errors, which
  // read "FILE:LINE: problem".
  absl::Status Parse(std::string_view text, std::string_view file_name);
  // Reads and parses a file.
  absl::Status LoadFile(const std::string& path);

  // The entry for a canonical name: an exact entry, else the pattern with
  // the longest suffix the name is below; a later entry for the same name
  // overrides an earlier one. nullptr when none applies. Costs a hash
  // lookup per label of the name, however long the table (a sharded run
  // reads every other shard's costs: 100,000s of entries).
  const SpfCostEntry* Find(std::string_view canonical) const;

  bool empty() const { return entries_.empty(); }
  const std::vector<SpfCostEntry>& entries() const { return entries_; }

 private:
  std::vector<SpfCostEntry> entries_;
  // Index into entries_ of the last entry for each name, and of the last
  // pattern for each suffix.
  absl::flat_hash_map<std::string, uint32_t> exact_;
  absl::flat_hash_map<std::string, uint32_t> patterns_;
};

}  // namespace zonelint

#endif  // ZONELINT_MAIL_SPF_COSTS_H_

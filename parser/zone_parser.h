// Reads a zone file (and its $INCLUDEs) into a Zone.
#ifndef ZONELINT_PARSER_ZONE_PARSER_H_
#define ZONELINT_PARSER_ZONE_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "parser/source.h"
#include "parser/zone.h"

namespace zonelint {

struct ParseOptions {
  // The zone origin in canonical form ("example.com."), or empty to find it
  // from $ORIGIN, the SOA owner or the file name.
  std::string origin;
  // Whether the file name may give the origin (off for stdin).
  bool origin_from_file_name = true;
  uint16_t zone_class = 1;  // IN
  // Hard limits: each gives a diagnostic when reached, never a crash.
  int max_include_depth = 16;
  uint32_t max_generate_records = 1u << 20;  // per $GENERATE
  uint32_t max_entry_bytes = 1u << 20;       // one record, parentheses included
};

// Parses the file `file` of `sources` (added by the caller) into `zone`;
// included files are added to `sources`. Problems go to zone->issues.
void ParseZone(SourceSet* sources, FileId file, const ParseOptions& options,
               Zone* zone);

// The origin a file name suggests: "example.com.zone", "db.example.com" and
// "example.com" give "example.com."; empty when the name has no dot or
// looks like a path of no domain.
std::string OriginFromFileName(std::string_view path);

}  // namespace zonelint

#endif  // ZONELINT_PARSER_ZONE_PARSER_H_

// Rdata: checks the fields of one record against its type's shape and
// stores them as compact Fields; typed views of the types mail depends on.
#ifndef ZONELINT_PARSER_RDATA_H_
#define ZONELINT_PARSER_RDATA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "parser/master_grammar.h"
#include "parser/name.h"
#include "parser/zone.h"

namespace zonelint {

// One rdata problem: the token range it concerns and what is wrong.
struct RdataProblem {
  IssueKind kind = IssueKind::kRdata;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string message;
  std::string help;
};

struct RdataInput {
  const char* base;               // token offsets count from here
  absl::Span<const Token> tokens; // the rdata tokens
  uint32_t end_of_entry;          // where a missing field is reported
  const Origin* origin;           // for relative names; never null
  NameTable* names;
};

struct RdataOutput {
  std::vector<Field>* fields;
  std::vector<RelativeName>* relative_names;
  FileId file;                     // for relative_names ranges
  bool generated = false;          // offsets are not source offsets
  std::vector<RdataProblem> problems;
  bool generic = false;            // "\#" form was used
  // Fatal problems drop the record; a too-long string keeps it.
  bool fatal = false;
  // Where wire forms are decoded for checking; kept by the caller from one
  // record to the next, so that parsing a zone allocates it once.
  std::string scratch;
};

// Parses and checks the rdata of a record of `type`, appending its fields.
void ParseRdata(uint16_t type, const RdataInput& in, RdataOutput* out);

// Decodes a TTL token (seconds or "1h30m" units). False when malformed or
// over 2^32-1.
bool ParseTtl(std::string_view token, uint32_t* ttl);
// Decodes an unsigned decimal of at most `max`.
bool ParseUnsigned(std::string_view token, uint64_t max, uint64_t* value);

// The decoded character-strings of TXT or SPF rdata, with each string's
// source range.
struct TxtString {
  std::string text;
  SourceRange range;
};
std::vector<TxtString> AsTxt(const Zone& zone, const SourceSet& sources,
                             const Record& r);

// Characters of a relative name that suggest it was meant to be absolute:
// it contains a dot and its last label looks like a TLD, letters only or an
// IDN A-label ("xn--p1ai").
bool LooksLikeFullName(std::string_view text);

}  // namespace zonelint

#endif  // ZONELINT_PARSER_RDATA_H_

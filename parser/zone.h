// The parsed form of a zone: compact records whose rdata fields point back
// into the source text, the problems found while parsing, and an index of
// records by owner name.
#ifndef ZONELINT_PARSER_ZONE_H_
#define ZONELINT_PARSER_ZONE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "parser/name.h"
#include "parser/source.h"

namespace zonelint {

// What a field of rdata holds, as far as later stages care.
enum class FieldKind : uint8_t {
  kToken,   // any other token
  kName,    // a domain name; Field::value is its NameId
  kNumber,  // an integer; Field::value is the number
  kString,  // a character-string (quoted or not), escapes undecoded
};

struct Field {
  uint32_t begin = 0;  // byte range of the token's text (quotes excluded)
  uint32_t end = 0;
  uint32_t value = 0;  // NameId for kName, the number for kNumber
  FieldKind kind = FieldKind::kToken;
  bool quoted = false;
  bool relative = false;  // kName written without a trailing dot
};

enum RecordFlags : uint8_t {
  kRecordGenerated = 1,      // from $GENERATE: field text is in generated_text
  kRecordGeneric = 2,        // RFC 3597 "\#" rdata
  kRecordOwnerRelative = 4,  // owner written as a relative name
  kRecordTtlExplicit = 8,    // TTL written in the record
};

struct Record {
  NameId owner = kNoName;
  uint32_t ttl = 0;
  uint16_t rclass = 1;
  uint16_t type = 0;
  FileId file = kNoFile;
  uint32_t begin = 0;  // the record's text, owner to last rdata token
  uint32_t end = 0;
  uint32_t owner_end = 0;  // == begin when the owner was inherited
  uint32_t first_field = 0;
  uint16_t field_count = 0;
  uint8_t flags = 0;

  SourceRange range() const { return {file, begin, end}; }
  SourceRange owner_range() const { return {file, begin, owner_end}; }
  // Where to point at the record's name: its owner as written, or the whole
  // record when the owner was inherited.
  SourceRange owner_or_record_range() const {
    return owner_end > begin ? owner_range() : range();
  }
  bool has(RecordFlags f) const { return (flags & f) != 0; }
};

// Problems found by the parser. Each kind is reported by its own rule.
enum class IssueKind : uint8_t {
  kSyntax,         // zone-syntax
  kInclude,        // zone-include
  kRdata,          // zone-rdata
  kStringTooLong,  // zone-txt-string-too-long
};

struct ParseIssue {
  IssueKind kind;
  SourceRange range;
  std::string message;
  std::string help;
  // The problem kept an $INCLUDE from being read, so the zone's records are
  // incomplete (Zone::incomplete()).
  bool include_unread = false;
};

// A relative name whose text already looks absolute: kept for the
// zone-missing-trailing-dot rule, which decides whether to report it.
struct RelativeName {
  SourceRange range;
  NameId name;            // the expanded name
  std::string_view text;  // as written (a view into the source)
  bool owner = false;     // a record's owner, not a name in its rdata
  // A mailbox written as a name (SOA RNAME, RP mbox, MINFO): its domain
  // need not have records anywhere.
  bool mailbox = false;
};

class Zone {
 public:
  explicit Zone(NameTable* names) : names_(names) {}

  // Origin of the zone (its apex): --origin, an $ORIGIN before the first
  // record, the SOA owner, or the file name; never the root unless --origin
  // says so. kNoName if none could be found.
  NameId apex = kNoName;
  FileId main_file = kNoFile;
  std::vector<Record> records;
  std::vector<Field> fields;
  std::string generated_text;  // field text of $GENERATE'd records
  std::vector<ParseIssue> issues;
  std::vector<RelativeName> relative_names;
  // An entry that names the SOA type could not be read (the problem is in
  // `issues`): whether the zone has an SOA is then unknown.
  bool soa_unreadable = false;

  const NameTable& names() const { return *names_; }
  NameTable& names() { return *names_; }

  absl::Span<const Field> FieldsOf(const Record& r) const {
    return absl::MakeConstSpan(fields.data() + r.first_field, r.field_count);
  }
  // The text of a field (escapes undecoded); needs the sources for the file.
  std::string_view FieldText(const SourceSet& sources, const Record& r,
                             const Field& f) const {
    if (r.has(kRecordGenerated)) {
      return std::string_view(generated_text).substr(f.begin, f.end - f.begin);
    }
    return sources.Get(r.file).text().substr(f.begin, f.end - f.begin);
  }
  // Source range of a field (the record's range for generated records).
  SourceRange FieldRange(const Record& r, const Field& f) const {
    if (r.has(kRecordGenerated)) return r.range();
    return {r.file, f.begin, f.end};
  }

  // Builds the owner index and notes whether the zone is incomplete; call
  // once after parsing.
  void BuildIndex();
  // Whether an $INCLUDE of the zone was not read (its file missing or
  // unreadable, a loop, nested too deep, a malformed directive): the records
  // it would have added are unknown, anywhere in the zone, so no name in the
  // zone is known to lack a record (Universe::Authority).
  bool incomplete() const { return incomplete_; }
  // Records at one owner name, in file order (a binary search over the
  // owners).
  absl::Span<const uint32_t> RecordsAt(NameId owner) const;
  // Every owner name that has records, in order of first appearance.
  const std::vector<NameId>& owners() const { return owners_; }
  // Records at owners()[i], in file order: RecordsAt without the lookup.
  absl::Span<const uint32_t> RecordsOfOwner(size_t i) const {
    return absl::MakeConstSpan(by_owner_.data() + owner_start_[i],
                               owner_start_[i + 1] - owner_start_[i]);
  }

  // After a parse into a name table and source set of its own
  // (Session::AddFiles): points the zone at `names`, and maps its NameIds
  // through `name_ids` (old id -> id in `names`) and its FileIds through
  // `file_ids`. The owner index follows.
  void Remap(NameTable* names, absl::Span<const NameId> name_ids,
             absl::Span<const FileId> file_ids);

 private:
  void SortSlotsByName();

  NameTable* names_;
  // Sized to the zone, not to the name table it shares with other zones:
  // record indexes grouped by owner (owners in owners_ order), where owner
  // i's begin, and each owner's i.
  std::vector<uint32_t> by_owner_;
  std::vector<uint32_t> owner_start_;
  std::vector<NameId> owners_;
  // The slots ordered by owner name id, for RecordsAt's binary search:
  // 4 bytes an owner, where a hash map took over 9.
  std::vector<uint32_t> slots_by_name_;
  bool incomplete_ = false;
};

// Decodes a character-string's escapes (\X and \DDD). Returns false on a bad
// escape; *out then holds what was decoded so far.
bool DecodeCharacterString(std::string_view raw, std::string* out);

// The length of the decoded character-string, without building it. Returns
// false on a bad escape, as DecodeCharacterString does.
bool CharacterStringLength(std::string_view raw, size_t* length);

}  // namespace zonelint

#endif  // ZONELINT_PARSER_ZONE_H_

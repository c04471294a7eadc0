// Domain names in presentation format: parsing (escapes, relative names,
// length limits) into one canonical text form, and interning.
//
// Canonical form: absolute, lower-case, labels joined by '.', ending in '.';
// a byte that is not printable or is special in master files is written as
// \DDD. So a '.' in canonical text always separates labels, and two names are
// equal (case-insensitively, RFC 4343) exactly when their canonical texts are.
#ifndef ZONELINT_PARSER_NAME_H_
#define ZONELINT_PARSER_NAME_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "util/arena.h"

namespace zonelint {

using NameId = uint32_t;
inline constexpr NameId kNoName = UINT32_MAX;

enum class NameError : uint8_t {
  kOk,
  kEmpty,
  kEmptyLabel,    // "a..b" or a leading '.'
  kLabelTooLong,  // over 63 bytes
  kNameTooLong,   // over 255 bytes in wire form
  kBadEscape,     // "\" at the end, or \DDD over 255
};

// A parsed origin: canonical text and its wire length.
struct Origin {
  std::string text;      // "example.com." or "."
  uint32_t wire_length;  // 1 for the root
};

// Makes an Origin from canonical absolute text.
Origin MakeOrigin(std::string_view canonical);

// Parses presentation text (not "@") into canonical form in *out.
// Relative names get `origin` appended; with origin == nullptr a relative
// name is only checked, *out holds its canonical labels with a final '.',
// and *relative is set. Returns the first problem found.
NameError ParseName(std::string_view text, const Origin* origin,
                    std::string* out, bool* relative);

// True when `text` ends in an unescaped '.', i.e. is absolute.
bool IsAbsoluteText(std::string_view text);

// True when canonical `name` is `apex` or below it.
bool IsAtOrBelow(std::string_view name, std::string_view apex);

// Canonical name without its first label ("a.b." -> "b.", "a." -> ".").
std::string_view ParentName(std::string_view name);

// Interns canonical names; ids are dense and stable for the run.
class NameTable {
 public:
  NameTable() : index_(0, IdHash{&names_}, IdEq{&names_}) {}
  NameTable(const NameTable&) = delete;
  NameTable& operator=(const NameTable&) = delete;

  NameId Intern(std::string_view canonical);
  // kNoName when the name was never interned.
  NameId Find(std::string_view canonical) const;
  std::string_view Text(NameId id) const { return names_[id]; }
  size_t size() const { return names_.size(); }

 private:
  // The index holds ids only (4 bytes a slot, not a view and an id: a big
  // zone has a name for every other record) and finds their text in
  // names_; lookups by text are heterogeneous.
  struct IdHash {
    using is_transparent = void;
    const std::vector<std::string_view>* names;
    size_t operator()(std::string_view text) const {
      return absl::Hash<std::string_view>{}(text);
    }
    size_t operator()(NameId id) const { return (*this)((*names)[id]); }
  };
  struct IdEq {
    using is_transparent = void;
    const std::vector<std::string_view>* names;
    bool operator()(NameId a, NameId b) const { return a == b; }
    bool operator()(NameId a, std::string_view b) const {
      return (*names)[a] == b;
    }
    bool operator()(std::string_view a, NameId b) const {
      return a == (*names)[b];
    }
  };

  std::vector<std::string_view> names_;  // before index_, which uses it
  absl::flat_hash_set<NameId, IdHash, IdEq> index_;
  StringArena text_;  // the names' bytes
};

}  // namespace zonelint

#endif  // ZONELINT_PARSER_NAME_H_

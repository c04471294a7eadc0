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
  std::string_view Text(NameId id) const { return names_[id].text(); }
  size_t size() const { return names_.size(); }

 private:
  // A name's text and its hash, kept so that growing the index never reads
  // the names again: 16 bytes, as a string_view alone would be.
  struct Entry {
    const char* data;
    uint32_t size;
    uint32_t hash;
    std::string_view text() const { return {data, size}; }
  };
  // What lookups by text use: the hash is computed once.
  struct Key {
    std::string_view text;
    uint32_t hash;
  };
  static uint32_t HashOf(std::string_view text) {
    return static_cast<uint32_t>(absl::Hash<std::string_view>{}(text));
  }
  // The 32 bits kept, spread over the 64 that the index takes its probe
  // start (high bits) and tag (low bits) from.
  static size_t Spread(uint32_t hash) {
    return static_cast<size_t>(hash) * 0x9E3779B97F4A7C15ull;
  }
  // The index holds ids only (4 bytes a slot, not a view and an id: a big
  // zone has a name for every other record) and finds their text and hash
  // in names_; lookups by text are heterogeneous.
  struct IdHash {
    using is_transparent = void;
    const std::vector<Entry>* names;
    size_t operator()(const Key& key) const { return Spread(key.hash); }
    size_t operator()(NameId id) const { return Spread((*names)[id].hash); }
  };
  struct IdEq {
    using is_transparent = void;
    const std::vector<Entry>* names;
    bool operator()(NameId a, NameId b) const { return a == b; }
    bool operator()(NameId a, const Key& b) const {
      return (*names)[a].text() == b.text;
    }
    bool operator()(const Key& a, NameId b) const {
      return a.text == (*names)[b].text();
    }
  };

  std::vector<Entry> names_;  // before index_, which uses it
  absl::flat_hash_set<NameId, IdHash, IdEq> index_;
  StringArena text_;  // the names' bytes
};

}  // namespace zonelint

#endif  // ZONELINT_PARSER_NAME_H_

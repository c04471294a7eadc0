// DKIM key records (RFC 6376 3.6.1, RFC 8301, RFC 8463): the typed form of
// the TXT text at <selector>._domainkey.<domain>. The tag list is split by
// ParseTagList (mail/tag_list.h), each known tag's value checked by the
// PEGTL grammar in mail/dkim_grammar.h, and the key in p= decoded
// (base64 with blanks inside) and read with OpenSSL (mail/dkim_key.h).
// Every part keeps its byte range in the record text, which
// mail/txt_text.h maps back to the zone file.
#ifndef ZONELINT_MAIL_DKIM_H_
#define ZONELINT_MAIL_DKIM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "mail/dkim_key.h"
#include "mail/tag_list.h"

namespace zonelint::dkim {

struct Range {
  uint32_t begin = 0;  // byte offsets into the record text
  uint32_t end = 0;
};

// Which rule reports an error.
enum class ErrorKind : unsigned char {
  kSyntax,      // dkim-syntax: the tag list, a duplicate tag, no p=, a
                // malformed h=, k=, s= or t= value
  kVersion,     // dkim-version: v= not first or not "DKIM1"
  kKeyInvalid,  // dkim-key-invalid: p= not base64, not a key, wrong type
};

struct Error {
  ErrorKind kind = ErrorKind::kSyntax;
  Range range;
  std::string message;  // names the bad tag or value
  std::string help;     // how to fix it
};

enum class KeyType : unsigned char {
  kRsa,      // k=rsa, or no k= (the default)
  kEd25519,  // k=ed25519 (RFC 8463)
  kUnknown,  // another k= value: verifiers ignore the key (RFC 6376 3.6.1)
};

// One item of a ':' list (h=, s=, t=), as written.
struct Item {
  // As written. Owned, like every part of a Key: a key outlives the text it
  // was parsed from (DKIM texts are not all held joined: mail/dkim_keys.h).
  std::string text;
  Range range;
};

struct Key {
  std::vector<Error> errors;

  // v=: present only when written.
  bool has_version = false;
  Range version_range;  // the whole v= tag

  // k=: the type as written ("rsa" when absent).
  KeyType type = KeyType::kRsa;
  std::string type_text = "rsa";
  bool has_type = false;
  Range type_range;  // the value

  // h=: the hash algorithms allowed (empty when h= is absent: all).
  bool has_hashes = false;
  std::vector<Item> hashes;
  Range hashes_range;  // the value

  // s= services and t= flags (empty when absent).
  std::vector<Item> services;
  std::vector<Item> flags;

  // p=
  bool has_key = false;
  Range key_tag_range;   // the whole p= tag
  Range key_range;       // the value (base64, blanks included)
  bool revoked = false;  // p= is empty (RFC 6376 3.6.1)
  bool decoded = false;  // the base64 decoded
  size_t key_size = 0;   // the decoded bytes' count
  KeyInfo key_info;      // what the bytes are (when decoded)

  bool ok() const { return errors.empty(); }
  // t=y: the domain is testing DKIM (RFC 6376 3.6.1).
  const Item* TestingFlag() const;
  // The h= item "sha1" when h= is present and allows it.
  const Item* Sha1Hash() const;
};

// Parses the text of a DKIM key record (the TXT strings joined); the key
// holds no view into `text`.
Key Parse(std::string_view text);

// Parses many key records in a row, reusing its storage, and reads each
// distinct p= key with OpenSSL once (zones publish one provider's or one
// template's key under many names). One per thread: not for concurrent use.
class Parser {
 public:
  Key Parse(std::string_view text);

 private:
  // What the decoded bytes of a key are, by those bytes.
  KeyInfo Inspect(std::string_view der);

  TagList tags_;
  std::string bytes_;  // the decoded p= value
  // Bounded: a zone of millions of distinct keys cannot grow it without end.
  absl::flat_hash_map<std::string, KeyInfo> key_infos_;
};

// Whether text is meant as a DKIM key wherever it is published: its first
// tag is v=DKIM1 (blanks allowed around '=').
bool StartsWithDkimVersion(std::string_view text);

}  // namespace zonelint::dkim

#endif  // ZONELINT_MAIL_DKIM_H_

#include "mail/dkim.h"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"
#include "mail/dkim_grammar.h"
#include "mail/dkim_key.h"
#include "mail/tag_list.h"
#include "tao/pegtl.hpp"
#include "util/base64.h"
#include "util/strings.h"

namespace zonelint::dkim {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::dkim;

// ---------------------------------------------------------------------------
// The messages, in one table. "$1", "$2" are filled in by Format.

enum class Problem : uint8_t {
  kQuoted,
  kDuplicateTag,
  kNoKey,
  kNotDkim,
  kVersionNotFirst,
  kBadVersion,
  kBadHashList,
  kBadKeyType,
  kBadServices,
  kBadFlags,
  kBase64Char,
  kBase64Padding,
  kBase64Length,
  kRsaNotKey,
  kRsaLooksEd25519,
  kRsaGotEd25519Spki,
  kRsaGotOtherSpki,
  kEd25519Size,
  kEd25519Spki,
  kEd25519GotRsa,
  kCount,
};

struct Text {
  ErrorKind kind;
  const char* message;
  const char* help;
};

constexpr Text kTexts[] = {
    // kQuoted
    {ErrorKind::kSyntax,
     "the key record's text starts with a quote character: '$1'",
     "remove the quote characters that are part of the text (written \\\" "
     "inside the quoted string), so that the text reads \"$2\"; verifiers "
     "cannot read the tags of the text as it is"},
    // kDuplicateTag
    {ErrorKind::kSyntax, "tag '$1=' given more than once",
     "keep one '$1=' tag: a duplicate tag makes the whole key record invalid "
     "(RFC 6376 3.2)"},
    // kNoKey
    {ErrorKind::kSyntax, "no p= tag in '$1'",
     "a DKIM key record needs 'p=' with the base64 public key (an empty "
     "'p=' revokes the key); if this TXT record is not a DKIM key, move it "
     "away from the _domainkey name"},
    // kNotDkim
    {ErrorKind::kSyntax, "no p= tag in '$1': this is not a DKIM key",
     "verifiers read every TXT record at <selector>._domainkey.<domain> as "
     "a DKIM key; move this record to the name it belongs at, and publish "
     "the key here as 'v=DKIM1; k=rsa; p=<base64 public key>'"},
    // kVersionNotFirst
    {ErrorKind::kVersion, "'$1' is not the first tag (it comes after '$2')",
     "move 'v=DKIM1' to the start of the record, or remove it: v= must be "
     "first when present (RFC 6376 3.6.1)"},
    // kBadVersion
    {ErrorKind::kVersion, "unsupported DKIM key version '$1'",
     "write 'v=DKIM1' (upper case, the only version), or remove v=: "
     "verifiers discard a key with any other v= (RFC 6376 3.6.1)"},
    // kBadHashList
    {ErrorKind::kSyntax, "invalid hash list 'h=$1'",
     "list hash algorithms separated by ':', such as 'h=sha256', or leave "
     "h= out to allow every algorithm"},
    // kBadKeyType
    {ErrorKind::kSyntax, "invalid key type 'k=$1'",
     "write 'k=rsa' or 'k=ed25519' (without k=, the key is RSA)"},
    // kBadServices
    {ErrorKind::kSyntax, "invalid service list 's=$1'",
     "write 's=email' or 's=*', or leave s= out (it defaults to '*')"},
    // kBadFlags
    {ErrorKind::kSyntax, "invalid flag list 't=$1'",
     "write 't=s', 't=y' or 't=y:s', or leave t= out"},
    // kBase64Char
    {ErrorKind::kKeyInvalid, "p= is not base64: invalid character '$1' in '$2'",
     "p= holds the base64 key alone (A-Z, a-z, 0-9, '+' and '/', with '=' "
     "padding at the end); copy it again from the public key file, without "
     "the PEM header and footer lines"},
    // kBase64Padding
    {ErrorKind::kKeyInvalid,
     "p= is not base64: '=' padding before the end in '$1'",
     "'=' may only pad the end of the key; copy the key again, whole"},
    // kBase64Length
    {ErrorKind::kKeyInvalid,
     "p= is not base64: $1 characters, not a multiple of 4, in '$2'",
     "characters were lost or added when the key was copied; copy the whole "
     "key again from the public key file"},
    // kRsaNotKey
    {ErrorKind::kKeyInvalid,
     "p= is not an RSA public key: its $1 bytes are neither "
     "SubjectPublicKeyInfo nor PKCS#1 DER",
     "publish the key as 'openssl rsa -in private.pem -pubout' prints it: "
     "the base64 lines between the BEGIN and END lines, joined"},
    // kRsaLooksEd25519
    {ErrorKind::kKeyInvalid,
     "p= holds 32 bytes, the size of an Ed25519 key, but $1",
     "add 'k=ed25519' if this is an Ed25519 key (RFC 8463); an RSA key is "
     "published as SubjectPublicKeyInfo"},
    // kRsaGotEd25519Spki
    {ErrorKind::kKeyInvalid,
     "p= holds an Ed25519 key (in SubjectPublicKeyInfo), but $1",
     "write 'k=ed25519; p=$2': the raw 32-byte key that RFC 8463 requires"},
    // kRsaGotOtherSpki
    {ErrorKind::kKeyInvalid, "p= holds a public key that is not RSA, but $1",
     "DKIM keys are RSA (k=rsa) or Ed25519 (k=ed25519); publish the public "
     "key of the private key that signs"},
    // kEd25519Size
    {ErrorKind::kKeyInvalid,
     "p= holds $1 bytes, but an Ed25519 key (k=ed25519) is exactly 32",
     "publish the raw 32-byte public key in base64: 44 characters ending in "
     "'=' (RFC 8463 4.2)"},
    // kEd25519Spki
    {ErrorKind::kKeyInvalid,
     "p= holds an Ed25519 key wrapped in SubjectPublicKeyInfo (44 bytes), "
     "but k=ed25519 needs the raw 32 bytes",
     "write 'p=$1': the same key without the 12-byte header (RFC 8463 4.2)"},
    // kEd25519GotRsa
    {ErrorKind::kKeyInvalid, "p= holds an RSA key, but k= is 'ed25519'",
     "write 'k=rsa' (or leave k= out) for an RSA key"},
};
static_assert(std::size(kTexts) == static_cast<size_t>(Problem::kCount));

// Key values are long: messages show at most this much of them.
constexpr size_t kShowMax = 60;

void Add(Key* key, Problem problem, Range range,
         std::initializer_list<std::string_view> args) {
  const Text& text = kTexts[static_cast<size_t>(problem)];
  key->errors.push_back({text.kind, range, FormatTemplate(text.message, args),
                         FormatTemplate(text.help, args)});
}

Range ToRange(TagRange r) { return {r.begin, r.end}; }

// ---------------------------------------------------------------------------
// Actions: collect the items of a ':' list.

struct ListState {
  const char* base;  // start of the value
  uint32_t offset;   // where the value starts in the record text
  std::vector<Item>* items;
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

struct add_item {
  template <typename Input>
  static void apply(const Input& in, ListState& s) {
    const uint32_t begin =
        s.offset + static_cast<uint32_t>(in.begin() - s.base);
    s.items->push_back(
        {std::string(in.string_view()),
         {begin, begin + static_cast<uint32_t>(in.string_view().size())}});
  }
};
template <>
struct action<g::key_h_tag_alg> : add_item {};
template <>
struct action<g::key_s_tag_type> : add_item {};
template <>
struct action<g::key_t_tag_flag> : add_item {};

// Parses a tag's value with Grammar; on success, the list items go to
// `items` (when given).
template <typename Grammar>
bool ParseValue(const Tag& tag, std::vector<Item>* items) {
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(tag.value.data(),
                                                     tag.value.size(), "");
  std::vector<Item> found;
  ListState state{tag.value.data(), tag.value_range.begin, &found};
  if (!pegtl::parse<Grammar, action>(in, state)) return false;
  if (items != nullptr) *items = std::move(found);
  return true;
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool IsBase64Char(char c) { return IsAsciiAlnum(c) || c == '+' || c == '/'; }

// Why a p= value is not base64: adds the error.
void ReportBadBase64(Key* key, const Tag& tag) {
  const std::string shown = ShowText(tag.value, kShowMax);
  std::string compact;
  for (size_t i = 0; i < tag.value.size(); ++i) {
    const char c = tag.value[i];
    if (IsBlank(c)) continue;
    const uint32_t at = tag.value_range.begin + static_cast<uint32_t>(i);
    if (c == '=') {
      // Padding: only blanks and at most one more '=' may follow.
      size_t j = i + 1, pads = 1;
      for (; j < tag.value.size(); ++j) {
        if (tag.value[j] == '=') {
          ++pads;
        } else if (!IsBlank(tag.value[j])) {
          break;
        }
      }
      if (j < tag.value.size() || pads > 2) {
        Add(key, Problem::kBase64Padding, {at, at + 1}, {shown});
        return;
      }
      compact.append(pads, '=');
      break;
    }
    if (!IsBase64Char(c)) {
      Add(key, Problem::kBase64Char, {at, at + 1},
          {ShowText(std::string_view(&tag.value[i], 1), kShowMax), shown});
      return;
    }
    compact.push_back(c);
  }
  if (compact.size() % 4 != 0) {
    Add(key, Problem::kBase64Length, ToRange(tag.value_range),
        {Cat(compact.size()), shown});
    return;
  }
}

// What the k= text says when the key does not match it.
std::string TypeClause(const Key& key) {
  if (!key.has_type) return "there is no k= (so the key must be RSA)";
  return Cat("k= is '", key.type_text, "'");
}

// Checks the decoded key (key->key_info already says what it is) against
// k=.
void CheckKeyBytes(Key* key, std::string_view bytes) {
  const KeyInfo& info = key->key_info;
  const Range where = key->key_range;
  if (key->type == KeyType::kRsa) {
    switch (info.format) {
      case KeyFormat::kRsaSpki:
      case KeyFormat::kRsaPkcs1:
        return;
      case KeyFormat::kEd25519Spki:
        Add(key, Problem::kRsaGotEd25519Spki, where,
            {TypeClause(*key), EncodeBase64(bytes.substr(bytes.size() - 32))});
        return;
      case KeyFormat::kOtherSpki:
        Add(key, Problem::kRsaGotOtherSpki, where, {TypeClause(*key)});
        return;
      case KeyFormat::kNone:
        if (bytes.size() == 32) {
          Add(key, Problem::kRsaLooksEd25519, where, {TypeClause(*key)});
        } else {
          Add(key, Problem::kRsaNotKey, where, {Cat(bytes.size())});
        }
        return;
    }
  }
  if (key->type == KeyType::kEd25519) {
    if (bytes.size() == 32) return;
    if (info.format == KeyFormat::kEd25519Spki) {
      Add(key, Problem::kEd25519Spki, where,
          {EncodeBase64(bytes.substr(bytes.size() - 32))});
    } else if (info.format == KeyFormat::kRsaSpki ||
               info.format == KeyFormat::kRsaPkcs1) {
      Add(key, Problem::kEd25519GotRsa, where, {});
    } else {
      Add(key, Problem::kEd25519Size, where, {Cat(bytes.size())});
    }
  }
}

}  // namespace

const Item* Key::TestingFlag() const {
  for (const Item& flag : flags) {
    if (flag.text == "y") return &flag;
  }
  return nullptr;
}

const Item* Key::Sha1Hash() const {
  for (const Item& hash : hashes) {
    if (hash.text == "sha1") return &hash;
  }
  return nullptr;
}

bool StartsWithDkimVersion(std::string_view text) {
  Tag first;
  return FirstTag(text, &first) && first.name == "v" &&
         first.value == "DKIM1";
}

Key Parse(std::string_view text) { return Parser().Parse(text); }

KeyInfo Parser::Inspect(std::string_view der) {
  constexpr size_t kMaxCached = 4096;
  // (Debian's Abseil has its own string_view: the one its hash takes.)
  if (auto it = key_infos_.find(absl::string_view(der.data(), der.size()));
      it != key_infos_.end()) {
    return it->second;
  }
  const KeyInfo info = InspectPublicKey(der);
  if (key_infos_.size() >= kMaxCached) key_infos_.clear();
  key_infos_.emplace(std::string(der), info);
  return info;
}

Key Parser::Parse(std::string_view text) {
  Key key;
  // Text wrapped in quote characters that are part of it ("\"k=rsa; p=...
  // \""): one mistake, which would otherwise show as a bad first tag and a
  // bad key as well.
  if (!text.empty() && text.front() == '"') {
    std::string_view inner = text.substr(1);
    if (!inner.empty() && inner.back() == '"') inner.remove_suffix(1);
    Add(&key, Problem::kQuoted, {0, static_cast<uint32_t>(text.size())},
        {ShowText(text, kShowMax), ShowText(inner, kShowMax)});
    return key;
  }
  // `tags` is only read until this returns.
  TagList& tags = tags_;
  ParseTagList(text, &tags);
  for (const TagListProblem& problem : tags.problems) {
    key.errors.push_back({ErrorKind::kSyntax,
                          {problem.range.begin, problem.range.end},
                          problem.message,
                          problem.help});
  }
  const Tag* key_tag = nullptr;
  const Tag* bad_version = nullptr;  // a v= tag whose value is not DKIM1
  for (size_t i = 0; i < tags.tags.size(); ++i) {
    const Tag& tag = tags.tags[i];
    // Tag names are case-sensitive (RFC 6376 3.2): "V=" is an unknown tag.
    bool duplicate = false;
    for (size_t j = 0; j < i; ++j) {
      if (tags.tags[j].name == tag.name) duplicate = true;
    }
    if (duplicate) {
      Add(&key, Problem::kDuplicateTag, ToRange(tag.range), {tag.name});
      continue;
    }
    // For messages only: made when one is.
    auto value_shown = [&tag] { return ShowText(tag.value, kShowMax); };
    if (tag.name == "v") {
      key.has_version = true;
      key.version_range = ToRange(tag.range);
      if (i != 0) {
        const Tag& first = tags.tags[0];
        Add(&key, Problem::kVersionNotFirst, ToRange(tag.range),
            {ShowText(
                 text.substr(tag.range.begin, tag.range.end - tag.range.begin),
                 kShowMax),
             ShowText(text.substr(first.range.begin,
                                  first.range.end - first.range.begin),
                      kShowMax)});
      }
      if (!ParseValue<g::key_v_value>(tag, nullptr)) bad_version = &tag;
    } else if (tag.name == "h") {
      key.has_hashes = true;
      key.hashes_range = ToRange(tag.value_range);
      if (!ParseValue<g::key_h_value>(tag, &key.hashes)) {
        Add(&key, Problem::kBadHashList, ToRange(tag.value_range),
            {value_shown()});
      }
    } else if (tag.name == "k") {
      key.has_type = true;
      key.type_text = std::string(tag.value);
      key.type_range = ToRange(tag.value_range);
      if (tag.value == "rsa") {
        key.type = KeyType::kRsa;
      } else if (tag.value == "ed25519") {
        key.type = KeyType::kEd25519;
      } else {
        key.type = KeyType::kUnknown;
        if (!ParseValue<g::key_k_value>(tag, nullptr)) {
          Add(&key, Problem::kBadKeyType, ToRange(tag.value_range),
              {value_shown()});
        }
      }
    } else if (tag.name == "s") {
      if (!ParseValue<g::key_s_value>(tag, &key.services)) {
        Add(&key, Problem::kBadServices, ToRange(tag.value_range),
            {value_shown()});
      }
    } else if (tag.name == "t") {
      if (!ParseValue<g::key_t_value>(tag, &key.flags)) {
        Add(&key, Problem::kBadFlags, ToRange(tag.value_range), {value_shown()});
      }
    } else if (tag.name == "p") {
      key_tag = &tag;
    }
    // n= (notes) and unknown tags: any value the tag list allows.
  }

  // Text with no p= and a v= other than DKIM1 (an SPF record, say) is no
  // DKIM key at all: that is said once (no p=), not also that v= is wrong.
  if (bad_version != nullptr && key_tag != nullptr) {
    Add(&key, Problem::kBadVersion, ToRange(bad_version->range),
        {Cat("v=", ShowText(bad_version->value, kShowMax))});
  }
  if (key_tag == nullptr) {
    // A malformed tag-spec may have held p=: its problem is enough.
    if (tags.problems.empty()) {
      // DKIM tags but p= make a key that lost its p=; no DKIM tag (or a
      // v= of another protocol) make text that is no key at all.
      bool dkim_tags = false;
      for (const Tag& tag : tags.tags) {
        for (std::string_view name : {"v", "h", "k", "n", "s", "t"}) {
          if (tag.name == name) dkim_tags = true;
        }
      }
      const bool looks_dkim = dkim_tags && bad_version == nullptr;
      Add(&key, looks_dkim ? Problem::kNoKey : Problem::kNotDkim,
          {0, static_cast<uint32_t>(text.size())}, {ShowText(text, kShowMax)});
    }
    return key;
  }
  key.has_key = true;
  key.key_tag_range = ToRange(key_tag->range);
  key.key_range = ToRange(key_tag->value_range);
  if (key_tag->value.empty()) {
    key.revoked = true;
    return key;
  }
  std::string& bytes = bytes_;
  if (!ParseValue<g::key_p_value>(*key_tag, nullptr) ||
      !DecodeBase64(key_tag->value, &bytes)) {
    const size_t before = key.errors.size();
    ReportBadBase64(&key, *key_tag);
    if (key.errors.size() == before) {
      // The grammar and the decoder agree on what base64 is; should they
      // not, still report the key.
      Add(&key, Problem::kBase64Length, key.key_range,
          {Cat(key_tag->value.size()), ShowText(key_tag->value, kShowMax)});
    }
    return key;
  }
  key.decoded = true;
  key.key_size = bytes.size();
  key.key_info = Inspect(bytes);
  if (key.type != KeyType::kUnknown) CheckKeyBytes(&key, bytes);
  return key;
}

}  // namespace zonelint::dkim

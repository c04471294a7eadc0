// DMARC policy records (RFC 7489; the DMARCbis tags np, psd and t are
// accepted): the typed form of a "v=DMARC1; p=..." text. The tag list is
// split by ParseTagList (mail/tag_list.h); each tag's value is checked by
// the PEGTL grammar in mail/dmarc_grammar.h (the ABNF of RFC 7489 6.4).
// Every tag and report URI keeps its byte range in the record text, which
// mail/txt_text.h maps back to the zone file.
#ifndef ZONELINT_MAIL_DMARC_H_
#define ZONELINT_MAIL_DMARC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/tag_list.h"

namespace zonelint::dmarc {

// Ordered by strength: kNone < kQuarantine < kReject.
enum class Policy : uint8_t {
  kNone,
  kQuarantine,
  kReject,
};
// "none", "quarantine", "reject".
std::string_view PolicyName(Policy policy);

enum class Alignment : uint8_t {
  kRelaxed,  // "r" (the default)
  kStrict,   // "s"
};

// psd= (DMARCbis): whether the domain is a public suffix domain.
enum class Psd : uint8_t {
  kUnknown,  // "u" (the default)
  kYes,      // "y"
  kNo,       // "n"
};

struct Range {
  uint32_t begin = 0;  // byte offsets into the record text
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

// One entry of rua= or ruf= (RFC 7489 6.4 dmarc-uri).
struct ReportUri {
  std::string_view text;  // the whole entry as written, size suffix included
  Range range;            // of `text`
  std::string_view uri;   // without the "!size" suffix
  // Lower-cased scheme ("mailto", "https", ...); empty when there is none.
  std::string scheme;
  // mailto: the addr-spec (percent-decoding not applied, "?..." removed);
  // empty for other schemes.
  std::string_view address;
  // The domain reports go to: the domain of a mailto: address or the host
  // of an http(s) URI, lower case, no trailing dot; empty when unknown.
  std::string domain;
  Range domain_range;      // of the domain in the record text
  bool has_size = false;   // "!10m"
  uint64_t max_bytes = 0;  // the size limit in bytes when has_size
  // Whether the URI is usable for reports: a mailto: with a valid addr-spec
  // or an https: URI with a host. Set by ParseDmarc; when false, `problem`
  // says why (the rule dmarc-report-uri reports it).
  bool valid = false;
  std::string problem;  // "report URI 'mailto://x' has no valid ..."
  std::string help;     // how to fix it
};

// A problem that makes the record (or one tag of it) invalid: a receiver
// ignores the record, or the tag (RFC 7489 6.3, 6.6.3).
struct Error {
  Range range;          // the bad tag, or the part of it that is wrong
  std::string message;  // names the tag and quotes the value
  std::string help;     // how to fix it
};

// Any tag as written, with its ranges, in record order.
struct TagRef {
  std::string_view name;   // as written
  std::string_view value;  // without surrounding blanks
  Range name_range;
  Range value_range;
  Range range;  // the whole tag-spec
};

struct Record {
  std::vector<TagRef> tags;  // every tag that parsed, in order
  std::vector<Error> errors;

  // p=, sp=, np=: `has_*` is false when the tag is absent or its value is
  // bad (then the field holds the default the receiver falls back to).
  bool has_p = false;
  Policy p = Policy::kNone;
  Range p_range;  // the p= tag-spec; empty when absent
  bool has_sp = false;
  Policy sp = Policy::kNone;
  Range sp_range;
  bool has_np = false;
  Policy np = Policy::kNone;
  Range np_range;

  // pct= (0-100, default 100).
  bool has_pct = false;
  int pct = 100;
  Range pct_range;

  Alignment adkim = Alignment::kRelaxed;
  Alignment aspf = Alignment::kRelaxed;
  // fo= and rf= as written, split at ':'. Empty when the tag is absent or
  // its value is bad: the RFC 7489 6.3 defaults (fo=0, rf=afrf) are NOT
  // filled in, so a reader that needs them applies them itself.
  std::vector<std::string_view> fo;  // "0", "1", "d", "s"
  std::vector<std::string_view> rf;  // report formats, such as "afrf"
  uint32_t ri = 86400;               // seconds
  std::vector<ReportUri> rua;
  std::vector<ReportUri> ruf;
  Psd psd = Psd::kUnknown;
  bool testing = false;  // t=y (DMARCbis)

  bool ok() const { return errors.empty(); }

  // The policies a receiver applies (RFC 7489 6.3, 6.6.3; DMARCbis np):
  // the organizational domain's own mail gets Policy(); its subdomains get
  // SubdomainPolicy() (sp, else p); its non-existent subdomains get
  // NonexistentPolicy() (np, else sp, else p). A record without a valid p
  // is treated as p=none when it has a valid rua (RFC 7489 6.6.3).
  Policy policy() const { return p; }
  Policy SubdomainPolicy() const { return has_sp ? sp : p; }
  Policy NonexistentPolicy() const { return has_np ? np : SubdomainPolicy(); }
  // Whether the policy is enforced for all mail: p is quarantine or reject
  // and pct is 100 (what BIMI asks for).
  bool Enforced() const { return p != Policy::kNone && pct == 100; }

  // The first tag named `name` (case-insensitive), or nullptr.
  const TagRef* Find(std::string_view name) const;
};

// Whether TXT text is a DMARC record as receivers select them (RFC 7489
// 6.6.3): it starts with a "v" tag (any case, blanks allowed around '=')
// whose value is "DMARC1", in upper case as the RFC 7489 6.4 ABNF writes
// it (%x44 %x4d %x41 %x52 %x43 %x31). Nothing may come before the tag, not
// even a blank.
bool IsDmarcRecord(std::string_view text);

// Whether TXT text at a _dmarc name is meant as a DMARC record, written
// rightly or not: it is empty, or starts with a "v" tag whose value is not
// another protocol's version, even misspelt (it does not start with "spf",
// "DKIM", "STS", "TLSRPT" or "BIMI"), or has a v=DMARC1 tag later, or has a
// "p" tag and no "v" tag.
bool LooksLikeDmarc(std::string_view text);

// Why TXT text at a _dmarc name that is meant as a DMARC record (a quote
// character of the text before it allowed) is not one (IsDmarcRecord
// fails), so receivers ignore it: it is empty, starts with a quote
// character or a blank, has no "v" tag first, or a version other than
// "DMARC1" (mis-cased, spaced, run into the next tag). The error's message
// says why, its help how to fix it, and its range is the part at fault.
// None when the text is a DMARC record or not meant as one.
std::optional<Error> FindLookalike(std::string_view text);

// Parses a DMARC record (IsDmarcRecord(text) must hold, else the one error
// says it does not; the text must outlive the result). Reports the
// tag-list syntax problems, duplicate tags, bad values of every known tag,
// a missing p (unless a valid rua is given: RFC 7489 6.6.3, or the tag
// list has a problem, whose malformed tag-spec may have been meant as p),
// and unknown tags one edit away from a known one (a typo). Other unknown
// tags are ignored, as receivers do.
// Report URIs that are not valid mailto:/https: are NOT errors here: they
// carry `valid = false` and a `problem`, for dmarc-report-uri.
Record ParseDmarc(std::string_view text);
// The same, splitting the tag list into *scratch (cleared first), whose
// storage a caller parsing many records in a row reuses.
Record ParseDmarc(std::string_view text, TagList* scratch);

}  // namespace zonelint::dmarc

#endif  // ZONELINT_MAIL_DMARC_H_

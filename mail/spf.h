// SPF records (RFC 7208): the typed form of a "v=spf1 ..." text, parsed by
// the PEGTL grammar in mail/spf_grammar.h (the ABNF of RFC 7208 section
// 12). Every term keeps its byte range in the record text, which
// mail/txt_text.h maps back to the zone file.
#ifndef ZONELINT_MAIL_SPF_H_
#define ZONELINT_MAIL_SPF_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zonelint::spf {

enum class Qualifier : char {
  kPass = '+',
  kFail = '-',
  kSoftFail = '~',
  kNeutral = '?',
};

enum class TermKind : uint8_t {
  // Mechanisms (RFC 7208 5).
  kAll,
  kInclude,
  kA,
  kMx,
  kPtr,
  kIp4,
  kIp6,
  kExists,
  // Modifiers (RFC 7208 6).
  kRedirect,
  kExp,
  kUnknownModifier,
};

// "all", "include", ..., "redirect", "exp"; "modifier" for unknown ones.
std::string_view TermKindName(TermKind kind);
bool IsMechanism(TermKind kind);
// include, a, mx, ptr, exists and redirect: the terms that cost a DNS
// lookup (RFC 7208 4.6.4).
bool CostsLookup(TermKind kind);

struct Range {
  uint32_t begin = 0;  // byte offsets into the record text
  uint32_t end = 0;
  bool empty() const { return begin == end; }
};

// Terms are many in a big zone (several per record), so they keep byte
// ranges, not views: Record::Text() and friends give the text.
struct Term {
  TermKind kind = TermKind::kAll;
  Qualifier qualifier = Qualifier::kPass;
  bool explicit_qualifier = false;  // written as '+', '-', '~' or '?'
  bool domain_has_macro = false;    // the domain-spec has a macro-expand
  Range range;                      // the whole term, qualifier included

  // include, a, mx, ptr, exists, redirect, exp: the domain-spec as written
  // (no trailing dot removed), empty when the term has none (a, mx, ptr
  // default to the current domain). For unknown modifiers: the value. See
  // Record::DomainSpec().
  Range domain_range;

  // ip4/ip6: the network, in network byte order (ip4 uses the first 4).
  std::array<uint8_t, 16> address{};
  // ip4, ip6 and the dual CIDR of a and mx: -1 when absent (the grammar
  // takes at most three digits).
  int16_t cidr4 = -1;
  int16_t cidr6 = -1;
  Range cidr_range;  // the whole "/24" or "/24//64" suffix

  // Ranges worked out from the others (a big zone has millions of terms,
  // so they are not stored):
  // Unknown modifiers: the name as written ("foo" of "foo=bar"), which
  // starts the term and ends at the '=' before the value; empty for other
  // terms. See Record::ModifierName().
  Range NameRange() const {
    if (kind != TermKind::kUnknownModifier) return {};
    return {range.begin, domain_range.begin - 1};
  }
  // ip4/ip6: the network as written, after "ip4:" (or "ip6:") and before
  // the CIDR suffix; empty for other terms.
  Range AddressRange() const {
    if (kind != TermKind::kIp4 && kind != TermKind::kIp6) return {};
    return {range.begin + (explicit_qualifier ? 1u : 0u) + 4u,
            cidr_range.empty() ? range.end : cidr_range.begin};
  }
};

// A problem that makes the record a permerror (RFC 7208 4.6, 6).
struct Error {
  Range range;          // the bad term, or the part of it that is wrong
  std::string message;  // names the term: "invalid ip4 address '1.2.3'"
  std::string help;     // how to fix it
};

struct Record {
  // The text parsed (a view: it must outlive the record).
  std::string_view text;
  // Every term that parsed, in order. A bad term is left out and reported
  // in `errors`; parsing goes on with the next term.
  std::vector<Term> terms;
  std::vector<Error> errors;
  uint32_t version_end = 0;  // end of "v=spf1"

  bool ok() const { return errors.empty(); }
  // The first term of `kind`, or nullptr.
  const Term* Find(TermKind kind) const;

  // The text of a range of `text`.
  std::string_view Text(Range range) const {
    // An empty range may sit at the very end (an empty modifier value).
    return range.begin > text.size()
               ? std::string_view()
               : text.substr(range.begin, range.end - range.begin);
  }
  std::string_view DomainSpec(const Term& term) const {
    return Text(term.domain_range);
  }
  std::string_view ModifierName(const Term& term) const {
    return Text(term.NameRange());
  }
};

// The name a term's domain-spec names, canonical ("_spf.example.com."),
// into *name: a domain-spec is always a complete name (RFC 7208 4.8), so
// it is read relative to the root. false when the term has a macro, or its
// domain-spec is empty or not a name.
bool TargetName(const Record& record, const Term& term, std::string* name);

// Calls fn(term, target) for each include term and redirect modifier of
// `record`, in order, with its target name (TargetName; empty when there is
// none: a macro, or no valid name). fn returns false to stop the walk.
template <typename Fn>
void ForEachInclude(const Record& record, Fn fn) {
  std::string target;
  for (const Term& term : record.terms) {
    if (term.kind != TermKind::kInclude && term.kind != TermKind::kRedirect) {
      continue;
    }
    if (!TargetName(record, term, &target)) target.clear();
    if (!fn(term, std::string_view(target))) return;
  }
}

// Whether TXT text is an SPF record: it starts with "v=spf1"
// (case-insensitive) followed by a space or the end (RFC 7208 4.5).
bool IsSpfRecord(std::string_view text);

// Why TXT text that is not an SPF record (IsSpfRecord fails) was plainly
// written as one, which receivers ignore (RFC 7208 4.5): a quote character
// or a blank before the version, the version misspelt ("v=spfv1",
// "v = spf1", "v=spf 1", "spf1"), or "v=spf1" run into the next term,
// whether written so or by character-strings that join with no space
// between them (`string_ends`: where each string ends in `text`, in order;
// TxtText::StringEnds()). The error's message says why (the first problem
// in reading order), its help gives the record as it should read, and its
// range is the part at fault. None for any other text, such as "v=spf10"
// (another version), Sender ID's "spf2.0/pra ..." or "v=spfl ...".
std::optional<Error> FindLookalike(std::string_view text,
                                   const std::vector<uint32_t>& string_ends);

// Parses an SPF record (IsSpfRecord(text) must hold). Reports every bad
// term, non-ASCII or control characters, and the record-level permerrors:
// redirect or exp given twice (RFC 7208 6).
Record Parse(std::string_view text);

}  // namespace zonelint::spf

#endif  // ZONELINT_MAIL_SPF_H_

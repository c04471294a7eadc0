// libFuzzer target for the SPF grammar (mail/spf_grammar.h) and model
// (mail/spf.h): the bytes are parsed as they are and after "v=spf1 " (so
// that most inputs reach the terms), and every invariant of spf::Record is
// checked, and of FindLookalike's finding on the bytes. A crash, undefined
// behaviour or a broken invariant is a bug.
//
// Build and run (in an output base of its own, as fuzz/run.sh does):
//   bazel --output_base="$(bazel info output_base)-fuzz" build --config=fuzz \
//       //fuzz:spf_fuzzer
//   .../bin/fuzz/spf_fuzzer -dict=fuzz/spf.dict -max_total_time=60 \
//       CORPUS fuzz/spf_seeds
#include <arpa/inet.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/spf.h"
#include "mail/spf_grammar.h"
#include "parser/field_grammar.h"

namespace {

using zonelint::spf::Error;
using zonelint::spf::Range;
using zonelint::spf::Record;
using zonelint::spf::Term;
using zonelint::spf::TermKind;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "spf_fuzzer: invariant broken: %s\n", what);
    std::abort();
  }
}

bool Within(Range inner, Range outer) {
  return inner.begin <= inner.end && outer.begin <= inner.begin &&
         inner.end <= outer.end;
}

// The view is the bytes of `range` in `text`.
bool ViewIs(std::string_view view, std::string_view text, Range range) {
  return view.data() == text.data() + range.begin &&
         view.size() == range.end - range.begin;
}

bool Printable(const std::string& s) {
  for (char c : s) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return !s.empty();
}

void CheckTerm(const zonelint::spf::Record& record, const Term& t) {
  const std::string_view text = record.text;
  const std::string_view domain_spec = record.DomainSpec(t);
  const std::string_view modifier_name = record.ModifierName(t);
  Range whole{0, static_cast<uint32_t>(text.size())};
  Check(Within(t.range, whole) && !t.range.empty(), "term range");
  Check(t.range.end == text.size() || text[t.range.end] == ' ',
        "term ends at a space or the end");
  Check(t.range.begin > 0 && text[t.range.begin - 1] == ' ',
        "term starts after a space");
  Check(!t.explicit_qualifier || zonelint::spf::IsMechanism(t.kind),
        "only mechanisms have qualifiers");
  if (!t.explicit_qualifier) {
    Check(t.qualifier == zonelint::spf::Qualifier::kPass, "default '+'");
  }
  bool has_domain = !t.domain_range.empty();
  if (has_domain || t.kind == TermKind::kUnknownModifier) {
    Check(Within(t.domain_range, t.range), "domain range in term");
    Check(ViewIs(domain_spec, text, t.domain_range), "domain view");
  }
  if (t.domain_has_macro) {
    Check(domain_spec.find('%') != std::string_view::npos, "macro has '%'");
  }
  Check((t.kind == TermKind::kUnknownModifier) != modifier_name.empty(),
        "only unknown modifiers have a name");
  if (!modifier_name.empty()) {
    Check(
        Within(t.NameRange(), t.range) && t.NameRange().begin == t.range.begin,
        "modifier name starts the term");
    // The worked-out name range: name, '=', value make the whole term.
    Check(
        std::string(modifier_name) + "=" + std::string(record.DomainSpec(t)) ==
            record.Text(t.range),
        "modifier name '=' value is the term");
  }
  switch (t.kind) {
    case TermKind::kInclude:
    case TermKind::kExists:
    case TermKind::kRedirect:
    case TermKind::kExp:
      Check(has_domain, "domain required");
      break;
    case TermKind::kAll:
      Check(!has_domain, "all has no domain");
      break;
    default:
      break;
  }
  bool is_ip = t.kind == TermKind::kIp4 || t.kind == TermKind::kIp6;
  if (is_ip) {
    Check(Within(t.AddressRange(), t.range) && !t.AddressRange().empty(),
          "address range");
    // The worked-out address range holds the address parsed, no more.
    const std::string address(record.Text(t.AddressRange()));
    std::array<uint8_t, 16> parsed{};
    Check(inet_pton(t.kind == TermKind::kIp4 ? AF_INET : AF_INET6,
                    address.c_str(), parsed.data()) == 1 &&
              parsed == t.address,
          "address range is the address");
  } else {
    Check(t.AddressRange().empty(), "no address outside ip4/ip6");
  }
  bool cidr_kind = is_ip || t.kind == TermKind::kA || t.kind == TermKind::kMx;
  Check(cidr_kind || (t.cidr4 == -1 && t.cidr6 == -1), "cidr kinds");
  Check(t.kind != TermKind::kIp4 || t.cidr6 == -1, "ip4 has no cidr6");
  Check(t.kind != TermKind::kIp6 || t.cidr4 == -1, "ip6 has no cidr4");
  Check(t.cidr4 >= -1 && t.cidr4 <= 32, "cidr4 0..32");
  Check(t.cidr6 >= -1 && t.cidr6 <= 128, "cidr6 0..128");
  if (t.cidr4 != -1 || t.cidr6 != -1) {
    Check(Within(t.cidr_range, t.range) && !t.cidr_range.empty() &&
              t.cidr_range.end == t.range.end &&
              text[t.cidr_range.begin] == '/',
          "cidr range ends the term");
  }
}

void CheckRecord(std::string_view text) {
  Record record = zonelint::spf::Parse(text);
  Check(record.text.data() == text.data() && record.text.size() == text.size(),
        "record keeps its text");
  Range whole{0, static_cast<uint32_t>(text.size())};
  if (!zonelint::spf::IsSpfRecord(text)) {
    Check(record.terms.empty() && record.errors.size() == 1,
          "not SPF: one error, no terms");
  } else {
    Check(record.version_end == 6, "version_end");
  }
  uint32_t last_end = record.version_end;
  for (const Term& t : record.terms) {
    CheckTerm(record, t);
    Check(t.range.begin > last_end, "terms in order, apart");
    last_end = t.range.end;
  }
  uint32_t last_error = 0;
  for (const Error& e : record.errors) {
    Check(Within(e.range, whole), "error range");
    Check(e.range.begin >= last_error, "errors in order");
    last_error = e.range.begin;
    Check(Printable(e.message), "printable message");
    Check(Printable(e.help), "printable help");
  }
  // What parses cleanly matches the whole-record grammar.
  if (record.ok()) {
    Check(zonelint::grammar::field::FullMatch<zonelint::grammar::spf::record>(
              text),
          "ok records match the record grammar");
  }
  // Terms and errors together cover every term of the text.
  if (zonelint::spf::IsSpfRecord(text)) {
    size_t words = 0;
    for (size_t i = record.version_end; i < text.size(); ++i) {
      if (text[i] != ' ' && (i == 0 || text[i - 1] == ' ')) ++words;
    }
    Check(record.terms.size() + record.errors.size() == words,
          "one term or one error per word");
  }
}

// A text written as SPF that is not an SPF record: the reason, at a part
// of the text, with the record as it should read. Checked with the text as
// one string and as one string per byte (every join a string boundary).
void CheckLookalike(std::string_view text) {
  std::vector<uint32_t> one = {static_cast<uint32_t>(text.size())};
  std::vector<uint32_t> bytes;
  for (uint32_t i = 1; i <= text.size(); ++i) bytes.push_back(i);
  for (const std::vector<uint32_t>* ends : {&one, &bytes}) {
    const std::optional<Error> e = zonelint::spf::FindLookalike(text, *ends);
    if (!e) continue;
    Check(!zonelint::spf::IsSpfRecord(text), "a lookalike is no SPF record");
    Check(Within(e->range, {0, static_cast<uint32_t>(text.size())}),
          "lookalike range");
    Check(Printable(e->message), "printable lookalike message");
    Check(Printable(e->help) && e->help.back() == '"',
          "lookalike help ends with the record");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  CheckRecord(bytes);
  CheckLookalike(bytes);
  std::string record = "v=spf1 ";
  record.append(bytes);
  CheckRecord(record);
  return 0;
}

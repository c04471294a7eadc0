// libFuzzer target for the tag-list mail records: the tag list itself
// (mail/tag_list.h), DKIM keys (mail/dkim.h), DMARC policies
// (mail/dmarc.h) and the MTA-STS, TLS-RPT and BIMI records
// (mail/mail_policy.h). The bytes are parsed by every parser as they are,
// and after each protocol's version tag (so that most inputs reach the
// tags), and the invariants of the results are checked: every range lies
// within the text with begin <= end, every view is the text of its range,
// every error has a message and a fix, text meant as a DMARC record that
// is not one has its one reason (FindLookalike). A crash, undefined behaviour
// or a broken invariant is a bug.
//
// Build and run (in an output base of its own, as fuzz/run.sh does):
//   bazel --output_base="$(bazel info output_base)-fuzz" build --config=fuzz \
//       //fuzz:mail_records_fuzzer
//   .../bin/fuzz/mail_records_fuzzer -dict=fuzz/mail_records.dict \
//       -max_total_time=60 CORPUS fuzz/mail_records_seeds
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/dkim.h"
#include "mail/dmarc.h"
#include "mail/mail_policy.h"
#include "mail/tag_list.h"

namespace {

using zonelint::TagList;
using zonelint::TagRange;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "mail_records_fuzzer: invariant broken: %s\n", what);
    std::abort();
  }
}

// Any of the parsers' range types: {begin, end} byte offsets.
template <typename R>
bool InText(R r, std::string_view text) {
  return r.begin <= r.end && r.end <= text.size();
}

template <typename Inner, typename Outer>
bool Within(Inner inner, Outer outer) {
  return inner.begin <= inner.end && outer.begin <= inner.begin &&
         inner.end <= outer.end;
}

template <typename R>
bool Empty(R r) {
  return r.begin == 0 && r.end == 0;
}

// The view is the bytes of `range` in `text`.
template <typename R>
bool ViewIs(std::string_view view, std::string_view text, R range) {
  return InText(range, text) && view.data() == text.data() + range.begin &&
         view.size() == range.end - range.begin;
}

// Owned text equal to the part of `text` in `range`.
template <typename R>
bool TextIs(std::string_view owned, std::string_view text, R range) {
  return InText(range, text) &&
         owned == text.substr(range.begin, range.end - range.begin);
}

// A view that points into the text (or is empty).
bool ViewInText(std::string_view view, std::string_view text) {
  if (view.empty()) return true;
  return view.data() >= text.data() &&
         view.data() + view.size() <= text.data() + text.size();
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

template <typename E>
void CheckErrors(const std::vector<E>& errors, std::string_view text,
                 const char* what) {
  for (const E& e : errors) {
    Check(InText(e.range, text), what);
    Check(!e.message.empty(), "error message not empty");
    Check(!e.help.empty(), "error help not empty");
  }
}

// ---------------------------------------------------------------------------

void CheckTagList(const TagList& list, std::string_view text) {
  uint32_t last_end = 0;
  for (size_t i = 0; i < list.tags.size(); ++i) {
    const zonelint::Tag& tag = list.tags[i];
    Check(InText(tag.range, text), "tag range in text");
    Check(tag.range.begin < tag.range.end, "tag range not empty");
    Check(tag.range.begin >= last_end, "tags in order, apart");
    last_end = tag.range.end;
    Check(Within(tag.name_range, tag.range), "tag name in tag");
    // An empty value's range is empty and sits right after the '='.
    Check(Within(tag.value_range, tag.range), "tag value in tag");
    Check(tag.name_range.end <= tag.value_range.begin, "name before value");
    Check(ViewIs(tag.name, text, tag.name_range), "tag name view");
    Check(ViewIs(tag.value, text, tag.value_range), "tag value view");
    Check(!tag.name.empty(), "tag name not empty");
    Check(tag.name_range.begin == tag.range.begin, "tag starts at its name");
    Check(!IsBlank(text[tag.range.begin]) && !IsBlank(text[tag.range.end - 1]),
          "tag range trimmed");
    Check(text.substr(tag.range.begin, tag.range.end - tag.range.begin)
                  .find(';') == std::string_view::npos,
          "no ';' inside a tag");
    if (!tag.value.empty()) {
      Check(!IsBlank(tag.value.front()) && !IsBlank(tag.value.back()),
            "tag value trimmed");
    }
    bool duplicate = false;
    for (size_t j = 0; j < i; ++j) {
      duplicate = duplicate || EqualsIgnoreCase(list.tags[j].name, tag.name);
    }
    Check(duplicate == tag.duplicate, "duplicate flag");
    Check(list.Find(tag.name) != nullptr, "Find finds every tag");
  }
  CheckErrors(list.problems, text, "tag-list problem range in text");
  // Every ';'-separated part is a tag or a problem, but a blank last one.
  size_t parts = 1;
  for (char c : text) parts += c == ';' ? 1 : 0;
  size_t last = text.rfind(';');
  std::string_view tail =
      last == std::string_view::npos ? text : text.substr(last + 1);
  bool blank_tail = true;
  for (char c : tail) blank_tail = blank_tail && IsBlank(c);
  if (blank_tail) --parts;
  Check(list.tags.size() + list.problems.size() == parts,
        "one tag or one problem per tag-spec");
}

// ---------------------------------------------------------------------------

void CheckDkim(std::string_view text) {
  namespace dkim = zonelint::dkim;
  const dkim::Key key = dkim::Parse(text);
  const zonelint::TagList tags = zonelint::ParseTagList(text);
  CheckTagList(tags, text);
  CheckErrors(key.errors, text, "DKIM error range in text");
  if (key.has_version) Check(InText(key.version_range, text), "DKIM v range");
  if (key.has_type) {
    Check(TextIs(key.type_text, text, key.type_range), "DKIM k text");
  } else {
    Check(key.type == dkim::KeyType::kRsa && key.type_text == "rsa",
          "DKIM default k=rsa");
  }
  if (key.has_hashes) {
    Check(InText(key.hashes_range, text), "DKIM h range");
    for (const dkim::Item& item : key.hashes) {
      Check(Within(item.range, key.hashes_range), "DKIM h item in h");
    }
  } else {
    Check(key.hashes.empty(), "no h=, no hashes");
  }
  for (const auto* items : {&key.hashes, &key.services, &key.flags}) {
    for (const dkim::Item& item : *items) {
      Check(TextIs(item.text, text, item.range), "DKIM item text");
      Check(!item.text.empty(), "DKIM item not empty");
    }
  }
  if (key.has_key) {
    Check(InText(key.key_tag_range, text), "DKIM p= tag range");
    Check(InText(key.key_range, text), "DKIM p value in text");
    Check(Within(key.key_range, key.key_tag_range), "DKIM p value in tag");
    Check(key.revoked == (key.key_range.begin == key.key_range.end),
          "revoked iff p= is empty");
  } else {
    Check(!key.revoked && !key.decoded, "no p=: not revoked, not decoded");
  }
  if (!key.decoded) Check(key.key_size == 0, "no bytes unless decoded");
  if (key.decoded) Check(key.key_size > 0, "decoded key has bytes");
  if (const dkim::Item* t = key.TestingFlag()) {
    Check(t->text == "y", "testing flag is y");
  }
  if (const dkim::Item* s = key.Sha1Hash()) {
    Check(key.has_hashes && EqualsIgnoreCase(s->text, "sha1"), "sha1 item");
  }
  // StartsWithDkimVersion agrees with the tag list.
  Check(dkim::StartsWithDkimVersion(text) ==
            (!tags.tags.empty() && tags.tags[0].name == "v" &&
             tags.tags[0].value == "DKIM1"),
        "StartsWithDkimVersion");
}

// ---------------------------------------------------------------------------

void CheckReportUri(const zonelint::dmarc::ReportUri& uri,
                    std::string_view text) {
  Check(ViewIs(uri.text, text, uri.range), "DMARC URI view");
  Check(!uri.text.empty(), "DMARC URI not empty");
  Check(uri.uri.data() == uri.text.data() && uri.uri.size() <= uri.text.size(),
        "DMARC URI is a prefix of the entry");
  Check(uri.has_size == (uri.uri.size() < uri.text.size()),
        "DMARC size suffix iff text is longer than the URI");
  if (uri.has_size) Check(uri.text[uri.uri.size()] == '!', "size after '!'");
  Check(uri.scheme.size() < uri.uri.size() && uri.uri[uri.scheme.size()] == ':',
        "DMARC scheme before ':'");
  for (char c : uri.scheme) Check(!(c >= 'A' && c <= 'Z'), "scheme lower");
  Check(ViewInText(uri.address, uri.uri), "DMARC address in URI");
  if (!uri.address.empty()) Check(uri.scheme == "mailto", "address: mailto");
  if (!uri.domain.empty()) {
    Check(Within(uri.domain_range, uri.range), "DMARC domain in URI");
    Check(uri.domain_range.end - uri.domain_range.begin == uri.domain.size(),
          "DMARC domain range size");
    Check(uri.domain.back() != '.', "DMARC domain: no trailing dot");
    for (char c : uri.domain) Check(!(c >= 'A' && c <= 'Z'), "domain lower");
  } else {
    Check(Empty(uri.domain_range), "no domain, no domain range");
  }
  Check(uri.valid == uri.problem.empty(), "valid iff no problem");
  Check(uri.problem.empty() == uri.help.empty(), "problem has help");
  if (uri.valid) {
    Check(uri.scheme == "mailto" || uri.scheme == "https",
          "valid: mailto or https");
    Check(!uri.domain.empty(), "valid URI has a domain");
    if (uri.scheme == "mailto") Check(!uri.address.empty(), "valid address");
  }
}

void CheckDmarc(std::string_view text) {
  namespace dmarc = zonelint::dmarc;
  // Text meant as a record that is not one: the one reason why.
  const std::optional<dmarc::Error> lookalike = dmarc::FindLookalike(text);
  if (lookalike) {
    CheckErrors(std::vector<dmarc::Error>{*lookalike}, text,
                "DMARC lookalike range in text");
    Check(!dmarc::IsDmarcRecord(text), "a lookalike is no DMARC record");
  }
  const dmarc::Record r = dmarc::ParseDmarc(text);
  if (!dmarc::IsDmarcRecord(text)) {
    Check(r.tags.empty() && r.errors.size() == 1,
          "not DMARC: one error, no tags");
    CheckErrors(r.errors, text, "DMARC error range in text");
    return;
  }
  const TagList list = zonelint::ParseTagList(text);
  Check(r.tags.size() == list.tags.size(), "DMARC tags are the tag list's");
  for (size_t i = 0; i < r.tags.size(); ++i) {
    const dmarc::TagRef& t = r.tags[i];
    Check(ViewIs(t.name, text, t.name_range), "DMARC tag name view");
    Check(ViewIs(t.value, text, t.value_range), "DMARC tag value view");
    Check(Within(t.name_range, t.range), "DMARC tag name in tag");
    Check(t.value.empty() || Within(t.value_range, t.range),
          "DMARC tag value in tag");
    Check(InText(t.range, text), "DMARC tag in text");
    Check(t.name == list.tags[i].name, "DMARC tag name");
  }
  CheckErrors(r.errors, text, "DMARC error range in text");
  for (const dmarc::Range* range :
       {&r.p_range, &r.sp_range, &r.np_range, &r.pct_range}) {
    Check(InText(*range, text), "DMARC tag range in text");
  }
  if (r.has_p) Check(!r.p_range.empty(), "has_p: p range");
  if (r.has_sp) Check(!r.sp_range.empty(), "has_sp: sp range");
  if (r.has_np) Check(!r.np_range.empty(), "has_np: np range");
  if (r.has_pct) Check(!r.pct_range.empty(), "has_pct: pct range");
  if (!r.has_p) Check(r.p == dmarc::Policy::kNone, "no p: none");
  Check(r.pct >= 0 && r.pct <= 100, "pct 0..100");
  if (!r.has_pct) Check(r.pct == 100, "default pct");
  Check(r.SubdomainPolicy() == (r.has_sp ? r.sp : r.p), "SubdomainPolicy");
  Check(r.Enforced() == (r.p != dmarc::Policy::kNone && r.pct == 100),
        "Enforced");
  for (const auto* list_of : {&r.fo, &r.rf}) {
    for (std::string_view part : *list_of) {
      Check(ViewInText(part, text) && !part.empty(), "fo/rf part");
      Check(!IsBlank(part.front()) && !IsBlank(part.back()),
            "fo/rf part trimmed");
    }
  }
  for (const dmarc::ReportUri& uri : r.rua) CheckReportUri(uri, text);
  for (const dmarc::ReportUri& uri : r.ruf) CheckReportUri(uri, text);
  // A record with no problem starts with exactly v=DMARC1 and has a p or a
  // valid rua (RFC 7489 6.6.3).
  if (r.ok()) {
    Check(!r.tags.empty() && EqualsIgnoreCase(r.tags[0].name, "v") &&
              r.tags[0].value == "DMARC1",
          "ok: starts with v=DMARC1");
    Check(dmarc::IsDmarcRecord(text), "ok: IsDmarcRecord");
    Check(r.has_p || !r.rua.empty(), "ok: p or rua");
  }
  Check(dmarc::LooksLikeDmarc(text), "IsDmarcRecord implies LooksLikeDmarc");
  (void)dmarc::PolicyName(r.p);
}

// ---------------------------------------------------------------------------

void CheckMtaSts(std::string_view text) {
  namespace mta_sts = zonelint::mta_sts;
  const mta_sts::Record r = mta_sts::ParseMtaSts(text);
  CheckTagList(r.tags, text);
  CheckErrors(r.errors, text, "MTA-STS error range in text");
  if (r.has_id) {
    Check(ViewIs(r.id, text, r.id_range), "MTA-STS id view");
    Check(!r.id.empty() && r.id.size() <= 32, "MTA-STS id 1..32");
  }
  if (r.ok()) Check(r.has_id, "ok MTA-STS record has an id");
  (void)mta_sts::IsMtaStsRecord(text);
}

void CheckTlsRpt(std::string_view text) {
  namespace tlsrpt = zonelint::tlsrpt;
  const tlsrpt::Record r = tlsrpt::ParseTlsRpt(text);
  CheckTagList(r.tags, text);
  CheckErrors(r.errors, text, "TLS-RPT error range in text");
  for (const tlsrpt::ReportUri& uri : r.rua) {
    Check(ViewIs(uri.text, text, uri.range), "TLS-RPT URI view");
    Check(!uri.text.empty(), "TLS-RPT URI not empty");
  }
  if (r.ok()) Check(!r.rua.empty(), "ok TLS-RPT record has a rua");
  (void)tlsrpt::IsTlsRptRecord(text);
}

void CheckBimi(std::string_view text) {
  namespace bimi = zonelint::bimi;
  const bimi::Record r = bimi::ParseBimi(text);
  CheckTagList(r.tags, text);
  CheckErrors(r.errors, text, "BIMI error range in text");
  if (r.has_l) Check(ViewIs(r.l, text, r.l_range), "BIMI l view");
  if (r.has_a) Check(ViewIs(r.a, text, r.a_range), "BIMI a view");
  Check(r.has_l || r.l.empty(), "no l=, empty l");
  Check(r.has_a || r.a.empty(), "no a=, empty a");
  Check(ViewInText(r.avp, text), "BIMI avp view");
  if (r.Declined()) Check(r.has_l, "declined has l=");
  (void)bimi::IsBimiRecord(text);
}

void CheckAll(std::string_view text) {
  CheckTagList(zonelint::ParseTagList(text), text);
  CheckDkim(text);
  CheckDmarc(text);
  CheckMtaSts(text);
  CheckTlsRpt(text);
  CheckBimi(text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The bytes as they are, by every parser.
  CheckAll(bytes);
  // After a version tag, by the parser of that protocol: the first byte
  // picks the protocol, so that every parser gets deep inputs.
  if (size > 0) {
    static constexpr std::string_view kVersions[] = {
        "v=DKIM1; ", "v=DMARC1; ", "v=STSv1; ", "v=TLSRPTv1; ", "v=BIMI1; "};
    const size_t which = data[0] % std::size(kVersions);
    std::string text(kVersions[which]);
    text.append(bytes.substr(1));
    CheckTagList(zonelint::ParseTagList(text), text);
    switch (which) {
      case 0:
        CheckDkim(text);
        break;
      case 1:
        CheckDmarc(text);
        break;
      case 2:
        CheckMtaSts(text);
        break;
      case 3:
        CheckTlsRpt(text);
        break;
      default:
        CheckBimi(text);
        break;
    }
  }
  return 0;
}

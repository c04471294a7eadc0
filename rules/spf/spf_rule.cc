#include "rules/spf/spf_rule.h"

#include "rules/fixes/txt_edits.h"
#include "util/strings.h"

namespace zonelint::rules {

bool IsCheckedSpfSite(const MailViews& views, const SpfSite& site) {
  return !site.type99() || views.SpfAt(site.owner).empty();
}

std::string_view SpfTermText(const SpfSite& site, const spf::Term& term) {
  const std::string_view text = site.text.text();
  if (term.range.begin >= text.size()) return {};
  return std::string_view(text).substr(term.range.begin,
                                       term.range.end - term.range.begin);
}

SourceRange SpfTermRange(const SpfSite& site, const spf::Term& term) {
  return site.text.Range(term.range.begin, term.range.end);
}

std::vector<Fix> FailAllFix(const SpfSite& site, const spf::Term& all) {
  const std::string_view text = SpfTermText(site, all);
  if (text.size() < 2 || (text[0] != '~' && text[0] != '?')) return {};
  std::optional<TextEdit> edit =
      EditInOneString(*site.zone, *site.record, site.text, all.range.begin,
                      all.range.begin + 1, "-");
  if (!edit) return {};
  return {{Cat("Change ", text[0], "all to -all"), false, {*std::move(edit)}}};
}

const spf::Term* FirstAll(const spf::Record& record) {
  return record.Find(spf::TermKind::kAll);
}

bool SpfSendsNothing(const spf::Record& record) {
  return record.ok() && record.terms.size() == 1 &&
         record.terms[0].kind == spf::TermKind::kAll &&
         record.terms[0].qualifier == spf::Qualifier::kFail;
}

int SpfPrefixLength(const spf::Term& term) {
  if (term.kind == spf::TermKind::kIp4) {
    return term.cidr4 >= 0 ? term.cidr4 : 32;
  }
  return term.cidr6 >= 0 ? term.cidr6 : 128;
}

std::array<uint8_t, 16> SpfNetwork(const spf::Term& term) {
  std::array<uint8_t, 16> network = term.address;
  const int bytes = term.kind == spf::TermKind::kIp4 ? 4 : 16;
  const int prefix = SpfPrefixLength(term);
  for (int i = 0; i < 16; ++i) {
    const int kept = i >= bytes ? 0 : prefix - 8 * i;  // bits of byte i kept
    if (kept >= 8) continue;
    network[i] &= kept <= 0 ? 0 : static_cast<uint8_t>(0xff << (8 - kept));
  }
  return network;
}

std::string FormatSpfAddress(spf::TermKind kind,
                             const std::array<uint8_t, 16>& address) {
  if (kind == spf::TermKind::kIp4) {
    return Cat(address[0], ".", address[1], ".", address[2], ".", address[3]);
  }
  uint16_t groups[8];
  for (int i = 0; i < 8; ++i) {
    groups[i] = static_cast<uint16_t>(address[2 * i] << 8 | address[2 * i + 1]);
  }
  // RFC 5952 4.2: the longest run of two or more zero groups (the first of
  // equal runs) becomes "::".
  int best = -1, best_length = 1;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_length) {
      best = i;
      best_length = j - i;
    }
    i = j == i ? i + 1 : j;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_length - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const int digit = (groups[i] >> shift) & 15;
      if (digit == 0 && !started && shift > 0) continue;
      started = true;
      out += kHex[digit];
    }
  }
  return out;
}

void SpfRecordRule::Check(const LintContext& context, RuleSink& sink) const {
  for (const SpfSite& site : context.views.Spf()) {
    if (IsCheckedSpfSite(context.views, site)) {
      CheckRecord(context, site, sink);
    }
  }
}

}  // namespace zonelint::rules

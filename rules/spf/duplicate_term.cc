// spf-duplicate-term: the same term twice in one record. Terms compare
// case-insensitively and without their qualifier ("a" and "+a", and also
// "-a": a mechanism that did not match the first time cannot match the
// second); ip4/ip6 compare by the network they cover ("ip4:192.0.2.1" and
// "ip4:192.0.2.1/32"), domains without a trailing dot. Mechanisms after the
// first `all` are left to spf-terms-after-all, and repeated `redirect` or
// `exp` modifiers to spf-syntax.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/fixes/txt_edits.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// What makes two terms the same.
std::string Key(const SpfSite& site, const spf::Term& term) {
  std::string key(spf::TermKindName(term.kind));
  key += ':';
  switch (term.kind) {
    case spf::TermKind::kIp4:
    case spf::TermKind::kIp6: {
      const std::array<uint8_t, 16> network = SpfNetwork(term);
      key.append(network.begin(), network.end());
      key += Cat("/", SpfPrefixLength(term));
      return key;
    }
    case spf::TermKind::kUnknownModifier:
      return key + AsciiLowerString(SpfTermText(site, term));
    default:
      break;
  }
  std::string_view domain = site.spf.DomainSpec(term);
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  // Macro letters in upper case mean "URL-escape" (RFC 7208 7.3): keep the
  // case of domains with macros.
  key += term.domain_has_macro ? std::string(domain) : AsciiLowerString(domain);
  key += Cat("/", term.cidr4, "//", term.cidr6);
  return key;
}

// Removes the term and one space next to it (the one after it, else the
// one before), within its character-string: terms are separated by spaces,
// so the record keeps one between its neighbours.
std::vector<Fix> RemoveFix(const SpfSite& site, const spf::Term& term) {
  const std::string_view text = site.text.text();
  uint32_t begin = term.range.begin, end = term.range.end;
  if (end <= begin || end > text.size()) return {};
  const TxtText& t = site.text;
  std::optional<TextEdit> edit;
  if (end < text.size() && text[end] == ' ') {
    edit = EditInOneString(*site.zone, *site.record, t, begin, end + 1, "");
  }
  if (!edit && begin > 0 && text[begin - 1] == ' ') {
    edit = EditInOneString(*site.zone, *site.record, t, begin - 1, end, "");
  }
  if (!edit) {
    edit = EditInOneString(*site.zone, *site.record, t, begin, end, "");
  }
  if (!edit) return {};
  return {{"Remove the repeated term", true, {*std::move(edit)}}};
}

class SpfDuplicateTerm final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{"spf-duplicate-term", Severity::kInfo,
                                    "the same term twice in one SPF record"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext&, const SpfSite& site,
                   RuleSink& sink) const override {
    std::vector<std::pair<std::string, const spf::Term*>> seen;
    bool after_all = false;
    for (const spf::Term& term : site.spf.terms) {
      const bool mechanism = spf::IsMechanism(term.kind);
      if (term.kind == spf::TermKind::kRedirect ||
          term.kind == spf::TermKind::kExp || (mechanism && after_all)) {
        continue;
      }
      if (term.kind == spf::TermKind::kAll) after_all = true;
      std::string key = Key(site, term);
      const spf::Term* first = nullptr;
      for (const auto& [k, t] : seen) {
        if (k == key) {
          first = t;
          break;
        }
      }
      if (first == nullptr) {
        seen.emplace_back(std::move(key), &term);
        continue;
      }
      const std::string_view text = SpfTermText(site, term);
      const std::string_view earlier = SpfTermText(site, *first);
      std::string message =
          EqualsIgnoreCase(text, earlier)
              ? Cat("'", text, "' appears twice in the record")
              : Cat("'", text, "' repeats '", earlier,
                    "', written earlier in the record");
      message += mechanism ? "; the second can never match"
                           : "; the second changes nothing";
      sink.Emit(SpfTermRange(site, term), std::move(message),
                spf::CostsLookup(term.kind)
                    ? "remove the repeated term; each include, a, mx, ptr "
                      "and exists counts toward the limit of 10 DNS lookups"
                    : "remove the repeated term",
                RemoveFix(site, term));
    }
  }
};

}  // namespace

const Rule& SpfDuplicateTermRule() {
  static const SpfDuplicateTerm rule;
  return rule;
}

}  // namespace zonelint::rules

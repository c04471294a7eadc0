// zone-missing-trailing-dot: a relative name whose text already ends in the
// origin or in a well-known top-level domain, so the origin is appended a
// second time: "mail.example.com" in example.com. means
// mail.example.com.example.com.
#include "rules/zone/missing_trailing_dot.h"

#include <algorithm>
#include <string>
#include <vector>

#include "lint/rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// Endings that almost surely mean the name was meant to be complete.
// Generic TLDs are rarely subdomain labels; "www.dev" or "shop.de" may well
// be meant relative, so newer gTLDs are left out and a two-letter country
// code counts only with at least two labels before it ("mail.example.de").
// Sorted for binary search.
constexpr std::string_view kGenericTlds[] = {
    "arpa", "biz", "com", "edu", "gov", "info", "int", "mil", "net", "org"};
bool EndsInPublicSuffix(std::string_view text) {
  std::vector<std::string_view> labels = Split(text, '.');
  std::string last = AsciiLowerString(labels.back());
  if (std::binary_search(std::begin(kGenericTlds), std::end(kGenericTlds),
                         last)) {
    return true;
  }
  return last.size() == 2 && IsAsciiAlpha(last[0]) && IsAsciiAlpha(last[1]) &&
         labels.size() >= 3;
}

}  // namespace

bool LooksMeantAbsolute(const NameTable& names, const RelativeName& rel) {
  std::string_view expanded = names.Text(rel.name);
  // The origin that was appended: drop the written labels.
  size_t labels = std::count(rel.text.begin(), rel.text.end(), '.') + 1;
  std::string_view origin = expanded;
  for (size_t i = 0; i < labels; ++i) origin = ParentName(origin);
  std::string written = AsciiLowerString(rel.text);
  std::string_view origin_text = origin;
  if (origin_text.size() > 1) origin_text.remove_suffix(1);
  const bool repeats_origin =
      origin_text.size() > 1 &&
      (written == origin_text ||
       (written.size() > origin_text.size() &&
        written.compare(written.size() - origin_text.size(), origin_text.size(),
                        origin_text) == 0 &&
        written[written.size() - origin_text.size() - 1] == '.'));
  return repeats_origin || EndsInPublicSuffix(rel.text);
}

namespace {

class MissingTrailingDot final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "zone-missing-trailing-dot", Severity::kWarning,
        "a relative name that already ends in the origin or a TLD"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      for (const RelativeName& rel : zone->relative_names) {
        if (!LooksMeantAbsolute(context.names, rel)) continue;
        const std::string_view expanded = context.names.Text(rel.name);
        sink.Emit(rel.range,
                  Cat("'", rel.text, "' has no trailing dot, so it means '",
                      expanded, "'"),
                  Cat("write '", rel.text,
                      ".' if the name is complete, or leave out the origin "
                      "and write it relative"));
      }
    }
  }
};

}  // namespace

const Rule& ZoneMissingTrailingDotRule() {
  static const MissingTrailingDot rule;
  return rule;
}

}  // namespace zonelint::rules

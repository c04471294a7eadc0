// zone-suppression: inline suppressions that cannot work: an unknown
// directive, one that names no rule, or a name that is no rule's id. The
// runner adds this rule's findings for names that silenced nothing, when
// asked to (--report-unused-suppressions); see lint/runner.cc.
#include <string>
#include <vector>

#include "lint/rule.h"
#include "lint/suppressions.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

constexpr std::string_view kDirectives[] = {"zonelint-disable-line",
                                            "zonelint-disable-next-line",
                                            "zonelint-disable-file"};

std::string DidYouMean(std::string_view suggestion, std::string_view other) {
  return suggestion.empty() ? std::string(other)
                            : Cat("did you mean '", suggestion, "'?");
}

class Suppression final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "zone-suppression", Severity::kWarning,
        "a zonelint-disable comment that cannot work, or that silenced "
        "nothing"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (FileId file = 0; file < context.sources.size(); ++file) {
      for (const Directive& d :
           ParseDirectives(context.sources.Get(file).text())) {
        const SourceRange word{file, d.begin,
                               d.begin + static_cast<uint32_t>(d.word.size())};
        if (d.kind == DirectiveKind::kUnknown) {
          sink.Emit(word,
                    Cat("unknown directive '", ShowText(d.word),
                        "': it silences nothing"),
                    DidYouMean(Nearest(d.word, {std::begin(kDirectives),
                                                std::end(kDirectives)}),
                               "write zonelint-disable-line, "
                               "zonelint-disable-next-line or "
                               "zonelint-disable-file, then the rules"));
          continue;
        }
        if (d.rules.empty()) {
          sink.Emit(word,
                    Cat("'", d.word,
                        "' names no rule: it silences "
                        "nothing"),
                    "name the rules it is for, separated by commas, or "
                    "'all'");
          continue;
        }
        for (const DirectiveRule& name : d.rules) {
          if (name.name == "all" || FindRule(name.name) != nullptr) continue;
          sink.Emit({file, name.begin,
                     name.begin + static_cast<uint32_t>(name.name.size())},
                    Cat("'", ShowText(name.name),
                        "' is not a zonelint rule: this suppression silences "
                        "nothing"),
                    DidYouMean(NearestRuleId(name.name),
                               "see 'zonelint --list-rules' for the rule ids"));
        }
      }
    }
  }
};

}  // namespace

const Rule& ZoneSuppressionRule() {
  static const Suppression rule;
  return rule;
}

}  // namespace zonelint::rules

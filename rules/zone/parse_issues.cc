// The rules for problems the zone parser finds itself: zone-syntax,
// zone-include, zone-rdata and zone-txt-string-too-long. The parser keeps
// each problem as a ParseIssue of a kind; each rule reports its kind.
#include "lint/rule.h"

namespace zonelint::rules {
namespace {

class ParseIssueRule final : public Rule {
 public:
  constexpr ParseIssueRule(RuleInfo info, IssueKind kind)
      : info_(info), kind_(kind) {}
  const RuleInfo& info() const override { return info_; }
  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      for (const ParseIssue& issue : zone->issues) {
        if (issue.kind == kind_) sink.Emit(issue.range, issue.message, issue.help);
      }
    }
  }

 private:
  RuleInfo info_;
  IssueKind kind_;
};

}  // namespace

const Rule& ZoneSyntaxRule() {
  static const ParseIssueRule rule(
      {"zone-syntax", Severity::kError, "malformed master-file syntax"},
      IssueKind::kSyntax);
  return rule;
}

const Rule& ZoneIncludeRule() {
  static const ParseIssueRule rule(
      {"zone-include", Severity::kError,
       "$INCLUDE file missing, unreadable, recursive or nested too deep"},
      IssueKind::kInclude);
  return rule;
}

const Rule& ZoneRdataRule() {
  static const ParseIssueRule rule(
      {"zone-rdata", Severity::kError, "rdata invalid for its record type"},
      IssueKind::kRdata);
  return rule;
}

const Rule& ZoneTxtStringTooLongRule() {
  static const ParseIssueRule rule(
      {"zone-txt-string-too-long", Severity::kError,
       "a character-string longer than 255 bytes"},
      IssueKind::kStringTooLong);
  return rule;
}

}  // namespace zonelint::rules

// The rules for problems the zone parser finds itself: zone-syntax,
// zone-include, zone-rdata and zone-txt-string-too-long. The parser keeps
// each problem as a ParseIssue of a kind; each rule reports its kind. The
// first problem that kept an $INCLUDE from being read also says that the
// checks for missing records in its zone were skipped (Zone::incomplete()).
#include <optional>
#include <string>
#include <vector>

#include "lint/rule.h"
#include "rules/fixes/txt_edits.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// zone-txt-string-too-long's fix: the string cut into quoted strings of at
// most 255 bytes, which join to the same text. The issue's range is the
// token (with its quotes); anything else there (a $GENERATE directive) gets
// no fix.
std::vector<Fix> SplitFix(const SourceSet& sources, SourceRange range) {
  if (range.file == kNoFile || range.end <= range.begin) return {};
  std::string_view token = sources.Get(range.file)
                               .text()
                               .substr(range.begin, range.end - range.begin);
  if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
    token = token.substr(1, token.size() - 2);
  } else if (token.find_first_of(" \t\r\n\"();") != std::string_view::npos) {
    return {};
  }
  size_t length = 0;
  if (!CharacterStringLength(token, &length) || length <= 255) return {};
  std::optional<std::string> split = SplitCharacterString(token);
  if (!split) return {};
  return {{"Split into strings of at most 255 bytes",
           true,
           {{range, *std::move(split)}}}};
}

class ParseIssueRule final : public Rule {
 public:
  constexpr ParseIssueRule(RuleInfo info, IssueKind kind)
      : info_(info), kind_(kind) {}
  const RuleInfo& info() const override { return info_; }
  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const auto& zone : context.zones) {
      // The first $INCLUDE left unread says what it costs, once a zone.
      const ParseIssue* first_unread = nullptr;
      for (const ParseIssue& issue : zone->issues) {
        if (issue.include_unread) {
          first_unread = &issue;
          break;
        }
      }
      for (const ParseIssue& issue : zone->issues) {
        if (issue.kind != kind_) continue;
        if (&issue != first_unread) {
          sink.Emit(issue.range, issue.message, issue.help,
                    kind_ == IssueKind::kStringTooLong
                        ? SplitFix(context.sources, issue.range)
                        : std::vector<Fix>());
          continue;
        }
        sink.Emit(issue.range,
                  Cat(issue.message, "; checks for missing records in ",
                      zone->apex == kNoName
                          ? std::string("this zone")
                          : Cat("zone '", context.names.Text(zone->apex), "'"),
                      " were skipped"),
                  issue.help);
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

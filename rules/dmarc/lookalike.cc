// dmarc-lookalike: a TXT record at a _dmarc name meant as the domain's
// DMARC policy that receivers do not take as a DMARC record (RFC 7489
// 6.6.3): empty, wrapped in quote characters that are part of the text,
// starting with a blank, without "v=DMARC1" first, or with a version other
// than "DMARC1" (mis-cased, spaced, run into the next tag). It is no DMARC
// record to the other rules either: dmarc-syntax judges only the records
// receivers take.
#include <optional>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "mail/mail_names.h"
#include "mail/mail_views.h"
#include "mail/tag_list.h"
#include "rules/fixes/txt_edits.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class DmarcLookalike final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-lookalike", Severity::kError,
        "a TXT record at _dmarc meant as DMARC that receivers do not take as "
        "DMARC"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const TxtSite* site : context.views.MailTxtOfKind(MailName::kDmarc)) {
      const auto error = dmarc::FindLookalike(site->text.text());
      if (!error) continue;
      // v=DMARC1 not first: the error is at the v= tag, not the first one.
      std::vector<Fix> fixes;
      const TagList list = ParseTagList(site->text.text());
      const Tag* version = list.Find("v");
      if (version != nullptr && version != &list.tags.front() &&
          version->range.begin == error->range.begin &&
          version->range.end == error->range.end) {
        if (std::optional<Fix> fix = MoveVersionFirst(
                *site->zone, *site->record, site->text, context.sources)) {
          fixes.push_back(*std::move(fix));
        }
      }
      sink.Emit(site->text.Range(error->range.begin, error->range.end),
                Cat("receivers do not take the TXT record at '",
                    context.names.Text(site->owner),
                    "' as a DMARC record: ", error->message),
                error->help, std::move(fixes));
    }
  }
};

}  // namespace

const Rule& DmarcLookalikeRule() {
  static const DmarcLookalike rule;
  return rule;
}

}  // namespace zonelint::rules

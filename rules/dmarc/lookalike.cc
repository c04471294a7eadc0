// dmarc-lookalike: a TXT record at a _dmarc name meant as the domain's
// DMARC policy that receivers do not take as a DMARC record (RFC 7489
// 6.6.3): empty, wrapped in quote characters that are part of the text,
// starting with a blank, without "v=DMARC1" first, or with a version other
// than "DMARC1" (mis-cased, spaced, run into the next tag). It is no DMARC
// record to the other rules either: dmarc-syntax judges only the records
// receivers take.
#include <string_view>

#include "lint/rule.h"
#include "parser/dmarc.h"
#include "parser/mail_names.h"
#include "parser/mail_views.h"
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
      sink.Emit(site->text.Range(error->range.begin, error->range.end),
                Cat("receivers do not take the TXT record at '",
                    context.names.Text(site->owner),
                    "' as a DMARC record: ", error->message),
                error->help);
    }
  }
};

}  // namespace

const Rule& DmarcLookalikeRule() {
  static const DmarcLookalike rule;
  return rule;
}

}  // namespace zonelint::rules

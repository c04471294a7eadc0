// spf-lookalike: a TXT (or SPF type 99) record plainly written as an SPF
// record that receivers do not take as one (RFC 7208 4.5): a quote
// character or a blank before "v=spf1", the version misspelt, or "v=spf1"
// run into the next term, as when an unquoted record's words join with no
// space between them. Not at names where another mail record lives
// (_dmarc, _domainkey, _mta-sts, ...): those names' rules judge their
// records. Such a record is no SPF record for the other rules either.
#include <string_view>

#include "lint/rule.h"
#include "parser/mail_names.h"
#include "parser/mail_views.h"
#include "parser/rrtype.h"
#include "parser/spf.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfLookalike final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-lookalike", Severity::kError,
        "a TXT record written as SPF that receivers do not take as SPF"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const TxtSite& site : context.views.MailTxt()) {
      if (site.kind != MailName::kOther) continue;
      const std::string_view text = site.text.text();
      if (spf::IsSpfRecord(text)) continue;
      const auto error = spf::FindLookalike(text, site.text.StringEnds());
      if (!error) continue;
      sink.Emit(site.text.Range(error->range.begin, error->range.end),
                Cat("receivers do not take the ",
                    site.record->type == rrtype::kSPF ? "SPF (type 99)" : "TXT",
                    " record at '", context.names.Text(site.owner),
                    "' as an SPF record: ", error->message),
                error->help);
    }
  }
};

}  // namespace

const Rule& SpfLookalikeRule() {
  static const SpfLookalike rule;
  return rule;
}

}  // namespace zonelint::rules

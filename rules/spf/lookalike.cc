// spf-lookalike: a TXT (or SPF type 99) record plainly written as an SPF
// record that receivers do not take as one (RFC 7208 4.5): a quote
// character or a blank before "v=spf1", the version misspelt, or "v=spf1"
// run into the next term, as when an unquoted record's words join with no
// space between them. Not at names where another mail record lives
// (_dmarc, _domainkey, _mta-sts, ...): those names' rules judge their
// records. Such a record is no SPF record for the other rules either.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/mail_names.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "parser/rrtype.h"
#include "rules/fixes/txt_edits.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// "Quote the record as one string": an SPF record written unquoted, so
// that the master-file syntax made each word a string of its own, which
// receivers join with nothing between them. The words, joined by single
// spaces, become one quoted string (several when over 255 bytes). Only
// when every word is a plain token and only blanks separate them (no
// parentheses or comments to lose).
std::vector<Fix> QuoteFix(const SourceSet& sources, const TxtSite& site) {
  const Record& record = *site.record;
  if (record.has(kRecordGenerated)) return {};
  const std::string_view file = sources.Get(record.file).text();
  std::string joined;
  const Field* first = nullptr;
  const Field* last = nullptr;
  size_t words = 0;
  for (const Field& field : site.zone->FieldsOf(record)) {
    if (field.kind != FieldKind::kString) return {};
    const std::string_view word =
        file.substr(field.begin, field.end - field.begin);
    if (field.quoted || word.empty() ||
        word.find_first_of("\\\"") != std::string_view::npos) {
      return {};
    }
    if (last != nullptr) {
      const std::string_view gap =
          file.substr(last->end, field.begin - last->end);
      if (gap.find_first_not_of(" \t") != std::string_view::npos) return {};
      joined.push_back(' ');
    }
    if (first == nullptr) first = &field;
    last = &field;
    joined.append(word);
    ++words;
  }
  if (words < 2 || !spf::IsSpfRecord(joined)) return {};
  std::optional<std::string> quoted = SplitCharacterString(joined);
  if (!quoted) return {};
  return {{"Quote the record as one string",
           true,
           {{{record.file, first->begin, last->end}, *std::move(quoted)}}}};
}

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
                error->help, QuoteFix(context.sources, site));
    }
  }
};

}  // namespace

const Rule& SpfLookalikeRule() {
  static const SpfLookalike rule;
  return rule;
}

}  // namespace zonelint::rules

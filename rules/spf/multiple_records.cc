// spf-multiple-records: more than one SPF record in TXT at one name, which
// makes every SPF check of that name a permerror (RFC 7208 3.2, 4.5).
#include <string>
#include <vector>

#include "lint/rule.h"
#include "mail/mail_views.h"
#include "parser/zone.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// The decoded character-strings of a TXT record: its rdata as DNS sees it.
std::vector<std::string> Strings(const SourceSet& sources,
                                 const SpfSite& site) {
  std::vector<std::string> out;
  for (const Field& field : site.zone->FieldsOf(*site.record)) {
    if (field.kind != FieldKind::kString) continue;
    std::string decoded;
    DecodeCharacterString(site.zone->FieldText(sources, *site.record, field),
                          &decoded);
    out.push_back(std::move(decoded));
  }
  return out;
}

std::string Ordinal(size_t n) {
  static constexpr const char* kWords[] = {"first",   "second", "third",
                                           "fourth",  "fifth",  "sixth",
                                           "seventh", "eighth", "ninth"};
  if (n >= 1 && n <= 9) return kWords[n - 1];
  return Cat(n, "th");
}

class SpfMultipleRecords final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-multiple-records", Severity::kError,
        "more than one SPF record at one name (permerror)"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const SpfSite& site : context.views.Spf()) {
      if (site.type99()) continue;
      std::vector<const SpfSite*> at = context.views.SpfAt(site.owner);
      // Report each record but the first, once: when `site` is reached.
      if (at.size() < 2 || at.front() == &site) continue;
      // Identical records are one record in DNS (an RRset has no
      // duplicates), so only distinct records count.
      std::vector<std::vector<std::string>> seen;
      size_t number = 0;
      bool duplicate = false;
      for (const SpfSite* other : at) {
        std::vector<std::string> strings = Strings(context.sources, *other);
        bool repeat = false;
        for (const auto& s : seen) repeat = repeat || s == strings;
        if (other == &site) {
          duplicate = repeat;
          number = seen.size() + 1;
          break;
        }
        if (!repeat) seen.push_back(std::move(strings));
      }
      if (duplicate || number < 2) continue;
      sink.Emit(site.text.RecordRange(),
                Cat(Ordinal(number), " SPF record at '",
                    context.names.Text(site.owner),
                    "'; a name may publish only one, and with several every "
                    "SPF check of it is a permerror"),
                "merge the records into one 'v=spf1 ...' record");
    }
  }
};

}  // namespace

const Rule& SpfMultipleRecordsRule() {
  static const SpfMultipleRecords rule;
  return rule;
}

}  // namespace zonelint::rules

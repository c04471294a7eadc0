#include "rules/mail_policy/policy_syntax.h"

#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.h"
#include "mail/mail_names.h"
#include "mail/mail_policy.h"
#include "mail/mail_views.h"
#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

std::string Ordinal(size_t n) {
  static constexpr const char* kWords[] = {"first",   "second", "third",
                                           "fourth",  "fifth",  "sixth",
                                           "seventh", "eighth", "ninth"};
  if (n >= 1 && n <= 9) return kWords[n - 1];
  return Cat(n, "th");
}

// Reports `site` when it is a second (third, ...) distinct record of the
// kind at its name. Identical texts count once: an RRset has no duplicates.
void CheckSeveral(const PolicyKind& kind, const LintContext& context,
                  const TxtSite& site, RuleSink& sink) {
  std::vector<const TxtSite*> at = context.views.MailTxtAt(site.owner);
  std::vector<std::string_view> seen;
  for (const TxtSite* other : at) {
    if (!kind.is_record(other->text.text())) continue;
    bool repeat = false;
    for (std::string_view s : seen) repeat = repeat || s == other->text.text();
    if (other == &site) {
      if (repeat || seen.empty()) return;
      sink.Emit(site.text.RecordRange(),
                Cat(Ordinal(seen.size() + 1), " ", kind.label, " record at '",
                    context.names.Text(site.owner), "'; ", kind.several),
                Cat("keep one '", kind.version, "; ...' record at the name"));
      return;
    }
    if (!repeat) seen.push_back(other->text.text());
  }
}

}  // namespace

std::string_view PolicyDomain(const PolicyKind& kind,
                              std::string_view canonical,
                              const MailNameInfo& info) {
  if (info.kind != MailName::kOther) return info.domain;
  if (!kind.bare_label.empty() && canonical.starts_with(kind.bare_label) &&
      canonical.size() > kind.bare_label.size() &&
      canonical[kind.bare_label.size()] == '.') {
    return canonical.substr(kind.bare_label.size() + 1);
  }
  // After the last label that starts with '_'.
  size_t cut = 0;
  for (size_t i = 0; i < canonical.size(); ++i) {
    if ((i == 0 || canonical[i - 1] == '.') && canonical[i] == '_') {
      size_t dot = canonical.find('.', i);
      if (dot == std::string_view::npos) break;
      cut = dot + 1;
    }
  }
  return canonical.substr(cut);
}

void CheckPolicySyntax(const PolicyKind& kind, const LintContext& context,
                       RuleSink& sink) {
  for (const TxtSite& site : context.views.MailTxt()) {
    if (site.record->type != rrtype::kTXT) continue;
    // At another mail name (_dmarc, _domainkey, ...) that name's rule
    // reports a stray record, once; its text is not even needed (a DKIM
    // key's would be joined for nothing).
    if (site.kind != kind.kind && site.kind != MailName::kOther) continue;
    const std::string_view text = site.text.text();
    const std::string_view owner = context.names.Text(site.owner);
    if (site.kind != kind.kind) {
      if (!kind.is_record(text)) continue;
      const std::string home =
          kind.home(PolicyDomain(kind, owner, site.name()));
      sink.Emit(site.text.RecordRange(),
                Cat(kind.label, " record at '", owner,
                    "', where it is never looked up; it belongs at ", home),
                Cat("move the record to ", home));
      continue;
    }
    if (!kind.is_record(text)) {
      sink.Emit(site.text.RecordRange(),
                Cat("TXT record at '", owner, "' is not ", kind.a_label,
                    " record: it does not start with '", kind.version, "'"),
                Cat("publish only '", kind.example,
                    "' here; move other TXT records to the name they are "
                    "meant for, or remove them"));
      continue;
    }
    CheckSeveral(kind, context, site, sink);
    for (const PolicyError& error : kind.parse(text)) {
      sink.Emit(site.text.Range(error.range.begin, error.range.end),
                error.message, error.help);
    }
  }
}

}  // namespace zonelint::rules

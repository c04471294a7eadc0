#include "rules/mailfrom/mailfrom.h"

#include <string>
#include <vector>

#include "parser/mail_views.h"
#include "parser/name.h"
#include "parser/universe.h"

namespace zonelint::rules {
namespace {

// Includes are followed this deep (RFC 7208 allows 10 lookups in all).
constexpr int kMaxDepth = 10;

bool Authorises(const LintContext& context, const spf::Record& record,
                const MailProvider& provider, int depth,
                absl::flat_hash_set<NameId>* visited) {
  static const Origin kRoot = MakeOrigin(".");
  for (const spf::Term& term : record.terms) {
    if (term.kind == spf::TermKind::kAll &&
        term.qualifier == spf::Qualifier::kPass) {
      return true;
    }
    if (term.kind != spf::TermKind::kInclude &&
        term.kind != spf::TermKind::kRedirect) {
      continue;
    }
    if (term.domain_has_macro) continue;
    std::string domain;
    bool relative = false;
    if (ParseName(record.DomainSpec(term), &kRoot, &domain, &relative) !=
        NameError::kOk) {
      continue;
    }
    if (IsProviderSpfInclude(provider, domain)) return true;
    if (depth >= kMaxDepth) continue;
    const NameId id = context.names.Find(domain);
    const std::vector<const SpfSite*> nested = context.views.SpfAt(id);
    // No record at a name of a linted zone not read whole: it may be in the
    // part not read, and include the provider.
    if (nested.empty() && context.universe.ZoneOf(domain) != nullptr &&
        !context.universe.Knows(domain)) {
      return true;
    }
    if (id == kNoName || !visited->insert(id).second) continue;
    for (const SpfSite* site : nested) {
      if (Authorises(context, site->spf, provider, depth + 1, visited)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

bool SpfAuthorises(const LintContext& context, const spf::Record& record,
                   const MailProvider& provider) {
  absl::flat_hash_set<NameId> visited;
  return Authorises(context, record, provider, 0, &visited);
}

std::string_view SpfIncludeShown(const MailProvider& provider) {
  if (provider.spf_includes.empty()) return {};
  std::string_view name = provider.spf_includes.front();
  if (name.size() > 1 && name.back() == '.') name.remove_suffix(1);
  return name;
}

}  // namespace zonelint::rules

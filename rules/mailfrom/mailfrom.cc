#include "rules/mailfrom/mailfrom.h"

#include <string>
#include <vector>

#include "mail/known_senders.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "parser/name.h"
#include "parser/universe.h"

namespace zonelint::rules {
namespace {

// Includes are followed this deep (RFC 7208 allows 10 lookups in all).
constexpr int kMaxDepth = 10;

// Whether `domain` (canonical), outside the linted zones, is known from a
// table: the user's SPF cost table, the built-in table of well-known
// senders, or a provider's SPF includes. Its record is then a sender's own,
// which authorises no other provider.
bool KnownOutside(const LintContext& context, std::string_view domain) {
  if (context.spf_costs.Find(domain) != nullptr ||
      FindKnownSender(domain) != nullptr) {
    return true;
  }
  for (const MailProvider& provider : MailProviders()) {
    if (IsProviderSpfInclude(provider, domain)) return true;
  }
  return false;
}

SpfAuthorisation Authorises(const LintContext& context,
                            const spf::Record& record,
                            const MailProvider& provider, int depth,
                            absl::flat_hash_set<NameId>* visited) {
  // "+all" authorises every sender, whatever the includes say.
  for (const spf::Term& term : record.terms) {
    if (term.kind == spf::TermKind::kAll &&
        term.qualifier == spf::Qualifier::kPass) {
      return SpfAuthorisation::kYes;
    }
  }
  SpfAuthorisation result = SpfAuthorisation::kNo;
  spf::ForEachInclude(record, [&](const spf::Term&, std::string_view domain) {
    if (domain.empty()) {
      result = SpfAuthorisation::kUnknown;
      return true;
    }
    if (IsProviderSpfInclude(provider, domain)) {
      result = SpfAuthorisation::kYes;
      return false;
    }
    const NameId id = context.names.Find(domain);
    const std::vector<const SpfSite*> nested = context.views.SpfAt(id);
    if (nested.empty()) {
      // Known to authorise no one else only from a table; a name of the
      // linted zones without an SPF record of its own (spf-include-no-spf,
      // or a CNAME or wildcard there) is not followed here.
      if (context.universe.Authority(domain) != nullptr ||
          !KnownOutside(context, domain)) {
        result = SpfAuthorisation::kUnknown;
      }
      return true;
    }
    if (!visited->insert(id).second) return true;  // a loop adds nothing
    if (depth >= kMaxDepth) {
      result = SpfAuthorisation::kUnknown;
      return true;
    }
    for (const SpfSite* site : nested) {
      const SpfAuthorisation a =
          Authorises(context, site->spf, provider, depth + 1, visited);
      if (a == SpfAuthorisation::kYes) {
        result = a;
        return false;
      }
      if (a == SpfAuthorisation::kUnknown) result = a;
    }
    return true;
  });
  return result;
}

}  // namespace

SpfAuthorisation SpfAuthorises(const LintContext& context,
                               const spf::Record& record,
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

// spf-ip-host-bits: an ip4 or ip6 network written with bits set after its
// prefix length ("ip4:192.0.2.1/24"): the mechanism covers the whole
// network (192.0.2.0/24), which is often not what the writer meant.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "lint/rule.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "rules/spf/spf_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class SpfIpHostBits final : public SpfRecordRule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "spf-ip-host-bits", Severity::kWarning,
        "an ip4/ip6 network with bits set after its prefix length"};
    return kInfo;
  }

 protected:
  void CheckRecord(const LintContext&, const SpfSite& site,
                   RuleSink& sink) const override {
    for (const spf::Term& term : site.spf.terms) {
      if (term.kind != spf::TermKind::kIp4 &&
          term.kind != spf::TermKind::kIp6) {
        continue;
      }
      const std::array<uint8_t, 16> network = SpfNetwork(term);
      if (network == term.address) continue;
      const int prefix = SpfPrefixLength(term);
      const int host = term.kind == spf::TermKind::kIp4 ? 32 : 128;
      std::string_view qualifier;
      if (term.explicit_qualifier) {
        qualifier = SpfTermText(site, term).substr(0, 1);
      }
      const std::string_view kind = spf::TermKindName(term.kind);
      const std::string address = FormatSpfAddress(term.kind, term.address);
      sink.Emit(SpfTermRange(site, term),
                Cat("'", SpfTermText(site, term), "' has bits set after its /",
                    prefix, " prefix; it covers the network ",
                    FormatSpfAddress(term.kind, network), "/", prefix),
                Cat("write '", qualifier, kind, ":",
                    FormatSpfAddress(term.kind, network), "/", prefix,
                    "' for the network, or '", qualifier, kind, ":", address,
                    "' (/", host, ") for the one host"));
    }
  }
};

}  // namespace

const Rule& SpfIpHostBitsRule() {
  static const SpfIpHostBits rule;
  return rule;
}

}  // namespace zonelint::rules

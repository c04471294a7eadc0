// mx-target-ip: an MX whose target is written as an IP address.
#include <arpa/inet.h>

#include "lint/rule.h"
#include "rules/mx/mx_rule.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

class MxTargetIp final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "mx-target-ip", Severity::kError,
        "an MX whose target is an IP address instead of a host name"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    ForEachMx(context, [&](const MxSite& site) {
      const std::string_view written = site.ExchangeText(context.sources);
      const AddressLiteral literal = ParseAddressLiteral(written);
      if (literal.family == 0) return;
      sink.Emit(site.ExchangeRange(),
                Cat("MX target '", written,
                    "' is an IP address; an MX names a host, whose address "
                    "senders then look up (RFC 5321 5.1), so this one is "
                    "read as the name '",
                    context.names.Text(site.mx.exchange), "'"),
                Cat("give the server a name with an address record, such as "
                    "'mx1 ",
                    literal.family == AF_INET ? "A" : "AAAA", " ",
                    literal.address, "', and point the MX at that name"));
    });
  }
};

}  // namespace

const Rule& MxTargetIpRule() {
  static const MxTargetIp rule;
  return rule;
}

}  // namespace zonelint::rules

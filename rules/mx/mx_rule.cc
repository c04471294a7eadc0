#include "rules/mx/mx_rule.h"

#include <arpa/inet.h>

#include <string>

#include "util/strings.h"

namespace zonelint::rules {

std::string_view MxSite::ExchangeText(const SourceSet& sources) const {
  const auto fields = zone->FieldsOf(*record);
  return fields.size() < 2 ? std::string_view()
                           : zone->FieldText(sources, *record, fields[1]);
}

SourceRange MxSite::ExchangeRange() const {
  const auto fields = zone->FieldsOf(*record);
  return fields.size() < 2 ? record->range()
                           : zone->FieldRange(*record, fields[1]);
}

SourceRange MxSite::PreferenceRange() const {
  const auto fields = zone->FieldsOf(*record);
  return fields.empty() ? record->range()
                        : zone->FieldRange(*record, fields[0]);
}

bool IsNullMx(const LintContext& context, const MxRdata& mx) {
  return context.names.Text(mx.exchange) == ".";
}

AddressLiteral ParseAddressLiteral(std::string_view text) {
  if (text.size() >= 2 && text.front() == '[' && text.back() == ']') {
    text = text.substr(1, text.size() - 2);
    if (StartsWithIgnoreCase(text, "IPv6:")) text.remove_prefix(5);
  } else if (!text.empty() && text.back() == '.') {
    text.remove_suffix(1);
  }
  if (text.empty() || text.size() > 45) return {};
  const std::string address(text);
  unsigned char bytes[16];
  for (int family : {AF_INET, AF_INET6}) {
    if (inet_pton(family, address.c_str(), bytes) == 1) return {family, text};
  }
  return {};
}

}  // namespace zonelint::rules

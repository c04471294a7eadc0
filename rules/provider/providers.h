// The mail providers zonelint knows, as data: for each, the hosts a custom
// MAIL FROM (bounce) domain points its MX at, its inbound MX hosts, the SPF
// includes that authorise it, the CNAMEs its DKIM keys are published with,
// and its regions. The MAIL FROM, SES and provider DKIM rules read this
// table; nothing about a provider is written in a rule.
//
// Host patterns are canonical names (lower case, final dot) in which a
// label may hold placeholders: "{region}" (one of the provider's regions,
// or any region-like text: ses-unknown-region tells them apart),
// "{selector}" (the DKIM selector of the owner name), and "*" (any run of
// letters, digits and '-'). Placeholders never match a dot.
#ifndef ZONELINT_RULES_PROVIDER_PROVIDERS_H_
#define ZONELINT_RULES_PROVIDER_PROVIDERS_H_

#include <string>
#include <string_view>

#include "absl/types/span.h"

namespace zonelint {

// A DKIM key a provider has its customers publish as a CNAME:
// <selector>._domainkey.<domain> CNAME <target>.
struct ProviderDkim {
  // The selector, as a pattern ("{selector}" for any, "k2" for exactly k2).
  std::string_view selector;
  // The target, as a pattern; "{selector}" there must be the owner's.
  std::string_view target;
};

struct MailProvider {
  std::string_view name;  // "Amazon SES"
  // The MX hosts of a custom MAIL FROM (Return-Path, bounce) domain.
  absl::Span<const std::string_view> bounce_mx;
  // The MX hosts for mail the provider receives for the customer.
  absl::Span<const std::string_view> inbound_mx;
  // Domains whose include authorises the provider ("amazonses.com.").
  absl::Span<const std::string_view> spf_includes;
  absl::Span<const ProviderDkim> dkim;
  // The DKIM CNAME target domain (a pattern's suffix, "dkim.amazonses.com."):
  // a CNAME below it at a _domainkey name is meant as this provider's key.
  absl::Span<const std::string_view> dkim_domains;
  // The regions that "{region}" stands for; empty when hosts have none.
  absl::Span<const std::string_view> regions;
  std::string_view docs;  // where the provider documents its records
};

// Every provider, Amazon SES first.
absl::Span<const MailProvider> MailProviders();
// The Amazon SES entry.
const MailProvider& AmazonSes();

// What matched a host pattern.
struct HostMatch {
  bool matched = false;
  std::string_view region;    // the text "{region}" matched, if any
  std::string_view selector;  // the text "{selector}" matched, if any
};

// Matches a canonical name against a pattern (see above). `selector`, when
// not empty, is what "{selector}" must be.
HostMatch MatchHost(std::string_view pattern, std::string_view name,
                    std::string_view selector = {});

// Whether `region` is one of the provider's.
bool IsProviderRegion(const MailProvider& provider, std::string_view region);
// The provider's region closest to `region` (one or two edits away, such
// as "us-east-1" for "us-east1"); empty when none is that close.
std::string_view ClosestRegion(const MailProvider& provider,
                               std::string_view region);

// The provider whose bounce MX host `exchange` is, and how it matched.
struct BounceHost {
  const MailProvider* provider = nullptr;
  HostMatch match;
};
BounceHost FindBounceHost(std::string_view exchange);

// Whether a domain (canonical) is one of the provider's SPF includes.
bool IsProviderSpfInclude(const MailProvider& provider,
                          std::string_view domain);

}  // namespace zonelint

#endif  // ZONELINT_RULES_PROVIDER_PROVIDERS_H_

#include "rules/provider/providers.h"

#include <algorithm>

#include "util/strings.h"

namespace zonelint {
namespace {

// ---- Amazon SES ----------------------------------------------------------
// https://docs.aws.amazon.com/ses/latest/dg/mail-from.html
// https://docs.aws.amazon.com/ses/latest/dg/send-email-authentication-dkim-easy.html
// https://docs.aws.amazon.com/general/latest/gr/ses.html (regions: the 27
// commercial ones and GovCloud, as botocore's endpoint data lists them in
// 2026-05; regions launched later need a line here)
constexpr std::string_view kSesRegions[] = {
    "af-south-1",     "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1",     "ap-south-2",     "ap-southeast-1", "ap-southeast-2",
    "ap-southeast-3", "ap-southeast-5", "ca-central-1",   "ca-west-1",
    "eu-central-1",   "eu-central-2",   "eu-north-1",     "eu-south-1",
    "eu-west-1",      "eu-west-2",      "eu-west-3",      "il-central-1",
    "me-central-1",   "me-south-1",     "sa-east-1",      "us-east-1",
    "us-east-2",      "us-gov-east-1",  "us-gov-west-1",  "us-west-1",
    "us-west-2",
};
constexpr std::string_view kSesBounce[] = {
    "feedback-smtp.{region}.amazonses.com."};
constexpr std::string_view kSesInbound[] = {
    "inbound-smtp.{region}.amazonaws.com."};
constexpr std::string_view kSesSpf[] = {"amazonses.com."};
// Easy DKIM: three tokens (32 characters of lower-case base32 in practice)
// as selectors; regions launched since 2020 sign under
// dkim.<region>.amazonses.com.
constexpr ProviderDkim kSesDkim[] = {
    {"{selector}", "{selector}.dkim.amazonses.com."},
    {"{selector}", "{selector}.dkim.{region}.amazonses.com."},
};
constexpr std::string_view kSesDkimDomains[] = {"amazonses.com."};

// ---- SendGrid (Twilio) ---------------------------------------------------
// https://www.twilio.com/docs/sendgrid/ui/account-and-settings/how-to-set-up-domain-authentication
constexpr std::string_view kSendGridBounce[] = {"mx.sendgrid.net."};
constexpr std::string_view kSendGridSpf[] = {"sendgrid.net."};
constexpr ProviderDkim kSendGridDkim[] = {
    {"{selector}", "{selector}.domainkey.*.*.sendgrid.net."},
};
constexpr std::string_view kSendGridDkimDomains[] = {"sendgrid.net."};

// ---- Mailgun ---------------------------------------------------------------
// https://documentation.mailgun.com/docs/mailgun/user-manual/get-started/
constexpr std::string_view kMailgunBounce[] = {
    "mxa.mailgun.org.", "mxb.mailgun.org.", "mxa.eu.mailgun.org.",
    "mxb.eu.mailgun.org."};
constexpr std::string_view kMailgunSpf[] = {"mailgun.org.", "eu.mailgun.org."};
// Automatic sender security (DKIM delegated by CNAME).
constexpr ProviderDkim kMailgunDkim[] = {
    {"pdk1", "pdk1._domainkey.*.dkim1.mailgun.com."},
    {"pdk2", "pdk2._domainkey.*.dkim1.mailgun.com."},
};
constexpr std::string_view kMailgunDkimDomains[] = {"dkim1.mailgun.com."};

// ---- Postmark ---------------------------------------------------------------
// https://postmarkapp.com/support/article/910-adding-a-custom-return-path-domain
// (the Return-Path domain is a CNAME to pm.mtasv.net, not an MX)
constexpr std::string_view kPostmarkInbound[] = {"inbound.postmarkapp.com."};
constexpr std::string_view kPostmarkSpf[] = {"spf.mtasv.net."};

// ---- SparkPost
// ---------------------------------------------------------------
// https://support.sparkpost.com/docs/getting-started/setting-up-domains
// (the bounce domain is a CNAME to sparkpostmail.com, not an MX)
constexpr std::string_view kSparkPostInbound[] = {
    "rx1.sparkpostmail.com.",    "rx2.sparkpostmail.com.",
    "rx3.sparkpostmail.com.",    "rx1.eu.sparkpostmail.com.",
    "rx2.eu.sparkpostmail.com.", "rx3.eu.sparkpostmail.com."};
constexpr std::string_view kSparkPostSpf[] = {
    "_spf.sparkpostmail.com.", "sparkpostmail.com.",
    "_spf.eu.sparkpostmail.com.", "eu.sparkpostmail.com."};

// ---- Mailchimp and Mandrill
// ----------------------------------------------------
// https://mailchimp.com/help/set-up-email-domain-authentication/
// https://mailchimp.com/developer/transactional/docs/authentication-delivery/
constexpr std::string_view kMailchimpSpf[] = {"servers.mcsv.net.",
                                              "spf.mandrillapp.com."};
constexpr ProviderDkim kMailchimpDkim[] = {
    {"k2", "dkim2.mcsv.net."},
    {"k3", "dkim3.mcsv.net."},
    {"mte1", "dkim1.mandrillapp.com."},
    {"mte2", "dkim2.mandrillapp.com."},
};
constexpr std::string_view kMailchimpDkimDomains[] = {"mcsv.net.",
                                                      "mandrillapp.com."};

// ---- Google Workspace
// --------------------------------------------------------
// https://support.google.com/a/answer/174125 (MX), /answer/33786 (SPF)
constexpr std::string_view kGoogleInbound[] = {
    "smtp.google.com.",         "aspmx.l.google.com.",
    "alt1.aspmx.l.google.com.", "alt2.aspmx.l.google.com.",
    "alt3.aspmx.l.google.com.", "alt4.aspmx.l.google.com.",
    "aspmx2.googlemail.com.",   "aspmx3.googlemail.com.",
    "aspmx4.googlemail.com.",   "aspmx5.googlemail.com."};
constexpr std::string_view kGoogleSpf[] = {"_spf.google.com."};

// ---- Microsoft 365
// ------------------------------------------------------------
// https://learn.microsoft.com/microsoft-365/security/office-365-security/email-authentication-dkim-configure
constexpr std::string_view kMicrosoftInbound[] = {
    "*.mail.protection.outlook.com.", "*.*.mx.microsoft."};
constexpr std::string_view kMicrosoftSpf[] = {"spf.protection.outlook.com."};
constexpr ProviderDkim kMicrosoftDkim[] = {
    {"selector1", "selector1-*._domainkey.*.onmicrosoft.com."},
    {"selector2", "selector2-*._domainkey.*.onmicrosoft.com."},
    {"selector1", "selector1-*._domainkey.*.*.dkim.mail.microsoft."},
    {"selector2", "selector2-*._domainkey.*.*.dkim.mail.microsoft."},
};
constexpr std::string_view kMicrosoftDkimDomains[] = {"onmicrosoft.com.",
                                                      "dkim.mail.microsoft."};

const MailProvider kProviders[] = {
    {"Amazon SES", kSesBounce, kSesInbound, kSesSpf, kSesDkim, kSesDkimDomains,
     kSesRegions, "https://docs.aws.amazon.com/ses/latest/dg/mail-from.html"},
    {"SendGrid",
     kSendGridBounce,
     {},
     kSendGridSpf,
     kSendGridDkim,
     kSendGridDkimDomains,
     {},
     "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/"
     "how-to-set-up-domain-authentication"},
    {"Mailgun",
     kMailgunBounce,
     {},
     kMailgunSpf,
     kMailgunDkim,
     kMailgunDkimDomains,
     {},
     "https://documentation.mailgun.com/docs/mailgun/user-manual/"
     "get-started/"},
    {"Postmark",
     {},
     kPostmarkInbound,
     kPostmarkSpf,
     {},
     {},
     {},
     "https://postmarkapp.com/support/article/"
     "910-adding-a-custom-return-path-domain"},
    {"SparkPost",
     {},
     kSparkPostInbound,
     kSparkPostSpf,
     {},
     {},
     {},
     "https://support.sparkpost.com/docs/getting-started/setting-up-domains"},
    {"Mailchimp/Mandrill",
     {},
     {},
     kMailchimpSpf,
     kMailchimpDkim,
     kMailchimpDkimDomains,
     {},
     "https://mailchimp.com/help/set-up-email-domain-authentication/"},
    {"Google Workspace",
     {},
     kGoogleInbound,
     kGoogleSpf,
     {},
     {},
     {},
     "https://support.google.com/a/answer/174125"},
    {"Microsoft 365",
     {},
     kMicrosoftInbound,
     kMicrosoftSpf,
     kMicrosoftDkim,
     kMicrosoftDkimDomains,
     {},
     "https://learn.microsoft.com/microsoft-365/security/"
     "office-365-security/email-authentication-dkim-configure"},
};

bool IsLabelByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

// Matches pattern[p..] against name[n..]; fills the captures.
bool Match(std::string_view pattern, std::string_view name,
           std::string_view selector, HostMatch* out) {
  if (pattern.empty()) return name.empty();
  if (pattern[0] == '{' || pattern[0] == '*') {
    std::string_view placeholder = "*";
    size_t after = 1;
    if (pattern[0] == '{') {
      const size_t close = pattern.find('}');
      if (close == std::string_view::npos) return false;
      placeholder = pattern.substr(0, close + 1);
      after = close + 1;
    }
    const std::string_view rest = pattern.substr(after);
    // Longest run of label bytes first, then shorter (backtracking).
    size_t run = 0;
    while (run < name.size() && IsLabelByte(name[run])) ++run;
    for (size_t take = run; take >= 1; --take) {
      const std::string_view text = name.substr(0, take);
      if (placeholder == "{selector}" && !selector.empty() &&
          text != selector) {
        continue;
      }
      HostMatch inner = *out;
      if (placeholder == "{region}") inner.region = text;
      if (placeholder == "{selector}") inner.selector = text;
      if (Match(rest, name.substr(take), selector, &inner)) {
        *out = inner;
        return true;
      }
    }
    return false;
  }
  if (name.empty() || pattern[0] != name[0]) return false;
  return Match(pattern.substr(1), name.substr(1), selector, out);
}

}  // namespace

absl::Span<const MailProvider> MailProviders() { return kProviders; }

const MailProvider& AmazonSes() { return kProviders[0]; }

HostMatch MatchHost(std::string_view pattern, std::string_view name,
                    std::string_view selector) {
  HostMatch out;
  out.matched = Match(pattern, name, selector, &out);
  if (!out.matched) return HostMatch{};
  return out;
}

bool IsProviderRegion(const MailProvider& provider, std::string_view region) {
  return std::find(provider.regions.begin(), provider.regions.end(), region) !=
         provider.regions.end();
}

std::string_view ClosestRegion(const MailProvider& provider,
                               std::string_view region) {
  std::string_view best;
  size_t best_distance = 3;
  for (std::string_view known : provider.regions) {
    const size_t d = EditDistanceIgnoreCase(region, known);
    if (d < best_distance) {
      best = known;
      best_distance = d;
    }
  }
  return best;
}

BounceHost FindBounceHost(std::string_view exchange) {
  for (const MailProvider& provider : kProviders) {
    for (std::string_view pattern : provider.bounce_mx) {
      HostMatch match = MatchHost(pattern, exchange);
      if (match.matched) return {&provider, match};
    }
  }
  return {};
}

bool IsProviderSpfInclude(const MailProvider& provider,
                          std::string_view domain) {
  return std::find(provider.spf_includes.begin(), provider.spf_includes.end(),
                   domain) != provider.spf_includes.end();
}

}  // namespace zonelint

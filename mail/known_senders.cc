// The built-in SPF cost table (see known_senders.h). Data only: one row per
// documented include name, sorted by name. `lookups` is what the provider's
// record costs below the include term: _spf.google.com holds three
// includes of IP-only records, so `include:_spf.google.com` costs 4.
//
// There is no network at build or lint time: the values are the records
// as published when last checked (`verified`). Providers change them; a
// --spf-costs file overrides any row.
#include "mail/known_senders.h"

#include "parser/name.h"

namespace zonelint {
namespace {

constexpr KnownSender kKnownSenders[] = {
    // name, lookups, provider, verified
    {"*._netblocks.mimecast.com.", 0, "Mimecast (regional)", "2024-06"},
    {"*.hubspotemail.net.", 0, "HubSpot (per-account include)", "2024-06"},
    {"*.pphosted.com.", 0, "Proofpoint (per-customer spf-00xxxxxx)", "2024-06"},
    {"_netblocks.mimecast.com.", 0, "Mimecast", "2024-06"},
    {"_spf.atlassian.net.", 1, "Atlassian", "2024-06"},
    {"_spf.elasticemail.com.", 0, "Elastic Email", "2024-06"},
    {"_spf.eu.mailgun.org.", 0, "Mailgun (EU)", "2024-06"},
    {"_spf.google.com.", 3, "Google Workspace", "2024-06"},
    {"_spf.mailgun.org.", 0, "Mailgun", "2024-06"},
    {"_spf.salesforce.com.", 1, "Salesforce", "2024-06"},
    {"_spf.sparkpostmail.com.", 1, "SparkPost", "2024-06"},
    {"amazonses.com.", 0, "Amazon SES", "2024-06"},
    {"email.freshdesk.com.", 1, "Freshdesk", "2024-06"},
    {"google.com.", 4, "Google (legacy include of _spf.google.com)", "2024-06"},
    {"mail.zendesk.com.", 0, "Zendesk", "2024-06"},
    {"mailgun.org.", 2, "Mailgun", "2024-06"},
    {"mktomail.com.", 0, "Marketo", "2024-06"},
    {"sendgrid.net.", 0, "SendGrid", "2024-06"},
    {"servers.mcsv.net.", 0, "Mailchimp", "2024-06"},
    {"spf.brevo.com.", 0, "Brevo", "2024-06"},
    {"spf.constantcontact.com.", 0, "Constant Contact", "2024-06"},
    {"spf.mailjet.com.", 0, "Mailjet", "2024-06"},
    {"spf.mandrillapp.com.", 0, "Mailchimp Transactional (Mandrill)",
     "2024-06"},
    {"spf.messagingengine.com.", 0, "Fastmail", "2024-06"},
    {"spf.mtasv.net.", 0, "Postmark", "2024-06"},
    {"spf.protection.outlook.com.", 1, "Microsoft 365", "2024-06"},
    {"spf.sendinblue.com.", 0, "Brevo (Sendinblue)", "2024-06"},
    {"spf.smtp2go.com.", 0, "SMTP2GO", "2024-06"},
    {"zoho.com.", 2, "Zoho Mail", "2024-06"},
    {"zoho.eu.", 2, "Zoho Mail (EU)", "2024-06"},
};

}  // namespace

absl::Span<const KnownSender> KnownSenders() { return kKnownSenders; }

const KnownSender* FindKnownSender(std::string_view canonical) {
  const KnownSender* best = nullptr;
  for (const KnownSender& sender : kKnownSenders) {
    std::string_view name = sender.name;
    if (name.substr(0, 2) != "*.") {
      if (name == canonical) return &sender;
      continue;
    }
    std::string_view suffix = name.substr(2);
    if (canonical.size() > suffix.size() && IsAtOrBelow(canonical, suffix) &&
        (best == nullptr || suffix.size() + 2 > best->name.size())) {
      best = &sender;
    }
  }
  return best;
}

}  // namespace zonelint

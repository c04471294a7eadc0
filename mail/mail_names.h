// Where mail records live: the owner-name patterns of DKIM keys, DMARC
// policies, MTA-STS, TLS-RPT and BIMI records and DMARC report
// authorisations, recognised from a canonical owner name.
#ifndef ZONELINT_MAIL_MAIL_NAMES_H_
#define ZONELINT_MAIL_MAIL_NAMES_H_

#include <cstddef>
#include <string_view>

namespace zonelint {

enum class MailName : unsigned char {
  kOther,       // none of the below (the domain itself, a host, ...)
  kDkim,        // <selector>._domainkey.<domain>      (RFC 6376 3.6.2.1)
  kDmarc,       // _dmarc.<domain>                     (RFC 7489 6.1)
  kReportAuth,  // <domain>._report._dmarc.<receiver>  (RFC 7489 7.1)
  kMtaSts,      // _mta-sts.<domain>                   (RFC 8461 3.1)
  kTlsRpt,      // _smtp._tls.<domain>                 (RFC 8460 3)
  kBimi,        // <selector>._bimi.<domain>           (BIMI draft 4.1)
};
inline constexpr size_t kMailNameKinds = 7;  // the values of MailName

// What a canonical owner name is, with its parts. The parts are views
// into the name given (canonical: lower case, ending in '.').
struct MailNameInfo {
  MailName kind = MailName::kOther;
  // kDkim, kBimi: the selector (may have several labels: "a.b");
  // kReportAuth: the domain whose reports are authorised ("example.com.").
  std::string_view selector;
  // The domain the record speaks for: the part after "_domainkey.",
  // "_dmarc.", "_mta-sts.", "_smtp._tls." or "_bimi."; for kReportAuth the
  // receiver of the reports (after "_report._dmarc.").
  std::string_view domain;
};

// Classifies a canonical name ("s1._domainkey.example.com.").
MailNameInfo ClassifyMailName(std::string_view canonical);

// "DKIM key", "DMARC policy", ... for messages.
std::string_view MailNameKindText(MailName kind);

}  // namespace zonelint

#endif  // ZONELINT_MAIL_MAIL_NAMES_H_

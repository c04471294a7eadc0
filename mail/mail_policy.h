// The mail policy records published in TXT beside MX: MTA-STS
// ("v=STSv1; id=...", RFC 8461 3.1, at _mta-sts.<domain>), TLS-RPT
// ("v=TLSRPTv1; rua=...", RFC 8460 3, at _smtp._tls.<domain>) and BIMI
// ("v=BIMI1; l=...; a=...", draft-brand-indicators-for-message-
// identification 4.2, at <selector>._bimi.<domain>). The tag lists are split
// by ParseTagList (mail/tag_list.h); values are checked by the PEGTL rules
// of mail/mail_policy_grammar.h. Ranges are byte offsets into the record
// text, which mail/txt_text.h maps back to the zone file.
#ifndef ZONELINT_MAIL_MAIL_POLICY_H_
#define ZONELINT_MAIL_MAIL_POLICY_H_

#include <string_view>
#include <vector>

#include "mail/tag_list.h"

namespace zonelint {

// A problem that makes a record invalid (a sender or receiver ignores it):
// its range in the record text, a message quoting the bad part, and the fix.
using PolicyError = TagListProblem;

namespace mta_sts {

struct Record {
  TagList tags;         // views into the text parsed
  bool has_id = false;  // a valid id= tag
  std::string_view id;
  TagRange id_range;  // of the id value
  std::vector<PolicyError> errors;
  bool ok() const { return errors.empty(); }
};

// Whether TXT text is meant as an MTA-STS record: it starts with a version
// tag whose value is "STSv1" in any case, blanks allowed around '=' (so that
// "v=stsv1" is recognised, then reported by ParseMtaSts).
bool IsMtaStsRecord(std::string_view text);

// Parses an MTA-STS record (the text must outlive the result): tag-list
// syntax, the version not exactly "v=STSv1" or not followed by ';', a
// missing or invalid id (1-32 letters and digits), duplicate tags, blanks
// around '=', and extensions whose name or value RFC 8461 3.1 rejects.
Record ParseMtaSts(std::string_view text);

}  // namespace mta_sts

namespace tlsrpt {

struct ReportUri {
  std::string_view text;  // as written
  TagRange range;
  bool https = false;  // an https: URI (else mailto:)
};

struct Record {
  TagList tags;
  std::vector<ReportUri> rua;  // the valid URIs of rua=
  std::vector<PolicyError> errors;
  bool ok() const { return errors.empty(); }
};

// Whether TXT text is meant as a TLS-RPT record ("v=TLSRPTv1" in any case).
bool IsTlsRptRecord(std::string_view text);

// Parses a TLS-RPT record: tag-list syntax, the version, a missing rua=,
// each rua URI that is not a valid mailto: or https: URI, duplicate tags,
// blanks around '=', and bad extensions (RFC 8460 3).
Record ParseTlsRpt(std::string_view text);

}  // namespace tlsrpt

namespace bimi {

struct Record {
  TagList tags;
  bool has_l = false;  // an l= tag, possibly empty
  std::string_view l;  // the SVG logo URL; empty when declined
  TagRange l_range;
  bool has_a = false;  // an a= tag, possibly empty
  std::string_view a;  // the VMC/CMC (PEM) URL
  TagRange a_range;
  std::string_view avp;  // "brand", "personal" or empty
  std::vector<PolicyError> errors;
  bool ok() const { return errors.empty(); }
  // "v=BIMI1; l=;": the domain declares it publishes no logo.
  bool Declined() const { return has_l && l.empty() && a.empty(); }
};

// Whether TXT text is meant as a BIMI record ("v=BIMI1" in any case).
bool IsBimiRecord(std::string_view text);

// Parses a BIMI record: tag-list syntax, the version, a missing l=, l= and
// a= values that are not one https URL, duplicate tags, and avp= other
// than brand or personal. Other tags are ignored, as receivers do.
Record ParseBimi(std::string_view text);

}  // namespace bimi

}  // namespace zonelint

#endif  // ZONELINT_MAIL_MAIL_POLICY_H_

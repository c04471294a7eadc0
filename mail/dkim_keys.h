// The DKIM keys of the linted zones (MailViews::Dkim()).
//
// Keys are the TXT records at <selector>._domainkey.<domain> (RFC 6376
// 3.6.2.1), and the TXT records that a CNAME at such a name leads to when
// the target is in a linted zone (delegated keys: the CNAME is followed
// like a verifier's DNS query would). A target outside the linted zones is
// the provider's to publish and is not checked here.
#ifndef ZONELINT_MAIL_DKIM_KEYS_H_
#define ZONELINT_MAIL_DKIM_KEYS_H_

#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "mail/dkim.h"
#include "mail/mail_views.h"
#include "mail/txt_text.h"
#include "parser/name.h"
#include "parser/source.h"
#include "parser/zone.h"

namespace zonelint {

// One DKIM key record, parsed.
struct DkimSite {
  const Zone* zone = nullptr;
  const Record* record = nullptr;  // the TXT record
  NameId owner = kNoName;
  const TxtText* text = nullptr;
  const dkim::Key* parsed_key = nullptr;  // in DkimKeys::keys, maybe shared
  const dkim::Key& key() const { return *parsed_key; }
  // Set when the record was reached through a CNAME at a _domainkey name.
  const Record* cname = nullptr;
  NameId cname_owner = kNoName;

  // Where bytes [range.begin, range.end) of the text are in the zone file;
  // the whole record for an empty range over an empty text.
  SourceRange Range(dkim::Range range) const;
  // The text of a range ("p=MIIB...").
  std::string_view TextOf(dkim::Range range) const;
  // " (reached through the DKIM CNAME at 's1._domainkey.example.com')"
  // for a key reached through a CNAME; empty otherwise.
  std::string Via(const NameTable& names) const;
};

// A CNAME at a _domainkey name whose target a linted zone holds, whole
// (Universe::Authority), with no TXT record there.
struct DkimMissingTarget {
  const Zone* zone = nullptr;
  const Record* cname = nullptr;
  NameId owner = kNoName;
  NameId target = kNoName;
};

struct DkimKeys {
  std::deque<DkimSite> sites;  // in zone and file order, targets last
  // The parsed keys the sites point to: one per distinct text (a key's
  // parse depends on its text alone).
  std::deque<dkim::Key> keys;
  std::vector<DkimMissingTarget> missing_targets;
  // TXT records that start with v=DKIM1 at a name that is neither a
  // <selector>._domainkey.<domain> name nor a DKIM CNAME's target.
  std::vector<const TxtSite*> outside;
  std::deque<TxtText> owned_texts;  // the texts of CNAME targets
};

// Finds and parses every DKIM key of the zones of `views` (what
// MailViews::Dkim() holds).
DkimKeys CollectDkimKeys(const MailViews& views);

// A name for messages: "s1._domainkey.example.com" (no final dot).
std::string_view DkimDisplayName(const NameTable& names, NameId name);

}  // namespace zonelint

#endif  // ZONELINT_MAIL_DKIM_KEYS_H_

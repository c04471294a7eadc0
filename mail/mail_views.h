// The mail views of a set of zones: the records mail protocols read and
// what is worked out from them, each computed once per set behind a typed
// accessor and shared by every rule: the mail TXT records with their joined
// text, the SPF records parsed, the DKIM keys (mail/dkim_keys.h), the DMARC
// records (mail/dmarc_records.h) and the SPF lookup analysis
// (mail/spf_lookups.h). The MTA-STS, TLS-RPT and BIMI rules parse the few
// TXT records at their names from MailTxtOfKind().
//
// Each view is built on first use (std::call_once), not eagerly: a run
// that selects only some rules (--select zone-*) or the language server on
// a zone without mail records pays only for what is asked; once built, a
// view lives as long as the MailViews.
#ifndef ZONELINT_MAIL_MAIL_VIEWS_H_
#define ZONELINT_MAIL_MAIL_VIEWS_H_

#include <memory>
#include <mutex>
#include <string_view>
#include <utility>
#include <vector>

#include "mail/mail_names.h"
#include "mail/spf.h"
#include "mail/spf_costs.h"
#include "mail/txt_text.h"
#include "parser/source.h"
#include "parser/universe.h"
#include "parser/zone.h"
#include "util/arena.h"

namespace zonelint {

// A TXT or SPF (type 99) record that may matter to mail: its text starts
// with "v=" (any case) or what may be a mistyped version tag ("v =",
// "spf1", after blanks or quote characters), or its owner has a label that
// starts with '_' (_dmarc, _domainkey, _mta-sts, ...). Site-verification
// tokens and other TXT records at plain names are left out, so huge zones
// stay cheap.
struct TxtSite {
  const Zone* zone;
  const Record* record;
  NameId owner;
  MailName kind;  // what the owner name is (a DKIM key name, ...)
  TxtText text;

  // The owner name's parts (kind, selector, domain), worked out again on
  // each call: a big zone has many sites, so they keep only the kind.
  MailNameInfo name() const;
};

// One TXT or SPF (type 99) record whose text is an SPF record.
struct SpfSite {
  const Zone* zone;
  const Record* record;
  const TxtText& text;  // the TxtSite's (MailViews keeps both)
  spf::Record spf;
  NameId owner;    // after the wide members: no padding (a big zone has
  bool is_type99;  // many); is_type99 kept here: rules ask, often
  bool type99() const { return is_type99; }  // an SPF RR (RFC 7208 3.1)
};

struct DkimKeys;          // mail/dkim_keys.h
struct DmarcSite;         // mail/dmarc_records.h
class SpfLookupAnalysis;  // mail/spf_lookups.h

class MailViews {
 public:
  // `costs`: the user's SPF cost table (--spf-costs; empty when none),
  // which the SPF lookup analysis reads. All three must outlive this.
  MailViews(const Universe& universe, const SourceSet& sources,
            const SpfCostTable& costs);
  ~MailViews();
  MailViews(const MailViews&) = delete;
  MailViews& operator=(const MailViews&) = delete;

  const Universe& universe() const { return universe_; }
  const SourceSet& sources() const { return sources_; }
  const SpfCostTable& spf_costs() const { return costs_; }

  // Every mail TXT record (and type 99 SPF record), zone by zone in file
  // order.
  const std::vector<TxtSite>& MailTxt() const;
  // The mail TXT records (type TXT only) at `owner`.
  std::vector<const TxtSite*> MailTxtAt(NameId owner) const;
  // The mail TXT records (type TXT only) whose owner is of `kind`.
  std::vector<const TxtSite*> MailTxtOfKind(MailName kind) const;

  // Every SPF record (TXT and type 99), zone by zone in file order.
  const std::vector<SpfSite>& Spf() const;
  // The SPF records in TXT at `owner` (what a verifier sees, RFC 7208 4.4),
  // in zone and file order; several mean a permerror.
  std::vector<const SpfSite*> SpfAt(NameId owner) const;

  // The DKIM keys of the linted zones, parsed (mail/dkim_keys.h).
  const DkimKeys& Dkim() const;

  // The TXT records at _dmarc names that are DMARC records (IsDmarcRecord),
  // parsed, in zone and file order (mail/dmarc_records.h). Text meant as a
  // DMARC record that is not one is dmarc-lookalike's, and no DMARC record
  // to any other rule.
  const std::vector<DmarcSite>& Dmarc() const;
  // The DMARC records a receiver selects at the name `owner` (a _dmarc
  // name, or a report authorisation name): its TXT records that are DMARC
  // records, in zone and file order. None for kNoName.
  std::vector<const TxtSite*> DmarcRecordsAt(NameId owner) const;
  // The same at _dmarc.<domain> (`domain` canonical).
  std::vector<const TxtSite*> DmarcRecordsOf(std::string_view domain) const;

  // The SPF lookup analysis of every TXT SPF record (mail/spf_lookups.h).
  const SpfLookupAnalysis& SpfLookups() const;

 private:
  void BuildTxt() const;
  void BuildSpf() const;

  const Universe& universe_;
  const SourceSet& sources_;
  const SpfCostTable& costs_;
  mutable std::once_flag txt_once_;
  mutable StringArena txt_arena_;  // joined texts of multi-string records
  // The joined texts of DKIM key records: long and many in a big zone, so
  // joined by the threads that parse the keys (TxtText::Deferred).
  mutable JoinedTexts dkim_texts_;
  mutable std::vector<TxtSite> txt_;
  // The TXT records of each MailName kind, in order.
  mutable std::vector<const TxtSite*> txt_by_kind_[kMailNameKinds];
  // (owner, index into txt_) of the TXT records, sorted.
  mutable std::vector<std::pair<NameId, uint32_t>> txt_by_owner_;
  mutable std::once_flag spf_once_;
  mutable std::vector<SpfSite> spf_;
  // (owner, index into spf_) of the TXT SPF records, sorted.
  mutable std::vector<std::pair<NameId, uint32_t>> spf_by_owner_;
  mutable std::once_flag dkim_once_;
  mutable std::unique_ptr<const DkimKeys> dkim_;
  mutable std::once_flag dmarc_once_;
  mutable std::vector<DmarcSite> dmarc_;
  mutable std::once_flag spf_lookups_once_;
  mutable std::unique_ptr<const SpfLookupAnalysis> spf_lookups_;
};

}  // namespace zonelint

#endif  // ZONELINT_MAIL_MAIL_VIEWS_H_

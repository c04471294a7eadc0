// The mail views of a universe: the records mail protocols read, parsed
// once per run and shared by every rule (each rule asks; the first asker
// pays). Today: SPF records. DKIM, DMARC, MTA-STS, TLS-RPT and BIMI views
// join here.
#ifndef ZONELINT_PARSER_MAIL_VIEWS_H_
#define ZONELINT_PARSER_MAIL_VIEWS_H_

#include <memory>
#include <mutex>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "parser/source.h"
#include "parser/spf.h"
#include "parser/txt_text.h"
#include "parser/universe.h"
#include "parser/zone.h"

namespace zonelint {

// One TXT or SPF (type 99) record whose text is an SPF record.
struct SpfSite {
  const Zone* zone;
  const Record* record;
  NameId owner;
  TxtText text;
  spf::Record spf;
  bool type99() const;  // an SPF RR, which RFC 7208 3.1 retired
};

class MailViews {
 public:
  MailViews(const Universe& universe, const SourceSet& sources)
      : universe_(universe), sources_(sources) {}
  MailViews(const MailViews&) = delete;
  MailViews& operator=(const MailViews&) = delete;

  const Universe& universe() const { return universe_; }
  const SourceSet& sources() const { return sources_; }

  // Every SPF record (TXT and type 99), zone by zone in file order.
  const std::vector<SpfSite>& Spf() const;
  // The SPF records in TXT at `owner` (what a verifier sees, RFC 7208 4.4),
  // in zone and file order; several mean a permerror.
  std::vector<const SpfSite*> SpfAt(NameId owner) const;

 private:
  void BuildSpf() const;

  const Universe& universe_;
  const SourceSet& sources_;
  mutable std::once_flag spf_once_;
  mutable std::vector<SpfSite> spf_;
  // owner -> indexes into spf_ of its TXT SPF records.
  mutable absl::flat_hash_map<NameId, std::vector<uint32_t>> spf_by_owner_;
};

}  // namespace zonelint

#endif  // ZONELINT_PARSER_MAIL_VIEWS_H_

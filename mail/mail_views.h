// The mail views of a universe: the records mail protocols read, parsed
// once per run and shared by every rule (each rule asks; the first asker
// pays): the mail TXT records with their joined text, and the SPF records
// parsed. The DKIM, DMARC, MTA-STS, TLS-RPT and BIMI rules parse the
// TXT records at their names (few) from MailTxt().
#ifndef ZONELINT_MAIL_MAIL_VIEWS_H_
#define ZONELINT_MAIL_MAIL_VIEWS_H_

#include <memory>
#include <mutex>
#include <typeindex>
#include <typeinfo>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "mail/mail_names.h"
#include "parser/source.h"
#include "mail/spf.h"
#include "mail/txt_text.h"
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

class MailViews {
 public:
  MailViews(const Universe& universe, const SourceSet& sources)
      : universe_(universe), sources_(sources) {}
  MailViews(const MailViews&) = delete;
  MailViews& operator=(const MailViews&) = delete;

  const Universe& universe() const { return universe_; }
  const SourceSet& sources() const { return sources_; }

  // Every mail TXT record (and type 99 SPF record), zone by zone in file
  // order.
  const std::vector<TxtSite>& MailTxt() const;
  // The mail TXT records (type TXT only) at `owner`.
  std::vector<const TxtSite*> MailTxtAt(NameId owner) const;
  // The mail TXT records (type TXT only) whose owner is of `kind`.
  std::vector<const TxtSite*> MailTxtOfKind(MailName kind) const;

  // A value derived from the views (the SPF lookup analysis, the parsed DKIM
  // keys, ...) built once per run by the first rule that asks: `make()`
  // returns a std::unique_ptr<T>. One value per type T. A value lives until
  // ReleaseMemos().
  template <typename T, typename Make>
  const T& Memo(Make make) const {
    std::lock_guard<std::mutex> lock(memo_mutex_);
    std::shared_ptr<void>& slot = memo_[std::type_index(typeid(T))];
    if (slot == nullptr) slot = std::shared_ptr<T>(make());
    return *static_cast<const T*>(slot.get());
  }

  // Frees the memoized values (not the TXT and SPF views) and the joined
  // texts of DKIM key records; one asked for again is built again. The runner
  // calls it when it moves from one area's rules to the next, so that only one
  // area's values are held at a time. Not while a rule holds a reference to a
  // memoized value.
  void ReleaseMemos() const;

  // Every SPF record (TXT and type 99), zone by zone in file order.
  const std::vector<SpfSite>& Spf() const;
  // The SPF records in TXT at `owner` (what a verifier sees, RFC 7208 4.4),
  // in zone and file order; several mean a permerror.
  std::vector<const SpfSite*> SpfAt(NameId owner) const;

 private:
  void BuildTxt() const;
  void BuildSpf() const;

  const Universe& universe_;
  const SourceSet& sources_;
  mutable std::once_flag txt_once_;
  mutable StringArena txt_arena_;  // joined texts of multi-string records
  // The joined texts of DKIM key records: long, many in a big zone and read
  // by few rules, so joined on demand and freed with the memos.
  mutable JoinedTexts dkim_texts_;
  mutable std::vector<TxtSite> txt_;
  // The TXT records of each MailName kind, in order.
  mutable std::vector<const TxtSite*> txt_by_kind_[kMailNameKinds];
  // (owner, index into txt_) of the TXT records, sorted.
  mutable std::vector<std::pair<NameId, uint32_t>> txt_by_owner_;
  mutable std::mutex memo_mutex_;
  mutable absl::flat_hash_map<std::type_index, std::shared_ptr<void>> memo_;
  mutable std::once_flag spf_once_;
  mutable std::vector<SpfSite> spf_;
  // (owner, index into spf_) of the TXT SPF records, sorted.
  mutable std::vector<std::pair<NameId, uint32_t>> spf_by_owner_;
};

}  // namespace zonelint

#endif  // ZONELINT_MAIL_MAIL_VIEWS_H_

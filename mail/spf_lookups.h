// SPF DNS-lookup analysis across the linted zones (RFC 7208 4.6.4): for
// every SPF record a verifier sees (TXT), the worst-case number of
// DNS-querying terms (include, a, mx, ptr, exists, redirect), following
// include and redirect into every record the zones hold, with the chain of
// contributions; the void lookups; the MX count of mx targets; include and
// redirect targets without an SPF record; include/redirect cycles; and the
// includes whose cost zonelint cannot know.
//
// Names outside every linted zone take their cost from the user's table
// (--spf-costs), then the built-in table of well-known senders
// (mail/known_senders.h); an unknown one counts as 1. So does a name with no
// SPF record in a linted zone that was not read whole (an $INCLUDE failed): the
// record may be in the part not read. Void lookups are counted only where the
// zone was read whole.
#ifndef ZONELINT_MAIL_SPF_LOOKUPS_H_
#define ZONELINT_MAIL_SPF_LOOKUPS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/types/span.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "mail/spf_costs.h"
#include "util/arena.h"

namespace zonelint {

// RFC 7208 4.6.4 limits.
inline constexpr int kSpfLookupLimit = 10;
inline constexpr int kSpfVoidLookupLimit = 2;
inline constexpr int kSpfMxLimit = 10;

// Where the cost of an include or redirect target came from.
enum class SpfCostSource {
  kNone,        // a, mx, ptr, exists: no record to follow
  kZone,        // the target's record in a linted zone
  kUser,        // the user's cost table
  kBuiltin,     // the built-in table of well-known senders
  kUnknown,     // none of those: counted as 1
  kIncomplete,  // in a linted zone not read whole (Zone::incomplete()), no
                // SPF record there: counted as 1
  kMacro,       // the domain-spec has a macro: cannot be resolved
  kNoSpf,       // in a linted zone, but no SPF record there
  kLoop,        // back to a record on the current path
  kTooDeep,     // nested too deep to follow
};

// Whether a cost source leaves the target's record unknown (kUnknown,
// kIncomplete, kMacro, kTooDeep): its cost, and what it authorises, are
// not known.
bool SpfCostUnknown(SpfCostSource source);

// The strings of the analysis are views into the record texts, the name
// table, or the analysis's own store: they live as long as the analysis.

// One costly term of a record, with what it adds to the total.
struct SpfTermCost {
  const spf::Term* term;    // SpfRecordLookups::TermText() gives its text
  std::string_view target;  // canonical target name; empty for macros
  int lookups = 1;          // 1 + the target's own cost
  SpfCostSource source = SpfCostSource::kNone;
  // For the message: "built-in table: Google Workspace, verified 2024-06";
  // empty when there is nothing to say.
  std::string_view note;
  int voids = 0;  // void lookups this term causes, nested ones included
};

// A lookup that returns no records (RFC 7208 4.6.4 "void lookup").
struct SpfVoidLookup {
  std::string_view term;     // the term as written
  std::string_view record;   // canonical owner of the record holding it
  std::string_view missing;  // "A/AAAA", "MX" or "TXT"
};

struct SpfMxCount {
  const spf::Term* term;
  std::string_view target;  // canonical
  int mx_records;
};

// An include or redirect target in a linted zone, read whole, with no SPF
// record.
struct SpfNoSpfTarget {
  const spf::Term* term;
  std::string_view target;  // canonical
  bool has_txt;             // TXT records, none of them SPF
};

// An include or redirect cycle, reported once at the term closing it.
struct SpfLoop {
  const SpfSite* site;  // the record holding the closing term
  const spf::Term* term;
  // Canonical owners, from the target around to the closing record.
  std::vector<std::string_view> cycle;
};

// The analysis of one TXT SPF record. Its parts are spans into the
// analysis's arrays (a big zone has many records, most with short chains).
struct SpfRecordLookups {
  const SpfSite* site = nullptr;
  // The worst-case lookups evaluating this record costs.
  int total = 0;
  // Whether an include or redirect it follows, nested ones included, leads
  // to a record zonelint does not know (SpfCostUnknown): then `total` is a
  // lower bound, and what the record authorises is not known either.
  bool opaque = false;
  // Its costly terms in evaluation order (mechanisms left to right, then a
  // redirect that is followed).
  absl::Span<const SpfTermCost> chain;
  // Every void lookup evaluating it can meet, nested ones included, in
  // evaluation order.
  absl::Span<const SpfVoidLookup> voids;
  // This record's own terms (nested records have their own analysis):
  absl::Span<const SpfMxCount> mx;
  absl::Span<const SpfNoSpfTarget> no_spf;

  // The first term of `chain` at which the running count of lookups
  // (or void lookups) passes `limit`; nullptr when it never does.
  const SpfTermCost* TermPassing(int limit, bool voids) const;
  // "13 lookups: include:_spf.a.example (5), mx (1), ..."; "at least 13"
  // when a term's cost is unknown (no zone, no table entry, a macro).
  std::string ChainText() const;
  // A term of `chain` as written ("include:_spf.a.example").
  std::string_view TermText(const SpfTermCost& cost) const;
};

class SpfLookupAnalysis {
 public:
  // Analyses the SPF records of `views` with the costs of names outside
  // the zones from `views.spf_costs()` (MailViews::SpfLookups() holds the
  // analysis of a set of zones).
  explicit SpfLookupAnalysis(const MailViews& views);
  SpfLookupAnalysis(const SpfLookupAnalysis&) = delete;
  SpfLookupAnalysis& operator=(const SpfLookupAnalysis&) = delete;

  // One entry per TXT SPF record, in MailViews::Spf() order.
  const std::vector<SpfRecordLookups>& records() const { return records_; }
  // Each cycle once, in the order found.
  const std::vector<SpfLoop>& loops() const { return loops_; }

 private:
  std::vector<SpfRecordLookups> records_;
  // What the records' spans point into.
  std::vector<SpfTermCost> chain_;
  std::vector<SpfVoidLookup> voids_;
  std::vector<SpfMxCount> mx_;
  std::vector<SpfNoSpfTarget> no_spf_;
  std::vector<SpfLoop> loops_;
  StringArena strings_;  // target names and notes the views point into
};

// The human name of a cost source for the messages.
std::string_view SpfCostSourceName(SpfCostSource source);

}  // namespace zonelint

#endif  // ZONELINT_MAIL_SPF_LOOKUPS_H_

// dmarc-misplaced: a DMARC record where receivers do not look for one (not
// at a _dmarc name), and at a _dmarc name a record of another protocol
// (SPF, a DKIM key, MTA-STS, TLS-RPT, BIMI).
#include <string>
#include <string_view>

#include "lint/rule.h"
#include "mail/dmarc.h"
#include "mail/mail_names.h"
#include "mail/mail_views.h"
#include "mail/spf.h"
#include "mail/tag_list.h"
#include "parser/rrtype.h"
#include "util/strings.h"

namespace zonelint::rules {
namespace {

// What kind of other mail record `text` is, and where it belongs (for the
// domain `domain`); false when it is none of them.
bool OtherKind(std::string_view text, std::string_view domain,
               std::string* what, std::string* where) {
  if (spf::IsSpfRecord(text)) {
    *what = "an SPF record";
    *where = std::string(domain);
    return true;
  }
  TagList list = ParseTagList(text);
  if (list.tags.empty() || !EqualsIgnoreCase(list.tags[0].name, "v")) {
    return false;
  }
  std::string_view v = list.tags[0].value;
  if (EqualsIgnoreCase(v, "DKIM1")) {
    *what = "a DKIM key";
    *where = Cat("<selector>._domainkey.", domain);
  } else if (EqualsIgnoreCase(v, "STSv1")) {
    *what = "an MTA-STS record";
    *where = Cat("_mta-sts.", domain);
  } else if (EqualsIgnoreCase(v, "TLSRPTv1")) {
    *what = "a TLS-RPT record";
    *where = Cat("_smtp._tls.", domain);
  } else if (EqualsIgnoreCase(v, "BIMI1")) {
    *what = "a BIMI record";
    *where = Cat("default._bimi.", domain);
  } else {
    return false;
  }
  return true;
}

class DmarcMisplaced final : public Rule {
 public:
  const RuleInfo& info() const override {
    static constexpr RuleInfo kInfo{
        "dmarc-misplaced", Severity::kError,
        "a DMARC record not at _dmarc.<domain>, or another mail record at a "
        "_dmarc name"};
    return kInfo;
  }

  void Check(const LintContext& context, RuleSink& sink) const override {
    for (const TxtSite& site : context.views.MailTxt()) {
      if (site.record->type != rrtype::kTXT) continue;
      // At another mail name (_mta-sts, _domainkey, ...) that name's rule
      // reports the stray record; report authorisations are "v=DMARC1"
      // records by design.
      if (site.kind != MailName::kDmarc && site.kind != MailName::kOther) {
        continue;
      }
      const std::string_view text = site.text.text();
      std::string_view owner = context.names.Text(site.owner);
      if (site.kind == MailName::kDmarc) {
        std::string what, where;
        if (!OtherKind(text, site.name().domain, &what, &where)) continue;
        sink.Emit(site.text.RecordRange(),
                  Cat(what, " at '", owner,
                      "', where receivers look for the DMARC policy only"),
                  Cat("move it to '", where,
                      "'; a _dmarc name holds one 'v=DMARC1; p=...' record"));
        continue;
      }
      if (!dmarc::IsDmarcRecord(text)) continue;
      std::string_view domain = owner;
      sink.Emit(site.text.RecordRange(),
                Cat("DMARC record at '", owner,
                    "', where receivers do not look for one"),
                Cat("move it to '_dmarc.", domain,
                    "' (RFC 7489 6.1: receivers query _dmarc.<domain>)"));
    }
  }
};

}  // namespace

const Rule& DmarcMisplacedRule() {
  static const DmarcMisplaced rule;
  return rule;
}

}  // namespace zonelint::rules

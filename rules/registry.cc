// The rule registry: one line per rule, sorted by id. Adding a rule: its
// file in rules/<area>/, one line here, docs/rules/<id>.md and a fixture in
// tests/fixtures/.
#include <algorithm>

#include "lint/rule.h"
#include "util/strings.h"

// X(id-as-identifier, factory function)
#define ZONELINT_RULES(X)                               \
  X(BimiDmarcNotEnforcedRule)   /* bimi-dmarc-not-enforced */ \
  X(BimiSyntaxRule)             /* bimi-syntax */ \
  X(DkimKeyInvalidRule)         /* dkim-key-invalid */ \
  X(DkimKeyTooShortRule)        /* dkim-key-too-short */ \
  X(DkimKeyWeakRule)            /* dkim-key-weak */ \
  X(DkimRevokedRule)            /* dkim-revoked */ \
  X(DkimSha1Rule)               /* dkim-sha1 */ \
  X(DkimSyntaxRule)             /* dkim-syntax */ \
  X(DkimTestingRule)            /* dkim-testing */ \
  X(DkimUnknownKeyTypeRule)     /* dkim-unknown-key-type */ \
  X(DkimVersionRule)            /* dkim-version */ \
  X(DmarcExternalReportRule) /* dmarc-external-report */ \
  X(DmarcLookalikeRule) /* dmarc-lookalike */ \
  X(DmarcMisplacedRule) /* dmarc-misplaced */ \
  X(DmarcMissingRule) /* dmarc-missing */ \
  X(DmarcMultipleRecordsRule) /* dmarc-multiple-records */ \
  X(DmarcPctRule) /* dmarc-pct */ \
  X(DmarcPolicyNoneRule) /* dmarc-policy-none */ \
  X(DmarcReportUriRule) /* dmarc-report-uri */ \
  X(DmarcSubdomainPolicyWeakerRule) /* dmarc-subdomain-policy-weaker */ \
  X(DmarcSyntaxRule) /* dmarc-syntax */ \
  X(MailFromReceivesMailRule)   /* mailfrom-receives-mail */ \
  X(MailFromSpfMismatchRule)    /* mailfrom-spf-mismatch */ \
  X(MailFromSpfMissingRule)     /* mailfrom-spf-missing */ \
  X(MtaStsSyntaxRule)           /* mta-sts-syntax */ \
  X(MxNullMixedRule)            /* mx-null-mixed */ \
  X(MxNullPreferenceRule)       /* mx-null-preference */ \
  X(MxNullSpfRule)              /* mx-null-spf */ \
  X(MxTargetCnameRule)          /* mx-target-cname */ \
  X(MxTargetIpRule)             /* mx-target-ip */ \
  X(MxTargetNoAddressRule)      /* mx-target-no-address */ \
  X(ProviderDkimCnameRule)      /* provider-dkim-cname */ \
  X(SesDkimCnameRule)           /* ses-dkim-cname */ \
  X(SesUnknownRegionRule)       /* ses-unknown-region */ \
  X(SpfDuplicateTermRule)       /* spf-duplicate-term */        \
  X(SpfIncludeLoopRule)         /* spf-include-loop */          \
  X(SpfIncludeNoSpfRule)        /* spf-include-no-spf */        \
  X(SpfIpHostBitsRule)          /* spf-ip-host-bits */          \
  X(SpfLookalikeRule)           /* spf-lookalike */             \
  X(SpfMultipleRecordsRule)     /* spf-multiple-records */      \
  X(SpfMxTooManyRule)           /* spf-mx-too-many */           \
  X(SpfNeutralAllRule)          /* spf-neutral-all */           \
  X(SpfNoAllRule)               /* spf-no-all */                \
  X(SpfPassAllRule)             /* spf-pass-all */              \
  X(SpfPtrRule)                 /* spf-ptr */                   \
  X(SpfRecordTooLongRule)       /* spf-record-too-long */       \
  X(SpfRedirectIgnoredRule)     /* spf-redirect-ignored */      \
  X(SpfSoftfailAllRule)         /* spf-softfail-all */          \
  X(SpfSyntaxRule)              /* spf-syntax */                \
  X(SpfTermsAfterAllRule)       /* spf-terms-after-all */       \
  X(SpfTooManyLookupsRule)      /* spf-too-many-lookups */      \
  X(SpfTooManyVoidLookupsRule)  /* spf-too-many-void-lookups */ \
  X(SpfType99Rule)              /* spf-type99 */                \
  X(SpfUnknownIncludeRule)      /* spf-unknown-include */       \
  X(TlsRptSyntaxRule)           /* tlsrpt-syntax */ \
  X(ZoneCnameAndOtherDataRule)  /* zone-cname-and-other-data */ \
  X(ZoneIncludeRule)            /* zone-include */              \
  X(ZoneMissingTrailingDotRule) /* zone-missing-trailing-dot */ \
  X(ZoneNoSoaRule)              /* zone-no-soa */               \
  X(ZoneOutOfZoneRule)          /* zone-out-of-zone */          \
  X(ZoneRdataRule)              /* zone-rdata */                \
  X(ZoneSuppressionRule)        /* zone-suppression */          \
  X(ZoneSyntaxRule)             /* zone-syntax */               \
  X(ZoneTtlMismatchRule)        /* zone-ttl-mismatch */         \
  X(ZoneTxtStringTooLongRule)   /* zone-txt-string-too-long */

namespace zonelint {
namespace rules {
#define ZONELINT_DECLARE(factory) const Rule& factory();
ZONELINT_RULES(ZONELINT_DECLARE)
#undef ZONELINT_DECLARE
}  // namespace rules

const std::vector<const Rule*>& AllRules() {
#define ZONELINT_ADDRESS(factory) &rules::factory(),
  static const std::vector<const Rule*> kRules = {
      ZONELINT_RULES(ZONELINT_ADDRESS)};
#undef ZONELINT_ADDRESS
  return kRules;
}

const Rule* FindRule(std::string_view id) {
  for (const Rule* rule : AllRules()) {
    if (rule->info().id == id) return rule;
  }
  return nullptr;
}

std::string_view NearestRuleId(std::string_view id) {
  static const std::vector<std::string_view> kIds = [] {
    std::vector<std::string_view> ids;
    for (const Rule* rule : AllRules()) ids.push_back(rule->info().id);
    return ids;
  }();
  return Nearest(id, kIds);
}

std::string UnknownRuleMessage(std::string_view id) {
  const std::string_view near = NearestRuleId(id);
  return Cat("unknown rule '", ShowText(id), "'",
             near.empty() ? std::string(" (see zonelint --list-rules)")
                          : Cat(" (did you mean '", near, "'?)"));
}

}  // namespace zonelint

// PEGTL grammars for the mail policy records published in TXT: MTA-STS
// (RFC 8461 3.1), TLS-RPT (RFC 8460 3) and BIMI
// (draft-brand-indicators-for-message-identification 4.2). Rule names follow
// the ABNF (with '_' for '-'). mail/mail_policy.cc splits the records
// with ParseTagList (mail/tag_list.h) and checks each value with the rules
// here; the *_record rules are the whole-record ABNF, which the tests check
// against the parser.
#ifndef ZONELINT_MAIL_MAIL_POLICY_GRAMMAR_H_
#define ZONELINT_MAIL_MAIL_POLICY_GRAMMAR_H_

#include "mail/tag_list_grammar.h"
#include "mail/uri_grammar.h"
#include "tao/pegtl.hpp"

namespace zonelint::grammar {

// Shared by the three records.
namespace mail_policy {

namespace pegtl = tao::pegtl;

struct wsp : pegtl::one<' ', '\t'> {};
// sts-sep / field-delim / bimi-sep = *WSP ";" *WSP
struct sep : pegtl::seq<pegtl::star<wsp>, pegtl::one<';'>, pegtl::star<wsp>> {};
// sts-ext-name / tlsrpt-ext-name
//   = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
struct ext_name
    : pegtl::seq<pegtl::alnum,
                 pegtl::rep_max<
                     31, pegtl::sor<pegtl::alnum, pegtl::one<'_', '-', '.'>>>> {
};
// sts-ext-value / tlsrpt-ext-value = 1*(%x21-3A / %x3C / %x3E-7E)
struct ext_value
    : pegtl::plus<pegtl::sor<pegtl::range<0x21, 0x3A>, pegtl::one<0x3C>,
                             pegtl::range<0x3E, 0x7E>>> {};
// sts-extension / tlsrpt-extension = ext-name "=" ext-value
struct extension : pegtl::seq<ext_name, pegtl::one<'='>, ext_value> {};

// What a receiver would take for a version tag, written loosely: "v",
// blanks, "=", blanks, the version in any case, then the end, a blank or
// ';'. The parser then reports anything but the exact form.
template <typename Version>
struct loose_version
    : pegtl::seq<pegtl::star<wsp>, pegtl::one<'v', 'V'>, pegtl::star<wsp>,
                 pegtl::one<'='>, pegtl::star<wsp>, Version,
                 pegtl::at<pegtl::sor<pegtl::eof, wsp, pegtl::one<';'>>>> {};

}  // namespace mail_policy

// RFC 8461 3.1.
namespace mta_sts {

namespace pegtl = tao::pegtl;
using mail_policy::sep;

// sts-version = %s"v=STSv1"
struct sts_version : TAO_PEGTL_STRING("v=STSv1") {};
struct sts_version_loose
    : mail_policy::loose_version<TAO_PEGTL_ISTRING("STSv1")> {};
// sts-id = %s"id=" 1*32(ALPHA / DIGIT)
struct sts_id_value : pegtl::rep_min_max<1, 32, pegtl::alnum> {};
struct sts_id : pegtl::seq<TAO_PEGTL_STRING("id="), sts_id_value,
                           pegtl::not_at<pegtl::alnum>> {};
// An extension is not named id (else "id=a-b" would be one).
struct sts_extension : pegtl::seq<pegtl::not_at<TAO_PEGTL_STRING("id=")>,
                                  mail_policy::extension> {};
// sts-field = sts-id / sts-extension
struct sts_field : pegtl::sor<sts_id, sts_extension> {};
// sts-text-record = sts-version 1*(sts-sep sts-field) [sts-sep]
struct sts_text_record : pegtl::seq<sts_version, pegtl::plus<sep, sts_field>,
                                    pegtl::opt<sep>, pegtl::eof> {};

}  // namespace mta_sts

// RFC 8460 3.
namespace tlsrpt {

namespace pegtl = tao::pegtl;
using field_delim = mail_policy::sep;

// tlsrpt-version = %s"v=TLSRPTv1"
struct tlsrpt_version : TAO_PEGTL_STRING("v=TLSRPTv1") {};
struct tlsrpt_version_loose
    : mail_policy::loose_version<TAO_PEGTL_ISTRING("TLSRPTv1")> {};
// tlsrpt-uri = URI, "mailto:" or "https:" (RFC 8460 3)
struct tlsrpt_uri : pegtl::sor<uri::mailto_uri, uri::https_uri> {};
struct uri_delim : pegtl::seq<pegtl::star<mail_policy::wsp>, pegtl::one<','>,
                              pegtl::star<mail_policy::wsp>> {};
// The value of rua: tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
struct rua_value : pegtl::list<tlsrpt_uri, uri_delim> {};
// tlsrpt-rua = %s"rua=" rua_value
struct tlsrpt_rua : pegtl::seq<TAO_PEGTL_STRING("rua="), rua_value> {};
// An extension is not named rua (else "rua=http://..." would be one).
struct tlsrpt_extension : pegtl::seq<pegtl::not_at<TAO_PEGTL_STRING("rua=")>,
                                     mail_policy::extension> {};
// tlsrpt-field = tlsrpt-rua / tlsrpt-extension
struct tlsrpt_field : pegtl::sor<tlsrpt_rua, tlsrpt_extension> {};
// tlsrpt-record = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
struct tlsrpt_record
    : pegtl::seq<tlsrpt_version, pegtl::plus<field_delim, tlsrpt_field>,
                 pegtl::opt<field_delim>, pegtl::eof> {};

}  // namespace tlsrpt

// draft-brand-indicators-for-message-identification 4.2 (blanks are allowed
// around '=' there).
namespace bimi {

namespace pegtl = tao::pegtl;
using mail_policy::sep;
using mail_policy::wsp;

struct equals
    : pegtl::seq<pegtl::star<wsp>, pegtl::one<'='>, pegtl::star<wsp>> {};
// bimi-version = %x76 *WSP "=" *WSP %x42.49.4d.49 1DIGIT   ; "v=BIMI1"
struct bimi_version_value : pegtl::seq<TAO_PEGTL_STRING("BIMI"), pegtl::digit> {
};
struct bimi_version : pegtl::seq<pegtl::one<'v'>, equals, bimi_version_value> {
};
struct bimi_version_loose
    : mail_policy::loose_version<TAO_PEGTL_ISTRING("BIMI1")> {};
// bimi-uri = https URI (commas and semicolons percent-encoded)
struct bimi_uri : uri::https_uri {};
// bimi-location = %x6c *WSP "=" *WSP [bimi-uri]          ; "l="
struct bimi_location
    : pegtl::seq<pegtl::one<'l'>, equals, pegtl::opt<bimi_uri>> {};
// bimi-authority = %x61 *WSP "=" *WSP [bimi-uri]         ; "a="
struct bimi_authority
    : pegtl::seq<pegtl::one<'a'>, equals, pegtl::opt<bimi_uri>> {};
// bimi-avp = "avp" *WSP "=" *WSP ( "brand" / "personal" )
struct bimi_avp_value
    : pegtl::sor<TAO_PEGTL_ISTRING("brand"), TAO_PEGTL_ISTRING("personal")> {};
struct bimi_avp : pegtl::seq<TAO_PEGTL_STRING("avp"), equals, bimi_avp_value> {
};
// Other tags are ignored by receivers: any tag-spec whose name is none of
// the above.
struct known_name
    : pegtl::seq<pegtl::sor<TAO_PEGTL_STRING("avp"), pegtl::one<'v', 'l', 'a'>>,
                 equals> {};
struct bimi_other : pegtl::seq<pegtl::not_at<known_name>, tag_list::tag_name,
                               equals, pegtl::opt<tag_list::tag_value>> {};
struct bimi_field
    : pegtl::sor<bimi_location, bimi_authority, bimi_avp, bimi_other> {};
struct bimi_record : pegtl::seq<bimi_version, pegtl::star<sep, bimi_field>,
                                pegtl::opt<sep>, pegtl::eof> {};

}  // namespace bimi

}  // namespace zonelint::grammar

#endif  // ZONELINT_MAIL_MAIL_POLICY_GRAMMAR_H_

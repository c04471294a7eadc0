// SPF records (RFC 7208): the grammar of section 12 (analyze, mechanisms,
// modifiers, CIDR lengths, macros, toplabels), the Term fields and ranges,
// and the errors (one per bad term, parsing going on after it).
#include "mail/spf.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "mail/spf_grammar.h"
#include "parser/field_grammar.h"
#include "tao/pegtl.hpp"
#include "tao/pegtl/contrib/analyze.hpp"

namespace zonelint::spf {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar::spf;
using grammar::field::FullMatch;

std::string_view Slice(std::string_view text, Range r) {
  return text.substr(r.begin, r.end - r.begin);
}

// Parses a record that must have no errors and `count` terms.
Record ParseOk(std::string_view text, size_t count) {
  Record record = Parse(text);
  EXPECT_TRUE(record.ok()) << text << ": " << record.errors[0].message;
  EXPECT_EQ(record.terms.size(), count) << text;
  return record;
}

// Parses a record that must have exactly one error; returns it.
Error OneError(std::string_view text) {
  Record record = Parse(text);
  EXPECT_EQ(record.errors.size(), 1u) << text;
  if (record.errors.empty()) return {};
  return record.errors[0];
}

// ---- analyze ---------------------------------------------------------------

TEST(SpfGrammarTest, Analyze) {
  EXPECT_EQ(pegtl::analyze<g::record>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::term_only>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::term>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::version>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::lookalike_version>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::macro_string>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::domain_spec<g::term_end>>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::domain_spec<g::cidr_stop>>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::dual_cidr_length>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::ip4_network>(0), 0u);
  EXPECT_EQ(pegtl::analyze<g::ip6_network>(0), 0u);
}

TEST(SpfGrammarTest, WholeRecord) {
  EXPECT_TRUE(FullMatch<g::record>("v=spf1"));
  EXPECT_TRUE(FullMatch<g::record>("v=spf1 "));
  EXPECT_TRUE(FullMatch<g::record>("v=spf1  a  mx -all  "));
  EXPECT_TRUE(FullMatch<g::record>(
      "v=spf1 include:_spf.example.com ip4:192.0.2.0/24 redirect=x.example"));
  EXPECT_FALSE(FullMatch<g::record>("v=spf1 foo"));
  EXPECT_FALSE(FullMatch<g::record>("v=spf1\t-all"));
  EXPECT_FALSE(FullMatch<g::record>("v=spf1 -all\t"));
  EXPECT_FALSE(FullMatch<g::record>("v=spf10"));
}

TEST(SpfGrammarTest, Toplabel) {
  for (const char* ok : {"com", "c0m", "1a", "a1", "xn--p1ai", "1-2", "a-b-c",
                         "a--b", "A", "9z9"}) {
    EXPECT_TRUE(FullMatch<g::toplabel>(ok)) << ok;
  }
  for (const char* bad : {"123", "", "-a", "a-", "a_b", "1-", "-1"}) {
    EXPECT_FALSE(FullMatch<g::toplabel>(bad)) << bad;
  }
}

TEST(SpfGrammarTest, Addresses) {
  for (const char* ok : {"0.0.0.0", "255.255.255.255", "192.0.2.1", "10.0.0.99",
                         "249.199.100.9"}) {
    EXPECT_TRUE(FullMatch<g::ip4_network>(ok)) << ok;
  }
  for (const char* bad : {"256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5",
                          "1.2.3.260", "1..2.3", "a.b.c.d", ""}) {
    EXPECT_FALSE(FullMatch<g::ip4_network>(bad)) << bad;
  }
  for (const char* ok :
       {"::", "::1", "1::", "2001:db8::", "2001:db8::1:2", "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "::ffff:192.0.2.1",
        "1:2:3:4:5:6:1.2.3.4", "fe80::1:2:3:4", "::1.2.3.4", "1::1.2.3.4",
        "1:2:3:4::5:1.2.3.4", "ABCD:ef01::"}) {
    EXPECT_TRUE(FullMatch<g::ip6_network>(ok)) << ok;
  }
  for (const char* bad :
       {":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "::g",
        "1:2:3:4:5:6:7", "::1.2.3", "::256.1.1.1", "1.2.3.4"}) {
    EXPECT_FALSE(FullMatch<g::ip6_network>(bad)) << bad;
  }
}

TEST(SpfGrammarTest, CidrLengths) {
  EXPECT_TRUE(FullMatch<g::dual_cidr_length>("/24"));
  EXPECT_TRUE(FullMatch<g::dual_cidr_length>("//64"));
  EXPECT_TRUE(FullMatch<g::dual_cidr_length>("/24//64"));
  EXPECT_TRUE(FullMatch<g::dual_cidr_length>("/0//0"));
  EXPECT_FALSE(FullMatch<g::dual_cidr_length>("/08"));
  EXPECT_FALSE(FullMatch<g::dual_cidr_length>("/"));
  EXPECT_FALSE(FullMatch<g::dual_cidr_length>("/24/64"));
  EXPECT_FALSE(FullMatch<g::dual_cidr_length>("/244"));
  EXPECT_TRUE(FullMatch<g::ip6_cidr_length>("/128"));
  EXPECT_FALSE(FullMatch<g::ip6_cidr_length>("/1280"));
}

TEST(SpfGrammarTest, MacroString) {
  for (const char* ok : {"",
                         "%{s}",
                         "%{L}",
                         "%{o}",
                         "%{d4}",
                         "%{dr}",
                         "%{d2r}",
                         "%{l-}",
                         "%{lr-}",
                         "%{l1r-}",
                         "%{ir}.%{v}._spf.%{d2}",
                         "%%",
                         "%_",
                         "%-",
                         "%{d2r.}",
                         "%{i.-+,/_=}",
                         "%{c}",
                         "%{R}",
                         "%{t}",
                         "a=b!~"}) {
    EXPECT_TRUE(FullMatch<g::macro_string>(ok)) << ok;
  }
  for (const char* bad :
       {"%", "%{x}", "%{d", "%{}", "%x", "%{dr2}", "a b", "%{d;}", "\x7f"}) {
    EXPECT_FALSE(FullMatch<g::macro_string>(bad)) << bad;
  }
}

// ---- IsSpfRecord ------------------------------------------------------------

TEST(SpfTest, IsSpfRecord) {
  EXPECT_TRUE(IsSpfRecord("v=spf1"));
  EXPECT_TRUE(IsSpfRecord("v=spf1 -all"));
  EXPECT_TRUE(IsSpfRecord("V=SPF1 a"));
  EXPECT_TRUE(IsSpfRecord("v=Spf1 "));
  EXPECT_FALSE(IsSpfRecord("v=spf10"));
  EXPECT_FALSE(IsSpfRecord("v=spf1\t-all"));
  EXPECT_FALSE(IsSpfRecord("v=spf1-all"));
  EXPECT_FALSE(IsSpfRecord(" v=spf1"));
  EXPECT_FALSE(IsSpfRecord("v=spf"));
  EXPECT_FALSE(IsSpfRecord("v=DMARC1; p=none"));
  EXPECT_FALSE(IsSpfRecord(""));
  EXPECT_FALSE(IsSpfRecord("spf2.0/pra -all"));
}

// ---- FindLookalike ---------------------------------------------------------

// FindLookalike's error on `text` (strings ending at `ends`; one string when
// none is given) as "covered|message|record as it should read", or "".
std::string Lookalike(std::string_view text, std::vector<uint32_t> ends = {}) {
  if (ends.empty()) ends = {static_cast<uint32_t>(text.size())};
  const std::optional<Error> e = FindLookalike(text, ends);
  if (!e) return "";
  // The help ends with the record quoted.
  const size_t quote = e->help.rfind('"', e->help.size() - 2);
  return std::string(Slice(text, e->range)) + "|" + e->message + "|" +
         (quote == std::string::npos ? "" : e->help.substr(quote));
}

TEST(SpfLookalikeTest, VersionMisspelt) {
  EXPECT_EQ(Lookalike("v=spfv1 mx -all"),
            "v=spfv1|its version is 'v=spfv1', not 'v=spf1'|"
            "\"v=spf1 mx -all\"");
  EXPECT_EQ(Lookalike("v=spf 1 mx -all"),
            "v=spf 1|its version is 'v=spf 1', not 'v=spf1'|"
            "\"v=spf1 mx -all\"");
  EXPECT_EQ(Lookalike("V = SPF1 a -all"),
            "V = SPF1|its version is 'V = SPF1', not 'v=spf1'|"
            "\"v=spf1 a -all\"");
  EXPECT_EQ(Lookalike("v=spfv1"),
            "v=spfv1|its version is 'v=spfv1', not 'v=spf1'|\"v=spf1\"");
  EXPECT_EQ(Lookalike("spf1 mx -all"),
            "spf1|it starts with 'spf1', not 'v=spf1'|\"v=spf1 mx -all\"");
}

TEST(SpfLookalikeTest, BlankOrQuoteBeforeTheVersion) {
  EXPECT_EQ(Lookalike(" v=spf1 mx -all"),
            " |its text starts with a blank: ' v=spf1 mx -all'|"
            "\"v=spf1 mx -all\"");
  EXPECT_EQ(Lookalike("\"v=spf1 mx -all\""),
            "\"|its text starts with a quote character: "
            "'\"v=spf1 mx -all\"'|\"v=spf1 mx -all\"");
  EXPECT_EQ(Lookalike("'v=spf1 -all'"),
            "'|its text starts with a quote character: "
            "''v=spf1 -all''|\"v=spf1 -all\"");
}

TEST(SpfLookalikeTest, StringsJoinedWithNoSpace) {
  // "v=spf1" "mx" "~all", or the same words unquoted.
  EXPECT_EQ(Lookalike("v=spf1mx~all", {6, 8, 12}),
            "v=spf1|its 3 character-strings join with nothing between them, "
            "into 'v=spf1mx~all'|\"v=spf1 mx ~all\"");
  // Only joins between two words get a space.
  EXPECT_EQ(Lookalike("v=spf1ip4:192.0.2.1 -all", {6, 20, 24}),
            "v=spf1|its 3 character-strings join with nothing between them, "
            "into 'v=spf1ip4:192.0.2.1 -all'|"
            "\"v=spf1 ip4:192.0.2.1 -all\"");
  // A split after the version's space is an SPF record (spf-syntax's).
  EXPECT_EQ(Lookalike("v=spf1 ip4:192.0.2.1-all", {20, 24}), "");
}

TEST(SpfLookalikeTest, VersionRunIntoATerm) {
  EXPECT_EQ(Lookalike("v=spf1-all"),
            "v=spf1-all|'v=spf1' runs into the next term: 'v=spf1-all'|"
            "\"v=spf1 -all\"");
  EXPECT_EQ(Lookalike("v=spf1include:_spf.example.com ~all"),
            "v=spf1include:_spf.example.com|'v=spf1' runs into the next "
            "term: 'v=spf1include:_spf.example.com'|"
            "\"v=spf1 include:_spf.example.com ~all\"");
}

TEST(SpfLookalikeTest, NoneForOtherText) {
  for (std::string_view none : {"v=spf1 -all",
                                "v=spf1",
                                "",
                                "v=spf10",
                                "v=spf10 -all",
                                "v=spf2 -all",
                                "spf2.0/pra -all",
                                "spf2.0/mfrom,pra ip4:192.0.2.1 -all",
                                "v=spfl am not an SPF record",
                                "google-site-verification=spf1",
                                "MS=ms12345",
                                "spf1",
                                "spf1 hello world",
                                "spf1.example.com",
                                "v=spf1x",
                                "v=spf1\t-all",
                                "v=DMARC1; p=none",
                                "v=spf",
                                "\"\"",
                                "\"hello\"",
                                "v=spf1 foo"}) {
    EXPECT_EQ(Lookalike(none), "") << none;
  }
  // "v=spf10" is another version even where strings join.
  EXPECT_EQ(Lookalike("v=spf10 -all", {6, 12}), "");
}

TEST(SpfTest, NotSpfIsAnError) {
  Record record = Parse("v=spf10 -all");
  EXPECT_FALSE(record.ok());
  EXPECT_TRUE(record.terms.empty());
  Record empty = Parse("");
  EXPECT_FALSE(empty.ok());
}

// ---- mechanisms -----------------------------------------------------------

TEST(SpfTest, VersionAlone) {
  Record record = ParseOk("v=spf1", 0);
  EXPECT_EQ(record.version_end, 6u);
  ParseOk("v=spf1   ", 0);
}

TEST(SpfTest, AllWithEveryQualifier) {
  struct Case {
    const char* text;
    Qualifier qualifier;
    bool explicit_qualifier;
  };
  for (const Case& c : {Case{"v=spf1 all", Qualifier::kPass, false},
                        Case{"v=spf1 +all", Qualifier::kPass, true},
                        Case{"v=spf1 -all", Qualifier::kFail, true},
                        Case{"v=spf1 ~all", Qualifier::kSoftFail, true},
                        Case{"v=spf1 ?all", Qualifier::kNeutral, true},
                        Case{"v=spf1 -ALL", Qualifier::kFail, true}}) {
    Record record = ParseOk(c.text, 1);
    if (record.terms.size() != 1) continue;
    const Term& t = record.terms[0];
    EXPECT_EQ(t.kind, TermKind::kAll) << c.text;
    EXPECT_EQ(t.qualifier, c.qualifier) << c.text;
    EXPECT_EQ(t.explicit_qualifier, c.explicit_qualifier) << c.text;
    EXPECT_EQ(t.range.begin, 7u);
    EXPECT_EQ(t.range.end, std::string_view(c.text).size());
    EXPECT_TRUE(record.DomainSpec(t).empty());
    EXPECT_EQ(t.cidr4, -1);
    EXPECT_EQ(t.cidr6, -1);
  }
}

TEST(SpfTest, IncludeRanges) {
  std::string_view text = "v=spf1 include:_spf.example.com ~all";
  Record record = ParseOk(text, 2);
  const Term& t = record.terms[0];
  EXPECT_EQ(t.kind, TermKind::kInclude);
  EXPECT_EQ(t.qualifier, Qualifier::kPass);
  EXPECT_FALSE(t.explicit_qualifier);
  EXPECT_EQ(Slice(text, t.range), "include:_spf.example.com");
  EXPECT_EQ(record.DomainSpec(t), "_spf.example.com");
  EXPECT_EQ(Slice(text, t.domain_range), "_spf.example.com");
  EXPECT_EQ(record.DomainSpec(t).data(), text.data() + 15);  // a view into text
  EXPECT_FALSE(t.domain_has_macro);
  EXPECT_EQ(Slice(text, record.terms[1].range), "~all");
  EXPECT_EQ(record.terms[1].qualifier, Qualifier::kSoftFail);
}

TEST(SpfTest, QualifiedMechanismsAndCase) {
  std::string_view text =
      "v=spf1 -INCLUDE:Example.COM ?A ~Mx +PTR -IP4:192.0.2.1 ?Ip6:::1 "
      "~EXISTS:%{I}.example.com";
  Record record = ParseOk(text, 7);
  const TermKind kinds[] = {TermKind::kInclude, TermKind::kA,   TermKind::kMx,
                            TermKind::kPtr,     TermKind::kIp4, TermKind::kIp6,
                            TermKind::kExists};
  const Qualifier qualifiers[] = {Qualifier::kFail,     Qualifier::kNeutral,
                                  Qualifier::kSoftFail, Qualifier::kPass,
                                  Qualifier::kFail,     Qualifier::kNeutral,
                                  Qualifier::kSoftFail};
  for (size_t i = 0; i < record.terms.size(); ++i) {
    EXPECT_EQ(record.terms[i].kind, kinds[i]) << i;
    EXPECT_EQ(record.terms[i].qualifier, qualifiers[i]) << i;
    EXPECT_TRUE(record.terms[i].explicit_qualifier) << i;
  }
  EXPECT_EQ(record.DomainSpec(record.terms[0]), "Example.COM");
  EXPECT_TRUE(record.terms[6].domain_has_macro);
}

TEST(SpfTest, AAndMxWithDualCidr) {
  struct Case {
    const char* term;
    const char* domain;
    int cidr4;
    int cidr6;
    const char* cidr;
  };
  for (const char* name : {"a", "mx"}) {
    for (const Case& c :
         {Case{"", "", -1, -1, ""},
          Case{":example.com", "example.com", -1, -1, ""},
          Case{"/24", "", 24, -1, "/24"}, Case{"//64", "", -1, 64, "//64"},
          Case{"/24//64", "", 24, 64, "/24//64"},
          Case{"/0//0", "", 0, 0, "/0//0"},
          Case{":example.com/32", "example.com", 32, -1, "/32"},
          Case{":example.com//128", "example.com", -1, 128, "//128"},
          Case{":example.com/30//56", "example.com", 30, 56, "/30//56"},
          Case{":%{d}/24", "%{d}", 24, -1, "/24"},
          Case{":example.com./24", "example.com.", 24, -1, "/24"}}) {
      std::string text = std::string("v=spf1 ") + name + c.term;
      Record record = ParseOk(text, 1);
      if (record.terms.size() != 1) continue;
      const Term& t = record.terms[0];
      EXPECT_EQ(t.kind,
                std::string_view(name) == "a" ? TermKind::kA : TermKind::kMx);
      EXPECT_EQ(record.DomainSpec(t), c.domain) << text;
      EXPECT_EQ(t.cidr4, c.cidr4) << text;
      EXPECT_EQ(t.cidr6, c.cidr6) << text;
      EXPECT_EQ(Slice(text, t.cidr_range), c.cidr) << text;
      EXPECT_EQ(Slice(text, t.range), std::string(name) + c.term);
    }
  }
}

TEST(SpfTest, SlashInsideDomainSpec) {
  // '/' is a macro-literal: the CIDR suffix is only what ends the term.
  std::string_view text = "v=spf1 a:foo.com/24.example.org";
  Record record = ParseOk(text, 1);
  EXPECT_EQ(record.DomainSpec(record.terms[0]), "foo.com/24.example.org");
  EXPECT_EQ(record.terms[0].cidr4, -1);
}

TEST(SpfTest, Ptr) {
  Record record = ParseOk("v=spf1 ptr ptr:example.com -ptr:%{d}", 3);
  EXPECT_TRUE(record.DomainSpec(record.terms[0]).empty());
  EXPECT_EQ(record.DomainSpec(record.terms[1]), "example.com");
  EXPECT_TRUE(record.terms[2].domain_has_macro);
  for (const Term& t : record.terms) EXPECT_EQ(t.kind, TermKind::kPtr);
}

TEST(SpfTest, Ip4) {
  std::string_view text =
      "v=spf1 ip4:192.0.2.128/28 ip4:0.0.0.0/0 ip4:10.1.2.3";
  Record record = ParseOk(text, 3);
  const Term& t = record.terms[0];
  EXPECT_EQ(t.kind, TermKind::kIp4);
  std::array<uint8_t, 16> want{192, 0, 2, 128};
  EXPECT_EQ(t.address, want);
  EXPECT_EQ(Slice(text, t.AddressRange()), "192.0.2.128");
  EXPECT_EQ(t.cidr4, 28);
  EXPECT_EQ(t.cidr6, -1);
  EXPECT_EQ(Slice(text, t.cidr_range), "/28");
  EXPECT_EQ(record.terms[1].cidr4, 0);
  EXPECT_EQ(record.terms[2].cidr4, -1);
  EXPECT_TRUE(record.terms[2].cidr_range.empty());
  std::array<uint8_t, 16> want2{10, 1, 2, 3};
  EXPECT_EQ(record.terms[2].address, want2);
}

TEST(SpfTest, Ip6) {
  std::string_view text =
      "v=spf1 ip6:2001:db8::/32 ip6:::1 ip6:::ffff:192.0.2.1/128 "
      "ip6:FE80::1:2:3:4/64 ip6:1:2:3:4:5:6:7:8 ip6:::/0";
  Record record = ParseOk(text, 6);
  const Term& t = record.terms[0];
  EXPECT_EQ(t.kind, TermKind::kIp6);
  std::array<uint8_t, 16> want{0x20, 0x01, 0x0d, 0xb8};
  EXPECT_EQ(t.address, want);
  EXPECT_EQ(Slice(text, t.AddressRange()), "2001:db8::");
  EXPECT_EQ(t.cidr6, 32);
  EXPECT_EQ(t.cidr4, -1);
  EXPECT_EQ(record.terms[1].address[15], 1);
  EXPECT_EQ(record.terms[1].cidr6, -1);
  EXPECT_EQ(record.terms[2].address[10], 0xff);
  EXPECT_EQ(record.terms[2].address[12], 192);
  EXPECT_EQ(record.terms[2].cidr6, 128);
  EXPECT_EQ(record.terms[3].address[0], 0xfe);
  EXPECT_EQ(record.terms[4].address[15], 8);
  EXPECT_EQ(record.terms[5].cidr6, 0);
}

TEST(SpfTest, Exists) {
  std::string_view text = "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all";
  Record record = ParseOk(text, 2);
  EXPECT_EQ(record.terms[0].kind, TermKind::kExists);
  EXPECT_EQ(record.DomainSpec(record.terms[0]), "%{ir}.%{l1r+-}._spf.%{d}");
  EXPECT_TRUE(record.terms[0].domain_has_macro);
}

// ---- modifiers
// ---------------------------------------------------------------

TEST(SpfTest, RedirectAndExp) {
  std::string_view text =
      "v=spf1 REDIRECT=_spf.example.com Exp=explain._spf.%{d}";
  Record record = ParseOk(text, 2);
  EXPECT_EQ(record.terms[0].kind, TermKind::kRedirect);
  EXPECT_EQ(record.DomainSpec(record.terms[0]), "_spf.example.com");
  EXPECT_FALSE(record.terms[0].explicit_qualifier);
  EXPECT_EQ(record.terms[1].kind, TermKind::kExp);
  EXPECT_EQ(Slice(text, record.terms[1].domain_range), "explain._spf.%{d}");
  EXPECT_TRUE(record.terms[1].domain_has_macro);
  ASSERT_NE(record.Find(TermKind::kRedirect), nullptr);
  EXPECT_EQ(record.Find(TermKind::kRedirect)->range.begin, 7u);
  EXPECT_EQ(record.Find(TermKind::kAll), nullptr);
}

TEST(SpfTest, UnknownModifiers) {
  std::string_view text =
      "v=spf1 moo.cow-far_out=man:dog/cat foo= x=%{c}%% include=example.com";
  Record record = ParseOk(text, 4);
  const Term& t = record.terms[0];
  EXPECT_EQ(t.kind, TermKind::kUnknownModifier);
  EXPECT_EQ(record.ModifierName(t), "moo.cow-far_out");
  EXPECT_EQ(record.DomainSpec(t), "man:dog/cat");
  EXPECT_EQ(Slice(text, t.domain_range), "man:dog/cat");
  EXPECT_EQ(record.ModifierName(record.terms[1]), "foo");
  EXPECT_TRUE(record.DomainSpec(record.terms[1]).empty());
  EXPECT_EQ(record.terms[1].domain_range.begin, record.terms[1].range.end);
  EXPECT_TRUE(record.terms[2].domain_has_macro);
  // Valid by the ABNF, though almost surely meant as "include:".
  EXPECT_EQ(record.ModifierName(record.terms[3]), "include");
}

TEST(SpfTest, EmptyModifierValueAtTheEnd) {
  // The value's empty range sits at the end of the text; its view too.
  std::string_view text = "v=spf1 v=";
  Record record = ParseOk(text, 1);
  const Term& t = record.terms[0];
  EXPECT_EQ(record.ModifierName(t), "v");
  EXPECT_TRUE(record.DomainSpec(t).empty());
  EXPECT_EQ(record.DomainSpec(t).data(), text.data() + text.size());
}

TEST(SpfTest, UnknownModifierWithBadMacro) {
  Error e = OneError("v=spf1 foo=%{x} -all");
  EXPECT_NE(e.message.find("invalid macro letter 'x'"), std::string::npos)
      << e.message;
  Error e2 = OneError("v=spf1 foo=100%");
  EXPECT_NE(e2.message.find("'%' must start a macro"), std::string::npos)
      << e2.message;
}

TEST(SpfTest, DuplicateRedirectAndExp) {
  std::string_view text =
      "v=spf1 redirect=a.example redirect=b.example exp=x.example "
      "exp=y.example";
  Record record = Parse(text);
  ASSERT_EQ(record.errors.size(), 2u);
  EXPECT_EQ(Slice(text, record.errors[0].range), "redirect=b.example");
  EXPECT_NE(record.errors[0].message.find("more than once"), std::string::npos);
  EXPECT_EQ(Slice(text, record.errors[1].range), "exp=y.example");
  EXPECT_EQ(record.terms.size(), 2u);
  EXPECT_EQ(record.DomainSpec(*record.Find(TermKind::kRedirect)), "a.example");
}

TEST(SpfTest, ModifierWithQualifierOrColon) {
  Error e = OneError("v=spf1 -redirect=example.com");
  EXPECT_EQ(e.message,
            "modifier '-redirect=example.com' cannot have a qualifier");
  EXPECT_EQ(e.help, "write 'redirect=example.com'");
  Error e2 = OneError("v=spf1 redirect:example.com");
  EXPECT_NE(e2.message.find("takes '=', not ':'"), std::string::npos);
  EXPECT_EQ(e2.help, "write 'redirect=example.com'");
  Error e3 = OneError("v=spf1 redirect=");
  EXPECT_EQ(e3.message, "'redirect' needs a domain after '='");
}

// ---- errors ---------------------------------------------------------------

TEST(SpfTest, ErrorsContinueWithTheNextTerm) {
  std::string_view text =
      "v=spf1 ip4:192.0.2.300 include:example.com foo mx -all";
  Record record = Parse(text);
  ASSERT_EQ(record.errors.size(), 2u);
  EXPECT_EQ(record.errors[0].message,
            "invalid ip4 address '192.0.2.300' in 'ip4:192.0.2.300'");
  EXPECT_EQ(Slice(text, record.errors[0].range), "192.0.2.300");
  EXPECT_EQ(record.errors[1].message, "unknown mechanism 'foo'");
  EXPECT_EQ(Slice(text, record.errors[1].range), "foo");
  ASSERT_EQ(record.terms.size(), 3u);
  EXPECT_EQ(record.terms[0].kind, TermKind::kInclude);
  EXPECT_EQ(record.terms[1].kind, TermKind::kMx);
  EXPECT_EQ(record.terms[2].kind, TermKind::kAll);
}

TEST(SpfTest, UnknownMechanismWithSuggestion) {
  std::string_view text = "v=spf1 inclde:_spf.example.com -all";
  Error e = OneError(text);
  EXPECT_EQ(e.message, "unknown mechanism 'inclde:_spf.example.com'");
  EXPECT_EQ(e.help, "did you mean 'include:_spf.example.com'?");
  EXPECT_EQ(Slice(text, e.range), "inclde:_spf.example.com");
  Error e2 = OneError("v=spf1 -ip5:192.0.2.1");
  EXPECT_EQ(e2.help, "did you mean '-ip4:192.0.2.1'?");
  Error e3 = OneError("v=spf1 frobnicate");
  EXPECT_NE(e3.help.find("the mechanisms are"), std::string::npos);
}

TEST(SpfTest, MechanismsNeedingArguments) {
  EXPECT_EQ(OneError("v=spf1 include").message,
            "'include' needs a domain after ':'");
  EXPECT_EQ(OneError("v=spf1 include:").message,
            "'include' needs a domain after ':'");
  EXPECT_EQ(OneError("v=spf1 exists").message,
            "'exists' needs a domain after ':'");
  EXPECT_EQ(OneError("v=spf1 ip4").message, "'ip4' needs an IPv4 address");
  EXPECT_EQ(OneError("v=spf1 ip6:").message, "'ip6' needs an IPv6 address");
  EXPECT_EQ(OneError("v=spf1 a:").message, "'a' needs a domain after ':'");
  EXPECT_EQ(OneError("v=spf1 all:example.com").message,
            "'all' takes no argument: 'all:example.com'");
  EXPECT_EQ(OneError("v=spf1 -all/24").message,
            "'all' takes no argument: '-all/24'");
  EXPECT_EQ(OneError("v=spf1 ptr/24").message,
            "'ptr' takes no CIDR length: 'ptr/24'");
  EXPECT_EQ(OneError("v=spf1 ptr:example.com/24").message,
            "'ptr' takes no CIDR length: 'ptr:example.com/24'");
  std::string_view text = "v=spf1 include:example.com/24";
  Error e = OneError(text);
  EXPECT_EQ(e.message,
            "'include' takes no CIDR length: 'include:example.com/24'");
  EXPECT_EQ(Slice(text, e.range), "/24");
  EXPECT_EQ(OneError("v=spf1 exists:example.com//64").message,
            "'exists' takes no CIDR length: 'exists:example.com//64'");
}

TEST(SpfTest, CidrErrors) {
  std::string_view text = "v=spf1 ip4:192.0.2.0/33";
  Error e = OneError(text);
  EXPECT_EQ(e.message, "CIDR length /33 is over 32 in 'ip4:192.0.2.0/33'");
  EXPECT_EQ(Slice(text, e.range), "/33");
  EXPECT_EQ(OneError("v=spf1 ip6:2001:db8::/129").message,
            "CIDR length /129 is over 128 in 'ip6:2001:db8::/129'");
  EXPECT_EQ(OneError("v=spf1 a/33").message,
            "CIDR length /33 is over 32 in 'a/33'");
  EXPECT_EQ(OneError("v=spf1 mx:example.com//200").message,
            "CIDR length /200 is over 128 in 'mx:example.com//200'");
  Error zero = OneError("v=spf1 ip4:192.0.2.0/08");
  EXPECT_EQ(zero.message,
            "CIDR length /08 has a leading zero in 'ip4:192.0.2.0/08'");
  EXPECT_EQ(zero.help, "write '/8'");
  EXPECT_NE(OneError("v=spf1 a/24/64").message.find("invalid CIDR suffix"),
            std::string::npos);
  EXPECT_NE(
      OneError("v=spf1 ip4:192.0.2.1/").message.find("missing CIDR length"),
      std::string::npos);
  EXPECT_NE(OneError("v=spf1 ip4:192.0.2.1//64")
                .message.find("takes one CIDR length"),
            std::string::npos);
  EXPECT_NE(
      OneError("v=spf1 ip4:192.0.2.1/2x").message.find("invalid CIDR length"),
      std::string::npos);
  EXPECT_NE(OneError("v=spf1 a:example.com/1000").message.find("over 32"),
            std::string::npos);
}

TEST(SpfTest, AddressErrors) {
  EXPECT_EQ(OneError("v=spf1 ip4:192.0.2").message,
            "invalid ip4 address '192.0.2' in 'ip4:192.0.2'");
  EXPECT_EQ(OneError("v=spf1 ip4:192.0.02.1").message,
            "invalid ip4 address '192.0.02.1' in 'ip4:192.0.02.1'");
  Error swapped = OneError("v=spf1 ip4:2001:db8::/32");
  EXPECT_EQ(swapped.message,
            "'ip4' given the IPv6 address '2001:db8::' in 'ip4:2001:db8::/32'");
  EXPECT_EQ(swapped.help, "write 'ip6:2001:db8::/32'");
  EXPECT_EQ(OneError("v=spf1 ip6:192.0.2.1").help, "write 'ip4:192.0.2.1'");
  EXPECT_EQ(OneError("v=spf1 ip6:2001:db8:::1").message,
            "invalid ip6 address '2001:db8:::1' in 'ip6:2001:db8:::1'");
}

TEST(SpfTest, MacroErrors) {
  std::string_view text = "v=spf1 include:%{x}.example.com";
  Error e = OneError(text);
  EXPECT_EQ(e.message,
            "invalid macro letter 'x' in 'include:%{x}.example.com'");
  EXPECT_EQ(Slice(text, e.range), "%{x}");
  Error c = OneError("v=spf1 include:%{c}.example.com");
  EXPECT_EQ(c.message,
            "macro letter 'c' is only allowed in exp text, not in "
            "'include:%{c}.example.com'");
  EXPECT_NE(OneError("v=spf1 exists:%{T}.example.com")
                .message.find("macro letter 'T'"),
            std::string::npos);
  EXPECT_NE(OneError("v=spf1 exp=%{r}.example.com")
                .message.find("only allowed in exp text"),
            std::string::npos);
  EXPECT_NE(OneError("v=spf1 include:%.example.com")
                .message.find("'%' must start a macro"),
            std::string::npos);
  EXPECT_NE(OneError("v=spf1 include:example.com%")
                .message.find("'%' must start a macro"),
            std::string::npos);
  EXPECT_NE(
      OneError("v=spf1 exists:%{d.example.com").message.find("invalid macro"),
      std::string::npos);
  EXPECT_NE(OneError("v=spf1 exists:%{d0}.example.com")
                .message.find("keeps zero labels"),
            std::string::npos);
  EXPECT_NE(OneError("v=spf1 exists:%{dr2}.example.com")
                .message.find("invalid macro '%{dr2}'"),
            std::string::npos);
  // RFC 7208 7.4 examples and the ABNF's delimiters are fine.
  ParseOk(
      "v=spf1 exists:%{d2r.}.example.com a:%{l1r-}.lp.%{ir}.%{v}._spf.%{d2} "
      "mx:%{lr-}.lp._spf.%{d2} exists:%{ir}.%{v}.%{l1r-}.lp._spf.%{d2} "
      "include:%{d2}.trusted-domains.example.net "
      "exists:%{i.-+,/_=}.%%%_%-.%{p}.%{h}.%{o}.%{s}.example.com",
      6);
}

TEST(SpfTest, DomainEndRules) {
  EXPECT_EQ(OneError("v=spf1 include:example.123").message,
            "domain 'example.123' ends in an all-numeric label in "
            "'include:example.123'");
  EXPECT_NE(OneError("v=spf1 a:192.0.2.1").message.find("all-numeric"),
            std::string::npos);
  EXPECT_NE(OneError("v=spf1 include:localhost")
                .message.find("not a fully qualified name"),
            std::string::npos);
  EXPECT_NE(
      OneError("v=spf1 include:example.com..").message.find("empty label"),
      std::string::npos);
  EXPECT_NE(OneError("v=spf1 include:example.-com")
                .message.find("invalid label '-com'"),
            std::string::npos);
  EXPECT_NE(OneError("v=spf1 include:example.com-")
                .message.find("invalid label 'com-'"),
            std::string::npos);
  EXPECT_NE(
      OneError("v=spf1 include:example.c_m").message.find("invalid label"),
      std::string::npos);
  // Valid domain-ends: trailing dot, digits with a letter, hyphens inside,
  // a macro at the end, an all-numeric label that is not the last.
  Record record = ParseOk(
      "v=spf1 include:example.com. include:example.1a include:a.1-2 "
      "include:x.xn--p1ai include:foo.%{d} include:123.example.com "
      "include:%{d}",
      7);
  EXPECT_EQ(record.DomainSpec(record.terms[0]), "example.com.");
  EXPECT_FALSE(record.terms[0].domain_has_macro);
  EXPECT_TRUE(record.terms[4].domain_has_macro);
}

TEST(SpfTest, ControlAndNonAsciiBytes) {
  std::string_view text = "v=spf1 -all\tfoo a";
  Error e = OneError(text);
  EXPECT_EQ(e.message, "control character 0x09 in '-all\\x09foo'");
  EXPECT_EQ(Slice(text, e.range), "\t");
  EXPECT_EQ(Parse(text).terms.size(), 1u);  // "a" still parsed

  std::string_view utf8 = "v=spf1 include:ex\xc3\xa4mple.com -all";
  Error u = OneError(utf8);
  EXPECT_EQ(u.message, "non-ASCII byte 0xc3 in 'include:ex\\xc3\\xa4mple.com'");
  EXPECT_EQ(Slice(utf8, u.range), "\xc3\xa4");

  EXPECT_EQ(OneError("v=spf1 a\r\n").range.begin, 8u);
  EXPECT_EQ(OneError(std::string_view("v=spf1 a\0b", 10)).message,
            "control character 0x00 in 'a\\x00b'");
  EXPECT_EQ(OneError("v=spf1 -all\x7f").message,
            "control character 0x7f in '-all\\x7f'");
}

TEST(SpfTest, SpacingAndRanges) {
  std::string_view text = "v=spf1    a   mx:example.com/24  -all   ";
  Record record = ParseOk(text, 3);
  EXPECT_EQ(Slice(text, record.terms[0].range), "a");
  EXPECT_EQ(record.terms[0].range.begin, 10u);
  EXPECT_EQ(Slice(text, record.terms[1].range), "mx:example.com/24");
  EXPECT_EQ(Slice(text, record.terms[1].domain_range), "example.com");
  EXPECT_EQ(Slice(text, record.terms[1].cidr_range), "/24");
  EXPECT_EQ(Slice(text, record.terms[2].range), "-all");
  for (size_t i = 1; i < record.terms.size(); ++i) {
    EXPECT_LE(record.terms[i - 1].range.end, record.terms[i].range.begin);
  }
}

TEST(SpfTest, OddTerms) {
  EXPECT_EQ(OneError("v=spf1 -").message, "invalid term '-'");
  EXPECT_EQ(OneError("v=spf1 =foo").message, "invalid term '=foo'");
  EXPECT_NE(OneError("v=spf1 1foo=bar").message.find("invalid modifier name"),
            std::string::npos);
  EXPECT_NE(OneError("v=spf1 --all").message.find("invalid term"),
            std::string::npos);
  // Another version text is just an unknown modifier named "v".
  Record record = ParseOk("v=spf1 v=spf1 -all", 2);
  EXPECT_EQ(record.ModifierName(record.terms[0]), "v");
}

// RFC 7208 appendix A and D examples.
TEST(SpfTest, RfcExamples) {
  for (const char* text : {
           "v=spf1 +all",
           "v=spf1 a -all",
           "v=spf1 a:example.org -all",
           "v=spf1 mx -all",
           "v=spf1 mx:example.org -all",
           "v=spf1 mx mx:example.org -all",
           "v=spf1 mx/30 mx:example.org/30 -all",
           "v=spf1 ptr -all",
           "v=spf1 ip4:192.0.2.128/28 -all",
           "v=spf1 mx -all exp=explain._spf.%{d}",
           "v=spf1 -include:ip4._spf.%{d} -include:ptr._spf.%{d} +all",
           "v=spf1 -ip4:192.0.2.0/24 +all",
           "v=spf1 -ptr +all",
           "v=spf1 mx include:mail-provider.example -all",
           "v=spf1 ip4:192.0.2.1 ip4:192.0.2.129 -all",
           "v=spf1 exists:%{l1r+}.%{d}",
           "v=spf1 exists:%{l1r+}.%{d} -all",
           "v=spf1 a:mail.example.com -all",
           "v=spf1 redirect=_spf.example.com",
       }) {
    size_t spaces = 0;
    for (char c : std::string_view(text)) spaces += c == ' ';
    ParseOk(text, spaces);
  }
}

// ---- term kinds -------------------------------------------------------------

TEST(SpfTest, TermKinds) {
  EXPECT_EQ(TermKindName(TermKind::kAll), "all");
  EXPECT_EQ(TermKindName(TermKind::kExists), "exists");
  EXPECT_EQ(TermKindName(TermKind::kExp), "exp");
  EXPECT_EQ(TermKindName(TermKind::kUnknownModifier), "modifier");
  EXPECT_TRUE(IsMechanism(TermKind::kIp6));
  EXPECT_FALSE(IsMechanism(TermKind::kRedirect));
  EXPECT_FALSE(IsMechanism(TermKind::kUnknownModifier));
  for (TermKind k : {TermKind::kInclude, TermKind::kA, TermKind::kMx,
                     TermKind::kPtr, TermKind::kExists, TermKind::kRedirect}) {
    EXPECT_TRUE(CostsLookup(k)) << TermKindName(k);
  }
  for (TermKind k : {TermKind::kAll, TermKind::kIp4, TermKind::kIp6,
                     TermKind::kExp, TermKind::kUnknownModifier}) {
    EXPECT_FALSE(CostsLookup(k)) << TermKindName(k);
  }
}

// ---- include targets -------------------------------------------------------

TEST(SpfTest, TargetNames) {
  const Record r = Parse(
      "v=spf1 include:_SPF.Example.com a:host.example.net. "
      "include:%{d}.example.com exists:bad..name redirect=x.example");
  ASSERT_EQ(r.terms.size(), 5u);
  std::string name;
  EXPECT_TRUE(TargetName(r, r.terms[0], &name));
  EXPECT_EQ(name, "_spf.example.com.");  // canonical: lower case, final dot
  EXPECT_TRUE(TargetName(r, r.terms[1], &name));
  EXPECT_EQ(name, "host.example.net.");
  EXPECT_FALSE(TargetName(r, r.terms[2], &name));  // a macro
  EXPECT_FALSE(TargetName(r, r.terms[3], &name));  // not a name
  EXPECT_TRUE(TargetName(r, r.terms[4], &name));
  EXPECT_EQ(name, "x.example.");
}

TEST(SpfTest, ForEachIncludeWalksIncludesAndRedirect) {
  const Record r = Parse(
      "v=spf1 include:a.example mx include:%{d}.example "
      "include:b.example redirect=c.example");
  std::vector<std::string> seen;
  ForEachInclude(r, [&](const Term& term, std::string_view target) {
    seen.push_back(std::string(TermKindName(term.kind)) + " " +
                   std::string(target));
    return true;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"include a.example.", "include ",
                                            "include b.example.",
                                            "redirect c.example."}));
  // Stopped by fn.
  seen.clear();
  ForEachInclude(r, [&](const Term&, std::string_view target) {
    seen.push_back(std::string(target));
    return false;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"a.example."}));
}

}  // namespace
}  // namespace zonelint::spf

// The SPF DNS-lookup analysis (RFC 7208 4.6.4) across the linted zones.
#include "mail/spf_lookups.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/diagnostic.h"
#include "lint/runner.h"
#include "lint/session.h"
#include "mail/mail_views.h"
#include "mail/spf_costs.h"
#include "parser/name.h"
#include "parser/source.h"
#include "parser/universe.h"
#include "parser/zone.h"
#include "parser/zone_parser.h"
#include "util/strings.h"

namespace zonelint {
namespace {

constexpr char kHead[] = "@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n";

class LookupsTest : public ::testing::Test {
 protected:
  // `unread`: the zone first includes a file that does not exist, so it is
  // not read whole.
  void Add(std::string origin, std::string text, bool unread = false) {
    auto zone = std::make_unique<Zone>(&names_);
    FileId file = sources_.Add(Source::FromString(
        origin + "zone",
        (unread ? "$INCLUDE /nonexistent/zonelint.inc\n" : "") +
            (kHead + text)));
    ParseOptions options;
    options.origin = std::move(origin);
    ParseZone(&sources_, file, options, zone.get());
    EXPECT_EQ(zone->issues.size(), unread ? 1u : 0u);
    EXPECT_EQ(zone->incomplete(), unread);
    zones_.push_back(std::move(zone));
  }
  const SpfLookupAnalysis& Analyze() {
    universe_ = std::make_unique<Universe>(names_, zones_);
    views_ = std::make_unique<MailViews>(*universe_, sources_, costs_);
    analysis_ = &views_->SpfLookups();
    return *analysis_;
  }
  // The analysis of the (first) TXT SPF record at `owner`.
  const SpfRecordLookups& At(std::string_view owner) {
    for (const SpfRecordLookups& r : analysis_->records()) {
      if (names_.Text(r.site->owner) == owner) return r;
    }
    ADD_FAILURE() << "no SPF record at " << owner;
    static const SpfRecordLookups kNone{};
    return kNone;
  }
  static std::vector<std::string> Voids(const SpfRecordLookups& r) {
    std::vector<std::string> out;
    for (const SpfVoidLookup& v : r.voids) {
      out.push_back(Cat(v.term, " @", v.record, " ", v.missing));
    }
    return out;
  }

  SourceSet sources_;
  NameTable names_;
  std::vector<std::unique_ptr<Zone>> zones_;
  SpfCostTable costs_;
  std::unique_ptr<Universe> universe_;
  std::unique_ptr<MailViews> views_;
  const SpfLookupAnalysis* analysis_ = nullptr;
};

TEST_F(LookupsTest, CountsEachDnsQueryingTerm) {
  Add("example.com.",
      "@ MX 10 ns\n@ A 192.0.2.2\nhost A 192.0.2.3\n"
      "@ TXT \"v=spf1 ip4:192.0.2.0/24 a mx ptr exists:host.example.com "
      "a:host.example.com mx/24 ip6:2001:db8::/32 -all\"\n");
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  EXPECT_EQ(r.total, 6);
  EXPECT_EQ(r.ChainText(),
            "6 lookups: a (1), mx (1), ptr (1), exists:host.example.com (1), "
            "a:host.example.com (1), mx/24 (1)");
  EXPECT_TRUE(r.voids.empty()) << Voids(r)[0];
  ASSERT_EQ(r.mx.size(), 2u);
  EXPECT_EQ(r.mx[0].target, "example.com.");
  EXPECT_EQ(r.mx[0].mx_records, 1);
  EXPECT_EQ(r.TermPassing(kSpfLookupLimit, false), nullptr);
}

TEST_F(LookupsTest, ChainAcrossTwoZoneFilesThroughTheSession) {
  Session session;
  ParseOptions com;
  com.origin = "example.com.";
  session.AddText("example.com.zone",
                  std::string(kHead) +
                      "@ TXT \"v=spf1 include:_spf.example.net "
                      "include:_spf.google.com mx:example.net a:example.net "
                      "include:spf.protection.outlook.com -all\"\n",
                  com);
  ParseOptions net;
  net.origin = "example.net.";
  session.AddText(
      "example.net.zone",
      std::string(kHead) +
          "@ A 192.0.2.9\n@ MX 10 ns\n"
          "_spf TXT \"v=spf1 include:_a._spf.example.net a mx -all\"\n"
          "_a._spf TXT \"v=spf1 a:ns.example.net mx:example.net "
          "exists:ns.example.net -all\"\n",
      net);
  const Findings findings = session.Lint(LintConfig{});
  std::vector<Finding> found;
  for (const Finding& d : findings) {
    if (d.rule == "spf-too-many-lookups") found.push_back(d);
  }
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "SPF record needs more than 10 DNS lookups, so verifiers return "
            "permerror from this term on: 15 lookups: "
            "include:_spf.example.net (7), include:_spf.google.com (4, "
            "built-in table: Google Workspace, verified 2024-06), "
            "mx:example.net (1), a:example.net (1), "
            "include:spf.protection.outlook.com (2, built-in table: "
            "Microsoft 365, verified 2024-06)");
  // The 11th lookup is inside include:_spf.google.com (7 + 4).
  const Source& file = session.sources().Get(found[0].range.file);
  EXPECT_EQ(file.text().substr(found[0].range.begin,
                               found[0].range.end - found[0].range.begin),
            "include:_spf.google.com");
}

TEST_F(LookupsTest, RedirectFollowedOnlyWithoutAll) {
  Add("example.com.",
      "_r TXT \"v=spf1 a:ns.example.com a:ns.example.com -all\"\n"
      "with TXT \"v=spf1 a:ns.example.com redirect=_r.example.com -all\"\n"
      "without TXT \"v=spf1 a:ns.example.com redirect=_r.example.com\"\n");
  Analyze();
  EXPECT_EQ(At("with.example.com.").total, 1);
  EXPECT_EQ(At("without.example.com.").total, 4);
  const SpfRecordLookups& without = At("without.example.com.");
  EXPECT_EQ(without.TermText(without.chain.back()), "redirect=_r.example.com");
  EXPECT_EQ(At("without.example.com.").chain.back().source,
            SpfCostSource::kZone);
}

TEST_F(LookupsTest, DiamondIncludesCountEveryEvaluation) {
  Add("example.com.",
      "@ TXT \"v=spf1 include:_a.example.com include:_b.example.com -all\"\n"
      "_a TXT \"v=spf1 include:_c.example.com -all\"\n"
      "_b TXT \"v=spf1 include:_c.example.com a:ns.example.com -all\"\n"
      "_c TXT \"v=spf1 a:ns.example.com a:gone.example.com -all\"\n");
  Analyze();
  // _c costs 2 and is evaluated twice (once under _a, once under _b).
  EXPECT_EQ(At("_c.example.com.").total, 2);
  EXPECT_EQ(At("_a.example.com.").total, 3);
  EXPECT_EQ(At("_b.example.com.").total, 4);
  const SpfRecordLookups& root = At("example.com.");
  EXPECT_EQ(root.total, 9);
  EXPECT_EQ(Voids(root), (std::vector<std::string>{
                             "a:gone.example.com @_c.example.com. A/AAAA",
                             "a:gone.example.com @_c.example.com. A/AAAA"}));
  EXPECT_TRUE(analysis_->loops().empty());
}

TEST_F(LookupsTest, MacroTargetsCountOneAndAreNotFollowed) {
  Add("example.com.",
      "@ TXT \"v=spf1 include:%{d}._spf.example.com "
      "exists:%{i}._spf.example.com -all\"\n");
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  EXPECT_EQ(r.total, 2);
  EXPECT_EQ(r.chain[0].source, SpfCostSource::kMacro);
  EXPECT_TRUE(r.voids.empty());
  EXPECT_EQ(r.ChainText().rfind("at least 2 lookups: ", 0), 0u)
      << r.ChainText();
}

TEST_F(LookupsTest, UnknownNestedIncludesMakeTheTotalALowerBound) {
  // _a's own include is unknown; the root reaches it through _a, and _b's
  // records are all known.
  Add("example.com.",
      "@ TXT \"v=spf1 include:_a.example.com include:_b.example.com -all\"\n"
      "_a TXT \"v=spf1 include:spf.unknown.example.net -all\"\n"
      "_b TXT \"v=spf1 include:_spf.google.com -all\"\n"
      "_m TXT \"v=spf1 redirect=%{d}.example.net\"\n");
  Analyze();
  EXPECT_TRUE(At("_a.example.com.").opaque);
  EXPECT_FALSE(At("_b.example.com.").opaque);
  EXPECT_TRUE(At("_m.example.com.").opaque);
  const SpfRecordLookups& root = At("example.com.");
  EXPECT_TRUE(root.opaque);
  EXPECT_EQ(root.total, 2 + 1 + 4);
  EXPECT_EQ(root.ChainText().rfind("at least 7 lookups: ", 0), 0u)
      << root.ChainText();
  EXPECT_EQ(At("_b.example.com.").ChainText().rfind("4 lookups: ", 0), 0u);
}

TEST_F(LookupsTest, CostTableOverridesTheBuiltInOne) {
  ASSERT_TRUE(
      costs_.Parse("_spf.google.com 7\n*.esp.example 2\n", "costs.txt").ok());
  Add("example.com.",
      "@ TXT \"v=spf1 include:_spf.google.com include:eu.esp.example "
      "include:sendgrid.net -all\"\n");
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  EXPECT_EQ(r.total, 8 + 3 + 1);
  EXPECT_EQ(r.chain[0].source, SpfCostSource::kUser);
  EXPECT_EQ(r.chain[0].note, "from costs.txt:1");
  EXPECT_EQ(r.chain[1].source, SpfCostSource::kUser);
  EXPECT_EQ(r.chain[2].source, SpfCostSource::kBuiltin);
}

TEST_F(LookupsTest, ZonesWinOverCostTables) {
  ASSERT_TRUE(costs_.Parse("_spf.example.com 9\n", "costs.txt").ok());
  Add("example.com.",
      "@ TXT \"v=spf1 include:_spf.example.com -all\"\n"
      "_spf TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
  Analyze();
  EXPECT_EQ(At("example.com.").total, 1);
}

TEST_F(LookupsTest, UnknownIncludeCountsOne) {
  Add("example.com.",
      "@ TXT \"v=spf1 include:spf.unknown.example "
      "redirect=_spf.other.example\"\n");
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  EXPECT_EQ(r.total, 2);
  EXPECT_EQ(r.chain[0].source, SpfCostSource::kUnknown);
  EXPECT_EQ(r.chain[0].target, "spf.unknown.example.");
  EXPECT_EQ(r.chain[1].source, SpfCostSource::kUnknown);
  EXPECT_TRUE(r.no_spf.empty());
  EXPECT_TRUE(r.voids.empty());
}

TEST_F(LookupsTest, VoidLookupsOnlyInsideLintedZones) {
  Add("example.com.",
      "sub NS ns.example.net.\n"
      "txt TXT \"hello\"\n"
      "@ TXT \"v=spf1 a:gone.example.com mx:ns.example.com "
      "exists:txt.example.com include:txt.example.com "
      "include:empty.example.com a:host.example.net "
      "a:host.sub.example.com mx:example.org -all\"\n");
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  EXPECT_EQ(Voids(r), (std::vector<std::string>{
                          "a:gone.example.com @example.com. A/AAAA",
                          "mx:ns.example.com @example.com. MX",
                          "exists:txt.example.com @example.com. A",
                          "include:empty.example.com @example.com. TXT"}));
  // txt has TXT but no SPF; empty has no records at all.
  ASSERT_EQ(r.no_spf.size(), 2u);
  EXPECT_EQ(r.no_spf[0].target, "txt.example.com.");
  EXPECT_TRUE(r.no_spf[0].has_txt);
  EXPECT_EQ(r.no_spf[1].target, "empty.example.com.");
  EXPECT_FALSE(r.no_spf[1].has_txt);
  const SpfTermCost* passing = r.TermPassing(kSpfVoidLookupLimit, true);
  ASSERT_NE(passing, nullptr);
  EXPECT_EQ(r.TermText(*passing), "exists:txt.example.com");
}

TEST_F(LookupsTest, NoVoidsNorMissingSpfInAZoneNotReadWhole) {
  Add("example.com.",
      "*.hosts A 192.0.2.7\n"
      "txt TXT \"hello\"\n"
      "_spf TXT \"v=spf1 a:gone.example.com -all\"\n"
      "big MX 10 ns\n"
      "@ TXT \"v=spf1 a:gone.example.com mx:ns.example.com "
      "exists:txt.example.com include:txt.example.com "
      "include:empty.example.com a:x.hosts.example.com mx:big.example.com "
      "include:_spf.example.com -all\"\n",
      /*unread=*/true);
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  EXPECT_TRUE(r.voids.empty()) << Voids(r)[0];
  EXPECT_TRUE(r.no_spf.empty());
  // The records that are there count; the ones that may be missing count
  // as 1, like an unknown include.
  ASSERT_EQ(r.chain.size(), 8u);
  EXPECT_EQ(r.chain[3].source, SpfCostSource::kIncomplete);
  EXPECT_EQ(r.chain[4].source, SpfCostSource::kIncomplete);
  EXPECT_EQ(r.chain[7].source, SpfCostSource::kZone);
  EXPECT_EQ(r.total, 9);
  EXPECT_EQ(r.ChainText().rfind("at least 9 lookups", 0), 0u) << r.ChainText();
  // An MX count is a lower bound, still worth reporting.
  ASSERT_EQ(r.mx.size(), 2u);
  EXPECT_EQ(r.mx[1].target, "big.example.com.");
  EXPECT_EQ(r.mx[1].mx_records, 1);
}

TEST_F(LookupsTest, WildcardsAndCnamesAnswer) {
  Add("example.com.",
      "*.hosts A 192.0.2.7\n"
      "alias CNAME ns\n"
      "spf-alias CNAME _spf\n"
      "_spf TXT \"v=spf1 a:x.hosts.example.com -all\"\n"
      "@ TXT \"v=spf1 a:a.hosts.example.com a:alias.example.com "
      "include:spf-alias.example.com -all\"\n");
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  EXPECT_TRUE(r.voids.empty()) << Voids(r)[0];
  EXPECT_TRUE(r.no_spf.empty());
  EXPECT_EQ(r.total, 4);
}

TEST_F(LookupsTest, MxCount) {
  std::string mx;
  for (int i = 1; i <= 11; ++i) {
    mx += "big MX " + std::to_string(i) + " ns\n";
  }
  Add("example.com.",
      mx + "@ TXT \"v=spf1 mx:big.example.com mx:none.example.com -all\"\n");
  Analyze();
  const SpfRecordLookups& r = At("example.com.");
  ASSERT_EQ(r.mx.size(), 2u);
  EXPECT_EQ(r.mx[0].target, "big.example.com.");
  EXPECT_EQ(r.mx[0].mx_records, 11);
  EXPECT_EQ(r.mx[1].mx_records, 0);
  EXPECT_EQ(Voids(r),
            (std::vector<std::string>{"mx:none.example.com @example.com. MX"}));
}

TEST_F(LookupsTest, LoopsReportedOncePerCycle) {
  Add("example.com.",
      "_a TXT \"v=spf1 include:_b.example.com -all\"\n"
      "_b TXT \"v=spf1 include:_c.example.com -all\"\n"
      "_c TXT \"v=spf1 include:_a.example.com -all\"\n"
      "@ TXT \"v=spf1 include:_a.example.com -all\"\n"
      "self TXT \"v=spf1 redirect=SELF.example.com.\"\n");
  Analyze();
  ASSERT_EQ(analysis_->loops().size(), 2u);
  const SpfLoop& loop = analysis_->loops()[0];
  EXPECT_EQ(loop.cycle,
            (std::vector<std::string_view>{"_a.example.com.", "_b.example.com.",
                                           "_c.example.com."}));
  EXPECT_EQ(names_.Text(loop.site->owner), "_c.example.com.");
  EXPECT_EQ(analysis_->loops()[1].cycle,
            (std::vector<std::string_view>{"self.example.com."}));
  EXPECT_EQ(At("self.example.com.").chain[0].source, SpfCostSource::kLoop);
}

TEST_F(LookupsTest, DeepChainsStop) {
  std::string text;
  for (int i = 0; i < 60; ++i) {
    text += "_" + std::to_string(i) + " TXT \"v=spf1 include:_" +
            std::to_string(i + 1) + ".example.com -all\"\n";
  }
  Add("example.com.", text);
  Analyze();
  EXPECT_GT(At("_0.example.com.").total, kSpfLookupLimit);
}

}  // namespace
}  // namespace zonelint

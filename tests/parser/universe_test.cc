// Universe: records across the zones linted together, and which names the
// linted zones are authoritative for.
#include "parser/universe.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/name.h"
#include "parser/rrtype.h"
#include "parser/source.h"
#include "parser/zone.h"
#include "parser/zone_parser.h"

namespace zonelint {
namespace {

class UniverseTest : public ::testing::Test {
 protected:
  // `unread`: the zone includes a file that does not exist, so it is not
  // read whole.
  void Add(std::string origin, std::string text, bool unread = false) {
    auto zone = std::make_unique<Zone>(&names_);
    if (unread) text += "$INCLUDE /nonexistent/zonelint.inc\n";
    FileId file =
        sources_.Add(Source::FromString(origin + "zone", std::move(text)));
    ParseOptions options;
    options.origin = std::move(origin);
    ParseZone(&sources_, file, options, zone.get());
    EXPECT_EQ(zone->issues.size(), unread ? 1u : 0u);
    zones_.push_back(std::move(zone));
  }
  const Universe& Build() {
    for (auto& zone : zones_) zone->BuildIndex();
    universe_ = std::make_unique<Universe>(names_, zones_);
    return *universe_;
  }
  std::vector<std::string> Types(const std::vector<RecordRef>& refs) {
    std::vector<std::string> out;
    for (const RecordRef& r : refs) out.push_back(TypeName(r.record->type));
    return out;
  }

  SourceSet sources_;
  NameTable names_;
  std::vector<std::unique_ptr<Zone>> zones_;
  std::unique_ptr<Universe> universe_;
};

TEST_F(UniverseTest, RecordsAcrossZones) {
  Add("example.com.",
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\n@ MX 10 mx.example.net.\n"
      "@ TXT \"v=spf1 include:_spf.example.net -all\"\n");
  Add("example.net.",
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\nmx A 192.0.2.1\n"
      "_spf TXT \"v=spf1 ip4:192.0.2.0/24 -all\"\n");
  const Universe& u = Build();
  EXPECT_EQ(Types(u.RecordsAt("example.com.")),
            (std::vector<std::string>{"SOA", "NS", "MX", "TXT"}));
  EXPECT_EQ(Types(u.RecordsAt("_spf.example.net.")),
            (std::vector<std::string>{"TXT"}));
  EXPECT_EQ(u.RecordsAt("mx.example.net.", rrtype::kA).size(), 1u);
  EXPECT_EQ(u.RecordsAt("mx.example.net.", rrtype::kAAAA).size(), 0u);
  // Names nobody mentioned are not interned: no records, no crash.
  EXPECT_EQ(u.Find("nowhere.example.org."), kNoName);
  EXPECT_TRUE(u.RecordsAt("nowhere.example.org.").empty());
}

TEST_F(UniverseTest, AuthorityIsTheClosestApexUnlessDelegated) {
  Add("example.com.",
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\nsub NS ns.elsewhere.example.\n"
      "www A 192.0.2.1\n");
  Add("deep.example.com.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\n");
  const Universe& u = Build();
  ASSERT_NE(u.Authority("www.example.com."), nullptr);
  EXPECT_EQ(u.Authority("www.example.com."), zones_[0].get());
  EXPECT_EQ(u.Authority("missing.example.com."), zones_[0].get());
  EXPECT_EQ(u.Authority("a.deep.example.com."), zones_[1].get());
  EXPECT_EQ(u.Authority("deep.example.com."), zones_[1].get());
  // Delegated away: at and below the cut, records are not known here.
  EXPECT_FALSE(u.Knows("sub.example.com."));
  EXPECT_FALSE(u.Knows("a.sub.example.com."));
  EXPECT_FALSE(u.Knows("example.org."));
  EXPECT_FALSE(u.Knows("com."));
  // The apex's own NS is not a delegation.
  EXPECT_TRUE(u.Knows("example.com."));
}

TEST_F(UniverseTest, NoAuthorityInAZoneNotReadWhole) {
  Add("example.com.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\nwww A 192.0.2.1\n",
      /*unread=*/true);
  Add("example.net.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\n");
  const Universe& u = Build();
  // The zone holds its names, but any of them may have records in the
  // file that was not read: none is known to lack one.
  EXPECT_EQ(u.ZoneOf("www.example.com."), zones_[0].get());
  EXPECT_EQ(u.ZoneOf("missing.example.com."), zones_[0].get());
  EXPECT_EQ(u.Authority("www.example.com."), nullptr);
  EXPECT_FALSE(u.Knows("missing.example.com."));
  EXPECT_FALSE(u.Knows("example.com."));
  EXPECT_TRUE(u.Knows("www.example.net."));
}

TEST_F(UniverseTest, AnotherFileOfTheSameZoneNotReadWhole) {
  Add("example.com.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\n");
  Add("example.com.", "www A 192.0.2.1\n", /*unread=*/true);
  const Universe& u = Build();
  EXPECT_EQ(u.ZoneOf("www.example.com."), zones_[0].get());
  EXPECT_FALSE(u.Knows("www.example.com."));
}

TEST_F(UniverseTest, WildcardForTheClosestEncloserOnly) {
  Add("example.com.",
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\n*.hosts A 192.0.2.20\n"
      "b.hosts A 192.0.2.21\n* TXT \"apex wildcard\"\n");
  const Universe& u = Build();
  const Zone& zone = *zones_[0];
  const NameId hosts_wildcard = u.Find("*.hosts.example.com.");
  const NameId apex_wildcard = u.Find("*.example.com.");
  ASSERT_NE(hosts_wildcard, kNoName);
  ASSERT_NE(apex_wildcard, kNoName);
  EXPECT_EQ(u.WildcardFor("a.hosts.example.com.", zone), hosts_wildcard);
  // Below a name that has no records of its own, the wildcard above it.
  EXPECT_EQ(u.WildcardFor("x.a.hosts.example.com.", zone), hosts_wildcard);
  EXPECT_EQ(u.WildcardFor("other.example.com.", zone), apex_wildcard);
  // b.hosts exists and has no wildcard below it: names under it match
  // nothing (RFC 4592 closest encloser), not the wildcards further up.
  EXPECT_EQ(u.WildcardFor("x.b.hosts.example.com.", zone), kNoName);
}

TEST_F(UniverseTest, SameNameInSeveralZonesZoneByZoneInFileOrder) {
  Add("example.com.",
      "@ SOA ns h 1 2 3 4 5\nshared.example.net. A 192.0.2.1\n"
      "shared.example.net. TXT \"a\"\n");
  Add("example.net.", "@ SOA ns h 1 2 3 4 5\nshared MX 10 mx\n");
  Add("example.org.", "@ SOA ns h 1 2 3 4 5\nshared.example.net. AAAA ::1\n");
  const Universe& u = Build();
  const std::vector<RecordRef> refs = u.RecordsAt("shared.example.net.");
  EXPECT_EQ(Types(refs), (std::vector<std::string>{"A", "TXT", "MX", "AAAA"}));
  ASSERT_EQ(refs.size(), 4u);
  EXPECT_EQ(refs[0].zone, zones_[0].get());
  EXPECT_EQ(refs[2].zone, zones_[1].get());
  EXPECT_EQ(refs[3].zone, zones_[2].get());
  // Each zone indexes its own owners only.
  const NameId shared = u.Find("shared.example.net.");
  EXPECT_EQ(zones_[1]->RecordsAt(shared).size(), 1u);
  EXPECT_TRUE(zones_[1]->RecordsAt(u.Find("example.com.")).empty());
  EXPECT_FALSE(u.HasRecordsAt(u.Find("mx.example.net.")));
  EXPECT_TRUE(u.HasRecordsAt(shared));
}

TEST_F(UniverseTest, ALinkedChildZoneHoldsWhatItsParentDelegates) {
  Add("example.com.",
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\nsub NS ns.sub\nns.sub A 192.0.2.1\n");
  Add("sub.example.com.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\nwww A 192.0.2.2\n");
  Add("other.example.com.",
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\n"
      "deep NS ns.elsewhere.example.\n");
  const Universe& u = Build();
  EXPECT_EQ(u.Authority("www.sub.example.com."), zones_[1].get());
  EXPECT_EQ(u.Authority("sub.example.com."), zones_[1].get());
  EXPECT_EQ(u.Authority("x.example.com."), zones_[0].get());
  EXPECT_EQ(u.Authority("other.example.com."), zones_[2].get());
  EXPECT_EQ(u.ZoneOf("a.deep.other.example.com."), nullptr);
  EXPECT_EQ(u.ZoneOf("deep.other.example.com."), nullptr);
  // Below the apex of the child, its own NS is no delegation.
  EXPECT_EQ(u.Authority("a.other.example.com."), zones_[2].get());
}

TEST_F(UniverseTest, SeveralFilesOfOneApexTheFirstHoldsOneIncompleteSpoils) {
  Add("example.com.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\n");
  Add("example.net.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\n");
  Add("example.com.", "www A 192.0.2.1\n");
  Add("example.com.", "mail A 192.0.2.2\n", /*unread=*/true);
  const Universe& u = Build();
  EXPECT_EQ(u.ZoneOf("www.example.com."), zones_[0].get());
  EXPECT_EQ(u.ZoneOf("mail.example.com."), zones_[0].get());
  EXPECT_EQ(u.Authority("www.example.com."), nullptr);
  EXPECT_EQ(u.Authority("x.example.net."), zones_[1].get());
}

TEST_F(UniverseTest, TheRootZoneHoldsWhatNoOtherDoes) {
  Add(".", "@ SOA ns h 1 2 3 4 5\n@ NS ns\ncom NS a.gtld-servers.net.\n");
  Add("example.org.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\n");
  const Universe& u = Build();
  EXPECT_EQ(u.Authority("."), zones_[0].get());
  EXPECT_EQ(u.Authority("org."), zones_[0].get());
  EXPECT_EQ(u.Authority("www.example.org."), zones_[1].get());
  EXPECT_EQ(u.Authority("example.com."), nullptr);  // delegated
}

TEST_F(UniverseTest, WildcardsAndClosestEnclosersAcrossFiles) {
  // A wildcard in a second file of the zone answers for it too.
  Add("example.com.", "@ SOA ns h 1 2 3 4 5\n@ NS ns\nb.hosts A 192.0.2.1\n");
  Add("example.com.", "*.hosts A 192.0.2.2\n");
  const Universe& u = Build();
  const Zone& zone = *zones_[0];
  EXPECT_EQ(u.WildcardFor("a.hosts.example.com.", zone),
            u.Find("*.hosts.example.com."));
  EXPECT_EQ(u.WildcardFor("x.b.hosts.example.com.", zone), kNoName);
  EXPECT_EQ(u.WildcardFor("www.example.com.", zone), kNoName);
}

TEST_F(UniverseTest, ManyZonesEachAnswersForItsOwnNames) {
  constexpr int kZones = 2000;
  for (int i = 0; i < kZones; ++i) {
    const std::string n = std::to_string(i);
    Add("zone" + n + ".example.",
        "@ SOA ns h 1 2 3 4 5\n@ NS ns\n@ MX 10 mail\nmail A 192.0.2.1\n"
        "sub NS ns.elsewhere.example.\n");
  }
  const Universe& u = Build();
  for (int i = 0; i < kZones; i += 97) {
    const std::string apex = "zone" + std::to_string(i) + ".example.";
    EXPECT_EQ(u.Authority("mail." + apex), zones_[i].get()) << apex;
    EXPECT_EQ(u.Authority("missing." + apex), zones_[i].get()) << apex;
    EXPECT_EQ(u.ZoneOf("a.sub." + apex), nullptr) << apex;
    EXPECT_EQ(Types(u.RecordsAt(apex)),
              (std::vector<std::string>{"SOA", "NS", "MX"}));
    EXPECT_EQ(u.RecordsAt(u.Find("mail." + apex))[0].zone, zones_[i].get());
  }
  EXPECT_EQ(u.Authority("example."), nullptr);
}

}  // namespace
}  // namespace zonelint

// Typed views of parsed records (parser/record_views.h): MX, the targets of
// CNAME and its kin, and the CNAME at a name across the linted zones.
#include "parser/record_views.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/name.h"
#include "parser/source.h"
#include "parser/universe.h"
#include "parser/zone.h"
#include "parser/zone_parser.h"

namespace zonelint {
namespace {

class RecordViewsTest : public ::testing::Test {
 protected:
  const Zone& Parse(std::string text) {
    auto zone = std::make_unique<Zone>(&names_);
    const FileId file =
        sources_.Add(Source::FromString("example.com.zone", std::move(text)));
    ParseOptions options;
    options.origin = "example.com.";
    ParseZone(&sources_, file, options, zone.get());
    EXPECT_TRUE(zone->issues.empty());
    zone->BuildIndex();
    zones_.push_back(std::move(zone));
    universe_ = std::make_unique<Universe>(names_, zones_);
    return *zones_.back();
  }
  std::string_view Name(NameId id) { return names_.Text(id); }

  SourceSet sources_;
  NameTable names_;
  std::vector<std::unique_ptr<Zone>> zones_;
  std::unique_ptr<Universe> universe_;
};

TEST_F(RecordViewsTest, MxAndTargets) {
  const Zone& z = Parse(
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\n@ MX 10 mail\n"
      "www CNAME host.example.net.\nold CNAME \\# 1 00\n");
  const std::vector<Record>& r = z.records;
  ASSERT_EQ(r.size(), 5u);
  ASSERT_TRUE(AsMx(z, r[2]).has_value());
  EXPECT_EQ(AsMx(z, r[2])->preference, 10);
  EXPECT_EQ(Name(AsMx(z, r[2])->exchange), "mail.example.com.");
  EXPECT_FALSE(AsMx(z, r[1]).has_value());
  EXPECT_EQ(Name(*AsTargetName(z, r[1])), "ns.example.com.");
  EXPECT_EQ(Name(CnameTarget(z, r[3])), "host.example.net.");
  // Not a CNAME, or generic rdata: no target.
  EXPECT_EQ(CnameTarget(z, r[1]), kNoName);
  EXPECT_EQ(CnameTarget(z, r[4]), kNoName);
}

TEST_F(RecordViewsTest, CnameTargetAtAName) {
  Parse(
      "@ SOA ns h 1 2 3 4 5\n@ NS ns\n@ A 192.0.2.1\n"
      "www CNAME host.example.net.\n");
  EXPECT_EQ(Name(CnameTargetAt(*universe_, names_.Find("www.example.com."))),
            "host.example.net.");
  EXPECT_EQ(CnameTargetAt(*universe_, names_.Find("example.com.")), kNoName);
  EXPECT_EQ(CnameTargetAt(*universe_, kNoName), kNoName);
}

}  // namespace
}  // namespace zonelint

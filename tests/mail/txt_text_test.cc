// TxtText: TXT character-strings joined as mail protocols read them, with
// every byte mapped back to its columns in the zone file.
#include "mail/txt_text.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "parser/name.h"
#include "parser/source.h"
#include "parser/zone.h"
#include "parser/zone_parser.h"

namespace zonelint {
namespace {

class TxtTextTest : public ::testing::Test {
 protected:
  // Parses `text` (origin example.com.) and returns the joined text of its
  // first record.
  const TxtText& Join(std::string text) {
    zone_ = std::make_unique<Zone>(&names_);
    FileId file = sources_.Add(Source::FromString("t.zone", std::move(text)));
    ParseOptions options;
    options.origin = "example.com.";
    ParseZone(&sources_, file, options, zone_.get());
    EXPECT_TRUE(zone_->issues.empty()) << zone_->issues[0].message;
    EXPECT_FALSE(zone_->records.empty());
    txt_ = std::make_unique<TxtText>(*zone_, sources_, zone_->records[0]);
    return *txt_;
  }
  // The source text a range of the joined text maps to.
  std::string SourceOf(uint32_t begin, uint32_t end) const {
    SourceRange r = txt_->Range(begin, end);
    return std::string(
        sources_.Get(r.file).text().substr(r.begin, r.end - r.begin));
  }

  SourceSet sources_;
  NameTable names_;
  std::unique_ptr<Zone> zone_;
  std::unique_ptr<TxtText> txt_;
};

TEST_F(TxtTextTest, OneString) {
  const TxtText& t = Join("@ TXT \"v=spf1 -all\"\n");
  EXPECT_EQ(t.text(), "v=spf1 -all");
  EXPECT_EQ(t.string_count(), 1u);
  EXPECT_EQ(SourceOf(7, 11), "-all");
  SourceRange r = t.Range(7, 11);
  EXPECT_EQ(sources_.Get(r.file).Locate(r.begin).column, 15u);
}

TEST_F(TxtTextTest, StringsJoinWithNoSeparator) {
  // RFC 7208 3.3: "v=spf1 ip4:" "192.0.2.5 -all" is one term ip4:192.0.2.5.
  const TxtText& t = Join("@ TXT \"v=spf1 ip4:\" \"192.0.2.5 -all\"\n");
  EXPECT_EQ(t.text(), "v=spf1 ip4:192.0.2.5 -all");
  EXPECT_EQ(t.string_count(), 2u);
  // A term across both strings covers the quotes and blank between them.
  EXPECT_EQ(SourceOf(7, 20), "ip4:\" \"192.0.2.5");
  EXPECT_EQ(SourceOf(21, 25), "-all");
}

TEST_F(TxtTextTest, StringEndsInTheJoinedText) {
  // Unquoted words are strings of their own; escapes count as one byte.
  const TxtText& t = Join("@ TXT v=spf1 \"m\\120\" \"\" ~all\n");
  EXPECT_EQ(t.text(), "v=spf1mx~all");
  EXPECT_EQ(t.StringEnds(), (std::vector<uint32_t>{6, 8, 8, 12}));
  const TxtText& one = Join("@ TXT \"v=spf1 -all\"\n");
  EXPECT_EQ(one.StringEnds(), std::vector<uint32_t>{11});
}

TEST_F(TxtTextTest, UnquotedAndMultiLineStrings) {
  const TxtText& t = Join("@ TXT ( v=spf1\n  \" a\" )\n");
  EXPECT_EQ(t.text(), "v=spf1 a");
  EXPECT_EQ(SourceOf(0, 6), "v=spf1");
  SourceRange r = t.Range(7, 8);
  LineCol lc = sources_.Get(r.file).Locate(r.begin);
  EXPECT_EQ(lc.line, 2u);
  EXPECT_EQ(lc.column, 5u);
}

TEST_F(TxtTextTest, EscapesDecodeAndMapToTheirWholeSpelling) {
  const TxtText& t = Join("@ TXT \"a\\\"b\\065c\\\\\"\n");
  EXPECT_EQ(t.text(), "a\"bAc\\");
  EXPECT_EQ(SourceOf(1, 2), "\\\"");
  EXPECT_EQ(SourceOf(3, 4), "\\065");
  EXPECT_EQ(SourceOf(5, 6), "\\\\");
  EXPECT_EQ(SourceOf(1, 4), "\\\"b\\065");
}

TEST_F(TxtTextTest, EmptyRangesAndClamping) {
  const TxtText& t = Join("@ TXT \"ab\" \"\"\n");
  EXPECT_EQ(t.text(), "ab");
  EXPECT_EQ(t.string_count(), 2u);
  EXPECT_EQ(SourceOf(1, 1), "");
  EXPECT_EQ(t.Range(1, 1).begin, t.Range(1, 2).begin);
  // Past the end: clamped, never out of the record.
  SourceRange r = t.Range(5, 9);
  EXPECT_LE(r.begin, t.RecordRange().end);
  EXPECT_EQ(r.begin, r.end);
}

TEST_F(TxtTextTest, GeneratedRecordsMapToTheRecord) {
  // As in BIND, the rhs loses its quotes and is read again as rdata text:
  // two character-strings, joined with no blank.
  const TxtText& t = Join("$GENERATE 1-2 h$ TXT \"v=spf1 a:$.example.com\"\n");
  EXPECT_EQ(t.text(), "v=spf1a:1.example.com");
  EXPECT_EQ(t.string_count(), 2u);
  SourceRange r = t.Range(7, 9);
  EXPECT_EQ(r.begin, t.RecordRange().begin);
  EXPECT_EQ(r.end, t.RecordRange().end);
}

TEST_F(TxtTextTest, DeferredTextsJoinOnDemand) {
  Join("@ TXT \"v=DKIM1; \" \"p=\\065B\"\n");
  JoinedTexts joined;
  const TxtText t =
      TxtText::Deferred(*zone_, sources_, zone_->records[0], &joined);
  EXPECT_TRUE(t.deferred());
  // Read without being stored: into the caller's buffer.
  std::string scratch;
  EXPECT_EQ(t.TextIn(&scratch), "v=DKIM1; p=AB");
  EXPECT_EQ(scratch, "v=DKIM1; p=AB");
  EXPECT_EQ(t.Prefix(4), "v=DK");
  EXPECT_EQ(t.Prefix(13), "v=DKIM1; p=AB");
  EXPECT_EQ(t.Prefix(12), "v=DKIM1; p=A");  // the escape is one byte
  EXPECT_EQ(t.Prefix(99), "v=DKIM1; p=AB");
  // Joined for good by text(); TextIn then needs no buffer.
  EXPECT_EQ(t.text(), "v=DKIM1; p=AB");
  EXPECT_EQ(t.Range(9, 13).end, txt_->Range(9, 13).end);
  scratch = "unused";
  EXPECT_EQ(t.TextIn(&scratch), "v=DKIM1; p=AB");
  EXPECT_EQ(scratch, "unused");
}

TEST_F(TxtTextTest, DeferredOneStringTextIsAView) {
  Join("@ TXT \"v=DKIM1; p=AB\"\n");
  JoinedTexts joined;
  const TxtText t =
      TxtText::Deferred(*zone_, sources_, zone_->records[0], &joined);
  EXPECT_FALSE(t.deferred());
  EXPECT_EQ(t.text(), "v=DKIM1; p=AB");
}

}  // namespace
}  // namespace zonelint

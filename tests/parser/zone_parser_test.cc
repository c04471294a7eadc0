// The zone parser: directives ($ORIGIN, $TTL, $INCLUDE, $GENERATE), owner
// names and inheritance, TTLs and classes, the lexical layer as records see
// it, typed rdata, how the origin is found, error recovery and the limits.
// Each test checks the records exactly (owner, TTL, class, type, field
// text) and the source ranges (line and column) of records and issues.
#include "parser/zone_parser.h"

#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "lint/session.h"
#include "parser/name.h"
#include "parser/rdata.h"
#include "parser/record_views.h"
#include "parser/rrtype.h"
#include "parser/source.h"
#include "parser/zone.h"
#include "util/strings.h"

namespace zonelint {
namespace {

// ---- Helpers ---------------------------------------------------------------

ParseOptions WithOrigin(std::string origin = "example.com.") {
  ParseOptions options;
  options.origin = std::move(origin);
  return options;
}

class ZoneParserTest : public ::testing::Test {
 protected:
  // Parses `text` held in memory; `name` is the file name the zone has
  // (it has no dot by default, so it suggests no origin).
  const Zone& Parse(std::string text, const ParseOptions& options = {},
                    std::string name = "zone-input") {
    session_ = std::make_unique<Session>();
    session_->AddText(std::move(name), std::move(text), options);
    return zone();
  }
  const Zone& ParseFile(const std::string& path,
                        const ParseOptions& options = {}) {
    session_ = std::make_unique<Session>();
    absl::Status status = session_->AddFile(path, options);
    EXPECT_TRUE(status.ok()) << path;
    return zone();
  }

  const Zone& zone() const { return *session_->zones().back(); }
  const SourceSet& sources() const { return session_->sources(); }

  std::string Name(NameId id) const {
    return id == kNoName ? "<none>" : std::string(zone().names().Text(id));
  }

  // "owner TTL CLASS TYPE field field ..." with the fields as written.
  std::string Show(const Record& r) const {
    std::string out = Cat(Name(r.owner), " ", r.ttl, " ", ClassName(r.rclass),
                          " ", TypeName(r.type));
    for (const Field& f : zone().FieldsOf(r)) {
      out += " ";
      if (f.quoted) out += "\"";
      out += zone().FieldText(sources(), r, f);
      if (f.quoted) out += "\"";
    }
    return out;
  }
  std::vector<std::string> Records() const {
    std::vector<std::string> out;
    for (const Record& r : zone().records) out.push_back(Show(r));
    return out;
  }
  std::vector<std::string> Fields(const Record& r) const {
    std::vector<std::string> out;
    for (const Field& f : zone().FieldsOf(r)) {
      out.emplace_back(zone().FieldText(sources(), r, f));
    }
    return out;
  }

  // "file:line:col-line:col" of a range; the file is its base name.
  std::string Where(SourceRange range) const {
    const Source& src = sources().Get(range.file);
    LineCol b = src.Locate(range.begin);
    LineCol e = src.Locate(range.end);
    std::string path = src.path();
    size_t slash = path.rfind('/');
    if (slash != std::string::npos) path = path.substr(slash + 1);
    return Cat(path, ":", b.line, ":", b.column, "-", e.line, ":", e.column);
  }
  // The text a range covers.
  std::string_view TextOf(SourceRange range) const {
    return sources().Get(range.file).text().substr(range.begin,
                                                   range.end - range.begin);
  }

  // "file:line:col-line:col kind: message" for each issue.
  std::vector<std::string> Issues() const {
    static constexpr std::string_view kKinds[] = {"syntax", "include", "rdata",
                                                  "string"};
    std::vector<std::string> out;
    for (const ParseIssue& i : zone().issues) {
      out.push_back(Cat(Where(i.range), " ", kKinds[static_cast<int>(i.kind)],
                        ": ", i.message));
    }
    return out;
  }

  std::unique_ptr<Session> session_;
};

using Strings = std::vector<std::string>;

// A temporary directory that is removed with its files.
class TempDir {
 public:
  TempDir() {
    std::string base = ::testing::TempDir();
    if (base.empty() || base.back() != '/') base += '/';
    std::string tmpl = base + "zonelint-parser-XXXXXX";
    char* made = ::mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    // Canonical, so paths in messages are predictable.
    char real[PATH_MAX];
    path_ = ::realpath(tmpl.c_str(), real) != nullptr ? real : tmpl;
  }
  ~TempDir() { std::system(("rm -rf '" + path_ + "'").c_str()); }

  const std::string& path() const { return path_; }
  // Writes `relative` (making its directory) and returns its full path.
  std::string Write(const std::string& relative, const std::string& text) {
    std::string full = path_ + "/" + relative;
    size_t slash = full.rfind('/');
    std::system(("mkdir -p '" + full.substr(0, slash) + "'").c_str());
    std::ofstream(full, std::ios::binary) << text;
    return full;
  }

 private:
  std::string path_;
};

// ---- $ORIGIN and owner names -----------------------------------------------

TEST_F(ZoneParserTest, OriginDirectiveAndRelativeNames) {
  const Zone& z = Parse(
      "$ORIGIN Example.COM.\n"
      "www A 192.0.2.1\n"
      "$ORIGIN sub\n"
      "host A 192.0.2.2\n"
      "@ TXT x\n"
      "abs.example.net. A 192.0.2.3\n");
  EXPECT_TRUE(z.issues.empty()) << Issues()[0];
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1",
                                "host.sub.example.com. 0 IN A 192.0.2.2",
                                "sub.example.com. 0 IN TXT x",
                                "abs.example.net. 0 IN A 192.0.2.3"}));
  EXPECT_EQ(Name(z.apex), "example.com.");
  ASSERT_EQ(z.records.size(), 4u);
  EXPECT_TRUE(z.records[0].has(kRecordOwnerRelative));
  EXPECT_FALSE(z.records[2].has(kRecordOwnerRelative));  // "@"
  EXPECT_FALSE(z.records[3].has(kRecordOwnerRelative));
  EXPECT_EQ(Where(z.records[0].range()), "zone-input:2:1-2:16");
  EXPECT_EQ(Where(z.records[0].owner_range()), "zone-input:2:1-2:4");
  EXPECT_EQ(Where(z.records[3].owner_range()), "zone-input:6:1-6:17");
  EXPECT_EQ(z.records[0].file, z.main_file);
}

TEST_F(ZoneParserTest, QuotedOwnerNames) {
  // BIND reads a quoted owner as the name its text spells, '@' included.
  const Zone& z = Parse(
      "\"q.example.com.\" TXT \"v=spf1 ?all\"\n"
      "\"q2\" TXT \"x\"\n"
      "\"a b\" A 192.0.2.1\n"
      "\"@\" MX 0 .\n"
      "\"\" A 192.0.2.2\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"q.example.com. 0 IN TXT \"v=spf1 ?all\"",
                                "q2.example.com. 0 IN TXT \"x\"",
                                "a\\032b.example.com. 0 IN A 192.0.2.1",
                                "example.com. 0 IN MX 0 ."}));
  EXPECT_EQ(Where(z.records[0].owner_range()), "zone-input:1:1-1:17");
  EXPECT_EQ(Issues(), (Strings{"zone-input:5:1-5:3 syntax: invalid domain "
                               "name '': the name is empty"}));
}

TEST_F(ZoneParserTest, OwnerCaseIsFolded) {
  const Zone& z = Parse("WWW.Example.Com. A 192.0.2.1\nwww.example.com. A 192.0.2.2\n");
  ASSERT_EQ(z.records.size(), 2u);
  EXPECT_EQ(Name(z.records[0].owner), "www.example.com.");
  EXPECT_EQ(z.records[0].owner, z.records[1].owner);
}

TEST_F(ZoneParserTest, BlankOwnerInheritsThePreviousOwner) {
  const Zone& z = Parse(
      "www A 192.0.2.1\n"
      "\tAAAA 2001:db8::1\n"
      "  ; a comment line does not reset the owner\n"
      "\n"
      "    TXT \"x\"\n"
      "mail MX 10 www\n"
      " MX 20 backup\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1",
                                "www.example.com. 0 IN AAAA 2001:db8::1",
                                "www.example.com. 0 IN TXT \"x\"",
                                "mail.example.com. 0 IN MX 10 www",
                                "mail.example.com. 0 IN MX 20 backup"}));
  ASSERT_EQ(z.records.size(), 5u);
  // An inherited owner has an empty owner range at the record's start.
  EXPECT_EQ(Where(z.records[1].range()), "zone-input:2:2-2:18");
  EXPECT_EQ(Where(z.records[1].owner_range()), "zone-input:2:2-2:2");
  // Only a written owner can be relative.
  EXPECT_FALSE(z.records[1].has(kRecordOwnerRelative));
  EXPECT_EQ(Where(z.records[2].range()), "zone-input:5:5-5:12");
}

TEST_F(ZoneParserTest, BlankOwnerWithNoPreviousRecord) {
  const Zone& z = Parse("  A 192.0.2.1\nwww A 192.0.2.2\n", WithOrigin());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.2"}));
  ASSERT_EQ(z.issues.size(), 1u);
  EXPECT_EQ(Where(z.issues[0].range), "zone-input:1:3-1:4");
  EXPECT_EQ(z.issues[0].kind, IssueKind::kSyntax);
  EXPECT_NE(z.issues[0].message.find("no owner name"), std::string::npos);
}

TEST_F(ZoneParserTest, AtSignIsTheOrigin) {
  const Zone& z = Parse("@ NS ns\n@ MX 10 @\n", WithOrigin());
  EXPECT_EQ(Records(), (Strings{"example.com. 0 IN NS ns",
                                "example.com. 0 IN MX 10 @"}));
  ASSERT_EQ(z.records.size(), 2u);
  EXPECT_EQ(Name(AsMx(z, z.records[1])->exchange), "example.com.");
  EXPECT_EQ(Name(*AsTargetName(z, z.records[0])), "ns.example.com.");
}

TEST_F(ZoneParserTest, InvalidOwnerNames) {
  Parse(
      "a..b A 192.0.2.1\n" +
          std::string(64, 'x') + " A 192.0.2.2\n"
          "bad\\256 A 192.0.2.3\n"
          "ok A 192.0.2.4\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"ok.example.com. 0 IN A 192.0.2.4"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:1-1:5 syntax: invalid domain name 'a..b': "
                     "the name has an empty label ('..')",
                     Cat("zone-input:2:1-2:65 syntax: invalid domain name '",
                         std::string(64, 'x'),
                         "': a label is longer than 63 bytes"),
                     "zone-input:3:1-3:8 syntax: invalid domain name "
                     "'bad\\256': a backslash escape is malformed"}));
}

TEST_F(ZoneParserTest, OriginDirectiveErrors) {
  Parse(
      "$ORIGIN\n"
      "$ORIGIN a. b.\n"
      "$ORIGIN a..b.\n"
      "$FOO bar\n"
      "www A 192.0.2.1\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:1-1:8 syntax: $ORIGIN is missing its argument",
                     "zone-input:2:12-2:14 syntax: extra text after $ORIGIN",
                     "zone-input:3:9-3:14 syntax: invalid domain name 'a..b.': "
                     "the name has an empty label ('..')",
                     "zone-input:4:1-4:5 syntax: unknown directive '$FOO'"}));
}

// ---- TTLs and classes -------------------------------------------------------

TEST_F(ZoneParserTest, TtlDirectiveAndUnits) {
  const Zone& z = Parse(
      "$TTL 1h\n"
      "a A 192.0.2.1\n"
      "b 1w2d3h4m5s A 192.0.2.2\n"
      "c 1W2D3H4M5S A 192.0.2.3\n"
      "d 90 A 192.0.2.4\n"
      "$ttl 2d\n"
      "e A 192.0.2.5\n"
      "f 1h30 A 192.0.2.6\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"a.example.com. 3600 IN A 192.0.2.1",
                                "b.example.com. 788645 IN A 192.0.2.2",
                                "c.example.com. 788645 IN A 192.0.2.3",
                                "d.example.com. 90 IN A 192.0.2.4",
                                "e.example.com. 172800 IN A 192.0.2.5",
                                "f.example.com. 3630 IN A 192.0.2.6"}));
  ASSERT_EQ(z.records.size(), 6u);
  EXPECT_FALSE(z.records[0].has(kRecordTtlExplicit));
  EXPECT_TRUE(z.records[1].has(kRecordTtlExplicit));
  EXPECT_FALSE(z.records[4].has(kRecordTtlExplicit));
}

TEST_F(ZoneParserTest, TtlWithoutTtlDirective) {
  // RFC 1035: the previous record's TTL; for a first SOA its minimum.
  const Zone& z = Parse(
      "@ SOA ns hm 1 7200 3600 1w 300\n"
      "a A 192.0.2.1\n"
      "b 60 A 192.0.2.2\n"
      "c A 192.0.2.3\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(),
            (Strings{"example.com. 300 IN SOA ns hm 1 7200 3600 1w 300",
                     "a.example.com. 300 IN A 192.0.2.1",
                     "b.example.com. 60 IN A 192.0.2.2",
                     "c.example.com. 60 IN A 192.0.2.3"}));
}

TEST_F(ZoneParserTest, ClassAndTtlInEitherOrder) {
  const Zone& z = Parse(
      "a 300 IN A 192.0.2.1\n"
      "b IN 300 A 192.0.2.2\n"
      "c in A 192.0.2.3\n"
      "d CLASS1 60 A 192.0.2.4\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"a.example.com. 300 IN A 192.0.2.1",
                                "b.example.com. 300 IN A 192.0.2.2",
                                "c.example.com. 300 IN A 192.0.2.3",
                                "d.example.com. 60 IN A 192.0.2.4"}));
}

TEST_F(ZoneParserTest, BadTtlsAndClasses) {
  Parse(
      "a 4294967296 A 192.0.2.1\n"
      "b 1x A 192.0.2.2\n"
      "c CH A 192.0.2.3\n"
      "d IN IN A 192.0.2.4\n"
      "e 60 60 A 192.0.2.5\n"
      "$TTL 1y\n"
      "$TTL\n"
      "f 4294967295 A 192.0.2.6\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"f.example.com. 4294967295 IN A 192.0.2.6"}));
  EXPECT_EQ(
      Issues(),
      (Strings{"zone-input:1:3-1:13 syntax: invalid TTL '4294967296'",
               "zone-input:2:3-2:5 syntax: invalid TTL '1x'",
               "zone-input:3:3-3:5 syntax: class CH does not match the zone's "
               "class IN",
               "zone-input:4:6-4:8 syntax: a second class 'IN' where the "
               "type goes",
               "zone-input:5:6-5:8 syntax: a second TTL '60' where the type "
               "goes",
               "zone-input:6:6-6:8 syntax: invalid TTL '1y'",
               "zone-input:7:1-7:5 syntax: $TTL is missing its argument"}));
}

TEST_F(ZoneParserTest, TypeErrorsPointAtTheToken) {
  const Zone& z = Parse(
      "www FOO 192.0.2.1\n"
      "mail 300 IN BAR x\n"
      "ns 300\n"
      "a 300 IN \"A\" 192.0.2.1\n"
      "    MOE MB a.example.\n",
      WithOrigin());
  EXPECT_TRUE(z.records.empty());
  ASSERT_EQ(z.issues.size(), 5u);
  // An unquoted word where the type goes is an unknown type (as BIND says).
  EXPECT_EQ(z.issues[0].message, "unknown record type 'FOO'");
  EXPECT_EQ(Where(z.issues[0].range), "zone-input:1:5-1:8");
  EXPECT_EQ(TextOf(z.issues[0].range), "FOO");
  EXPECT_NE(z.issues[0].help.find("TYPEnnn"), std::string::npos);
  EXPECT_EQ(z.issues[1].message, "unknown record type 'BAR'");
  EXPECT_EQ(TextOf(z.issues[1].range), "BAR");
  // Nothing after the TTL: the end of the line.
  EXPECT_EQ(z.issues[2].message, "expected a TTL, class or type");
  EXPECT_EQ(Where(z.issues[2].range), "zone-input:3:7-4:1");
  // A quoted type is none; with a TTL and a class given only a type can
  // follow.
  EXPECT_EQ(z.issues[3].message, "expected a type");
  EXPECT_EQ(TextOf(z.issues[3].range), "\"A\"");
  // A line that begins with a blank has no owner: its first word is read
  // as the type, and the help says so.
  EXPECT_EQ(z.issues[4].message, "unknown record type 'MOE'");
  EXPECT_NE(z.issues[4].help.find("begins with a blank"), std::string::npos);
}

TEST_F(ZoneParserTest, MetaTypesAreRejected) {
  const Zone& z = Parse("a ANY 192.0.2.1\nb AXFR x\nc OPT\n", WithOrigin());
  EXPECT_TRUE(z.records.empty());
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:3-1:6 syntax: ANY is a meta type and cannot "
                     "appear in zone data",
                     "zone-input:2:3-2:7 syntax: AXFR is a meta type and "
                     "cannot appear in zone data",
                     "zone-input:3:3-3:6 syntax: OPT is a meta type and cannot "
                     "appear in zone data"}));
}

// ---- Lexical layer ---------------------------------------------------------

TEST_F(ZoneParserTest, ParenthesesAcrossLines) {
  const Zone& z = Parse(
      "@ IN SOA ns1 hostmaster (\n"
      "        2024010101 ; serial\n"
      "        2h         ; refresh\n"
      "\n"
      "        1h 1w\n"
      "        5m )       ; minimum\n"
      "www A 192.0.2.1\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(),
            (Strings{"example.com. 300 IN SOA ns1 hostmaster 2024010101 2h 1h "
                     "1w 5m",
                     "www.example.com. 300 IN A 192.0.2.1"}));
  const Record& soa = z.records[0];
  EXPECT_EQ(Where(soa.range()), "zone-input:1:1-6:11");
  auto fields = z.FieldsOf(soa);
  ASSERT_EQ(fields.size(), 7u);
  EXPECT_EQ(Where(z.FieldRange(soa, fields[2])), "zone-input:2:9-2:19");
  EXPECT_EQ(fields[2].kind, FieldKind::kNumber);
  EXPECT_EQ(fields[2].value, 2024010101u);
  EXPECT_EQ(fields[3].value, 7200u);
  EXPECT_EQ(fields[6].value, 300u);
  EXPECT_EQ(Where(z.FieldRange(soa, fields[6])), "zone-input:6:9-6:11");
  EXPECT_EQ(fields[0].kind, FieldKind::kName);
  EXPECT_EQ(Name(fields[0].value), "ns1.example.com.");
  EXPECT_TRUE(fields[0].relative);
  EXPECT_EQ(Name(fields[1].value), "hostmaster.example.com.");
  EXPECT_EQ(Where(z.records[1].range()), "zone-input:7:1-7:16");
}

TEST_F(ZoneParserTest, Comments) {
  const Zone& z = Parse(
      "; header comment\n"
      "www A 192.0.2.1 ; trailing\n"
      "txt TXT \"not ; a comment\" ;but this is\n"
      "semi TXT a\\;b\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1",
                                "txt.example.com. 0 IN TXT \"not ; a comment\"",
                                "semi.example.com. 0 IN TXT a\\;b"}));
  EXPECT_EQ(Where(z.records[0].range()), "zone-input:2:1-2:16");
  std::vector<TxtString> s = AsTxt(z, sources(), z.records[2]);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].text, "a;b");
}

TEST_F(ZoneParserTest, QuotedStringsAndEscapes) {
  const Zone& z = Parse(
      "t TXT \"a \\\"quoted\\\" word\" \"\\065\\066C\" plain \"\" \"x\\\\y\"\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  ASSERT_EQ(z.records.size(), 1u);
  const Record& r = z.records[0];
  EXPECT_EQ(Fields(r), (Strings{"a \\\"quoted\\\" word", "\\065\\066C",
                                "plain", "", "x\\\\y"}));
  std::vector<TxtString> s = AsTxt(z, sources(), r);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].text, "a \"quoted\" word");
  EXPECT_EQ(s[1].text, "ABC");
  EXPECT_EQ(s[2].text, "plain");
  EXPECT_EQ(s[3].text, "");
  EXPECT_EQ(s[4].text, "x\\y");
  // Ranges exclude the quotes.
  EXPECT_EQ(Where(s[0].range), "zone-input:1:8-1:25");
  EXPECT_EQ(Where(s[2].range), "zone-input:1:39-1:44");
  auto fields = z.FieldsOf(r);
  EXPECT_TRUE(fields[0].quoted);
  EXPECT_FALSE(fields[2].quoted);
  EXPECT_EQ(fields[0].kind, FieldKind::kString);
}

TEST_F(ZoneParserTest, CrlfLineEnds) {
  const Zone& z = Parse(
      "$ORIGIN example.com.\r\n"
      "$TTL 300\r\n"
      "a A 192.0.2.1\r\n"
      "b ( TXT\r\n"
      "  \"x y\" ) ; c\r\n"
      "\tTXT z\r\n",
      {});
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"a.example.com. 300 IN A 192.0.2.1",
                                "b.example.com. 300 IN TXT \"x y\"",
                                "b.example.com. 300 IN TXT z"}));
  EXPECT_EQ(Where(z.records[0].range()), "zone-input:3:1-3:14");
  EXPECT_EQ(Where(z.records[1].range()), "zone-input:4:1-5:8");
  EXPECT_EQ(Where(z.records[2].range()), "zone-input:6:2-6:7");
}

TEST_F(ZoneParserTest, MissingFinalNewline) {
  const Zone& z = Parse("a A 192.0.2.1\nb TXT \"last\"", WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"a.example.com. 0 IN A 192.0.2.1",
                                "b.example.com. 0 IN TXT \"last\""}));
  EXPECT_EQ(Where(z.records[1].range()), "zone-input:2:1-2:13");
  const Zone& z2 = Parse("a A 192.0.2.1 ; no newline", WithOrigin());
  EXPECT_EQ(z2.records.size(), 1u);
  EXPECT_TRUE(z2.issues.empty());
  const Zone& z3 = Parse("", WithOrigin());
  EXPECT_TRUE(z3.records.empty());
  EXPECT_TRUE(z3.issues.empty());
}

TEST_F(ZoneParserTest, LexicalErrors) {
  Parse(
      "a TXT \"unterminated\n"
      "b A 192.0.2.1 )\n"
      "c ( A ( 192.0.2.2 ) )\n"
      "d TXT x\\\n"
      "ok A 192.0.2.3\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"ok.example.com. 0 IN A 192.0.2.3"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:7-1:20 syntax: unterminated quoted string",
                     "zone-input:2:15-2:16 syntax: ')' without a matching '('",
                     "zone-input:3:7-3:8 syntax: '(' inside parentheses",
                     "zone-input:4:8-4:9 syntax: a backslash at the end of a "
                     "line escapes nothing"}));
}

TEST_F(ZoneParserTest, MissingClosingParenSkipsItsContinuationLines) {
  Parse(
      "@ SOA ns hm (\n"
      "    1 ; serial\n"
      "    2h\n"
      "    1h 1w 5m\n"
      "\n"
      "www A 192.0.2.1\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:13-1:14 syntax: missing ')' to close this "
                     "'('"}));
}

TEST_F(ZoneParserTest, MissingClosingParenIsOneErrorBeforeTheNextGroup) {
  // The SOA's ')' is missing, so its group runs into the records after it
  // and stops at the next '(': one error, at the '(' that is not closed,
  // and the records after the SOA's own lines are read.
  const Zone& z = Parse(
      "@ SOA ns hm (\n"
      "    1 2h 1h 1w 5m\n"
      "www A 192.0.2.1\n"
      "txt TXT ( \"a\" )\n"
      "mail A 192.0.2.2\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1",
                                "txt.example.com. 0 IN TXT \"a\"",
                                "mail.example.com. 0 IN A 192.0.2.2"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:13-1:14 syntax: missing ')' to close this "
                     "'('"}));
  EXPECT_TRUE(z.soa_unreadable);
}

TEST_F(ZoneParserTest, InnerParenOnAContinuationLineIsOneError) {
  // No line between the two '(' begins an entry: the inner one is extra,
  // and the group ends at its ')'.
  Parse(
      "a TXT ( \"x\"\n"
      "  ( \"y\" )\n"
      "b A 192.0.2.1\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"b.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:2:3-2:4 syntax: '(' inside parentheses"}));
}

TEST_F(ZoneParserTest, ErrorInAnOpenGroupResumesAtTheNextOwnerLine) {
  // The group is still open when the error is found: its continuation lines
  // are skipped up to the next line that begins an entry, once each.
  Parse(
      "a TXT ( \"x\n"
      "    \"y\"\n"
      "b A 192.0.2.1\n"
      "c TXT (\n"
      "  (\n"
      "  (\n"
      "d A 192.0.2.2\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"b.example.com. 0 IN A 192.0.2.1",
                                "d.example.com. 0 IN A 192.0.2.2"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:9-1:11 syntax: unterminated quoted string",
                     "zone-input:5:3-5:4 syntax: '(' inside parentheses"}));
}

TEST_F(ZoneParserTest, AnSoaThatCannotBeReadIsNoted) {
  for (const char* text :
       {"@ SOA ns hm 4294967296 2 3 4 5\n", "@ 1x SOA ns hm 1 2 3 4 5\n",
        "@ IN soa ns hm 1 2 3\n", "@ SOA ns hm ( 1 2 3 4 5\nwww A 192.0.2.1\n",
        "@ SOA \"ns hm 1 2 3 4 5\n"}) {
    SCOPED_TRACE(text);
    const Zone& z = Parse(text, WithOrigin());
    EXPECT_FALSE(z.issues.empty());
    EXPECT_TRUE(z.soa_unreadable);
  }
  // Other records that cannot be read, and SOA in rdata, say nothing of it.
  const Zone& z = Parse(
      "www A 192.0.2.256\n"
      "@ TXT \"SOA\" )\n"
      "@ HINFO SOA\n",
      WithOrigin());
  EXPECT_EQ(z.issues.size(), 3u);
  EXPECT_FALSE(z.soa_unreadable);
}

TEST_F(ZoneParserTest, NulByte) {
  Parse(std::string("a A 192.0.2.1\0\nb A 192.0.2.2\n", 29), WithOrigin());
  EXPECT_EQ(Records(), (Strings{"b.example.com. 0 IN A 192.0.2.2"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:14-1:15 syntax: unexpected character NUL"}));
}

// ---- RFC 3597 --------------------------------------------------------------

TEST_F(ZoneParserTest, UnknownTypesInGenericForm) {
  const Zone& z = Parse(
      "a TYPE65280 \\# 4 0a0B0c0d\n"
      "b TYPE65280 \\# 0\n"
      "c A \\# 4 c0 00 02 01\n"
      "d CLASS1 TYPE1 \\# 4 C0000201\n"
      "e type65280 \\# 2 ( ab\n cd )\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty()) << Issues()[0];
  EXPECT_EQ(Records(),
            (Strings{"a.example.com. 0 IN TYPE65280 \\# 4 0a0B0c0d",
                     "b.example.com. 0 IN TYPE65280 \\# 0",
                     "c.example.com. 0 IN A \\# 4 c0 00 02 01",
                     "d.example.com. 0 IN A \\# 4 C0000201",
                     "e.example.com. 0 IN TYPE65280 \\# 2 ab cd"}));
  for (const Record& r : z.records) EXPECT_TRUE(r.has(kRecordGeneric));
  EXPECT_EQ(z.records[0].type, 65280);
  EXPECT_EQ(z.FieldsOf(z.records[0])[1].value, 4u);
}

TEST_F(ZoneParserTest, GenericFormErrors) {
  const Zone& z = Parse(
      "a TYPE65280 \\# 3 0a0b\n"
      "b TYPE65280 \\# 2 abc\n"
      "c TYPE65280 \\# x\n"
      "d TYPE65280 \\# 1 zz\n"
      "e TYPE65280 1 2\n"
      "f TYPE65280 \\#\n"
      "g TYPE65536 \\# 0\n",
      WithOrigin());
  EXPECT_TRUE(z.records.empty());
  EXPECT_EQ(
      Issues(),
      (Strings{
          "zone-input:1:18-1:22 rdata: RFC 3597 rdata says 3 bytes but "
          "has 2 bytes of hex",
          "zone-input:2:18-2:21 rdata: RFC 3597 rdata says 2 bytes but "
          "has 1.5 bytes of hex",
          "zone-input:3:16-3:17 rdata: invalid TYPE65280 field 'x'",
          "zone-input:4:18-4:20 rdata: invalid TYPE65280 field 'zz'",
          "zone-input:5:13-5:14 rdata: TYPE65280 has no known text form",
          "zone-input:6:15-6:15 rdata: TYPE65280 rdata is missing its field",
          "zone-input:7:3-7:12 syntax: unknown record type 'TYPE65536'"}));
}

// ---- Typed rdata -----------------------------------------------------------

TEST_F(ZoneParserTest, AddressRecords) {
  Parse(
      "a A 192.0.2.1\n"
      "a AAAA 2001:db8::1\n"
      "a AAAA ::ffff:192.0.2.1\n"
      "b A 300.1.1.1\n"
      "b A 192.0.2\n"
      "b A 192.0.2.01\n"
      "b AAAA 2001:db8::g\n"
      "b AAAA 192.0.2.1\n"
      "b A\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"a.example.com. 0 IN A 192.0.2.1",
                                "a.example.com. 0 IN AAAA 2001:db8::1",
                                "a.example.com. 0 IN AAAA ::ffff:192.0.2.1"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:4:5-4:14 rdata: invalid A address '300.1.1.1'",
                     "zone-input:5:5-5:12 rdata: invalid A address '192.0.2'",
                     "zone-input:6:5-6:15 rdata: invalid A address '192.0.2.01'",
                     "zone-input:7:8-7:19 rdata: invalid AAAA address "
                     "'2001:db8::g'",
                     "zone-input:8:8-8:17 rdata: invalid AAAA address "
                     "'192.0.2.1'",
                     "zone-input:9:4-9:4 rdata: A rdata is missing its "
                     "address"}));
}

// BIND 9.18 rejects an RRSIG whose signer has more labels than the Labels
// field ("out of range"); the signer is an apex at or above the owner.
TEST_F(ZoneParserTest, RrsigSignerDeeperThanLabels) {
  Parse(
      "a RRSIG A 8 2 300 20300101000000 20200101000000 1 example.com. AA==\n"
      "*.a RRSIG A 8 2 300 20300101000000 20200101000000 1 @ AA==\n"
      "a RRSIG A 8 1 300 20300101000000 20200101000000 1 a AA==\n"
      "a RRSIG A 8 0 300 20300101000000 20200101000000 1 a% AA==\n",
      WithOrigin());
  EXPECT_EQ(Records().size(), 2u);
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:3:51-3:52 rdata: RRSIG signer 'a' has 3 "
                     "labels, more than the Labels field (1)",
                     "zone-input:4:51-4:53 rdata: RRSIG signer 'a%' has 3 "
                     "labels, more than the Labels field (0)"}));
}

TEST_F(ZoneParserTest, NameTargets) {
  const Zone& z = Parse(
      "@ NS ns1\n"
      "@ NS ns2.example.net.\n"
      "www CNAME host.Sub\n"
      "old DNAME new.example.org.\n"
      "1 PTR host.example.com.\n"
      "bad CNAME a..b\n"
      "bad NS\n"
      "bad PTR a b\n",
      WithOrigin());
  EXPECT_EQ(Records(),
            (Strings{"example.com. 0 IN NS ns1",
                     "example.com. 0 IN NS ns2.example.net.",
                     "www.example.com. 0 IN CNAME host.Sub",
                     "old.example.com. 0 IN DNAME new.example.org.",
                     "1.example.com. 0 IN PTR host.example.com."}));
  ASSERT_EQ(z.records.size(), 5u);
  EXPECT_EQ(Name(*AsTargetName(z, z.records[0])), "ns1.example.com.");
  EXPECT_EQ(Name(*AsTargetName(z, z.records[1])), "ns2.example.net.");
  EXPECT_EQ(Name(*AsTargetName(z, z.records[2])), "host.sub.example.com.");
  EXPECT_EQ(Name(*AsTargetName(z, z.records[3])), "new.example.org.");
  EXPECT_EQ(Name(*AsTargetName(z, z.records[4])), "host.example.com.");
  EXPECT_TRUE(z.FieldsOf(z.records[2])[0].relative);
  EXPECT_FALSE(z.FieldsOf(z.records[3])[0].relative);
  EXPECT_FALSE(AsMx(z, z.records[0]).has_value());
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:6:11-6:15 rdata: invalid CNAME target 'a..b'",
                     "zone-input:7:7-7:7 rdata: NS rdata is missing its target",
                     "zone-input:8:11-8:12 rdata: extra text after the PTR "
                     "rdata"}));
}

TEST_F(ZoneParserTest, Mx) {
  const Zone& z = Parse(
      "@ MX 10 mail\n"
      "@ MX 0 .\n"
      "@ MX 65535 mx.example.net.\n"
      "@ MX 65536 mail\n"
      "@ MX ten mail\n"
      "@ MX 10\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"example.com. 0 IN MX 10 mail",
                                "example.com. 0 IN MX 0 .",
                                "example.com. 0 IN MX 65535 mx.example.net."}));
  ASSERT_EQ(z.records.size(), 3u);
  std::optional<MxRdata> mx = AsMx(z, z.records[0]);
  ASSERT_TRUE(mx.has_value());
  EXPECT_EQ(mx->preference, 10);
  EXPECT_EQ(Name(mx->exchange), "mail.example.com.");
  EXPECT_EQ(Name(AsMx(z, z.records[1])->exchange), ".");
  EXPECT_EQ(AsMx(z, z.records[2])->preference, 65535);
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:4:6-4:11 rdata: invalid MX preference '65536'",
                     "zone-input:5:6-5:9 rdata: invalid MX preference 'ten'",
                     "zone-input:6:8-6:8 rdata: MX rdata is missing its "
                     "exchange"}));
}

TEST_F(ZoneParserTest, TxtKeepsSeparateStrings) {
  const std::string long_string(256, 'x');
  const Zone& z = Parse(
      "a TXT \"v=spf1 \" \"include:_spf.example.net\" \" -all\"\n"
      "b TXT ( \"one\"\n"
      "        \"two\" )\n"
      "c TXT \"" + long_string + "\"\n"
      "d TXT \"bad \\999 escape\"\n"
      "e TXT\n"
      "f SPF \"v=spf1\" \"-all\"\n",
      WithOrigin());
  ASSERT_EQ(z.records.size(), 4u);
  EXPECT_EQ(Records()[0],
            "a.example.com. 0 IN TXT \"v=spf1 \" \"include:_spf.example.net\" "
            "\" -all\"");
  std::vector<TxtString> a = AsTxt(z, sources(), z.records[0]);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a[0].text, "v=spf1 ");
  EXPECT_EQ(a[1].text, "include:_spf.example.net");
  EXPECT_EQ(a[2].text, " -all");
  std::vector<TxtString> b = AsTxt(z, sources(), z.records[1]);
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(Where(b[1].range), "zone-input:3:10-3:13");
  // A string over 255 bytes is reported but the record is kept.
  EXPECT_EQ(Name(z.records[2].owner), "c.example.com.");
  EXPECT_EQ(AsTxt(z, sources(), z.records[2])[0].text, long_string);
  EXPECT_EQ(Records()[3], "f.example.com. 0 IN SPF \"v=spf1\" \"-all\"");
  std::vector<TxtString> f = AsTxt(z, sources(), z.records[3]);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[1].text, "-all");
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:4:7-4:265 string: character-string is 256 "
                     "bytes long; the limit is 255",
                     "zone-input:5:7-5:24 rdata: bad escape in a "
                     "character-string",
                     "zone-input:6:6-6:6 rdata: TXT rdata is missing its "
                     "string"}));
  // AsTxt is only for TXT and SPF.
  const Zone& other = Parse("a A 192.0.2.1\n", WithOrigin());
  EXPECT_TRUE(AsTxt(other, sources(), other.records[0]).empty());
}

TEST_F(ZoneParserTest, UriTargetIsNotACharacterString) {
  // RFC 7553: the target fills the rest of the rdata; BIND reads it at any
  // length. The strings of HINFO (and NAPTR, ...) are character-strings.
  const std::string long_uri = "https://example.com/" + std::string(300, 'a');
  const std::string long_string(256, 'x');
  Parse("_http._tcp URI 10 1 \"" + long_uri + "\"\n" +
            "_ftp._tcp URI 10 1 ftp://example.com/\n"
            "_x._tcp URI 10 1 \"bad \\999\"\n"
            "h HINFO \"" +
            long_string + "\" \"os\"\n",
        WithOrigin());
  EXPECT_EQ(
      Records(),
      (Strings{"_http._tcp.example.com. 0 IN URI 10 1 \"" + long_uri + "\"",
               "h.example.com. 0 IN HINFO \"" + long_string + "\" \"os\""}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:2:20-2:38 rdata: invalid URI target "
                     "'ftp://example.com/'",
                     "zone-input:3:18-3:28 rdata: invalid URI target "
                     "'bad \\999'",
                     "zone-input:4:9-4:267 string: character-string is 256 "
                     "bytes long; the limit is 255"}));
}

TEST(CharacterStringTest, DecodesEscapesAnywhereAndCountsWithoutBuilding) {
  struct Case {
    std::string_view raw;
    bool ok;
    std::string_view decoded;  // so far, when not ok
  };
  const Case cases[] = {
      {"", true, ""},
      {"plain text", true, "plain text"},
      {R"(\")", true, "\""},
      {R"(a\"b)", true, "a\"b"},
      {R"(\\)", true, "\\"},
      {R"(end\059)", true, "end;"},
      {R"(\065\066C)", true, "ABC"},
      {R"(x\000y)", true, std::string_view("x\0y", 3)},
      {R"(\255)", true, "\xff"},
      {R"(\256)", false, ""},
      {R"(ab\)", false, "ab"},
      {R"(ab\1)", false, "ab"},
      {R"(ab\12)", false, "ab"},
      {R"(ab\12x)", false, "ab"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.raw);
    std::string out = "stale";
    EXPECT_EQ(DecodeCharacterString(c.raw, &out), c.ok);
    EXPECT_EQ(out, c.decoded);
    size_t length = 99;
    EXPECT_EQ(CharacterStringLength(c.raw, &length), c.ok);
    if (c.ok) EXPECT_EQ(length, c.decoded.size());
  }
}

TEST_F(ZoneParserTest, Soa) {
  const Zone& z = Parse(
      "@ SOA ns1.example.com. hostmaster.example.com. 2024010101 7200 3600 "
      "1209600 300\n"
      "@ SOA ns1 hm x 1 2 3 4\n"
      "@ SOA ns1 hm 1 2 3 4\n"
      "@ SOA ns1 hm 4294967296 2 3 4 5\n"
      "@ SOA ns1 hm 1 2 3 4 1y\n",
      WithOrigin());
  ASSERT_EQ(z.records.size(), 1u);
  EXPECT_EQ(Records()[0],
            "example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. "
            "2024010101 7200 3600 1209600 300");
  auto f = z.FieldsOf(z.records[0]);
  EXPECT_EQ(f[2].value, 2024010101u);
  EXPECT_EQ(f[5].value, 1209600u);
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:2:14-2:15 rdata: invalid SOA serial 'x'",
                     "zone-input:3:21-3:21 rdata: SOA rdata is missing its "
                     "minimum TTL",
                     "zone-input:4:14-4:24 rdata: invalid SOA serial "
                     "'4294967296'",
                     "zone-input:5:22-5:24 rdata: invalid SOA minimum TTL "
                     "'1y'"}));
}

TEST_F(ZoneParserTest, Srv) {
  const Zone& z = Parse(
      "_sip._tcp SRV 10 20 5060 sip\n"
      "_imap._tcp SRV 0 0 0 .\n"
      "_x._tcp SRV 10 20 65536 sip\n"
      "_x._tcp SRV 10 20 sip\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"_sip._tcp.example.com. 0 IN SRV 10 20 5060 sip",
                                "_imap._tcp.example.com. 0 IN SRV 0 0 0 ."}));
  auto f = z.FieldsOf(z.records[0]);
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f[2].value, 5060u);
  EXPECT_EQ(Name(f[3].value), "sip.example.com.");
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:3:19-3:24 rdata: invalid SRV port '65536'",
                     "zone-input:4:19-4:22 rdata: invalid SRV port 'sip'"}));
}

TEST_F(ZoneParserTest, Caa) {
  Parse(
      "@ CAA 0 issue \"letsencrypt.org\"\n"
      "@ CAA 128 iodef \"mailto:security@example.com\"\n"
      "@ CAA 0 issuewild ;\n"
      "@ CAA 256 issue \"x\"\n"
      "@ CAA 0 issue-x \"x\"\n"
      "@ CAA 0 \"issue\" \"x\"\n"
      "@ CAA 0 issue\n",
      WithOrigin());
  EXPECT_EQ(Records(),
            (Strings{"example.com. 0 IN CAA 0 issue \"letsencrypt.org\"",
                     "example.com. 0 IN CAA 128 iodef "
                     "\"mailto:security@example.com\""}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:3:20-3:20 rdata: CAA rdata is missing its value",
                     "zone-input:4:7-4:10 rdata: invalid CAA flags '256'",
                     "zone-input:5:9-5:16 rdata: invalid CAA tag 'issue-x'",
                     "zone-input:6:9-6:16 rdata: invalid CAA tag 'issue'",
                     "zone-input:7:14-7:14 rdata: CAA rdata is missing its "
                     "value"}));
}

// ---- How the origin is found -----------------------------------------------

TEST_F(ZoneParserTest, OriginOptionWins) {
  const Zone& z = Parse(
      "example.net. SOA ns hm 1 2 3 4 5\n"
      "www A 192.0.2.1\n",
      WithOrigin("example.org."), "example.com.zone");
  EXPECT_EQ(Name(z.apex), "example.org.");
  EXPECT_EQ(Records()[1], "www.example.org. 5 IN A 192.0.2.1");
}

TEST_F(ZoneParserTest, OriginFromOriginDirective) {
  const Zone& z = Parse("$ORIGIN example.net.\nwww A 192.0.2.1\n", {},
                        "example.com.zone");
  EXPECT_EQ(Name(z.apex), "example.net.");
  EXPECT_EQ(Records(), (Strings{"www.example.net. 0 IN A 192.0.2.1"}));
}

TEST_F(ZoneParserTest, OriginFromSoaOwner) {
  const Zone& z = Parse(
      "$TTL 300\n"
      "example.net. SOA ns hostmaster 1 2 3 4 5\n"
      "www A 192.0.2.1\n",
      {});
  EXPECT_TRUE(z.issues.empty()) << Issues()[0];
  EXPECT_EQ(Name(z.apex), "example.net.");
  EXPECT_EQ(Records(), (Strings{"example.net. 300 IN SOA ns hostmaster 1 2 3 4 5",
                                "www.example.net. 300 IN A 192.0.2.1"}));
  EXPECT_EQ(Name(z.FieldsOf(z.records[0])[0].value), "ns.example.net.");
}

TEST_F(ZoneParserTest, OriginDirectiveBeforeTheFirstRecordIsTheApex) {
  // The origin in force at the first record names the zone, even when the
  // SOA is elsewhere (zone-no-soa then reports the SOA).
  const Zone& z = Parse(
      "$ORIGIN .\n"
      "$ORIGIN example.net.\n"
      "sub SOA ns hm 1 2 3 4 5\n",
      {});
  EXPECT_EQ(Name(z.apex), "example.net.");
}

TEST_F(ZoneParserTest, OriginDirectiveAfterTheFirstRecordIsNotTheApex) {
  // Names before the $ORIGIN are relative to the file name's origin; the
  // $ORIGIN changes what later names mean, not which zone this is.
  const Zone& z = Parse(
      "@ NS ns1.example.net.\n"
      "mail A 192.0.2.1\n"
      "$ORIGIN sub.example.org.\n"
      "host A 192.0.2.2\n",
      {}, "example.com.zone");
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Name(z.apex), "example.com.");
  EXPECT_EQ(Records(), (Strings{"example.com. 0 IN NS ns1.example.net.",
                                "mail.example.com. 0 IN A 192.0.2.1",
                                "host.sub.example.org. 0 IN A 192.0.2.2"}));
  // With no name from the file either, the apex is unknown.
  const Zone& unnamed = Parse(
      "example.com. NS ns1.example.net.\n"
      "$ORIGIN sub.example.org.\n"
      "host A 192.0.2.2\n",
      {});
  EXPECT_TRUE(unnamed.issues.empty());
  EXPECT_EQ(unnamed.apex, kNoName);
}

TEST_F(ZoneParserTest, BindDumpFormatIsTheZoneOfItsSoa) {
  // named-compilezone's default output: "$ORIGIN .", owners in full but
  // without their trailing dot, then the zone's own $ORIGIN.
  const Zone& z = Parse(
      "$ORIGIN .\n"
      "$TTL 3600\n"
      "example.com\t\tIN SOA\tns1.example.com. hostmaster.example.com. (\n"
      "\t\t\t\t1 7200 3600 1209600 300 )\n"
      "\t\t\tNS\tns1.example.com.\n"
      "$ORIGIN example.com.\n"
      "ns1\t\t\tA\t192.0.2.1\n",
      {});
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Name(z.apex), "example.com.");
  EXPECT_EQ(Name(z.records[0].owner), "example.com.");
  EXPECT_EQ(Name(z.records[2].owner), "ns1.example.com.");
}

TEST_F(ZoneParserTest, TheRootIsNeverAGuessedApex) {
  // "$ORIGIN ." and an SOA at '.' under it name no zone; the file name
  // does, when the records are in it.
  const std::string text =
      "$ORIGIN .\n"
      "@ SOA example.com. hostmaster.example.com. 1 2 3 4 5\n"
      "example.com. NS ns1.example.net.\n";
  EXPECT_EQ(Parse(text, {}).apex, kNoName);
  EXPECT_EQ(Name(Parse(text, {}, "example.com").apex), "example.com.");
  // --origin may name the root zone.
  EXPECT_EQ(Name(Parse(text, WithOrigin(".")).apex), ".");
}

TEST_F(ZoneParserTest, FileNameThatNoRecordIsInIsNoApex) {
  const Zone& z =
      Parse("www.example.org. A 192.0.2.1\n", {}, "example.com.zone");
  EXPECT_EQ(z.apex, kNoName);
}

TEST_F(ZoneParserTest, OriginFromFileName) {
  for (const char* name : {"example.com.zone", "db.example.com", "example.com",
                           "/var/named/db.example.com", "EXAMPLE.com.db"}) {
    SCOPED_TRACE(name);
    const Zone& z = Parse("www A 192.0.2.1\n@ MX 10 www\n", {}, name);
    EXPECT_TRUE(z.issues.empty());
    EXPECT_EQ(Name(z.apex), "example.com.");
    EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1",
                                  "example.com. 0 IN MX 10 www"}));
  }
  ParseOptions off;
  off.origin_from_file_name = false;
  const Zone& z = Parse("www A 192.0.2.1\n", off, "example.com.zone");
  EXPECT_EQ(z.apex, kNoName);
  EXPECT_EQ(z.issues.size(), 1u);
}

TEST(OriginFromFileNameTest, Names) {
  EXPECT_EQ(OriginFromFileName("example.com.zone"), "example.com.");
  EXPECT_EQ(OriginFromFileName("db.example.com"), "example.com.");
  EXPECT_EQ(OriginFromFileName("example.com"), "example.com.");
  EXPECT_EQ(OriginFromFileName("zones/db.Example.COM"), "example.com.");
  EXPECT_EQ(OriginFromFileName("example.com."), "example.com.");
  EXPECT_EQ(OriginFromFileName("2.0.192.in-addr.arpa.zone"),
            "2.0.192.in-addr.arpa.");
  EXPECT_EQ(OriginFromFileName("zone"), "");
  EXPECT_EQ(OriginFromFileName("db.local"), "");
  EXPECT_EQ(OriginFromFileName("my zone.txt"), "");
  EXPECT_EQ(OriginFromFileName("/dir.d/zonefile"), "");
  EXPECT_EQ(OriginFromFileName(""), "");
  EXPECT_EQ(OriginFromFileName("a..b.zone"), "");
}

TEST_F(ZoneParserTest, NoOriginReportsTheFirstRelativeName) {
  const Zone& z = Parse(
      "example.net. A 192.0.2.1\n"
      "www A 192.0.2.2\n"
      "mail A 192.0.2.3\n"
      "@ MX 10 mail\n",
      {});
  EXPECT_EQ(z.apex, kNoName);
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:2:1-2:4 syntax: relative name 'www' but the "
                     "zone's origin is unknown"}));
  // The root stands in for the origin after that.
  EXPECT_EQ(Records(), (Strings{"example.net. 0 IN A 192.0.2.1",
                                "www. 0 IN A 192.0.2.2", "mail. 0 IN A 192.0.2.3",
                                ". 0 IN MX 10 mail"}));
}

TEST_F(ZoneParserTest, NoOriginReportsARelativeNameInRdata) {
  Parse("example.net. MX 10 mail\n", {});
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:20-1:24 syntax: relative name 'mail' but "
                     "the zone's origin is unknown"}));
  EXPECT_EQ(Records(), (Strings{"example.net. 0 IN MX 10 mail"}));
  // A relative name that starts with a digit is one too.
  Parse("example.net. MX 10 1mail\nexample.net. TXT 1\n", {});
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:20-1:25 syntax: relative name '1mail' but "
                     "the zone's origin is unknown"}));
  // Numbers and absolute names need no origin.
  Parse("example.net. MX 10 mail.example.net.\n"
        "example.net. SRV 0 0 25 @\n",
        {});
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:2:25-2:26 syntax: relative name '@' but the "
                     "zone's origin is unknown"}));
}

TEST(TypeTableTest, NameFieldsAreAtFixedTokenIndexes) {
  // zone_parser.cc finds the relative names of rdata by shape position: a
  // name code must have only one-token codes before it.
  for (uint32_t number = 0; number <= 65535; ++number) {
    const TypeInfo* info = FindType(static_cast<uint16_t>(number));
    if (info == nullptr) continue;
    size_t last_name = info->shape.rfind('n');
    if (last_name == std::string_view::npos) continue;
    for (size_t k = 0; k < last_name; ++k) {
      // The one-token codes of rdata.cc's shape table.
      EXPECT_NE(std::string_view("46nbslStcqaX3yeENLADFkRHg")
                    .find(info->shape[k]),
                std::string_view::npos)
          << info->name << " " << info->shape;
    }
  }
}

// ---- $INCLUDE --------------------------------------------------------------

TEST_F(ZoneParserTest, IncludeRelativeToTheIncludingFile) {
  TempDir dir;
  std::string main = dir.Write(
      "main.zone",
      "$ORIGIN example.com.\n"
      "$TTL 300\n"
      "main A 192.0.2.1\n"
      "$INCLUDE sub/b.zone\n"
      "after A 192.0.2.9\n");
  dir.Write("sub/b.zone",
            "b A 192.0.2.2\n"
            "$INCLUDE c.zone\n"
            "b2 CNAME b\n");
  dir.Write("sub/c.zone", "; c\n  ( A\n    192.0.2.3 )\nbad A 1.2.3\n");
  // Run from elsewhere: paths are beside the including file.
  const Zone& z = ParseFile(main);
  EXPECT_EQ(Records(), (Strings{"main.example.com. 300 IN A 192.0.2.1",
                                "b.example.com. 300 IN A 192.0.2.2",
                                "b.example.com. 300 IN A 192.0.2.3",
                                "b2.example.com. 300 IN CNAME b",
                                "after.example.com. 300 IN A 192.0.2.9"}));
  ASSERT_EQ(z.records.size(), 5u);
  ASSERT_EQ(sources().size(), 3u);
  EXPECT_EQ(Where(z.records[1].range()), "b.zone:1:1-1:14");
  // c.zone's blank-owner record starts its own file: it inherits the owner
  // of the record before the $INCLUDE (as BIND does).
  EXPECT_EQ(Where(z.records[2].range()), "c.zone:2:5-3:14");
  EXPECT_EQ(Where(z.records[3].range()), "b.zone:3:1-3:11");
  EXPECT_EQ(Where(z.records[4].range()), "main.zone:5:1-5:18");
  EXPECT_EQ(Issues(),
            (Strings{"c.zone:4:7-4:12 rdata: invalid A address '1.2.3'"}));
  EXPECT_EQ(z.main_file, 0u);
}

TEST_F(ZoneParserTest, IncludeWithOrigin) {
  TempDir dir;
  std::string main = dir.Write(
      "main.zone",
      "$ORIGIN example.com.\n"
      "host A 192.0.2.1\n"
      "$INCLUDE \"inc.zone\" Sub\n"
      "\tTXT \"host again\"\n"
      "rel A 192.0.2.9\n"
      "$INCLUDE inc.zone sub2.example.net.\n");
  dir.Write("inc.zone",
            "@ A 192.0.2.2\n"
            "x CNAME @\n"
            "$ORIGIN changed.\n");
  const Zone& z = ParseFile(main);
  EXPECT_TRUE(z.issues.empty()) << Issues()[0];
  EXPECT_EQ(Records(), (Strings{"host.example.com. 0 IN A 192.0.2.1",
                                "sub.example.com. 0 IN A 192.0.2.2",
                                "x.sub.example.com. 0 IN CNAME @",
                                "host.example.com. 0 IN TXT \"host again\"",
                                "rel.example.com. 0 IN A 192.0.2.9",
                                "sub2.example.net. 0 IN A 192.0.2.2",
                                "x.sub2.example.net. 0 IN CNAME @"}));
  EXPECT_EQ(Name(*AsTargetName(z, z.records[2])), "sub.example.com.");
  EXPECT_EQ(Name(z.apex), "example.com.");
}

TEST_F(ZoneParserTest, IncludeAbsolutePath) {
  TempDir dir;
  std::string inc = dir.Write("inc.zone", "www A 192.0.2.1\n");
  const Zone& z = Parse("$INCLUDE " + inc + "\n", WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_FALSE(z.incomplete());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(Where(z.records[0].range()), "inc.zone:1:1-1:16");
}

TEST_F(ZoneParserTest, MissingInclude) {
  TempDir dir;
  std::string main = dir.Write(
      "main.zone", "$INCLUDE nope.zone\nwww A 192.0.2.1\n$INCLUDE\n");
  const Zone& z = ParseFile(main, WithOrigin());
  EXPECT_EQ(Records(), (Strings{"www.example.com. 0 IN A 192.0.2.1"}));
  ASSERT_EQ(z.issues.size(), 2u);
  EXPECT_EQ(z.issues[0].kind, IssueKind::kInclude);
  EXPECT_EQ(Where(z.issues[0].range), "main.zone:1:10-1:19");
  EXPECT_EQ(z.issues[0].message.rfind("cannot $INCLUDE 'nope.zone': ", 0), 0u)
      << z.issues[0].message;
  EXPECT_EQ(z.issues[1].kind, IssueKind::kSyntax);
  EXPECT_EQ(z.issues[1].message, "$INCLUDE is missing its argument");
  // Neither was read: the records they would have added are unknown.
  EXPECT_TRUE(z.issues[0].include_unread);
  EXPECT_TRUE(z.issues[1].include_unread);
  EXPECT_TRUE(z.incomplete());
}

TEST_F(ZoneParserTest, OnlyUnreadIncludesMakeTheZoneIncomplete) {
  TempDir dir;
  dir.Write("inc.zone", "www A 192.0.2.1\n");
  // A syntax error elsewhere is no unread $INCLUDE.
  std::string main =
      dir.Write("main.zone", "$INCLUDE inc.zone\nbad A 999.0.2.1\n");
  const Zone& z = ParseFile(main, WithOrigin());
  ASSERT_EQ(z.issues.size(), 1u);
  EXPECT_FALSE(z.issues[0].include_unread);
  EXPECT_FALSE(z.incomplete());
  for (std::string line : {"$INCLUDE inc.zone sub. extra\n", "$INCLUDE \"\"\n",
                           "$INCLUDE in\\999.zone\n"}) {
    const Zone& bad = ParseFile(dir.Write("bad.zone", line), WithOrigin());
    ASSERT_EQ(bad.issues.size(), 1u) << line;
    EXPECT_EQ(bad.issues[0].kind, IssueKind::kSyntax) << line;
    EXPECT_TRUE(bad.incomplete()) << line;
  }
}

TEST_F(ZoneParserTest, IncludeOfADirectory) {
  TempDir dir;
  dir.Write("d/placeholder", "");
  std::string main = dir.Write("main.zone", "$INCLUDE d\n");
  const Zone& z = ParseFile(main, WithOrigin());
  ASSERT_EQ(z.issues.size(), 1u);
  EXPECT_EQ(z.issues[0].kind, IssueKind::kInclude);
  EXPECT_NE(z.issues[0].message.find("is a directory"), std::string::npos);
}

TEST_F(ZoneParserTest, RecursiveInclude) {
  TempDir dir;
  std::string main = dir.Write("main.zone",
                               "a A 192.0.2.1\n$INCLUDE b.zone\nc A 192.0.2.3\n");
  dir.Write("b.zone", "b A 192.0.2.2\n$INCLUDE ./main.zone\n");
  ParseFile(main, WithOrigin());
  EXPECT_EQ(Records(), (Strings{"a.example.com. 0 IN A 192.0.2.1",
                                "b.example.com. 0 IN A 192.0.2.2",
                                "c.example.com. 0 IN A 192.0.2.3"}));
  EXPECT_EQ(Issues(),
            (Strings{"b.zone:2:10-2:21 include: $INCLUDE of './main.zone' "
                     "includes a file that is already being read"}));
  EXPECT_TRUE(zone().incomplete());
}

TEST_F(ZoneParserTest, SelfInclude) {
  TempDir dir;
  std::string main = dir.Write("self.zone", "$INCLUDE self.zone\n");
  const Zone& z = ParseFile(main, WithOrigin());
  ASSERT_EQ(z.issues.size(), 1u);
  EXPECT_EQ(z.issues[0].kind, IssueKind::kInclude);
  EXPECT_EQ(Where(z.issues[0].range), "self.zone:1:10-1:19");
}

TEST_F(ZoneParserTest, SameFileIncludedTwiceIsNotALoop) {
  TempDir dir;
  std::string main = dir.Write("main.zone",
                               "$INCLUDE common.zone a\n$INCLUDE common.zone b\n");
  dir.Write("common.zone", "@ TXT common\n");
  const Zone& z = ParseFile(main, WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_FALSE(z.incomplete());
  EXPECT_EQ(Records(), (Strings{"a.example.com. 0 IN TXT common",
                                "b.example.com. 0 IN TXT common"}));
}

TEST_F(ZoneParserTest, IncludeDepthLimit) {
  TempDir dir;
  std::string main = dir.Write("main.zone", "m A 192.0.2.0\n$INCLUDE 1.zone\n");
  dir.Write("1.zone", "one A 192.0.2.1\n$INCLUDE 2.zone\n");
  dir.Write("2.zone", "two A 192.0.2.2\n$INCLUDE 3.zone\n");
  dir.Write("3.zone", "three A 192.0.2.3\n");
  ParseOptions options = WithOrigin();
  options.max_include_depth = 2;
  ParseFile(main, options);
  EXPECT_EQ(Records(), (Strings{"m.example.com. 0 IN A 192.0.2.0",
                                "one.example.com. 0 IN A 192.0.2.1",
                                "two.example.com. 0 IN A 192.0.2.2"}));
  EXPECT_EQ(Issues(),
            (Strings{"2.zone:2:10-2:16 include: $INCLUDE nested deeper than 2 "
                     "levels"}));
  EXPECT_TRUE(zone().incomplete());
  options.max_include_depth = 3;
  const Zone& z3 = ParseFile(main, options);
  EXPECT_TRUE(z3.issues.empty());
  EXPECT_FALSE(z3.incomplete());
  EXPECT_EQ(z3.records.size(), 4u);
}

TEST_F(ZoneParserTest, IncludeOfBadOrigin) {
  TempDir dir;
  dir.Write("inc.zone", "www A 192.0.2.1\n");
  std::string main = dir.Write("main.zone", "$INCLUDE inc.zone a..b\n");
  const Zone& z = ParseFile(main, WithOrigin());
  EXPECT_TRUE(z.records.empty());
  EXPECT_EQ(Issues(), (Strings{"main.zone:1:19-1:23 syntax: invalid domain "
                               "name 'a..b': the name has an empty label "
                               "('..')"}));
  EXPECT_TRUE(z.incomplete());
}

// ---- $GENERATE -------------------------------------------------------------

TEST_F(ZoneParserTest, GenerateDecimal) {
  const Zone& z = Parse(
      "$TTL 300\n"
      "$GENERATE 1-3 host-$ A 192.0.2.$\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"host-1.example.com. 300 IN A 192.0.2.1",
                                "host-2.example.com. 300 IN A 192.0.2.2",
                                "host-3.example.com. 300 IN A 192.0.2.3"}));
  for (const Record& r : z.records) {
    EXPECT_TRUE(r.has(kRecordGenerated));
    // Generated records point at the whole directive.
    EXPECT_EQ(Where(r.range()), "zone-input:2:1-2:33");
    EXPECT_EQ(Where(z.FieldRange(r, z.FieldsOf(r)[0])), "zone-input:2:1-2:33");
  }
}

TEST_F(ZoneParserTest, GenerateModifiers) {
  const Zone& z = Parse(
      "$GENERATE 8-9 d${0,3,d} TXT ${0,3,d}\n"
      "$GENERATE 8-9 o${0,3,o} TXT ${0,3,o}\n"
      "$GENERATE 254-255 x${0,2,x} TXT ${0,2,x}\n"
      "$GENERATE 254-255 X${0,2,X} TXT ${0,2,X}\n"
      "$GENERATE 1034-1034 ${0,3,n} TXT \"${0,5,n} ${0,0,N} ${1,1,n}\"\n"
      "$GENERATE 10-11 off${-10} TXT ${+5,4}\n"
      "$GENERATE 1-1 a$$.b\\$ TXT \\$$\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty()) << Issues()[0];
  EXPECT_EQ(Records(),
            (Strings{"d008.example.com. 0 IN TXT 008",
                     "d009.example.com. 0 IN TXT 009",
                     "o010.example.com. 0 IN TXT 010",
                     "o011.example.com. 0 IN TXT 011",
                     "xfe.example.com. 0 IN TXT fe",
                     "xff.example.com. 0 IN TXT ff",
                     "xfe.example.com. 0 IN TXT FE",
                     "xff.example.com. 0 IN TXT FF",
                     "a.0.4.example.com. 0 IN TXT a.0.4 A.0.4 b.0.4",
                     "off0.example.com. 0 IN TXT 0015",
                     "off1.example.com. 0 IN TXT 0016",
                     "a\\036.b\\036.example.com. 0 IN TXT \\$1"}));
  EXPECT_EQ(AsTxt(z, sources(), z.records.back())[0].text, "$1");
}

TEST_F(ZoneParserTest, GenerateWideFields) {
  // BIND pads to any width up to 255; this once stopped at 31 characters.
  Parse("$GENERATE 1-1 a${0,40,d} TXT ${0,40,x}\n", WithOrigin());
  EXPECT_TRUE(zone().issues.empty());
  const std::string padded = std::string(39, '0') + "1";
  EXPECT_EQ(Records(),
            (Strings{"a" + padded + ".example.com. 0 IN TXT " + padded}));
  Parse("$GENERATE 1-1 a TXT ${0,255,d}\n", WithOrigin());
  ASSERT_EQ(zone().records.size(), 1u);
  EXPECT_EQ(Fields(zone().records[0])[0].size(), 255u);
}

TEST_F(ZoneParserTest, GenerateStepTtlClassAndOrigin) {
  const Zone& z = Parse(
      "$ORIGIN 2.0.192.in-addr.arpa.\n"
      "$GENERATE 0-4/2 $ IN 60 PTR host$.example.com.\n"
      "$GENERATE 1-2 @ 90 TXT $\n",
      {});
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(),
            (Strings{"0.2.0.192.in-addr.arpa. 60 IN PTR host0.example.com.",
                     "2.2.0.192.in-addr.arpa. 60 IN PTR host2.example.com.",
                     "4.2.0.192.in-addr.arpa. 60 IN PTR host4.example.com.",
                     "2.0.192.in-addr.arpa. 90 IN TXT 1",
                     "2.0.192.in-addr.arpa. 90 IN TXT 2"}));
  EXPECT_TRUE(z.records[0].has(kRecordTtlExplicit));
  EXPECT_EQ(Name(*AsTargetName(z, z.records[1])), "host2.example.com.");
}

TEST_F(ZoneParserTest, GenerateQuotedRhsIsReadAgain) {
  // As in BIND, the rhs token's text is substituted and then read as rdata:
  // a quoted rhs holds several fields.
  const Zone& z = Parse(
      "$GENERATE 1-1 m$ MX \"10 mail$\"\n"
      "$GENERATE 1-1 t$ TXT \"a b\"\n",
      WithOrigin());
  EXPECT_TRUE(z.issues.empty());
  EXPECT_EQ(Records(), (Strings{"m1.example.com. 0 IN MX 10 mail1",
                                "t1.example.com. 0 IN TXT a b"}));
}

TEST_F(ZoneParserTest, GenerateErrors) {
  Parse(
      "$GENERATE 5-1 a$ A 192.0.2.$\n"
      "$GENERATE 1-x a$ A 192.0.2.$\n"
      "$GENERATE 1-3/0 a$ A 192.0.2.$\n"
      "$GENERATE 0-3000000000 a$ A 192.0.2.$\n"
      "$GENERATE 1-3 a${0,3,q} A 192.0.2.$\n"
      "$GENERATE 1-3 a${0,3 A 192.0.2.$\n"
      "$GENERATE 1-3 a$ A 192.0.2.${2147483647}\n"
      "$GENERATE 1-3 a$\n"
      "$GENERATE 1-3 a$ FOO x\n"
      "$GENERATE 1-3 a$ TKEY x\n"
      "$GENERATE 1-3 a$ A\n"
      "$GENERATE 254-256 a$ A 192.0.2.$\n"
      "$GENERATE 1-1 a$ TXT \"x\n"
      "$GENERATE 1-1 a..$ A 192.0.2.1\n"
      "ok A 192.0.2.1\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"a254.example.com. 0 IN A 192.0.2.254",
                                "a255.example.com. 0 IN A 192.0.2.255",
                                "ok.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(
      Issues(),
      (Strings{
          "zone-input:1:11-1:14 syntax: invalid $GENERATE range '5-1'",
          "zone-input:2:11-2:14 syntax: invalid $GENERATE range '1-x'",
          "zone-input:3:11-3:16 syntax: invalid $GENERATE range '1-3/0'",
          "zone-input:4:11-4:23 syntax: invalid $GENERATE range '0-3000000000'",
          "zone-input:5:15-5:24 syntax: invalid $GENERATE modifier '{0,3,q}'",
          "zone-input:6:15-6:21 syntax: invalid $GENERATE modifier '{0,3'",
          "zone-input:7:20-7:41 syntax: $GENERATE value 1 with offset "
          "2147483647 is out of range",
          "zone-input:8:1-8:17 syntax: $GENERATE is missing arguments",
          "zone-input:9:18-9:21 syntax: unknown record type 'FOO'",
          "zone-input:10:18-10:22 syntax: TKEY is a meta type and cannot "
          "appear in zone data",
          "zone-input:11:1-11:19 syntax: $GENERATE is missing arguments",
          "zone-input:12:1-12:33 rdata: invalid A address '192.0.2.256'",
          "zone-input:13:22-13:24 syntax: unterminated quoted string",
          "zone-input:14:1-14:31 syntax: $GENERATE makes the invalid owner "
          "name 'a..1'"}));
}

TEST_F(ZoneParserTest, GenerateExtraRhsTokens) {
  // BIND takes one rhs token and rejects the rest ("extra input text").
  Parse("$GENERATE 1-2 m$ MX 10 mail$\nok A 192.0.2.1\n",
                        WithOrigin());
  EXPECT_EQ(Records(), (Strings{"ok.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(Issues(), (Strings{"zone-input:1:24-1:29 syntax: extra text after "
                               "the $GENERATE rhs"}));
}

TEST_F(ZoneParserTest, GenerateCountLimit) {
  ParseOptions options = WithOrigin();
  options.max_generate_records = 10;
  const Zone& z = Parse(
      "$GENERATE 1-10 a$ A 192.0.2.$\n"
      "$GENERATE 1-11 b$ A 192.0.2.$\n"
      "$GENERATE 0-99/10 c$ A 192.0.2.$\n"
      "$GENERATE 0-2147483647 d$ A 192.0.2.1\n",
      options);
  EXPECT_EQ(z.records.size(), 20u);
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:2:11-2:15 syntax: $GENERATE would make 11 "
                     "records; the limit is 10",
                     "zone-input:4:11-4:23 syntax: $GENERATE would make "
                     "2147483648 records; the limit is 10"}));
}

TEST_F(ZoneParserTest, GenerateRelativeRdataWithoutOrigin) {
  // The name is reported by its generated text, at the directive. (This
  // once read the file at offsets into the generated text.)
  Parse(
      "$GENERATE 1-300 h$.example.net. A 192.0.2.1\n"
      "$GENERATE 1-2 x$.example.net. CNAME y$\n",
      {});
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:2:1-2:39 syntax: relative name 'y1' but the "
                     "zone's origin is unknown"}));
  ASSERT_EQ(zone().records.size(), 302u);
  EXPECT_EQ(Name(*AsTargetName(zone(), zone().records[301])), "y2.");
}

TEST_F(ZoneParserTest, GenerateWithoutOrigin) {
  Parse("$GENERATE 1-2 h$ A 192.0.2.$\n", {});
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:1-1:29 syntax: relative name 'h1' but "
                     "the zone's origin is unknown"}));
  EXPECT_EQ(Records(), (Strings{"h1. 0 IN A 192.0.2.1", "h2. 0 IN A 192.0.2.2"}));
}

// ---- Error recovery and limits ---------------------------------------------

TEST_F(ZoneParserTest, OneIssuePerBadRecordAndEveryGoodRecordKept) {
  Parse(
      "$TTL 300\n"
      "good1 A 192.0.2.1\n"
      "bad1 A 300.1.1.1\n"
      "good2 A 192.0.2.2\n"
      "bad2 FOO 192.0.2.3\n"
      "bad3 ( A\n"
      "  192.0.2.3 ))\n"
      "good3 TXT \"x\"\n"
      "bad4 TXT \"unterminated\n"
      "good4 AAAA ::1\n"
      "bad5 MX 10\n"
      "bad6 300 IN\n"
      "bad7 A 192.0.2.4 extra\n"
      "good5 ( MX\n"
      "        10 mail )\n"
      "bad8 A \"192.0.2.5\n"
      "bad..9 A 192.0.2.6\n"
      "bad10 SOA ns hm 1 2 3\n"
      "good6 SRV 1 2 3 target\n",
      WithOrigin());
  EXPECT_EQ(Records(), (Strings{"good1.example.com. 300 IN A 192.0.2.1",
                                "good2.example.com. 300 IN A 192.0.2.2",
                                "good3.example.com. 300 IN TXT \"x\"",
                                "good4.example.com. 300 IN AAAA ::1",
                                "good5.example.com. 300 IN MX 10 mail",
                                "good6.example.com. 300 IN SRV 1 2 3 target"}));
  std::vector<std::string> issues = Issues();
  ASSERT_EQ(issues.size(), 10u);
  const char* lines[] = {"zone-input:3:", "zone-input:5:",  "zone-input:7:",
                         "zone-input:9:", "zone-input:11:", "zone-input:12:",
                         "zone-input:13:", "zone-input:16:", "zone-input:17:",
                         "zone-input:18:"};
  for (size_t i = 0; i < issues.size(); ++i) {
    EXPECT_EQ(issues[i].rfind(lines[i], 0), 0u) << issues[i];
  }
}

TEST_F(ZoneParserTest, EntryLengthLimit) {
  ParseOptions options = WithOrigin();
  options.max_entry_bytes = 64;
  Parse(
      "a TXT " + std::string(100, 'x') + "\n"
      "b A 192.0.2.1\n"
      "c TXT ( \"" + std::string(30, 'y') + "\"\n"
      "        \"" + std::string(30, 'y') + "\" )\n"
      "d A 192.0.2.2\n",
      options);
  EXPECT_EQ(Records(), (Strings{"b.example.com. 0 IN A 192.0.2.1",
                                "d.example.com. 0 IN A 192.0.2.2"}));
  EXPECT_EQ(Issues(),
            (Strings{"zone-input:1:1-1:2 syntax: record is longer than 64 bytes",
                     "zone-input:3:1-3:2 syntax: record is longer than 64 "
                     "bytes"}));
  // A group with no ')': its continuation lines are skipped.
  std::string lines;
  for (int i = 0; i < 10; ++i) lines += "    AAAAAAAAAAAAAAAAAAAA\n";
  Parse("k DNSKEY 257 3 8 (\n" + lines + "next A 192.0.2.1\n", options);
  EXPECT_EQ(Records(), (Strings{"next.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(Issues(), (Strings{"zone-input:1:18-1:19 syntax: no ')' within 64 "
                               "bytes of this '('"}));
  // The same within the limit.
  Parse("k DNSKEY 257 3 8 (\n" + lines + "next A 192.0.2.1\n", WithOrigin());
  EXPECT_EQ(Records(), (Strings{"next.example.com. 0 IN A 192.0.2.1"}));
  EXPECT_EQ(Issues(), (Strings{"zone-input:1:18-1:19 syntax: missing ')' to "
                               "close this '('"}));
}

TEST_F(ZoneParserTest, TinyEntryLimitStillMakesProgress) {
  ParseOptions options = WithOrigin();
  options.max_entry_bytes = 0;
  Parse("a A 192.0.2.1\n\nb A 192.0.2.2", options);
  EXPECT_TRUE(zone().records.empty());
  EXPECT_EQ(zone().issues.size(), 2u);
}

TEST_F(ZoneParserTest, RecordsAtAndOwners) {
  const Zone& z = Parse(
      "a A 192.0.2.1\n"
      "b A 192.0.2.2\n"
      "a TXT x\n",
      WithOrigin());
  NameId a = z.names().Find("a.example.com.");
  NameId b = z.names().Find("b.example.com.");
  ASSERT_NE(a, kNoName);
  EXPECT_EQ(z.owners(), (std::vector<NameId>{a, b}));
  auto at_a = z.RecordsAt(a);
  ASSERT_EQ(at_a.size(), 2u);
  EXPECT_EQ(at_a[0], 0u);
  EXPECT_EQ(at_a[1], 2u);
  EXPECT_EQ(z.RecordsAt(b).size(), 1u);
  EXPECT_TRUE(z.RecordsAt(kNoName).empty());
}

// ---- Regressions found by fuzzing (fuzz/zone_parser_fuzzer.cc) -------------

}  // namespace
}  // namespace zonelint

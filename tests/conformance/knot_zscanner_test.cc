// Agreement with Knot DNS's zone scanner (libzscanner) on its own test
// vectors (../shared/corpus/conformance/knot-zscanner, SUMMARY.tsv and
// data/<case>.in/.out).
//
// Each case is parsed with origin "." (Knot's default TTL 0 and class IN are
// zonelint's too). Its .out file is a sequence of blocks: an accepted record,
// a rejected record (WARNG) or a fatal stop (ERROR). zonelint gives the same
// kind of sequence: a record it keeps without an error, or an entry it
// reports an error for. The two sequences are compared block by block: the
// kind, and for accepted records the owner, type and TTL. Knot stops at a
// fatal error and zonelint goes on, so after a fatal error only the prefix
// before it is compared, and zonelint's next block must be an error.
// A case agrees when every compared block does (so its accepted and
// rejected counts match SUMMARY.tsv). Cases that do not must be listed in
// tests/conformance/knot_differences.tsv with a reason; listed cases that
// agree again fail the test.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

#include "gtest/gtest.h"
#include "lint/session.h"
#include "parser/rrtype.h"
#include "tests/conformance/corpus.h"
#include "util/strings.h"

namespace zonelint::conformance {
namespace {

struct Block {
  enum Kind { kAccepted, kRejected, kFatal };
  Kind kind = kAccepted;
  std::string owner;  // wire format, lower-cased (accepted records)
  uint16_t type = 0;
  uint32_t ttl = 0;
  std::string detail;  // Knot's error code, or zonelint's message
  std::string where;   // zonelint's blocks: "file:line"
};

std::string_view KindName(Block::Kind k) {
  switch (k) {
    case Block::kAccepted: return "record";
    case Block::kRejected: return "error";
    case Block::kFatal: return "fatal error";
  }
  return "";
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

bool HexValue(std::string_view hex, uint64_t* v) {
  *v = 0;
  for (char c : hex) {
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'A' && c <= 'F' ? c - 'A' + 10
            : c >= 'a' && c <= 'f' ? c - 'a' + 10
                                   : -1;
    if (d < 0) return false;
    *v = *v * 16 + static_cast<uint64_t>(d);
  }
  return !hex.empty();
}

// Reads a .out file into blocks.
bool ParseKnotOut(const std::string& text, std::vector<Block>* blocks) {
  Block b;
  bool any = false;
  for (std::string_view line : Split(text, '\n')) {
    if (line.empty()) continue;
    if (line == "------") {
      if (!any) return false;
      blocks->push_back(b);
      b = Block();
      any = false;
      continue;
    }
    size_t eq = line.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view key = line.substr(0, eq), value = line.substr(eq + 1);
    uint64_t v = 0;
    any = true;
    if (key == "OWNER") {
      for (size_t i = 0; i + 1 < value.size(); i += 2) {
        if (!HexValue(value.substr(i, 2), &v)) return false;
        b.owner.push_back(Lower(static_cast<char>(v)));
      }
    } else if (key == "RTYPE") {
      if (!HexValue(value, &v)) return false;
      b.type = static_cast<uint16_t>(v);
    } else if (key == "RRTTL") {
      if (!HexValue(value, &v)) return false;
      b.ttl = static_cast<uint32_t>(v);
    } else if (key == "WARNG") {
      b.kind = Block::kRejected;
      b.detail = std::string(value);
    } else if (key == "ERROR") {
      b.kind = Block::kFatal;
      b.detail = std::string(value);
    }
  }
  return !any;
}

// zonelint's canonical name text ("a.b.", \DDD escapes) in wire format.
std::string CanonicalToWire(std::string_view name) {
  std::string wire, label;
  if (name == ".") return std::string(1, '\0');
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == '\\' && i + 3 < name.size()) {
      label.push_back(static_cast<char>((name[i + 1] - '0') * 100 +
                                        (name[i + 2] - '0') * 10 +
                                        (name[i + 3] - '0')));
      i += 3;
    } else if (c == '.') {
      wire.push_back(static_cast<char>(label.size()));
      wire += label;
      label.clear();
    } else {
      label.push_back(Lower(c));
    }
  }
  wire.push_back('\0');
  return wire;
}

std::string WireToText(std::string_view wire) {
  std::string out;
  for (size_t i = 0; i < wire.size() && wire[i] != '\0';) {
    size_t len = static_cast<unsigned char>(wire[i]);
    out += std::string(wire.substr(i + 1, len)) + ".";
    i += len + 1;
  }
  return out.empty() ? "." : out;
}

std::string Where(const Session& session, FileId file, uint32_t offset) {
  const Source& src = session.sources().Get(file);
  return Cat(BaseName(src.path()), ":", src.Locate(offset).line);
}

// zonelint's blocks for a parsed zone, in input order: records kept without
// an error, and one error block per entry with problems. Records and issues
// are each stored in parse order; an issue goes after the last record of
// its file that starts before it (exact unless an $INCLUDE sits between
// them, which no case here needs).
std::vector<Block> ZonelintBlocks(const Session& session) {
  const Zone& zone = *session.zones().front();
  struct Item {
    size_t after;  // how many records come before it (a record counts itself)
    bool record;   // a record comes before the issues placed after it
    size_t order;
    Block block;
  };
  std::vector<Item> items;
  std::vector<bool> has_error(zone.records.size(), false);
  struct Entry {
    FileId file;
    uint32_t start;
  };
  std::vector<Entry> seen;
  for (const ParseIssue& issue : zone.issues) {
    const SourceRange& r = issue.range;
    bool in_record = false;
    for (size_t i = 0; i < zone.records.size(); ++i) {
      const Record& rec = zone.records[i];
      if (rec.file == r.file && rec.begin <= r.begin && r.begin <= rec.end) {
        has_error[i] = true;
        in_record = true;
      }
    }
    if (in_record) continue;
    const uint32_t start =
        EntryStart(session.sources().Get(r.file).text(), r.begin);
    if (std::any_of(seen.begin(), seen.end(), [&](const Entry& e) {
          return e.file == r.file && e.start == start;
        })) {
      continue;
    }
    seen.push_back({r.file, start});
    size_t after = 0;
    for (size_t i = 0; i < zone.records.size(); ++i) {
      const Record& rec = zone.records[i];
      if (rec.file == r.file && rec.begin < r.begin) after = i + 1;
    }
    Block b;
    b.kind = Block::kRejected;
    b.detail = issue.message;
    b.where = Where(session, r.file, r.begin);
    items.push_back({after, false, items.size(), b});
  }
  for (size_t i = 0; i < zone.records.size(); ++i) {
    const Record& rec = zone.records[i];
    Block b;
    b.kind = has_error[i] ? Block::kRejected : Block::kAccepted;
    b.owner = CanonicalToWire(zone.names().Text(rec.owner));
    b.type = rec.type;
    b.ttl = rec.ttl;
    if (has_error[i]) b.detail = "error in a kept record";
    b.where = Where(session, rec.file, rec.begin);
    items.push_back({i + 1, true, i, b});
  }
  std::stable_sort(items.begin(), items.end(),
                   [](const Item& a, const Item& b) {
                     if (a.after != b.after) return a.after < b.after;
                     if (a.record != b.record) return a.record;
                     return a.order < b.order;
                   });
  std::vector<Block> out;
  for (Item& item : items) out.push_back(std::move(item.block));
  return out;
}

std::string BlockText(const Block& b) {
  std::string where = b.where.empty() ? "" : Cat(" at ", b.where);
  if (b.kind != Block::kAccepted) {
    return Cat(KindName(b.kind), " (", b.detail, ")", where);
  }
  return Cat("record ", WireToText(b.owner), " ", TypeName(b.type), " ttl ",
             b.ttl, where);
}

bool SameBlock(const Block& knot, const Block& ours) {
  if (knot.kind == Block::kAccepted) {
    return ours.kind == Block::kAccepted && knot.owner == ours.owner &&
           knot.type == ours.type && knot.ttl == ours.ttl;
  }
  return ours.kind == Block::kRejected;
}

TEST(KnotZscannerTest, CasesAgreeWithLibzscanner) {
  const std::string shared = SharedRoot();
  if (shared.empty()) GTEST_SKIP() << kNoSharedCorpus;
  DifferenceTable differences;
  std::string error;
  ASSERT_TRUE(differences.Load(
      ProjectRoot() + "/tests/conformance/knot_differences.tsv", {"name"},
      &error))
      << error;
  const std::string dir = shared + "/corpus/conformance/knot-zscanner";
  std::vector<TsvRow> rows;
  ASSERT_TRUE(ReadTsv(dir + "/SUMMARY.tsv", &rows, &error)) << error;
  ASSERT_GE(rows.size(), 90u);

  // Cases with @TMPDIR@ are rewritten into a directory that also holds
  // includes/ (a symlink), as the upstream driver does.
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  ASSERT_EQ(::symlink((dir + "/data/includes").c_str(),
                      (tmp.path() + "/includes").c_str()),
            0);

  // ZONELINT_CONFORMANCE_VERBOSE=1 shows every differing block, not only
  // the first of each case.
  const bool verbose = std::getenv("ZONELINT_CONFORMANCE_VERBOSE") != nullptr;
  int agree = 0, listed = 0;
  size_t blocks_total = 0, blocks_agree = 0;
  for (const TsvRow& row : rows) {
    const std::string& name = row.at("name");
    std::string out_text, in_text;
    ASSERT_TRUE(ReadFile(dir + "/data/" + name + ".out", &out_text)) << name;
    ASSERT_TRUE(ReadFile(dir + "/data/" + name + ".in", &in_text)) << name;
    std::vector<Block> knot;
    ASSERT_TRUE(ParseKnotOut(out_text, &knot)) << name << ".out is malformed";
    // The .out agrees with SUMMARY.tsv.
    int64_t want_accepted = 0, want_rejected = 0, want_fatal = 0;
    ASSERT_TRUE(ParseInt64(row.at("accepted_records"), &want_accepted));
    ASSERT_TRUE(ParseInt64(row.at("rejected_records"), &want_rejected));
    ASSERT_TRUE(ParseInt64(row.at("fatal"), &want_fatal));
    auto count = [&](Block::Kind k) {
      return std::count_if(knot.begin(), knot.end(),
                           [k](const Block& b) { return b.kind == k; });
    };
    ASSERT_EQ(count(Block::kAccepted), want_accepted) << name;
    ASSERT_EQ(count(Block::kRejected), want_rejected) << name;
    ASSERT_EQ(count(Block::kFatal), want_fatal) << name;

    std::string path = dir + "/data/" + name + ".in";
    if (in_text.find("@TMPDIR@") != std::string::npos) {
      std::string text;
      for (size_t at = 0;;) {
        size_t next = in_text.find("@TMPDIR@", at);
        text += in_text.substr(at, next - at);
        if (next == std::string::npos) break;
        text += tmp.path();
        at = next + 8;
      }
      path = tmp.path() + "/" + name + ".in";
      ASSERT_TRUE(WriteFile(path, text));
    }
    Session session;
    ParseOptions options;
    options.origin = ".";
    ASSERT_TRUE(session.AddFile(path, options).ok()) << path;
    const std::vector<Block> ours = ZonelintBlocks(session);

    // Compare up to Knot's first fatal error.
    auto fatal = std::find_if(knot.begin(), knot.end(), [](const Block& b) {
      return b.kind == Block::kFatal;
    });
    const size_t compared = static_cast<size_t>(fatal - knot.begin());
    std::string disagreement;
    for (size_t i = 0; i < compared; ++i) {
      ++blocks_total;
      if (i < ours.size() && SameBlock(knot[i], ours[i])) {
        ++blocks_agree;
      } else if (disagreement.empty() || verbose) {
        disagreement += Cat(disagreement.empty() ? "" : "\n  ", "block ",
                            i + 1, ": Knot has ", BlockText(knot[i]),
                            ", zonelint ",
                            i < ours.size() ? BlockText(ours[i])
                                            : std::string("nothing"));
      }
    }
    if (fatal != knot.end()) {
      ++blocks_total;
      if (compared < ours.size() && ours[compared].kind == Block::kRejected) {
        ++blocks_agree;
      } else if (disagreement.empty()) {
        disagreement = Cat(
            "Knot stops with ", BlockText(*fatal), " after ", compared,
            " blocks; zonelint has ",
            compared < ours.size() ? BlockText(ours[compared])
                                   : std::string("nothing more"));
      }
    } else if (ours.size() > compared && disagreement.empty()) {
      disagreement = Cat("zonelint has ", ours.size() - compared,
                         " more block(s) than Knot, the first: ",
                         BlockText(ours[compared]));
    }
    int64_t ours_accepted = std::count_if(
        ours.begin(), ours.end(),
        [](const Block& b) { return b.kind == Block::kAccepted; });
    if (!disagreement.empty()) {
      disagreement += Cat("\n  (Knot: ", want_accepted, " accepted, ",
                          want_rejected, " rejected, ", want_fatal,
                          " fatal; zonelint: ", ours_accepted, " accepted, ",
                          ours.size() - ours_accepted, " errors)");
    }

    if (differences.Listed({name})) {
      ++listed;
      EXPECT_FALSE(disagreement.empty())
          << name << " is listed in knot_differences.tsv ("
          << differences.Reason({name})
          << ") but zonelint now agrees with Knot: remove the row";
    } else if (disagreement.empty()) {
      ++agree;
    } else {
      ADD_FAILURE() << name << ": " << disagreement
                    << "\n  Fix the parser, or list the case with its reason "
                       "in tests/conformance/knot_differences.tsv";
    }
  }
  for (const std::string& key : differences.Unseen()) {
    ADD_FAILURE() << "knot_differences.tsv lists '" << key
                  << "', which is not a case of SUMMARY.tsv";
  }
  std::printf(
      "knot-zscanner: %d/%zu cases agree, %d listed differences; "
      "%zu/%zu blocks (records and errors) agree\n",
      agree, rows.size(), listed, blocks_agree, blocks_total);
}

}  // namespace
}  // namespace zonelint::conformance

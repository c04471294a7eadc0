#include "parser/zone_parser.h"

#include <limits.h>
#include <stdlib.h>

#include <algorithm>
#include <optional>
#include <vector>

#include "parser/field_grammar.h"
#include "parser/master_grammar.h"
#include "parser/rdata.h"
#include "parser/rrtype.h"
#include "tao/pegtl.hpp"
#include "util/strings.h"

namespace zonelint {
namespace {

namespace pegtl = tao::pegtl;
namespace master = grammar::master;
namespace fg = grammar::field;

// `path` (relative) as seen from the folder of `including`: "sub/b.zone"
// beside "db.example", "zones/sub/b.zone" beside "zones/db.example".
std::string Beside(const std::string& including, const std::string& path) {
  size_t slash = including.rfind('/');
  if (slash == std::string::npos) return path;
  return including.substr(0, slash + 1) + path;
}

std::string RealPath(const std::string& path) {
  char buf[PATH_MAX];
  if (::realpath(path.c_str(), buf) == nullptr) return path;
  return buf;
}

bool StartsWithDigit(std::string_view s) {
  return !s.empty() && s[0] >= '0' && s[0] <= '9';
}

// Whether the line that starts at `at` can begin an entry: it starts with
// neither a blank nor a comment and is not empty. Other lines continue a
// group whose ')' may be missing.
bool BeginsEntry(std::string_view text, uint32_t at) {
  if (at >= text.size()) return false;
  char c = text[at];
  return c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ';';
}

// Where parsing resumes after a malformed entry that began at `begin` and
// failed at `at`: after the end of the line, or after the ')' closing a
// group the error was in. A group that is still open at the end of a line
// followed by one that begins an entry is taken as unclosed: parsing
// resumes at that line (or at the end of the text), so every byte is
// scanned once. Quotes and comments are skipped roughly.
uint32_t ResumeAfter(std::string_view text, uint32_t begin, uint32_t at) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  int depth = 0;
  uint32_t i = begin;
  const uint32_t error_at = std::min(at, size);
  while (i < size) {
    char c = text[i];
    if (c == '\n' && i >= error_at &&
        (depth == 0 || BeginsEntry(text, i + 1))) {
      return i + 1;
    }
    if (c == '"') {
      ++i;
      while (i < size && text[i] != '"' && text[i] != '\n') {
        i += text[i] == '\\' ? 2 : 1;
      }
      if (i < size && text[i] == '"') ++i;
      continue;
    }
    if (c == ';') {
      while (i < size && text[i] != '\n') ++i;
      continue;
    }
    if (c == '\\') {
      // An escape never takes a line break with it: "x\" at the end of a
      // line is an error, and the next line is a new entry.
      i += i + 1 < size && text[i + 1] != '\n' ? 2 : 1;
      continue;
    }
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    ++i;
  }
  return size;
}

// The start of the first line at or after the line start `from` that can
// begin an entry: lines that begin with a blank, empty lines and comment
// lines are skipped, as they continue a group whose ')' is missing.
uint32_t NextOwnerLine(std::string_view text, uint32_t from) {
  const uint32_t size = static_cast<uint32_t>(text.size());
  while (from < size && !BeginsEntry(text, from)) {
    size_t nl = text.find('\n', from);
    if (nl == std::string_view::npos) return size;
    from = static_cast<uint32_t>(nl + 1);
  }
  return std::min(from, size);
}

class ZoneParser {
 public:
  ZoneParser(SourceSet* sources, const ParseOptions& options, Zone* zone)
      : sources_(sources), options_(options), zone_(zone) {
    if (!options.origin.empty()) SetOrigin(MakeOrigin(options.origin));
  }

  void Run(FileId file) {
    zone_->main_file = file;
    main_path_ = sources_->Get(file).path();
    include_stack_.push_back(RealPath(main_path_));
    // Room for about a record a line (three fields each): capacity never
    // touched costs address space, not memory, while growing a big array
    // by copying holds two of them at once.
    const std::string_view text = sources_->Get(file).text();
    const size_t lines = std::count(text.begin(), text.end(), '\n') + 1;
    zone_->records.reserve(zone_->records.size() + lines);
    zone_->fields.reserve(zone_->fields.size() + 3 * lines);
    ParseFile(file, 0);
    zone_->apex = Apex();
  }

 private:
  // ---- Reporting ---------------------------------------------------------

  void Report(IssueKind kind, FileId file, uint32_t begin, uint32_t end,
              std::string message, std::string help) {
    zone_->issues.push_back(
        {kind, {file, begin, end}, std::move(message), std::move(help)});
  }
  void Syntax(uint32_t begin, uint32_t end, std::string message,
              std::string help) {
    Report(IssueKind::kSyntax, file_, begin, end, std::move(message),
           std::move(help));
  }
  void SyntaxAt(const Token& t, std::string message, std::string help) {
    uint32_t b = t.begin, e = t.end;
    if (t.quoted) {
      b = b > 0 ? b - 1 : b;
      ++e;
    }
    Syntax(b, e, std::move(message), std::move(help));
  }

  std::string_view Text(const Token& t) const {
    return std::string_view(base_ + t.begin, t.end - t.begin);
  }

  // ---- Origins -----------------------------------------------------------

  void SetOrigin(Origin origin) {
    origin_ = std::move(origin);
    ++origin_generation_;
  }

  std::string Guess() const {
    return options_.origin_from_file_name ? OriginFromFileName(main_path_)
                                          : std::string();
  }

  // The zone's apex once the file is read: --origin; else the origin an
  // $ORIGIN set before the first record; else the owner of the first SOA;
  // else the file name's, when a record is at or below it (a name no record
  // is in names no zone of this file). Never the root unless --origin says
  // so: "$ORIGIN ." (BIND's dump format) and an SOA at '.' under it name no
  // zone. An $ORIGIN after the first record changes what the names that
  // follow mean, not which zone this is. kNoName when nothing names the
  // zone: rules then leave the zone's extent alone.
  NameId Apex() const {
    NameTable& names = zone_->names();
    if (!options_.origin.empty()) return names.Intern(options_.origin);
    auto not_root = [&](NameId id) {
      return id != kNoName && names.Text(id) != ".";
    };
    if (not_root(leading_origin_)) return leading_origin_;
    if (not_root(soa_owner_)) return soa_owner_;
    const std::string guess = Guess();
    if (guess.empty()) return kNoName;
    for (const Record& r : zone_->records) {
      if (IsAtOrBelow(names.Text(r.owner), guess)) return names.Intern(guess);
    }
    return kNoName;
  }

  // The origin for a relative name, guessing it from the file name when
  // nothing set it; reports once when there is none and uses the root.
  const Origin* CurrentOrigin(const Token& t) {
    return CurrentOrigin(Text(t),
                         t.quoted && t.begin > 0 ? t.begin - 1 : t.begin,
                         t.quoted ? t.end + 1 : t.end);
  }
  // The same for a name that is not a token of the current file (generated
  // by $GENERATE): `name` is its text, [begin, end) where to report.
  const Origin* CurrentOrigin(std::string_view name, uint32_t begin,
                              uint32_t end) {
    if (origin_) return &*origin_;
    if (soa_owner_ != kNoName) {
      // No $ORIGIN or --origin, but an absolute SOA owner came first.
      SetOrigin(MakeOrigin(zone_->names().Text(soa_owner_)));
      return &*origin_;
    }
    std::string guess = Guess();
    if (!guess.empty()) {
      SetOrigin(MakeOrigin(guess));
      return &*origin_;
    }
    Syntax(begin, end,
           Cat("relative name '", name, "' but the zone's origin is unknown"),
           "pass --origin example.com., add '$ORIGIN example.com.' before "
           "the first record, or name the file after the zone");
    SetOrigin(MakeOrigin("."));
    origin_is_fallback_ = true;
    return &*origin_;
  }

  // Parses a name token (owner, $ORIGIN, $INCLUDE origin). Reports and
  // returns kNoName when it is malformed.
  NameId NameToken(const Token& t, bool* relative) {
    std::string_view text = Text(t);
    *relative = false;
    if (text == "@") {  // quoted too, as BIND reads a quoted owner
      return zone_->names().Intern(CurrentOrigin(t)->text);
    }
    const Origin* origin = IsAbsoluteText(text) ? nullptr : CurrentOrigin(t);
    NameError err = ParseName(text, origin, &scratch_, relative);
    if (err != NameError::kOk) {
      static constexpr std::string_view kWhy[] = {
          "",
          "the name is empty",
          "the name has an empty label ('..')",
          "a label is longer than 63 bytes",
          "the name is longer than 255 bytes",
          "a backslash escape is malformed"};
      SyntaxAt(t,
               Cat("invalid domain name '", Text(t),
                   "': ", kWhy[static_cast<int>(err)]),
               "write \\. for a dot inside a label and \\DDD for other "
               "bytes; keep labels to 63 and names to 255 bytes");
      return kNoName;
    }
    return zone_->names().Intern(scratch_);
  }

  // ---- Files and entries -------------------------------------------------

  void ParseFile(FileId file, int depth) {
    const Source& src = sources_->Get(file);
    std::string_view text = src.text();
    FileId saved_file = file_;
    const char* saved_base = base_;
    int saved_depth = depth_;
    file_ = file;
    base_ = text.data();
    depth_ = depth;
    const uint32_t size = static_cast<uint32_t>(text.size());
    uint32_t pos = 0;
    master::EntryState entry;
    entry.base = base_;
    while (pos < size) {
      entry.tokens.clear();
      entry.open_paren = UINT32_MAX;
      // At least one byte, so that every entry makes progress.
      uint32_t limit = static_cast<uint32_t>(std::min<uint64_t>(
          size,
          uint64_t{pos} + std::max<uint32_t>(options_.max_entry_bytes, 1)));
      pegtl::memory_input<pegtl::tracking_mode::lazy> in(
          base_ + pos, base_ + limit, src.path());
      try {
        pegtl::parse<master::entry, master::action, master::control>(in, entry);
        uint32_t next = static_cast<uint32_t>(in.current() - base_);
        if (next == limit && limit < size && text[limit - 1] != '\n') {
          Syntax(
              pos, pos + 1,
              Cat("record is longer than ", options_.max_entry_bytes, " bytes"),
              "check for a missing ')' or '\"'");
          NoteDropped(entry.tokens, pos);
          pos = ResumeAfter(text, pos, limit);
          continue;
        }
        Entry(entry.tokens, pos, next);
        pos = next;
      } catch (const pegtl::parse_error& e) {
        uint32_t at = pos + static_cast<uint32_t>(e.positions().front().byte);
        NoteDropped(entry.tokens, pos);
        pos = Recover(text, e.message(), entry, pos, at, limit);
      }
    }
    file_ = saved_file;
    base_ = saved_base;
    depth_ = saved_depth;
  }

  uint32_t Recover(std::string_view text, std::string_view message,
                   const master::EntryState& entry, uint32_t begin, uint32_t at,
                   uint32_t limit) {
    const uint32_t size = static_cast<uint32_t>(text.size());
    if (at >= limit && limit < size) {
      // The entry was cut at max_entry_bytes: whatever the grammar says
      // there, the problem is the length.
      if (message == master::error_message<master::closing_paren>) {
        Syntax(entry.open_paren, entry.open_paren + 1,
               Cat("no ')' within ", options_.max_entry_bytes,
                   " bytes of this '('"),
               "close the parentheses");
      } else {
        Syntax(
            begin, begin + 1,
            Cat("record is longer than ", options_.max_entry_bytes, " bytes"),
            "check for a missing ')' or '\"'");
      }
      return ResumeAfter(text, begin, at);
    }
    if (message == master::error_message<master::closing_paren>) {
      const size_t nl = text.find('\n', entry.open_paren);
      const uint32_t paren_line_end =
          nl == std::string_view::npos ? size : static_cast<uint32_t>(nl + 1);
      // A '(' inside the group is an inner '(' only when no line between
      // begins an entry; otherwise the group's ')' is missing and the group
      // ran into the records that follow.
      const bool nested =
          at < size && text[at] == '(' &&
          NextOwnerLine(text.substr(0, at), paren_line_end) >= at;
      if (nested) {
        Syntax(at, at + 1, "'(' inside parentheses",
               "parentheses do not nest; remove the inner '('");
        // Read on as if only the inner '(' were open: the group then ends
        // at the first ')', and so does the entry.
        return ResumeAfter(text, entry.open_paren + 1, at + 1);
      }
      Syntax(entry.open_paren, entry.open_paren + 1,
             "missing ')' to close this '('",
             "close the parentheses at the end of the record");
      return NextOwnerLine(text, paren_line_end);
    } else if (message == master::error_message<master::closing_quote>) {
      uint32_t e = at;
      Syntax(entry.open_quote, std::max(e, entry.open_quote + 1),
             "unterminated quoted string",
             "add the closing '\"'; a quoted string cannot span lines");
    } else if (message == master::error_message<master::end_of_entry>) {
      unsigned char c = at < size ? text[at] : 0;
      if (c == ')') {
        Syntax(at, at + 1, "')' without a matching '('",
               "remove it, or add the '(' that opens the group");
      } else {
        std::string shown = c == 0 ? "NUL" : Cat("byte ", HexByte(c));
        if (c > 0x20 && c < 0x7f) shown = Cat("'", std::string(1, c), "'");
        Syntax(at, at + 1, Cat("unexpected character ", shown),
               "remove it; write bytes that are not printable as \\DDD");
      }
    } else {
      // A backslash with nothing after it on its line: point at it.
      Syntax(at > begin ? at - 1 : at, at > begin ? at : at + 1,
             std::string(message),
             "write a backslash as \\\\ and bytes as \\DDD");
    }
    return ResumeAfter(text, begin, at);
  }

  // Whether the entry at `begin` starts with its owner: a token at the
  // start of the line, quoted or not (BIND reads "a b" as the name a\032b).
  static bool OwnerGiven(const std::vector<Token>& tokens, uint32_t begin) {
    return !tokens.empty() &&
           (tokens[0].quoted ? tokens[0].begin - 1 : tokens[0].begin) == begin;
  }

  void Entry(const std::vector<Token>& tokens, uint32_t begin, uint32_t end) {
    if (tokens.empty()) return;
    const bool owner_given = OwnerGiven(tokens, begin);
    // A directive is never quoted.
    if (owner_given && !tokens[0].quoted && base_[tokens[0].begin] == '$') {
      Directive(tokens, end);
      return;
    }
    const size_t records = zone_->records.size();
    RecordEntry(tokens, owner_given, end);
    if (zone_->records.size() == records) NoteDropped(tokens, begin);
  }

  // An entry at `begin` was dropped for a problem already reported: when
  // its type (after the owner, a TTL and a class) is SOA, the zone's SOA
  // may be the record that could not be read.
  void NoteDropped(const std::vector<Token>& tokens, uint32_t begin) {
    size_t i = OwnerGiven(tokens, begin) ? 1 : 0;
    for (int k = 0; k < 2 && i < tokens.size() && !tokens[i].quoted; ++k) {
      uint16_t rclass;
      const std::string_view s = Text(tokens[i]);
      if (!StartsWithDigit(s) && !ParseClassToken(s, &rclass)) break;
      ++i;
    }
    if (i < tokens.size() && !tokens[i].quoted &&
        EqualsIgnoreCase(Text(tokens[i]), "SOA")) {
      zone_->soa_unreadable = true;
    }
  }

  // ---- Records -----------------------------------------------------------

  // Reads [TTL] [class] in either order starting at tokens[*i].
  bool TtlAndClass(const std::vector<Token>& tokens, size_t* i,
                   std::optional<uint32_t>* ttl, uint16_t* rclass,
                   bool* has_class) {
    for (int k = 0; k < 2 && *i < tokens.size(); ++k) {
      const Token& t = tokens[*i];
      if (t.quoted) break;
      std::string_view s = Text(t);
      uint16_t c;
      if (!*has_class && ParseClassToken(s, &c)) {
        *rclass = c;
        *has_class = true;
        ++*i;
      } else if (!ttl->has_value() && StartsWithDigit(s)) {
        uint32_t v;
        if (!ParseTtl(s, &v)) {
          SyntaxAt(t, Cat("invalid TTL '", s, "'"),
                   "write seconds (3600) or units (1h, 1d12h, 1w)");
          return false;
        }
        *ttl = v;
        ++*i;
      } else {
        break;
      }
    }
    return true;
  }

  // The type of a record (or $GENERATE) at `t`, which comes after the
  // owner, TTL and class; reports what is wrong otherwise. An unquoted
  // token there that is no second TTL or class is an unknown type, as BIND
  // says ("unknown RR type"). `starts_blank_line`: `t` is the first token
  // of a line that begins with a blank, so the line has no owner of its own.
  bool TypeToken(const Token& t, bool ttl_and_class_given,
                 bool starts_blank_line, uint16_t* type) {
    const std::string_view s = Text(t);
    if (!t.quoted && ParseTypeToken(s, type)) return true;
    uint16_t rclass;
    uint32_t ttl;
    const bool is_ttl = StartsWithDigit(s) && ParseTtl(s, &ttl);
    if (t.quoted) {
      SyntaxAt(t,
               ttl_and_class_given ? "expected a type"
                                   : "expected a TTL, class or type",
               "a record is: owner [TTL] [class] type rdata, none of them "
               "quoted");
    } else if (is_ttl || ParseClassToken(s, &rclass)) {
      SyntaxAt(t,
               Cat("a second ", is_ttl ? "TTL" : "class", " '", s,
                   "' where the type goes"),
               "a record is: owner [TTL] [class] type rdata, with one TTL "
               "and one class at most");
    } else {
      SyntaxAt(t, Cat("unknown record type '", ShowText(s), "'"),
               starts_blank_line
                   ? "the line begins with a blank, so it repeats the "
                     "previous owner and its first word is read as the type; "
                     "if that word is an owner name, start the line with it"
                   : "a record is: owner [TTL] [class] type rdata; write "
                     "types without a mnemonic as TYPEnnn (RFC 3597)");
    }
    return false;
  }

  void RecordEntry(const std::vector<Token>& tokens, bool owner_given,
                   uint32_t end_of_entry) {
    Record rec;
    rec.file = file_;
    rec.begin = tokens[0].quoted ? tokens[0].begin - 1 : tokens[0].begin;
    const Token& last = tokens.back();
    rec.end = last.quoted ? last.end + 1 : last.end;
    size_t i = 0;
    if (owner_given) {
      const Token& t = tokens[0];
      std::string_view text = Text(t);
      if (last_owner_ != kNoName && text == last_owner_text_ &&
          origin_generation_ == last_owner_generation_) {
        rec.owner = last_owner_;  // the common case: the same owner again
        if (last_owner_relative_) rec.flags |= kRecordOwnerRelative;
      } else {
        bool relative;
        rec.owner = NameToken(t, &relative);
        if (rec.owner == kNoName) return;
        if (relative) {
          rec.flags |= kRecordOwnerRelative;
          if (LooksLikeFullName(text)) {
            zone_->relative_names.push_back(
                {{file_, t.begin, t.end}, rec.owner, text, /*owner=*/true});
          }
        }
        last_owner_relative_ = relative;
      }
      rec.owner_end = t.quoted ? t.end + 1 : t.end;
      last_owner_ = rec.owner;
      last_owner_text_ = text;
      last_owner_generation_ = origin_generation_;
      i = 1;
    } else {
      if (last_owner_ == kNoName) {
        SyntaxAt(tokens[0],
                 "record has no owner name and there is no earlier record "
                 "to take it from",
                 "start the line with the owner name (or '@' for the "
                 "origin); only a line that begins with a space or tab "
                 "repeats the previous owner");
        return;
      }
      rec.owner = last_owner_;
      rec.owner_end = rec.begin;
    }
    std::optional<uint32_t> ttl;
    uint16_t rclass = options_.zone_class;
    bool has_class = false;
    if (!TtlAndClass(tokens, &i, &ttl, &rclass, &has_class)) return;
    if (i >= tokens.size()) {
      Syntax(end_of_entry > 0 ? end_of_entry - 1 : 0, end_of_entry,
             "expected a TTL, class or type",
             "a record is: owner [TTL] [class] type rdata");
      return;
    }
    const Token& type_token = tokens[i];
    uint16_t type;
    if (!TypeToken(type_token, ttl && has_class, !owner_given && i == 0,
                   &type)) {
      return;
    }
    const TypeInfo* info = FindType(type);
    if (info != nullptr && info->meta) {
      SyntaxAt(
          type_token,
          Cat(info->name, " is a meta type and cannot appear in zone data"),
          "remove the record");
      return;
    }
    if (rclass != options_.zone_class) {
      SyntaxAt(
          tokens[i - 1],
          Cat("class ", ClassName(rclass), " does not match the zone's class ",
              ClassName(options_.zone_class)),
          "all records of a zone have the zone's class; remove it");
      return;
    }
    rec.rclass = rclass;
    rec.type = type;
    // The first SOA's owner is the origin when nothing else gave one, for
    // its own rdata too ("example.com. SOA ns hostmaster ...").
    // A root owner that comes from the fallback origin ('@' with no origin
    // known) names no zone: the apex then stays unknown.
    if (type == rrtype::kSOA && soa_owner_ == kNoName &&
        !(origin_is_fallback_ && zone_->names().Text(rec.owner) == ".")) {
      soa_owner_ = rec.owner;
    }
    if (!Rdata(&rec, tokens, i + 1, end_of_entry, base_, false)) return;
    // TTL: explicit, $TTL, the previous record's (RFC 1035), or for a SOA
    // its minimum field (as BIND does).
    if (ttl) {
      rec.ttl = *ttl;
      rec.flags |= kRecordTtlExplicit;
    } else if (default_ttl_) {
      rec.ttl = *default_ttl_;
    } else if (last_ttl_) {
      rec.ttl = *last_ttl_;
    } else if (type == rrtype::kSOA && rec.field_count == 7) {
      rec.ttl = zone_->fields[rec.first_field + 6].value;
    }
    last_ttl_ = rec.ttl;
    zone_->records.push_back(rec);
  }

  // Parses rdata tokens[from..] into rec's fields; false when the record is
  // dropped.
  bool Rdata(Record* rec, const std::vector<Token>& tokens, size_t from,
             uint32_t end_of_entry, const char* base, bool generated) {
    rdata_out_.fields = &zone_->fields;
    rdata_out_.relative_names = &zone_->relative_names;
    rdata_out_.file = file_;
    rdata_out_.generated = generated;
    rdata_out_.problems.clear();
    rdata_out_.generic = false;
    rdata_out_.fatal = false;
    const size_t first = zone_->fields.size();
    const Token* t = tokens.data() + from;
    RdataInput in{base, absl::MakeConstSpan(t, tokens.size() - from),
                  end_of_entry > 0 ? end_of_entry - 1 : 0, nullptr,
                  &zone_->names()};
    // Resolve the origin lazily: only rdata with a relative name needs it.
    Origin root = MakeOrigin(".");
    in.origin = origin_ ? &*origin_ : &root;
    if (!origin_) {
      if (const Token* name = RelativeNameToken(rec->type, in)) {
        // Generated tokens are offsets into generated text, not the file.
        in.origin =
            generated ? CurrentOrigin(std::string_view(base + name->begin,
                                                       name->end - name->begin),
                                      rec->begin, rec->end)
                      : CurrentOrigin(*name);
      }
    }
    ParseRdata(rec->type, in, &rdata_out_);
    if (generated) {
      // Ranges of generated text are not source ranges: point at the
      // $GENERATE directive instead.
      for (RdataProblem& p : rdata_out_.problems) {
        p.begin = rec->begin;
        p.end = rec->end;
      }
    }
    for (RdataProblem& p : rdata_out_.problems) {
      Report(p.kind, file_, p.begin, p.end, std::move(p.message),
             std::move(p.help));
    }
    if (rdata_out_.fatal) {
      zone_->fields.resize(first);
      return false;
    }
    if (zone_->fields.size() - first > UINT16_MAX) {
      Syntax(rec->begin, rec->end, "record has more than 65535 fields",
             "split the data over several records");
      zone_->fields.resize(first);
      return false;
    }
    rec->first_field = static_cast<uint32_t>(first);
    rec->field_count = static_cast<uint16_t>(zone_->fields.size() - first);
    if (rdata_out_.generic) rec->flags |= kRecordGeneric;
    if (generated) rec->flags |= kRecordGenerated;
    return true;
  }

  // The first rdata token that is a relative name (so needs the origin), or
  // nullptr. Only codes of one token come before an 'n' in a shape, so the
  // k-th code 'n' is the k-th token (tests/parser checks this of the table).
  static const Token* RelativeNameToken(uint16_t type, const RdataInput& in) {
    const TypeInfo* info = FindType(type);
    if (info == nullptr || in.tokens.empty()) return nullptr;
    auto text = [&](const Token& t) {
      return std::string_view(in.base + t.begin, t.end - t.begin);
    };
    if (!in.tokens[0].quoted && text(in.tokens[0]) == "\\#") return nullptr;
    for (size_t k = 0; k < info->shape.size() && k < in.tokens.size(); ++k) {
      if (info->shape[k] != 'n') continue;
      const Token& t = in.tokens[k];
      if ((text(t) == "@" && !t.quoted) || !IsAbsoluteText(text(t))) return &t;
    }
    return nullptr;
  }

  // ---- Directives --------------------------------------------------------

  void Directive(const std::vector<Token>& tokens, uint32_t end) {
    std::string_view name = Text(tokens[0]);
    if (EqualsIgnoreCase(name, "$ORIGIN")) {
      if (tokens.size() != 2) {
        ArgumentCount(tokens, 2, "$ORIGIN takes one domain name");
        return;
      }
      bool relative;
      NameId id = NameToken(tokens[1], &relative);
      if (id == kNoName) return;
      if (zone_->records.empty()) leading_origin_ = id;
      SetOrigin(MakeOrigin(zone_->names().Text(id)));
      origin_is_fallback_ = false;
    } else if (EqualsIgnoreCase(name, "$TTL")) {
      if (tokens.size() != 2) {
        ArgumentCount(tokens, 2, "$TTL takes one TTL");
        return;
      }
      uint32_t ttl;
      if (tokens[1].quoted || !ParseTtl(Text(tokens[1]), &ttl)) {
        SyntaxAt(tokens[1], Cat("invalid TTL '", Text(tokens[1]), "'"),
                 "write seconds (3600) or units (1h, 1d12h, 1w)");
        return;
      }
      default_ttl_ = ttl;
    } else if (EqualsIgnoreCase(name, "$INCLUDE")) {
      Include(tokens);
    } else if (EqualsIgnoreCase(name, "$GENERATE")) {
      Generate(tokens, end);
    } else {
      SyntaxAt(tokens[0], Cat("unknown directive '", name, "'"),
               "the directives are $ORIGIN, $TTL, $INCLUDE and $GENERATE");
    }
  }

  void ArgumentCount(const std::vector<Token>& tokens, size_t want,
                     std::string help) {
    if (tokens.size() < want) {
      Syntax(tokens[0].begin, tokens.back().end,
             Cat(Text(tokens[0]), " is missing its argument"), std::move(help));
    } else {
      SyntaxAt(tokens[want], Cat("extra text after ", Text(tokens[0])),
               std::move(help));
    }
  }

  void Include(const std::vector<Token>& tokens) {
    // Each way out before the file is read reports one issue: it notes that
    // the zone's records are now incomplete.
    auto unread = [this] { zone_->issues.back().include_unread = true; };
    if (tokens.size() < 2 || tokens.size() > 3) {
      ArgumentCount(tokens, tokens.size() < 2 ? 2 : 3,
                    "$INCLUDE takes a file name and an optional origin");
      unread();
      return;
    }
    const Token& path_token = tokens[1];
    std::string path;
    if (!DecodeCharacterString(Text(path_token), &path) || path.empty()) {
      SyntaxAt(path_token, "invalid $INCLUDE file name", "give a file path");
      unread();
      return;
    }
    auto report = [&](std::string message, std::string help) {
      uint32_t b = path_token.quoted ? path_token.begin - 1 : path_token.begin;
      uint32_t e = path_token.quoted ? path_token.end + 1 : path_token.end;
      Report(IssueKind::kInclude, file_, b, e, std::move(message),
             std::move(help));
      unread();
    };
    if (depth_ + 1 > options_.max_include_depth) {
      report(Cat("$INCLUDE nested deeper than ", options_.max_include_depth,
                 " levels"),
             "flatten the include chain; it may include itself indirectly");
      return;
    }
    // Relative paths: beside the including file first, then (as BIND
    // does) relative to the current directory.
    std::string resolved = path;
    if (path[0] != '/') {
      std::string beside = Beside(sources_->Get(file_).path(), path);
      resolved = ::access(beside.c_str(), F_OK) == 0 ||
                         ::access(path.c_str(), F_OK) != 0
                     ? beside
                     : path;
    }
    std::string real = RealPath(resolved);
    if (std::find(include_stack_.begin(), include_stack_.end(), real) !=
        include_stack_.end()) {
      report(Cat("$INCLUDE of '", path,
                 "' includes a file that is already being read"),
             "remove the $INCLUDE that closes the loop");
      return;
    }
    std::optional<Origin> new_origin;
    if (tokens.size() == 3) {
      bool relative;
      NameId id = NameToken(tokens[2], &relative);
      if (id == kNoName) {
        unread();  // NameToken said why
        return;
      }
      new_origin = MakeOrigin(zone_->names().Text(id));
    }
    absl::StatusOr<std::unique_ptr<Source>> source = Source::Open(resolved);
    if (!source.ok()) {
      report(Cat("cannot $INCLUDE '", path,
                 "': ", std::string(source.status().message())),
             "fix the path; relative paths are looked up beside the "
             "including file, then in the current directory");
      return;
    }
    FileId id = sources_->Add(*std::move(source));
    // RFC 1035: an $INCLUDE never changes the parent's origin; BIND also
    // restores the owner the parent's next blank-owner line inherits.
    std::optional<Origin> saved_origin = origin_;
    NameId saved_owner = last_owner_;
    std::string_view saved_owner_text = last_owner_text_;
    if (new_origin) SetOrigin(*std::move(new_origin));
    last_owner_text_ = {};
    include_stack_.push_back(real);
    ParseFile(id, depth_ + 1);
    include_stack_.pop_back();
    // A new generation, so the owner fast path never matches across files.
    origin_ = std::move(saved_origin);
    last_owner_ = saved_owner;
    last_owner_text_ = saved_owner_text;
    ++origin_generation_;
  }

  // $GENERATE range lhs [ttl] [class] type rhs (BIND).
  void Generate(const std::vector<Token>& tokens, uint32_t end_of_entry) {
    const uint32_t dir_begin = tokens[0].begin;
    const uint32_t dir_end =
        tokens.back().quoted ? tokens.back().end + 1 : tokens.back().end;
    if (tokens.size() < 5) {
      Syntax(dir_begin, dir_end, "$GENERATE is missing arguments",
             "$GENERATE start-stop[/step] lhs [TTL] [class] type rhs");
      return;
    }
    std::string_view range = Text(tokens[1]);
    int64_t start = 0, stop = 0, step = 1;
    {
      bool ok = fg::FullMatch<fg::generate_range>(range);
      if (ok) {
        size_t dash = range.find('-');
        size_t slash = range.find('/');
        ok = ParseInt64(range.substr(0, dash), &start) &&
             ParseInt64(range.substr(dash + 1, slash == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : slash - dash - 1),
                        &stop) &&
             (slash == std::string_view::npos ||
              ParseInt64(range.substr(slash + 1), &step));
        ok = ok && start <= stop && stop <= INT32_MAX && step >= 1 &&
             step <= INT32_MAX;
      }
      if (!ok) {
        SyntaxAt(tokens[1], Cat("invalid $GENERATE range '", range, "'"),
                 "write start-stop or start-stop/step with start <= stop, "
                 "both at most 2147483647, and step >= 1");
        return;
      }
    }
    const uint64_t count = static_cast<uint64_t>(stop - start) / step + 1;
    if (count > options_.max_generate_records) {
      SyntaxAt(tokens[1],
               Cat("$GENERATE would make ", count, " records; the limit is ",
                   options_.max_generate_records),
               "split the range over several $GENERATE lines");
      return;
    }
    size_t i = 3;
    std::optional<uint32_t> ttl;
    uint16_t rclass = options_.zone_class;
    bool has_class = false;
    if (!TtlAndClass(tokens, &i, &ttl, &rclass, &has_class)) return;
    uint16_t type;
    if (i >= tokens.size()) {
      SyntaxAt(tokens.back(), "expected a TTL, class or type",
               "$GENERATE start-stop[/step] lhs [TTL] [class] type rhs");
      return;
    }
    if (!TypeToken(tokens[i], ttl && has_class, false, &type)) return;
    const TypeInfo* info = FindType(type);
    if (info != nullptr && info->meta) {
      SyntaxAt(
          tokens[i],
          Cat(info->name, " is a meta type and cannot appear in zone data"),
          "remove the $GENERATE line");
      return;
    }
    if (i + 1 >= tokens.size()) {
      Syntax(dir_begin, dir_end, "$GENERATE is missing its rhs",
             "$GENERATE start-stop[/step] lhs [TTL] [class] type rhs");
      return;
    }
    // BIND reads one rhs token (its text, quotes removed, is read again as
    // rdata) and rejects anything after it.
    if (i + 2 < tokens.size()) {
      SyntaxAt(tokens[i + 2], "extra text after the $GENERATE rhs",
               "$GENERATE takes one rhs; quote an rhs of several fields, as "
               "in: $GENERATE 1-9 host$ MX \"10 mail$\"");
      return;
    }
    std::string lhs, rhs, error;
    const Token& lhs_token = tokens[2];
    const Token& rhs_token = tokens[i + 1];
    for (int64_t v = start; v <= stop; v += step) {
      if (!Substitute(Text(lhs_token), v, &lhs, &error)) {
        SyntaxAt(lhs_token, error, std::string(kModifierHelp));
        return;
      }
      if (!Substitute(Text(rhs_token), v, &rhs, &error)) {
        SyntaxAt(rhs_token, error, std::string(kModifierHelp));
        return;
      }
      if (!GeneratedRecord(lhs, rhs, ttl, rclass, type, dir_begin, dir_end,
                           end_of_entry)) {
        return;  // reported once for the whole directive
      }
    }
  }

  static constexpr std::string_view kModifierHelp =
      "write $ for the value, ${offset,width,base} with base d, o, x, X, n "
      "or N to format it, and \\$ for a literal '$'";

  // Replaces '$' and ${offset,width,base} in a $GENERATE template.
  static bool Substitute(std::string_view tmpl, int64_t value, std::string* out,
                         std::string* error) {
    out->clear();
    for (size_t i = 0; i < tmpl.size(); ++i) {
      char c = tmpl[i];
      if (c == '\\' && i + 1 < tmpl.size()) {
        out->push_back(c);
        out->push_back(tmpl[++i]);
        continue;
      }
      if (c != '$') {
        out->push_back(c);
        continue;
      }
      if (i + 1 < tmpl.size() && tmpl[i + 1] == '$') {
        out->append("\\$");
        ++i;
        continue;
      }
      int64_t offset = 0;
      int width = 0;
      char base = 'd';
      if (i + 1 < tmpl.size() && tmpl[i + 1] == '{') {
        std::string_view rest = tmpl.substr(i + 1);
        long n = fg::PrefixMatch<fg::generate_modifier>(rest);
        if (n < 0) {
          *error = Cat("invalid $GENERATE modifier '", rest, "'");
          return false;
        }
        std::string_view body = rest.substr(1, n - 2);
        std::vector<std::string_view> parts = Split(body, ',');
        int64_t width64 = 0;
        if (!ParseInt64(parts[0], &offset) ||
            (parts.size() > 1 && !ParseInt64(parts[1], &width64)) ||
            width64 > 255) {
          *error = Cat("$GENERATE modifier '", rest.substr(0, n),
                       "' is out of range");
          return false;
        }
        width = static_cast<int>(width64);
        if (parts.size() > 2) base = parts[2][0];
        i += n;
      }
      int64_t v = value + offset;
      if (v < INT32_MIN || v > INT32_MAX) {
        *error = Cat("$GENERATE value ", value, " with offset ", offset,
                     " is out of range");
        return false;
      }
      Format(v, width, base, out);
    }
    return true;
  }

  static void Format(int64_t v, int width, char base, std::string* out) {
    if (base == 'n' || base == 'N') {
      // Nibble format for ip6.arpa: hex digits, least significant first,
      // joined by '.'; width counts the characters including dots.
      const char* digits =
          base == 'n' ? "0123456789abcdef" : "0123456789ABCDEF";
      uint32_t u = static_cast<uint32_t>(v);
      int w = width;
      do {
        out->push_back(digits[u & 0xf]);
        u >>= 4;
        if (w > 0) --w;
        if (w > 0 || u != 0) {
          out->push_back('.');
          if (w > 0) --w;
        }
      } while (u != 0 || w > 0);
      return;
    }
    char buf[300];  // the width is at most 255
    const char* fmt = base == 'o'   ? "%0*llo"
                      : base == 'x' ? "%0*llx"
                      : base == 'X' ? "%0*llX"
                                    : "%0*lld";
    if (base == 'o' || base == 'x' || base == 'X') {
      snprintf(buf, sizeof buf, fmt, width,
               static_cast<unsigned long long>(static_cast<uint32_t>(v)));
    } else {
      snprintf(buf, sizeof buf, fmt, width, static_cast<long long>(v));
    }
    out->append(buf);
  }

  bool GeneratedRecord(const std::string& lhs, const std::string& rhs,
                       std::optional<uint32_t> ttl, uint16_t rclass,
                       uint16_t type, uint32_t dir_begin, uint32_t dir_end,
                       uint32_t end_of_entry) {
    Record rec;
    rec.file = file_;
    rec.begin = dir_begin;
    rec.end = dir_end;
    rec.owner_end = dir_begin;
    rec.rclass = rclass;
    rec.type = type;
    // Owner.
    if (lhs == "@") {
      rec.owner =
          zone_->names().Intern(CurrentOrigin(lhs, dir_begin, dir_end)->text);
    } else {
      bool relative;
      const Origin* origin = IsAbsoluteText(lhs)
                                 ? nullptr
                                 : CurrentOrigin(lhs, dir_begin, dir_end);
      NameError err = ParseName(lhs, origin, &scratch_, &relative);
      if (err != NameError::kOk) {
        Syntax(dir_begin, dir_end,
               Cat("$GENERATE makes the invalid owner name '", lhs, "'"),
               "check the lhs template");
        return false;
      }
      rec.owner = zone_->names().Intern(scratch_);
    }
    // Rdata: tokenize the substituted rhs, kept in generated_text.
    const size_t offset = zone_->generated_text.size();
    zone_->generated_text.append(rhs);
    zone_->generated_text.push_back('\n');
    const char* gbase = zone_->generated_text.data();
    master::EntryState entry;
    entry.base = gbase;
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(
        gbase + offset, gbase + zone_->generated_text.size(), "$GENERATE");
    bool ok = false;
    try {
      ok = pegtl::parse<master::entry, master::action, master::control>(
               in, entry) &&
           in.empty();
    } catch (const pegtl::parse_error&) {
      ok = false;
    }
    if (!ok) {
      Syntax(dir_begin, dir_end,
             Cat("$GENERATE makes rdata that cannot be read: '", rhs, "'"),
             "check the quotes and parentheses of the rhs template");
      zone_->generated_text.resize(offset);
      return false;
    }
    if (!Rdata(&rec, entry.tokens, 0, end_of_entry, gbase, true)) {
      zone_->generated_text.resize(offset);
      return false;
    }
    if (ttl) {
      rec.ttl = *ttl;
      rec.flags |= kRecordTtlExplicit;
    } else if (default_ttl_) {
      rec.ttl = *default_ttl_;
    } else if (last_ttl_) {
      rec.ttl = *last_ttl_;
    }
    last_ttl_ = rec.ttl;
    zone_->records.push_back(rec);
    return true;
  }

  SourceSet* sources_;
  const ParseOptions& options_;
  Zone* zone_;
  std::string main_path_;

  // Per file being read.
  FileId file_ = kNoFile;
  const char* base_ = nullptr;
  int depth_ = 0;
  std::vector<std::string> include_stack_;

  // Directive and inheritance state.
  std::optional<Origin> origin_;
  uint64_t origin_generation_ = 0;
  std::optional<uint32_t> default_ttl_;
  std::optional<uint32_t> last_ttl_;
  NameId last_owner_ = kNoName;
  std::string_view last_owner_text_;
  uint64_t last_owner_generation_ = 0;
  bool last_owner_relative_ = false;
  NameId soa_owner_ = kNoName;
  // The origin is the root only because none was known (reported once).
  bool origin_is_fallback_ = false;
  // The origin an $ORIGIN set before the first record.
  NameId leading_origin_ = kNoName;

  std::string scratch_;
  RdataOutput rdata_out_;
};

}  // namespace

void ParseZone(SourceSet* sources, FileId file, const ParseOptions& options,
               Zone* zone) {
  ZoneParser(sources, options, zone).Run(file);
  zone->BuildIndex();
}

std::string OriginFromFileName(std::string_view path) {
  size_t slash = path.rfind('/');
  std::string_view name =
      slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view suffix : {".zone", ".db", ".hosts", ".txt"}) {
    if (EndsWithIgnoreCase(name, suffix)) {
      name.remove_suffix(suffix.size());
      break;
    }
  }
  for (std::string_view prefix : {"db.", "zone."}) {
    if (StartsWithIgnoreCase(name, prefix)) {
      name.remove_prefix(prefix.size());
      break;
    }
  }
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  if (name.find('.') == std::string_view::npos) return "";
  // Only letters, digits, '-', '_' and dots: a file name, not a domain,
  // otherwise.
  for (char c : name) {
    if (!IsAsciiAlnum(c) && c != '-' && c != '_' && c != '.') {
      return "";
    }
  }
  std::string out;
  bool relative;
  if (ParseName(name, nullptr, &out, &relative) != NameError::kOk) return "";
  return out;
}

}  // namespace zonelint

#include "lint/cli.h"

#include <filesystem>
#include <istream>
#include <iterator>
#include <optional>
#include <ostream>
#include <system_error>

#include "lint/format.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "lint/session.h"
#include "lint/spf_costs.h"
#include "lint/zone_files.h"
#include "util/strings.h"

namespace zonelint {
namespace {

// Whether a --select pattern (a rule id, or a prefix ending in '*') names
// the rule `id`.
bool RuleMatches(std::string_view pattern, std::string_view id) {
  if (!pattern.empty() && pattern.back() == '*') {
    pattern.remove_suffix(1);
    return id.substr(0, pattern.size()) == pattern;
  }
  return id == pattern;
}

constexpr char kUsage[] =
    R"(Usage: zonelint [options] FILE|DIR...

Lints DNS zone files (RFC 1035 master files, BIND dialect) for problems
that break mail delivery and authentication. FILE may be '-' for stdin, or
a directory, which stands for the zone files in it and below it: files
named *.zone, *.db or db.*, and files whose first line that is not blank
or a comment is $ORIGIN, $TTL, $INCLUDE or an SOA record; never text,
logs, tables, scripts and the like (*.md, *.txt, *.log, *.tsv, *.json,
*.py, ...), files with NUL bytes, or files that another one includes. A
file named on the command line is always linted. Several files are linted
together as one set of zones, so names, includes and MX targets resolve
across them.

Options:
  --origin=NAME           zone origin (default: the $ORIGIN before the first
                          record, the SOA owner, or the file name such as
                          example.com.zone)
  --format=FORMAT         text (default), gcc, json, sarif (SARIF 2.1.0, for
                          GitHub code scanning) or github (annotations in
                          GitHub Actions)
  --color=WHEN            auto (default), always or never
  --fail-level=LEVEL      lowest severity that makes the exit status 1:
                          error, warning (default), info or none
  --select=RULE           run only RULE; 'spf-*' selects a group (repeatable;
                          comma lists allowed)
  --disable=RULE          do not run RULE (repeatable; comma lists allowed)
  --severity=RULE=LEVEL   report RULE at LEVEL (error, warning or info)
  --stdin-filename=NAME   the name to report for '-' (also gives the origin)
  --spf-costs=FILE        SPF lookup costs of names outside the linted zones,
                          one 'DOMAIN LOOKUPS [COMMENT]' a line; adds to and
                          overrides the built-in table (repeatable)
  --list-rules            list the rules and exit
  --explain=RULE          print the documentation of RULE and exit
  --version               print the version and exit
  --help                  print this help and exit

Exit status: 0 no finding at or above the fail level, 1 findings,
2 usage or I/O errors.

Inline suppressions, in zone-file comments:
  ; zonelint-disable-line RULE[,RULE]       this line
  ; zonelint-disable-next-line RULE[,RULE]  the next line
  ; zonelint-disable-file RULE[,RULE]       the whole file ("all": every rule)
)";

struct Options {
  std::vector<std::string> files;
  std::string origin;
  FormatOptions format;
  std::string color = "auto";
  std::optional<Severity> fail_level = Severity::kWarning;
  LintConfig config;
  std::string stdin_filename;
  std::vector<std::string> spf_costs;  // --spf-costs files, in order
  std::vector<std::string> select;     // --select patterns
  bool list_rules = false;
  std::string explain;
  bool version = false;
  bool help = false;
};

// Splits "--name=value" or "--name value"; returns false when the option
// needs a value and has none.
bool TakeValue(const std::vector<std::string>& args, size_t* i,
               std::string_view name, std::string* value, bool* matched) {
  std::string_view arg = args[*i];
  *matched = false;
  if (arg.substr(0, name.size()) != name) return true;
  if (arg.size() == name.size()) {
    *matched = true;
    if (*i + 1 >= args.size()) return false;
    *value = args[++*i];
    return true;
  }
  if (arg[name.size()] != '=') return true;
  *matched = true;
  *value = std::string(arg.substr(name.size() + 1));
  return true;
}

// Parses the arguments; an error message when they are wrong.
std::optional<std::string> ParseArgs(const std::vector<std::string>& args,
                                     Options* o) {
  bool only_files = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (only_files || arg == "-" || arg.empty() || arg[0] != '-') {
      o->files.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_files = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      o->help = true;
      continue;
    }
    if (arg == "--version") {
      o->version = true;
      continue;
    }
    if (arg == "--list-rules") {
      o->list_rules = true;
      continue;
    }
    std::string value;
    bool matched;
    struct Valued {
      std::string_view name;
      std::string* target;
    };
    std::string format, fail_level, disable, select, severity, spf_costs;
    const Valued kValued[] = {
        {"--origin", &o->origin},    {"--format", &format},
        {"--color", &o->color},      {"--fail-level", &fail_level},
        {"--disable", &disable},     {"--select", &select},
        {"--severity", &severity},   {"--stdin-filename", &o->stdin_filename},
        {"--spf-costs", &spf_costs}, {"--explain", &o->explain}};
    bool known = false;
    for (const Valued& v : kValued) {
      if (!TakeValue(args, &i, v.name, v.target, &matched)) {
        return Cat("option ", v.name, " needs a value");
      }
      if (matched) {
        known = true;
        break;
      }
    }
    if (!known) return Cat("unknown option '", arg, "'");
    if (arg.rfind("--spf-costs", 0) == 0) {
      if (spf_costs.empty()) return "option --spf-costs needs a file";
      o->spf_costs.push_back(spf_costs);
    }
    if (!format.empty() && !ParseOutputFormat(format, &o->format.format)) {
      return Cat("unknown format '", format, "': use ", kOutputFormatNames);
    }
    if (o->color != "auto" && o->color != "always" && o->color != "never") {
      return Cat("unknown --color value '", o->color,
                 "': use auto, always or never");
    }
    if (!fail_level.empty()) {
      Severity s;
      if (fail_level == "none") {
        o->fail_level.reset();
      } else if (ParseSeverity(fail_level, &s)) {
        o->fail_level = s;
      } else {
        return Cat("unknown --fail-level '", fail_level,
                   "': use error, warning, info or none");
      }
    }
    if (!select.empty()) {
      for (std::string_view pattern : Split(select, ',')) {
        bool any = false;
        for (const Rule* rule : AllRules()) {
          any = any || RuleMatches(pattern, rule->info().id);
        }
        if (!any) {
          return Cat("--select '", pattern,
                     "' names no rule (see --list-rules; 'spf-*' selects "
                     "a group)");
        }
        o->select.emplace_back(pattern);
      }
    }
    if (!disable.empty()) {
      for (std::string_view id : Split(disable, ',')) {
        if (FindRule(id) == nullptr) {
          return Cat("unknown rule '", id, "' (see --list-rules)");
        }
        o->config.disabled.emplace_back(id);
      }
    }
    if (!severity.empty()) {
      size_t eq = severity.rfind('=');
      Severity s;
      if (eq == std::string::npos ||
          !ParseSeverity(std::string_view(severity).substr(eq + 1), &s)) {
        return Cat(
            "--severity takes RULE=LEVEL with LEVEL error, warning "
            "or info, not '",
            severity, "'");
      }
      std::string id = severity.substr(0, eq);
      if (FindRule(id) == nullptr) {
        return Cat("unknown rule '", id, "' (see --list-rules)");
      }
      o->config.severity.emplace_back(id, s);
    }
  }
  // --select: only the rules a pattern names run; the others are disabled.
  if (!o->select.empty()) {
    for (const Rule* rule : AllRules()) {
      bool selected = false;
      for (const std::string& pattern : o->select) {
        selected = selected || RuleMatches(pattern, rule->info().id);
      }
      if (!selected) o->config.disabled.emplace_back(rule->info().id);
    }
  }
  return std::nullopt;
}

// The canonical form of --origin, or an error.
std::optional<std::string> CanonicalOrigin(const std::string& text,
                                           std::string* out) {
  std::string name = text;
  if (name.empty()) return std::nullopt;
  if (!IsAbsoluteText(name)) name.push_back('.');
  bool relative;
  if (ParseName(name, nullptr, out, &relative) != NameError::kOk) {
    return Cat("invalid --origin '", text, "'");
  }
  return std::nullopt;
}

}  // namespace

int RunCli(const std::vector<std::string>& args, std::istream& in,
           std::ostream& out, std::ostream& err, bool out_is_terminal) {
  Options o;
  if (std::optional<std::string> error = ParseArgs(args, &o)) {
    err << "zonelint: " << *error << "\n"
        << "Try 'zonelint --help'.\n";
    return 2;
  }
  if (o.help) {
    out << kUsage;
    return 0;
  }
  if (o.version) {
    out << "zonelint " << kVersion << "\n";
    return 0;
  }
  if (o.list_rules) {
    for (const Rule* rule : AllRules()) {
      const RuleInfo& info = rule->info();
      std::string id(info.id);
      id.resize(std::max<size_t>(id.size(), 28), ' ');
      std::string severity(SeverityName(info.severity));
      severity.resize(9, ' ');
      out << id << " " << severity << info.summary << "\n";
    }
    return 0;
  }
  if (!o.explain.empty()) {
    if (FindRule(o.explain) == nullptr) {
      err << "zonelint: unknown rule '" << o.explain
          << "' (see --list-rules)\n";
      return 2;
    }
    out << RuleDoc(o.explain);
    return 0;
  }
  if (o.files.empty()) {
    err << "zonelint: no zone file given\nTry 'zonelint --help'.\n";
    return 2;
  }
  ParseOptions parse;
  if (std::optional<std::string> error =
          CanonicalOrigin(o.origin, &parse.origin)) {
    err << "zonelint: " << *error << "\n";
    return 2;
  }
  Session session;
  if (!o.spf_costs.empty()) {
    SpfCostTable costs;
    for (const std::string& file : o.spf_costs) {
      absl::Status status = costs.LoadFile(file);
      if (!status.ok()) {
        err << "zonelint: " << std::string(status.message()) << "\n";
        return 2;
      }
    }
    session.set_spf_costs(std::move(costs));
  }
  bool io_error = false;
  bool stdin_used = false;
  // A directory stands for the zone files in it.
  std::vector<std::string> files;
  for (const std::string& file : o.files) {
    std::error_code ec;
    if (file == "-" || !std::filesystem::is_directory(file, ec)) {
      files.push_back(file);
      continue;
    }
    absl::StatusOr<std::vector<std::string>> found = FindZoneFiles(file);
    if (!found.ok()) {
      err << "zonelint: " << std::string(found.status().message()) << "\n";
      io_error = true;
    } else if (found->empty()) {
      err << "zonelint: no zone files in '" << file
          << "' (looked for files named *.zone, *.db or db.*, and files "
             "that start with $ORIGIN, $TTL, $INCLUDE or an SOA record)\n";
      io_error = true;
    }
    if (found.ok()) files.insert(files.end(), found->begin(), found->end());
  }
  for (const std::string& file : files) {
    if (file == "-") {
      if (stdin_used) {
        err << "zonelint: '-' given more than once\n";
        return 2;
      }
      stdin_used = true;
      std::string contents((std::istreambuf_iterator<char>(in)),
                           std::istreambuf_iterator<char>());
      ParseOptions stdin_parse = parse;
      stdin_parse.origin_from_file_name = !o.stdin_filename.empty();
      session.AddText(o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename,
                      std::move(contents), stdin_parse);
      continue;
    }
    absl::Status status = session.AddFile(file, parse);
    if (!status.ok()) {
      err << "zonelint: " << std::string(status.message()) << "\n";
      io_error = true;
    }
  }
  const Findings diagnostics = session.LintFindings(o.config);
  FormatOptions format = o.format;
  format.color = o.color == "always" || (o.color == "auto" && out_is_terminal);
  WriteDiagnostics(session.sources(), diagnostics, format, out);
  out.flush();
  if (io_error) return 2;
  if (!o.fail_level) return 0;
  for (const DiagnosticView& d : diagnostics) {
    if (d.severity >= *o.fail_level) return 1;
  }
  return 0;
}

}  // namespace zonelint

#include "lint/cli.h"

#include <algorithm>
#include <filesystem>
#include <istream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <system_error>

#include "lint/config.h"
#include "lint/fixer.h"
#include "lint/format.h"
#include "lint/rule.h"
#include "lint/rule_docs.h"
#include "lint/session.h"
#include "lint/settings.h"
#include "lint/spf_costs_writer.h"
#include "lint/zone_files.h"
#include "mail/spf_costs.h"
#include "util/large_heap.h"
#include "util/strings.h"

namespace zonelint {
namespace {

constexpr char kUsage[] =
    R"(Usage: zonelint [options] FILE|DIR...
       zonelint lsp    (the language server, on stdin and stdout)

Lints DNS zone files (RFC 1035 master files, BIND dialect) for problems
that break mail delivery and authentication. FILE may be '-' for stdin, or
a directory, which stands for the zone files in it and below it: files
named *.zone, *.db or db.*, and files whose first line that is not blank
or a comment is $ORIGIN, $TTL, $INCLUDE or an SOA record; never text,
logs, tables, scripts and the like (*.md, *.txt, *.log, *.tsv, *.json,
*.py, ...), files with NUL bytes, or files that another one includes; the
config file's [directory] include and exclude patterns change that. A
file named on the command line is linted unless the config file excludes
it. Several files are linted together as one set of zones, so names,
includes and MX targets resolve across them.

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
  --write-spf-costs=FILE  write the SPF lookup cost of every name with an
                          SPF record in the linted zones to FILE, in the
                          --spf-costs format, so a run over another shard
                          of the zones can read it
  --report-unused-suppressions
                          report zonelint-disable comments that silenced
                          nothing (zone-suppression)
  --config=FILE           read settings from FILE instead of the nearest
                          .zonelint.toml
  --no-config             read no config file
  --fix                   apply the safe fixes of the findings reported to
                          the files (rewritten atomically), then report what
                          is left; with '-', print the fixed zone and report
                          on standard error
  --diff                  print the changes --fix would make as a unified
                          diff and write nothing (exit status 1 when there
                          are changes)
  --unsafe-fixes          with --fix or --diff, also apply the fixes that
                          change behaviour (~all to -all)
  --list-rules            list the rules and exit
  --explain=RULE          print the documentation of RULE and exit
  --version               print the version and exit
  --help                  print this help and exit

Settings come from the nearest .zonelint.toml in the linted files' folder
or above it (up to the repository's top, the folder with .git); flags
override it: --select replaces its select and disable, --disable adds to
its disable, --severity and --fail-level win, --spf-costs tables come after
its own, --origin applies to every file.

Exit status: 0 no finding at or above the fail level, 1 findings,
2 usage, config or I/O errors. Findings with a safe fix end in [fixable].

Inline suppressions, in zone-file comments:
  ; zonelint-disable-line RULE[,RULE]       this line
  ; zonelint-disable-next-line RULE[,RULE]  the next line (a whole record
                                            when it spans lines)
  ; zonelint-disable-file RULE[,RULE]       the whole file ("all": every rule)
)";

struct Options {
  std::vector<std::string> files;
  std::string origin;
  FormatOptions format;
  std::string color = "auto";
  std::optional<Severity> fail_level = Severity::kWarning;
  bool fail_level_given = false;
  std::vector<std::string> disable;  // --disable rule ids
  std::vector<std::pair<std::string, Severity>> severity;
  std::string stdin_filename;
  std::vector<std::string> spf_costs;  // --spf-costs files, in order
  std::string write_spf_costs;         // --write-spf-costs file
  std::vector<std::string> select;     // --select patterns
  bool report_unused_suppressions = false;
  std::string config_file;  // --config
  bool no_config = false;
  bool fix = false;           // --fix
  bool diff = false;          // --diff
  bool unsafe_fixes = false;  // --unsafe-fixes
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
    if (arg == "--report-unused-suppressions") {
      o->report_unused_suppressions = true;
      continue;
    }
    if (arg == "--no-config") {
      o->no_config = true;
      continue;
    }
    if (arg == "--fix") {
      o->fix = true;
      continue;
    }
    if (arg == "--diff") {
      o->diff = true;
      continue;
    }
    if (arg == "--unsafe-fixes") {
      o->unsafe_fixes = true;
      continue;
    }
    std::string value;
    bool matched;
    struct Valued {
      std::string_view name;
      std::string* target;
    };
    std::string format, fail_level, disable, select, severity, spf_costs,
        write_spf_costs;
    const Valued kValued[] = {
        {"--origin", &o->origin},      {"--format", &format},
        {"--color", &o->color},        {"--fail-level", &fail_level},
        {"--disable", &disable},       {"--select", &select},
        {"--severity", &severity},     {"--stdin-filename", &o->stdin_filename},
        {"--spf-costs", &spf_costs},   {"--explain", &o->explain},
        {"--config", &o->config_file}, {"--write-spf-costs", &write_spf_costs}};
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
    if (arg.rfind("--write-spf-costs", 0) == 0) {
      if (write_spf_costs.empty()) {
        return "option --write-spf-costs needs a file";
      }
      o->write_spf_costs = write_spf_costs;
    }
    if (!format.empty() && !ParseOutputFormat(format, &o->format.format)) {
      return Cat("unknown format '", format, "': use ", kOutputFormatNames);
    }
    if (o->color != "auto" && o->color != "always" && o->color != "never") {
      return Cat("unknown --color value '", o->color,
                 "': use auto, always or never");
    }
    if (!fail_level.empty()) {
      o->fail_level_given = true;
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
          any = any || RulePatternMatches(pattern, rule->info().id);
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
        if (FindRule(id) == nullptr) return UnknownRuleMessage(id);
        o->disable.emplace_back(id);
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
      if (FindRule(id) == nullptr) return UnknownRuleMessage(id);
      o->severity.emplace_back(id, s);
    }
  }
  if (o->no_config && !o->config_file.empty()) {
    return "--config and --no-config exclude each other";
  }
  if (o->fix && o->diff) return "--fix and --diff exclude each other";
  if (o->unsafe_fixes && !o->fix && !o->diff) {
    return "--unsafe-fixes needs --fix or --diff";
  }
  return std::nullopt;
}

// --write-spf-costs, if given: false (said on `err`) when it fails.
bool WriteCosts(const Options& o, std::string_view text, std::ostream& err) {
  if (o.write_spf_costs.empty()) return true;
  absl::Status status = WriteSpfCosts(o.write_spf_costs, text);
  if (!status.ok()) err << "zonelint: " << status.message() << "\n";
  return status.ok();
}

// The rule flags of the options.
RuleFlags Flags(const Options& o) {
  return {o.select, o.disable, o.severity, o.report_unused_suppressions,
          o.stdin_filename};
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
      err << "zonelint: " << UnknownRuleMessage(o.explain) << "\n";
      return 2;
    }
    out << RuleDoc(o.explain);
    return 0;
  }
  if (o.files.empty()) {
    err << "zonelint: no zone file given\nTry 'zonelint --help'.\n";
    return 2;
  }
  std::string origin;
  if (!o.origin.empty()) {
    std::optional<std::string> canonical = CanonicalOrigin(o.origin);
    if (!canonical) {
      err << "zonelint: invalid --origin '" << ShowText(o.origin) << "'\n";
      return 2;
    }
    origin = *canonical;
  }
  absl::StatusOr<std::optional<Config>> loaded =
      ReadConfig(o.files, o.stdin_filename, o.config_file, o.no_config);
  if (!loaded.ok()) {
    err << std::string(loaded.status().message()) << "\n";
    return 2;
  }
  const Config* config = *loaded ? &**loaded : nullptr;
  const LintConfig lint_config = MakeLintConfig(Flags(o), config);
  std::optional<Severity> fail_level = o.fail_level;
  if (!o.fail_level_given && config != nullptr && config->fail_level) {
    fail_level = *config->fail_level;
  }
  // Each file's origin: --origin, else the config's for its path (none
  // for unnamed stdin).
  auto parse_options = [&](const std::string& path) {
    return ParseOptionsFor(origin, config, path);
  };
  SpfCostTable costs;
  std::vector<std::string> spf_costs;
  if (config != nullptr) spf_costs = config->spf_costs;
  spf_costs.insert(spf_costs.end(), o.spf_costs.begin(), o.spf_costs.end());
  for (const std::string& file : spf_costs) {
    absl::Status status = costs.LoadFile(file);
    if (!status.ok()) {
      err << "zonelint: " << std::string(status.message()) << "\n";
      return 2;
    }
  }
  bool io_error = false;
  // A directory stands for the zone files in it; the config's [directory]
  // patterns add files and leave some out.
  const ZoneFileChoice choice = MakeZoneFileChoice(config);
  std::vector<std::string> files;
  std::vector<std::string> roots;  // folders whose included files --fix fixes
  for (const std::string& file : o.files) {
    std::error_code ec;
    if (file == "-" || !std::filesystem::is_directory(file, ec)) {
      // A config file named (pre-commit names it when it changes) is
      // checked, as the nearest one to itself, not linted as a zone.
      const bool is_config =
          std::filesystem::path(file).filename() == kConfigFileName;
      if (file == "-" ||
          (!is_config && (!choice.excluded || !choice.excluded(file)))) {
        files.push_back(file);
        if (file != "-") {
          const std::string folder =
              std::filesystem::path(file).parent_path().string();
          roots.push_back(folder.empty() ? "." : folder);
        }
      }
      continue;
    }
    roots.push_back(file);
    absl::StatusOr<std::vector<std::string>> found =
        FindZoneFiles(file, choice);
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
  if (std::count(files.begin(), files.end(), "-") > 1) {
    err << "zonelint: '-' given more than once\n";
    return 2;
  }
  const std::string stdin_name =
      o.stdin_filename.empty() ? "<stdin>" : o.stdin_filename;
  std::string stdin_text;
  if (std::count(files.begin(), files.end(), "-") == 1) {
    stdin_text.assign(std::istreambuf_iterator<char>(in),
                      std::istreambuf_iterator<char>());
  }
  // A big input gets the large heap (util/large_heap.h), decided before
  // anything big is allocated or any helper thread starts.
  uint64_t input_bytes = stdin_text.size();
  for (const std::string& file : files) {
    if (file == "-") continue;
    std::error_code ec;
    const uintmax_t size = std::filesystem::file_size(file, ec);
    if (!ec) input_bytes += size;
  }
  if (LargeHeapWanted(input_bytes)) UseLargeHeap();
  // One lint of the files; --fix and --diff lint again after each round,
  // with the texts they changed in memory.
  bool first_lint = true;
  std::string spf_costs_text;  // of the last lint, for --write-spf-costs
  auto lint = [&](const std::map<std::string, std::string>& texts) {
    LintPass pass;
    pass.session = std::make_unique<Session>();
    Session& session = *pass.session;
    if (!costs.empty()) session.set_spf_costs(costs);
    pass.io_error = io_error;
    std::vector<Session::Input> inputs;
    inputs.reserve(files.size());
    for (const std::string& file : files) {
      const std::string& name = file == "-" ? stdin_name : file;
      auto text = texts.find(name);
      if (file == "-") {
        ParseOptions stdin_parse = parse_options(o.stdin_filename);
        stdin_parse.origin_from_file_name = !o.stdin_filename.empty();
        inputs.push_back(
            {name, text != texts.end() ? text->second : stdin_text,
             stdin_parse});
      } else if (text != texts.end()) {
        inputs.push_back({file, text->second, parse_options(file)});
      } else {
        inputs.push_back({file, std::nullopt, parse_options(file)});
      }
    }
    for (const absl::Status& status : session.AddFiles(std::move(inputs))) {
      if (status.ok()) continue;
      // Said once, in the first lint.
      if (first_lint) {
        err << "zonelint: " << std::string(status.message()) << "\n";
      }
      pass.io_error = true;
    }
    pass.findings = session.Lint(lint_config, [&](const LintContext& context) {
      if (!o.write_spf_costs.empty()) {
        spf_costs_text = SpfCostsText(context);
      }
    });
    first_lint = false;
    return pass;
  };
  FormatOptions format = o.format;
  format.color = o.color == "always" || (o.color == "auto" && out_is_terminal);
  if (o.fix || o.diff) {
    FixOptions fix;
    fix.unsafe = o.unsafe_fixes;
    fix.write = o.fix;
    if (std::count(files.begin(), files.end(), "-") == 1) {
      fix.stdin_name = stdin_name;
    }
    fix.files = files;
    fix.roots = roots;
    const int status = FixCommand(lint, fix, format, fail_level, out, err);
    return WriteCosts(o, spf_costs_text, err) ? status : 2;
  }
  const LintPass pass = lint({});
  WriteDiagnostics(pass.session->sources(), pass.findings, format, out);
  out.flush();
  if (!WriteCosts(o, spf_costs_text, err)) return 2;
  if (pass.io_error) return 2;
  if (!fail_level) return 0;
  for (const Finding& d : pass.findings) {
    if (d.severity >= *fail_level) return 1;
  }
  return 0;
}

}  // namespace zonelint

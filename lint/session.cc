#include "lint/session.h"

namespace zonelint {

absl::Status Session::AddFile(const std::string& path,
                              const ParseOptions& options) {
  absl::StatusOr<std::unique_ptr<Source>> source = Source::Open(path);
  if (!source.ok()) return source.status();
  Parse(sources_.Add(*std::move(source)), options);
  return absl::OkStatus();
}

void Session::AddText(std::string name, std::string contents,
                      const ParseOptions& options) {
  Parse(sources_.Add(Source::FromString(std::move(name), std::move(contents))),
        options);
}

std::vector<Diagnostic> Session::Lint(const LintConfig& config) const {
  return LintFindings(config).ToVector();
}

Findings Session::LintFindings(
    const LintConfig& config,
    const std::function<void(const LintContext&)>& after) const {
  Universe universe(names_, zones_);
  MailViews views(universe, sources_);
  const LintContext context{sources_, names_, zones_,
                            universe, views,  spf_costs_};
  Findings findings = zonelint::LintFindings(context, config);
  if (after) after(context);
  return findings;
}

void Session::Parse(FileId file, const ParseOptions& options) {
  auto zone = std::make_unique<Zone>(&names_);
  ParseZone(&sources_, file, options, zone.get());
  zones_.push_back(std::move(zone));
}

}  // namespace zonelint

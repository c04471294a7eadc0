#include "lint/session.h"

#include <algorithm>

#include "util/parallel.h"

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

std::vector<absl::Status> Session::AddFiles(std::vector<Input> inputs) {
  // Each file is parsed into a name table and source set of its own (no
  // state shared between threads), then merged in input order: its sources
  // appended and its names interned in the order it met them, which gives
  // the ids adding the files one by one gives. Windows bound the tables
  // alive at once.
  struct Parsed {
    absl::Status status;
    SourceSet sources;
    NameTable names;
    std::unique_ptr<Zone> zone;
    bool direct = false;  // parsed into the session's own tables
  };
  constexpr size_t kWindow = 64;
  std::vector<absl::Status> statuses;
  statuses.reserve(inputs.size());
  std::vector<NameId> name_ids;
  std::vector<FileId> file_ids;
  for (size_t first = 0; first < inputs.size(); first += kWindow) {
    const size_t count = std::min(kWindow, inputs.size() - first);
    std::vector<Parsed> parsed(count);
    ParallelFor(
        count,
        [&](size_t begin, size_t end) {
          for (size_t i = begin; i < end; ++i) {
            Input& input = inputs[first + i];
            Parsed& out = parsed[i];
            std::unique_ptr<Source> source;
            if (input.text.has_value()) {
              source = Source::FromString(std::move(input.path),
                                          *std::move(input.text));
            } else {
              absl::StatusOr<std::unique_ptr<Source>> opened =
                  Source::Open(input.path);
              if (!opened.ok()) {
                out.status = opened.status();
                continue;
              }
              source = *std::move(opened);
            }
            if (i == 0) {
              // Every file before this one is merged already, so the
              // window's first file goes straight into the session's
              // tables: the ids are those a merge would give, and one file
              // alone (a big zone) is never copied.
              out.direct = true;
              out.zone = std::make_unique<Zone>(&names_);
              ParseZone(&sources_, sources_.Add(std::move(source)),
                        input.options, out.zone.get());
              continue;
            }
            out.zone = std::make_unique<Zone>(&out.names);
            ParseZone(&out.sources, out.sources.Add(std::move(source)),
                      input.options, out.zone.get());
          }
        },
        /*chunk=*/1);
    for (Parsed& p : parsed) {
      statuses.push_back(p.status);
      if (p.zone == nullptr) continue;
      if (p.direct) {
        zones_.push_back(std::move(p.zone));
        continue;
      }
      file_ids.clear();
      for (FileId f = 0; f < p.sources.size(); ++f) {
        file_ids.push_back(sources_.Add(p.sources.Release(f)));
      }
      name_ids.clear();
      for (NameId n = 0; n < p.names.size(); ++n) {
        name_ids.push_back(names_.Intern(p.names.Text(n)));
      }
      p.zone->Remap(&names_, name_ids, file_ids);
      zones_.push_back(std::move(p.zone));
    }
  }
  return statuses;
}

Findings Session::Lint(
    const LintConfig& config,
    const std::function<void(const LintContext&)>& after) const {
  Universe universe(names_, zones_);
  MailViews views(universe, sources_, spf_costs_);
  const LintContext context{sources_, names_, zones_,
                            universe, views,  spf_costs_};
  Findings findings = LintFindings(context, config);
  if (after) after(context);
  return findings;
}

void Session::Parse(FileId file, const ParseOptions& options) {
  auto zone = std::make_unique<Zone>(&names_);
  ParseZone(&sources_, file, options, zone.get());
  zones_.push_back(std::move(zone));
}

}  // namespace zonelint

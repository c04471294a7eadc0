#include "tests/golden.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "lint/cli.h"
#include "lint/format.h"
#include "lint/session.h"

namespace zonelint::testing {

std::string LintFixture(const std::string& relative_path) {
  Session session;
  absl::Status status = session.AddFile(relative_path, ParseOptions{});
  if (!status.ok()) return "cannot read " + relative_path + "\n";
  std::string out;
  FormatDiagnostics(session.sources(), session.Lint(LintConfig{}),
                    {OutputFormat::kGcc, false}, &out);
  return out;
}

std::vector<std::string> CaseNames(const std::string& cases_dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(cases_dir, ec)) {
    if (std::filesystem::exists(entry.path() / "args", ec)) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string RunCase(const std::string& case_dir) {
  std::ifstream args_file(case_dir + "/args");
  if (!args_file) return "cannot read " + case_dir + "/args\n";
  std::vector<std::string> args = {"--format=gcc", "--color=never"};
  for (std::string line; std::getline(args_file, line);) {
    if (!line.empty()) args.push_back(line);
  }
  std::error_code ec;
  const std::filesystem::path saved = std::filesystem::current_path(ec);
  if (ec || ::chdir(case_dir.c_str()) != 0) return "cannot enter " + case_dir;
  std::istringstream in;
  std::ostringstream out, err;
  const int status = RunCli(args, in, out, err, /*out_is_terminal=*/false);
  std::filesystem::current_path(saved, ec);
  std::string result = out.str();
  if (!err.str().empty()) result += "-- stderr --\n" + err.str();
  result += "-- exit " + std::to_string(status) + " --\n";
  return result;
}

}  // namespace zonelint::testing

// Rewrites tests/fixtures/*.expected and tests/cases/*/expected from the
// current output:
//   bazel run //tests:update_goldens
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "lint/rule.h"
#include "tests/golden.h"

int main() {
  const char* root = std::getenv("BUILD_WORKSPACE_DIRECTORY");
  if (root != nullptr && ::chdir(root) != 0) {
    std::perror(root);
    return 1;
  }
  for (const zonelint::Rule* rule : zonelint::AllRules()) {
    const std::string id(rule->info().id);
    const std::string out =
        zonelint::testing::LintFixture("tests/fixtures/" + id + ".zone");
    std::ofstream("tests/fixtures/" + id + ".expected", std::ios::binary)
        << out;
    std::printf("updated tests/fixtures/%s.expected\n", id.c_str());
  }
  for (const std::string& name : zonelint::testing::CaseNames("tests/cases")) {
    const std::string dir = "tests/cases/" + name;
    const std::string out = zonelint::testing::RunCase(dir);
    std::ofstream(dir + "/expected", std::ios::binary) << out;
    std::printf("updated %s/expected\n", dir.c_str());
  }
  return 0;
}

// Every registered rule has a fixture whose output matches its golden file
// and in which the rule fires.
#include <unistd.h>

#include <string>

#include "gtest/gtest.h"
#include "lint/rule.h"
#include "tests/golden.h"
#include "tests/test_paths.h"

namespace zonelint::testing {
namespace {

class GoldenTest : public ::testing::TestWithParam<const Rule*> {
 protected:
  void SetUp() override { ASSERT_EQ(::chdir(ProjectRoot().c_str()), 0); }
};

TEST_P(GoldenTest, OutputMatchesGoldenFile) {
  const std::string id(GetParam()->info().id);
  const std::string zone = "tests/fixtures/" + id + ".zone";
  const std::string expected =
      ReadFileOrDie("tests/fixtures/" + id + ".expected");
  const std::string actual = LintFixture(zone);
  EXPECT_EQ(actual, expected)
      << "fixture output drifted; if the change is intended, run "
         "`bazel run //tests:update_goldens` and review the diff";
  EXPECT_NE(actual.find("[" + id + "]"), std::string::npos)
      << "the fixture for " << id << " never makes it fire";
}

INSTANTIATE_TEST_SUITE_P(
    AllRules, GoldenTest, ::testing::ValuesIn(AllRules()),
    [](const ::testing::TestParamInfo<const Rule*>& info) {
      std::string name(info.param->info().id);
      for (char& c : name) {
        if (c == '-') c = '_';
      }
      return name;
    });

}  // namespace
}  // namespace zonelint::testing

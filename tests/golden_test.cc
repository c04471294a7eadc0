// Every registered rule has a fixture whose output matches its golden file
// and in which the rule fires; every scenario case under tests/cases/ prints
// what its golden file holds.
#include "tests/golden.h"

#include <unistd.h>

#include <cctype>
#include <string>

#include "gtest/gtest.h"
#include "lint/rule.h"
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

INSTANTIATE_TEST_SUITE_P(AllRules, GoldenTest, ::testing::ValuesIn(AllRules()),
                         [](const ::testing::TestParamInfo<const Rule*>& info) {
                           std::string name(info.param->info().id);
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

class CaseTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CaseTest, OutputMatchesGoldenFile) {
  const std::string dir = ProjectRoot() + "/tests/cases/" + GetParam();
  EXPECT_EQ(RunCase(dir), ReadFileOrDie(dir + "/expected"))
      << "case output drifted; if the change is intended, run "
         "`bazel run //tests:update_goldens` and review the diff";
}

INSTANTIATE_TEST_SUITE_P(Cases, CaseTest,
                         ::testing::ValuesIn(CaseNames(ProjectRoot() +
                                                       "/tests/cases")),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c)))
                               c = '_';
                           }
                           return name;
                         });

TEST(CaseTest, CasesAreFound) {
  EXPECT_FALSE(CaseNames(ProjectRoot() + "/tests/cases").empty())
      << "no scenario case under tests/cases/";
}

}  // namespace
}  // namespace zonelint::testing

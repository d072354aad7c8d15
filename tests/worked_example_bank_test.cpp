// Every problem's worked example agrees with its reference and is printed in
// both statements.
#include "bank.h"
#include "cases.h"
#include "check.h"
#include "expected.h"
#include "test_support.h"
#include "worked_example.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(WorkedExampleBank, EveryExampleIsWhatTheReferenceComputes) {
  const Bank bank = load_bank(testing::source_dir() + "/problems", /*strict=*/true);
  testing::TempDir cache;
  Workspace ws = Workspace::at(testing::source_dir());
  BuildPaths paths = build_paths(ws, SandboxConfig::detect());
  paths.toolchain.cache_dir = cache.path();
  Builder builder(paths, BuildLimits{});
  SandboxRunner runner(paths.sandbox);
  for (const Problem& p : bank.problems) {
    ASSERT_TRUE(p.example.has_value()) << p.file << ": no example: key";
    bool found = false;
    for (const TestCase& test : expand_cases(p)) {
      if (test.full_name() != p.example->case_name || !test.spec.origin.empty()) continue;
      found = true;
      const Expected expected = run_reference(p, {test}, builder, runner).at(0);
      ASSERT_TRUE(expected.steps.back().call.has_result) << p.id;
      for (const std::string& problem : check_worked_example(p, expected.steps.back().call.result))
        ADD_FAILURE() << problem;
    }
    EXPECT_TRUE(found) << p.id << ": no case " << p.example->case_name;
  }
}

}  // namespace
}  // namespace judge

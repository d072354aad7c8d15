// A timed case is run up to three times so noise cannot fail a program that
// is fast enough; the repetitions end as soon as the verdict cannot change.
// Real programs in the real sandbox: the figures come from judge-jail.
#include "bank.h"
#include "cases.h"
#include "check.h"
#include "learner_files.h"
#include "program_runner.h"
#include "test_support.h"
#include "workspace.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

class MeasuredRuns : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = Workspace::at(testing::source_dir());
    problem_ = load_problem(testing::source_dir() + "/problems/softmax.yaml");
    cases_ = expand_cases(problem_);
    LearnerSources sources;
    ASSERT_TRUE(read_learner_file(
                    testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp", sources)
                    .ok);
    WorkspaceChecker checker(ws_, options_);
    const BuildResult built = checker.builder().build(problem_, sources);
    ASSERT_TRUE(built.ok) << built.diagnostics;
    binary_ = built.binary;
  }

  // How many times the learner's program ran for one timed case.
  int runs_made(double enough_cpu_seconds, double hopeless_cpu_seconds) {
    CaseRequest request;
    request.steps = &cases_.front().spec.steps;
    request.measured = true;
    request.runs = 3;
    request.wall_seconds = 60;
    request.enough_cpu_seconds = enough_cpu_seconds;
    request.hopeless_cpu_seconds = hopeless_cpu_seconds;
    RunnerOptions options;
    options.limits = options_.run_limits;
    std::string output;
    SandboxRunner runner(options_.sandbox);
    const auto runs = runner.run(Program{binary_, false, ""}, nullptr, {request}, options, output);
    EXPECT_EQ(runs.at(0).status, CaseRun::Status::kAnswered) << output;
    EXPECT_TRUE(runs.at(0).usage.known);
    return runs.at(0).measured_runs;
  }

  Workspace ws_;
  CheckOptions options_;
  Problem problem_;
  std::vector<TestCase> cases_;
  std::string binary_;
};

TEST_F(MeasuredRuns, WithoutThresholdsAllThreeRun) { EXPECT_EQ(runs_made(0, 0), 3); }

// Within the limit once is within it for good: the least CPU time counts.
TEST_F(MeasuredRuns, ARunWithinTheLimitEndsThem) { EXPECT_EQ(runs_made(100, 0), 1); }

// Far over the limit: two more runs could not bring it under.
TEST_F(MeasuredRuns, ARunFarOverTheLimitEndsThem) { EXPECT_EQ(runs_made(0, 1e-9), 1); }

}  // namespace
}  // namespace judge

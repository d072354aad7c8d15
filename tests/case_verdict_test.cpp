// The time and memory figures of a performance case: judged against their
// limits, and kept on the test for reports (judge verify's headroom).
#include "case_verdict.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

class MeasuredRun : public ::testing::Test {
 protected:
  void SetUp() override {
    group_.kind = GroupKind::kPerformance;
    group_.name = "performance";
    group_.time_factor = 10;
    group_.memory_factor = 2;
    ArgRef x;
    x.value = Value::Tensor(ValueKind::kVector, 1024 * 1024, 1);  // 4 MiB as float32
    x.value.data.assign(1024 * 1024, 0.0);
    spec_.name = "n1m";
    spec_.steps.push_back(Step{0, {x}});
    test_ = TestCase{&group_, spec_};
    StepOutcome out;
    out.call.has_result = true;
    out.call.result = Value::Real(1);
    expected_.steps.push_back(out);
    expected_.seconds = 0.01;
    run_.status = CaseRun::Status::kAnswered;
    run_.usage = Usage{true, 0.05, 100 << 20};
    run_.baseline = Usage{true, 0.01, 90 << 20};
  }
  TestResult judge() {
    TestResult t;
    judge_measured_run(test_, expected_, run_, t);
    return t;
  }

  Group group_;
  CaseSpec spec_;
  TestCase test_;
  Expected expected_;
  CaseRun run_;
};

TEST_F(MeasuredRun, KeepsTheFiguresOfAPassingCase) {
  const TestResult t = judge();
  EXPECT_EQ(t.verdict, Verdict::kAccepted) << t.message;
  EXPECT_DOUBLE_EQ(t.seconds, 0.04);
  EXPECT_DOUBLE_EQ(t.limit_seconds, 0.1);
  EXPECT_EQ(t.memory_bytes, 10 << 20);
  // 2 x 4 MiB of inputs, 16 bytes for the one result element, 2 MiB of slack.
  EXPECT_EQ(t.memory_limit_bytes, (8 << 20) + 16 + (2 << 20));
}

TEST_F(MeasuredRun, KeepsTheFiguresOfACaseOverItsMemory) {
  run_.usage.peak_bytes = 120 << 20;
  const TestResult t = judge();
  EXPECT_EQ(t.verdict, Verdict::kMemoryLimit);
  EXPECT_EQ(t.memory_bytes, 30 << 20);
  EXPECT_GT(t.memory_limit_bytes, 0);
}

TEST_F(MeasuredRun, ALeanerProgramThanTheBaselineGrewByNothing) {
  run_.usage.peak_bytes = 80 << 20;
  EXPECT_EQ(judge().memory_bytes, 0);
}

}  // namespace
}  // namespace judge

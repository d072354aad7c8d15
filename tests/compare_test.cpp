// Comparison: exceptions, shapes, non-finite values, tolerances and the worst element.
#include "compare.h"

#include "bank.h"
#include "expected.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace judge {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

class CompareTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string path = dir_.write("demo.yaml", R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement: {en: Do it., zh: 做吧。}
signature: "Eigen::MatrixXf demo(const Eigen::MatrixXf& x)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5, magnitude: {factor: 4, of: x, over: row}}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - {name: one, args: {x: [[1, 2, 3], [1000, 0, 0]]}}
  invalid:
    note: {en: Throw., zh: 抛出。}
    expect: invalid_argument
    cases:
      - {name: bad, args: {x: [[1]]}}
)yaml");
    problem_ = load_problem(path);
    sample_ = TestCase{&problem_.groups[0], problem_.groups[0].cases[0]};
    invalid_ = TestCase{&problem_.groups[1], problem_.groups[1].cases[0]};
  }

  static std::vector<StepOutcome> returning(const Value& v) {
    std::vector<StepOutcome> o(1);
    o[0].call.has_result = true;
    o[0].call.result = v;
    return o;
  }
  static std::vector<StepOutcome> throwing(wire::CallStatus status, const std::string& type) {
    std::vector<StepOutcome> o(1);
    o[0].status = status;
    o[0].exception_type = type;
    o[0].exception_what = "because";
    return o;
  }
  static Value matrix(std::int64_t rows, std::int64_t cols, std::vector<double> data) {
    Value v = Value::Tensor(ValueKind::kMatrix, rows, cols);
    v.data = std::move(data);
    return v;
  }
  TestResult run(const TestCase& test, const Expected& want, const std::vector<StepOutcome>& got) {
    TestResult r;
    compare_case(problem_, test, want, got, r);
    return r;
  }

  testing::TempDir dir_;
  Problem problem_;
  TestCase sample_;
  TestCase invalid_;
};

TEST_F(CompareTest, EqualValuesPass) {
  const Value v = matrix(2, 3, {0.1, 0.2, 0.7, 1, 0, 0});
  EXPECT_EQ(run(sample_, Expected{returning(v), 0}, returning(v)).verdict, Verdict::kAccepted);
}

TEST_F(CompareTest, ShapeIsCheckedBeforeValues) {
  const TestResult r = run(sample_, Expected{returning(matrix(2, 3, {0, 0, 0, 0, 0, 0})), 0},
                           returning(matrix(3, 2, {0, 0, 0, 0, 0, 0})));
  EXPECT_EQ(r.verdict, Verdict::kWrongAnswer);
  EXPECT_EQ(r.kind, WrongKind::kShape);
  EXPECT_NE(r.message.find("expected 2 x 3, got 3 x 2"), std::string::npos) << r.message;
}

TEST_F(CompareTest, NanIsReportedAsNonFiniteEvenWhenOtherErrorsAreLarger) {
  const TestResult r = run(sample_, Expected{returning(matrix(2, 3, {0.1, 0.2, 0.7, 1, 0, 0})), 0},
                           returning(matrix(2, 3, {0.9, 0.2, 0.7, NAN, 0, 0})));
  EXPECT_EQ(r.kind, WrongKind::kNonFinite);
  ASSERT_TRUE(r.worst.has_value());
  EXPECT_EQ(r.worst->index, "[1, 0]");
}

TEST_F(CompareTest, WorstElementIsTheLargestRelativeToItsTolerance) {
  const TestResult r = run(sample_, Expected{returning(matrix(2, 3, {0.1, 0.2, 0.7, 1, 0, 0})), 0},
                           returning(matrix(2, 3, {0.1, 0.2005, 0.7, 1, 0, 0})));
  EXPECT_EQ(r.kind, WrongKind::kTolerance);
  EXPECT_EQ(r.worst->index, "[0, 1]");
  EXPECT_NEAR(r.worst->error, 5e-4, 1e-9);
}

TEST_F(CompareTest, MagnitudeTermScalesWithTheInputRow) {
  // Row 1 of x reaches 1000: 4 * eps32 * 1000 ~ 4.8e-4 is allowed there, not in row 0.
  const Value want = matrix(2, 3, {0.1, 0.2, 0.7, 1, 0, 0});
  EXPECT_EQ(run(sample_, Expected{returning(want), 0},
                returning(matrix(2, 3, {0.1, 0.2, 0.7, 1, 3e-4, 0})))
                .verdict,
            Verdict::kAccepted);
  EXPECT_EQ(run(sample_, Expected{returning(want), 0},
                returning(matrix(2, 3, {0.1, 0.2003, 0.7, 1, 0, 0})))
                .verdict,
            Verdict::kWrongAnswer);
}

TEST_F(CompareTest, InfinitiesMustMatchExactly) {
  const Value want = matrix(2, 3, {-kInf, 0, 0, 0, 0, 0});
  EXPECT_EQ(run(sample_, Expected{returning(want), 0}, returning(want)).verdict,
            Verdict::kAccepted);
  EXPECT_EQ(
      run(sample_, Expected{returning(want), 0}, returning(matrix(2, 3, {-1e30, 0, 0, 0, 0, 0})))
          .verdict,
      Verdict::kWrongAnswer);
  EXPECT_EQ(
      run(sample_, Expected{returning(want), 0}, returning(matrix(2, 3, {kInf, 0, 0, 0, 0, 0})))
          .verdict,
      Verdict::kWrongAnswer);
}

TEST_F(CompareTest, InvalidArgumentsMustThrowInvalidArgument) {
  const Expected want{throwing(wire::CallStatus::kInvalidArgument, "std::invalid_argument"), 0};
  EXPECT_EQ(
      run(invalid_, want, throwing(wire::CallStatus::kInvalidArgument, "std::invalid_argument"))
          .verdict,
      Verdict::kAccepted);
  TestResult r = run(invalid_, want, returning(matrix(1, 1, {1})));
  EXPECT_EQ(r.kind, WrongKind::kMissingException);
  r = run(invalid_, want, throwing(wire::CallStatus::kOtherException, "std::out_of_range"));
  EXPECT_EQ(r.kind, WrongKind::kMissingException);
  EXPECT_NE(r.message.find("std::out_of_range"), std::string::npos);
}

TEST_F(CompareTest, ExceptionsOnValidInputAndStubsAndBadAlloc) {
  const Expected want{returning(matrix(2, 3, {0, 0, 0, 0, 0, 0})), 0};
  EXPECT_EQ(
      run(sample_, want, throwing(wire::CallStatus::kInvalidArgument, "std::invalid_argument"))
          .kind,
      WrongKind::kUnexpectedException);
  EXPECT_EQ(run(sample_, want, throwing(wire::CallStatus::kNotImplemented, "not_implemented_error"))
                .verdict,
            Verdict::kNotImplemented);
  EXPECT_EQ(run(sample_, want, throwing(wire::CallStatus::kOutOfMemory, "std::bad_alloc")).verdict,
            Verdict::kMemoryLimit);
}

TEST_F(CompareTest, ToleranceRatioIsTheClosestCallPassingOrNot) {
  const Value want = matrix(2, 3, {0.1, 0.2, 0.7, 1, 0, 0});
  // Exact values: nothing came near the tolerance.
  EXPECT_EQ(run(sample_, Expected{returning(want), 0}, returning(want)).tolerance_ratio, 0);
  // Row 0 allows 1e-6 + 1e-5 * 0.2 + 4 * eps32 * 3 (the magnitude of its input row).
  const double allowed = 1e-6 + 1e-5 * 0.2 + 4 * 1.1920928955078125e-07 * 3;
  TestResult r = run(sample_, Expected{returning(want), 0},
                     returning(matrix(2, 3, {0.1, 0.2 + allowed / 2, 0.7, 1, 0, 0})));
  EXPECT_EQ(r.verdict, Verdict::kAccepted);
  EXPECT_NEAR(r.tolerance_ratio, 0.5, 1e-6);
  r = run(sample_, Expected{returning(want), 0},
          returning(matrix(2, 3, {0.1, 0.2 + 3 * allowed, 0.7, 1, 0, 0})));
  EXPECT_EQ(r.verdict, Verdict::kWrongAnswer);
  EXPECT_NEAR(r.tolerance_ratio, 3, 1e-6);
  // A matched infinity is exact; NaN where a number is due is infinitely far.
  const Value with_inf = matrix(2, 3, {-kInf, 0, 0, 0, 0, 0});
  EXPECT_EQ(run(sample_, Expected{returning(with_inf), 0}, returning(with_inf)).tolerance_ratio, 0);
  EXPECT_TRUE(std::isinf(run(sample_, Expected{returning(want), 0},
                             returning(matrix(2, 3, {std::nan(""), 0.2, 0.7, 1, 0, 0})))
                             .tolerance_ratio));
}

TEST(AllowedError, IsAtolPlusRtolPlusMagnitude) {
  MagnitudeTerm term;
  term.factor = 4;
  term.of = "x";
  Tolerance t{1e-6, 1e-5, term};
  EXPECT_NEAR(allowed_error(t, 2.0, 1000.0), 1e-6 + 2e-5 + 4 * 1.1920928955078125e-07 * 1000,
              1e-15);
  t.magnitude.reset();
  EXPECT_NEAR(allowed_error(t, -3.0, 1000.0), 1e-6 + 3e-5, 1e-15);
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// masked_by and divided_by shape the magnitude term to what a correct formula rounds.
TEST(MagnitudeTerm, SkipsBlockedEntriesAndDividesByTheTemperature) {
  testing::TempDir dir;
  const Problem p = load_problem(dir.write("demo.yaml", R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement: {en: Do it., zh: 做吧。}
signature: "Eigen::MatrixXf demo(const Eigen::MatrixXf& x, const Mask& mask, float t, const Eigen::MatrixXf& v)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5, magnitude: {factor: 4, of: x, over: row, masked_by: mask, divided_by: t, times: [v]}}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - {name: blocked_huge, args: {x: [[1000000, 1, 2]], mask: [[0, 1, 1]], t: 1, v: [[1]]}}
      - {name: cold, args: {x: [[100, 1, 2]], mask: [[1, 1, 1]], t: 0.01, v: [[-1]]}}
      - {name: large_v, args: {x: [[1, 1, 2]], mask: [[1, 1, 1]], t: 1, v: [[0.5, -1000]]}}
)yaml"));
  auto outcome = [](double value) {
    std::vector<StepOutcome> o(1);
    o[0].call.has_result = true;
    o[0].call.result = Value::Tensor(ValueKind::kMatrix, 1, 3);
    o[0].call.result.data = {0, 0.25, value};
    return o;
  };
  const Expected want{outcome(0.75), 0};
  TestResult r;
  // The blocked 1e6 does not count: 4 * eps32 * 2 ~ 1e-6, so an error of 1e-3 fails.
  compare_case(p, TestCase{&p.groups[0], p.groups[0].cases[0]}, want, outcome(0.751), r);
  EXPECT_EQ(r.verdict, Verdict::kWrongAnswer);
  // At T = 0.01 the scaled logits reach 1e4: 4 * eps32 * 1e4 ~ 4.8e-3 is allowed.
  r = TestResult{};
  compare_case(p, TestCase{&p.groups[0], p.groups[0].cases[1]}, want, outcome(0.753), r);
  EXPECT_EQ(r.verdict, Verdict::kAccepted) << r.message;
  // times: [v] multiplies by max|v| = 1000: 4 * eps32 * 2 * 1000 ~ 9.5e-4 is allowed.
  r = TestResult{};
  compare_case(p, TestCase{&p.groups[0], p.groups[0].cases[2]}, want, outcome(0.7509), r);
  EXPECT_EQ(r.verdict, Verdict::kAccepted) << r.message;
  r = TestResult{};
  compare_case(p, TestCase{&p.groups[0], p.groups[0].cases[2]}, want, outcome(0.752), r);
  EXPECT_EQ(r.verdict, Verdict::kWrongAnswer);
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// An expected infinity allows no error: the message must not read like a
// pass ("error inf, allowed inf").
TEST_F(CompareTest, AnExpectedInfinityIsSaidPlainly) {
  const Value want = matrix(1, 3, {-kInf, 0.5, 0.5});
  const Value got = matrix(1, 3, {-1e30, 0.5, 0.5});
  const TestResult r = run(sample_, Expected{returning(want), 0}, returning(got));
  EXPECT_EQ(r.verdict, Verdict::kWrongAnswer);
  EXPECT_NE(r.message.find("the answer here is exactly -inf"), std::string::npos) << r.message;
  EXPECT_EQ(r.message.find("allowed"), std::string::npos) << r.message;
}

}  // namespace
}  // namespace judge

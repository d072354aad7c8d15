// The figures judge verify prints, from hand-made check results.
#include "verify_figures.h"

#include <gtest/gtest.h>

#include <limits>

namespace judge {
namespace {

KnownSolution solution(KnownSolution::Kind kind, const std::string& name) {
  KnownSolution s;
  s.kind = kind;
  s.name = name;
  return s;
}

TestResult test(const std::string& group, const std::string& name, Verdict verdict, double ratio,
                WrongKind kind = WrongKind::kNone) {
  TestResult t;
  t.group = group;
  t.name = name;
  t.verdict = verdict;
  t.kind = kind;
  t.tolerance_ratio = ratio;
  return t;
}

TestResult measured(const std::string& name, double seconds, std::int64_t bytes) {
  TestResult t = test("performance", name, Verdict::kAccepted, 0.01);
  t.seconds = seconds;
  t.limit_seconds = 0.1;
  t.memory_bytes = bytes;
  t.memory_limit_bytes = 1000;
  return t;
}

TEST(VerifyFigures, WorstOfTheCorrectSmallestOfTheWrong) {
  const std::vector<KnownSolution> solutions = {
      solution(KnownSolution::Kind::kCorrect, "eigen"),
      solution(KnownSolution::Kind::kCorrect, "loops"),
      solution(KnownSolution::Kind::kWrong, "no_shift"),
      solution(KnownSolution::Kind::kWrong, "crash"),
  };
  CheckResult eigen, loops, no_shift, crash;
  eigen.tests = {test("basic", "a", Verdict::kAccepted, 0.1), measured("n1", 0.02, 300)};
  loops.tests = {test("basic", "a", Verdict::kAccepted, 0.3),
                 test("stability", "big", Verdict::kAccepted, 0.31), measured("n1", 0.042, 100),
                 measured("n2", 0.01, 250)};
  no_shift.tests = {test("basic", "a", Verdict::kAccepted, 0.2),
                    test("stability", "big", Verdict::kWrongAnswer,
                         std::numeric_limits<double>::infinity(), WrongKind::kNonFinite),
                    test("random", "s1", Verdict::kWrongAnswer, 12.5, WrongKind::kTolerance),
                    // A shape error compares no values: no margin to speak of.
                    test("shapes", "wide", Verdict::kWrongAnswer, 0, WrongKind::kShape)};
  crash.tests = {test("edge", "empty", Verdict::kRuntimeError, 0)};

  const Figures f = figures_of(solutions, {eigen, loops, no_shift, crash});
  ASSERT_TRUE(f.correct.has_value());
  EXPECT_EQ(f.correct->ratio, 0.31);
  EXPECT_EQ(f.correct->file, "loops");
  EXPECT_EQ(f.correct->test, "stability/big");
  ASSERT_TRUE(f.wrong.has_value());
  EXPECT_EQ(f.wrong->ratio, 12.5);
  EXPECT_EQ(f.wrong->file, "no_shift");
  EXPECT_EQ(f.wrong->test, "random/s1");
  ASSERT_EQ(f.performance.size(), 1u);
  const Headroom& h = f.performance[0];
  EXPECT_EQ(h.group, "performance");
  ASSERT_TRUE(h.time && h.memory);
  EXPECT_DOUBLE_EQ(h.time->ratio, 0.42);
  EXPECT_EQ(h.time->file, "loops");
  EXPECT_EQ(h.time->test, "performance/n1");
  EXPECT_DOUBLE_EQ(h.memory->ratio, 0.3);
  EXPECT_EQ(h.memory->file, "eigen");
}

TEST(VerifyFigures, NothingMeasuredIsNoFigure) {
  const Figures f = figures_of({solution(KnownSolution::Kind::kWrong, "crash")}, {CheckResult{}});
  EXPECT_FALSE(f.correct.has_value());
  EXPECT_FALSE(f.wrong.has_value());
  EXPECT_TRUE(f.performance.empty());
}

}  // namespace
}  // namespace judge

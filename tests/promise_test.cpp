// The promises of expect lines, against hand-made check results.
#include "promise.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TestResult test(const std::string& group, const std::string& name, Verdict verdict,
                const std::string& message = "") {
  TestResult t;
  t.group = group;
  t.name = name;
  t.verdict = verdict;
  t.message = message;
  return t;
}

CheckResult with_tests(std::vector<TestResult> tests) {
  CheckResult r;
  r.problem = "softmax";
  r.tests = std::move(tests);
  return r;
}

// sample passes, basic passes, stability fails with NaN, edge crashes.
CheckResult overflow() {
  return with_tests(
      {test("sample", "a", Verdict::kAccepted), test("basic", "b", Verdict::kAccepted),
       test("stability", "large", Verdict::kWrongAnswer, "result[0]: expected 1, got nan"),
       test("edge", "empty", Verdict::kRuntimeError, "the program was killed")});
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

TEST(Promise, KeptPromisesAreSilent) {
  EXPECT_TRUE(broken_promises(overflow(), {{"wrong_answer", "stability"}}).empty());
  EXPECT_TRUE(
      broken_promises(overflow(), {{"wrong_answer", "stability"}, {"runtime_error", "edge"}})
          .empty());
  EXPECT_TRUE(
      broken_promises(with_tests({test("sample", "a", Verdict::kAccepted)}), {{"accepted", ""}})
          .empty());
  CheckResult broken_build;
  broken_build.compiled = false;
  broken_build.compile_output = "a.cpp:3:1: error: expected ';'";
  EXPECT_TRUE(broken_promises(broken_build, {{"compile_error", ""}}).empty());
  EXPECT_TRUE(broken_promises(with_tests({test("sample", "a", Verdict::kNotImplemented),
                                          test("basic", "b", Verdict::kNotImplemented)}),
                              {{"not_implemented", "*"}})
                  .empty());
  // No group: any group will do.
  EXPECT_TRUE(broken_promises(overflow(), {{"runtime_error", ""}}).empty());
}

TEST(Promise, AFirstFailureInTheSampleIsAlwaysNamed) {
  const CheckResult r = with_tests(
      {test("sample", "a", Verdict::kWrongAnswer), test("basic", "b", Verdict::kWrongAnswer)});
  EXPECT_TRUE(broken_promises(r, {{"wrong_answer", "basic"}}).empty());
}

TEST(Promise, TheWrongGroupIsReportedWithWhatCame) {
  const auto broken = broken_promises(overflow(), {{"wrong_answer", "basic"}});
  ASSERT_EQ(broken.size(), 2u) << joined(broken);
  // The trap shows first where no expect line points...
  EXPECT_NE(broken[0].find("first fails in stability/large: wrong_answer: result[0]: expected 1, "
                           "got nan, a group no expect line names (they name basic, sample)"),
            std::string::npos)
      << broken[0];
  // ...and the promised group never failed.
  EXPECT_NE(broken[1].find("promised wrong_answer in group basic, but every test there passed; "
                           "it first fails in stability/large"),
            std::string::npos)
      << broken[1];
}

TEST(Promise, AnotherVerdictInThePromisedGroupIsReported) {
  const auto broken =
      broken_promises(overflow(), {{"wrong_answer", "edge"}, {"wrong_answer", "stability"}});
  ASSERT_EQ(broken.size(), 1u) << joined(broken);
  EXPECT_EQ(broken[0],
            "promised wrong_answer in group edge, but its first failure there is edge/empty: "
            "runtime_error: the program was killed; it first fails in stability/large: "
            "wrong_answer: result[0]: expected 1, got nan");
}

TEST(Promise, ACorrectSolutionThatFailsIsReported) {
  const auto broken = broken_promises(overflow(), {{"accepted", ""}});
  ASSERT_EQ(broken.size(), 1u) << joined(broken);
  EXPECT_EQ(broken[0],
            "promised accepted, but it first fails in stability/large: wrong_answer: result[0]: "
            "expected 1, got nan");
}

TEST(Promise, AWrongSolutionThatPassesIsReported) {
  const CheckResult passing = with_tests({test("sample", "a", Verdict::kAccepted)});
  const auto broken = broken_promises(passing, {{"wrong_answer", "stability"}});
  ASSERT_EQ(broken.size(), 1u) << joined(broken);
  EXPECT_EQ(broken[0], "promised wrong_answer in group stability, but every test passed (1)");
}

TEST(Promise, EveryTestMeansEveryTest) {
  const CheckResult r =
      with_tests({test("sample", "a", Verdict::kNotImplemented),
                  test("basic", "b", Verdict::kAccepted), test("edge", "c", Verdict::kAccepted)});
  const auto broken = broken_promises(r, {{"not_implemented", "*"}});
  ASSERT_EQ(broken.size(), 1u) << joined(broken);
  EXPECT_EQ(broken[0],
            "promised not_implemented on every test, but 2 of 3 tests got another verdict, first "
            "basic/b: accepted");
  EXPECT_EQ(broken_promises(with_tests({}), {{"not_implemented", "*"}}).at(0),
            "promised not_implemented on every test, but no test ran");
}

TEST(Promise, CompileErrorsBothWays) {
  CheckResult broken_build;
  broken_build.compiled = false;
  broken_build.compile_output = "In function 'f':\na.cpp:3:1: error: expected ';'\nmore";
  EXPECT_EQ(broken_promises(broken_build, {{"accepted", ""}}).at(0),
            "promised accepted, but it did not compile: a.cpp:3:1: error: expected ';'");
  EXPECT_EQ(broken_promises(overflow(), {{"compile_error", ""}}).at(0),
            "promised compile_error, but it compiled; it first fails in stability/large: "
            "wrong_answer: result[0]: expected 1, got nan");
}

TEST(Promise, JudgeErrorsAndMissingExpectLinesAreReported) {
  CheckResult failed;
  failed.judge_error = "the reference crashed\nits output";
  EXPECT_EQ(broken_promises(failed, {{"wrong_answer", "basic"}}).at(0),
            "promised wrong_answer in group basic, but the judge failed: the reference crashed");
  const auto none = broken_promises(overflow(), {});
  ASSERT_EQ(none.size(), 1u);
  EXPECT_NE(none[0].find("no expect line"), std::string::npos);
}

}  // namespace
}  // namespace judge

// The results cache keeps every figure of a test, so a cached check reports
// what a fresh one would.
#include "result_store.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace judge {
namespace {

TEST(ResultStore, KeepsVerdictsMessagesAndFigures) {
  CheckResult r;
  r.problem = "softmax";
  r.file = "softmax.cpp";
  TestResult t;
  t.group = "performance";
  t.name = "n4096";
  t.verdict = Verdict::kAccepted;
  t.seconds = 0.012;
  t.reference_seconds = 0.004;
  t.limit_seconds = 0.04;
  t.tolerance_ratio = 0.3125;
  t.memory_bytes = 3 << 20;
  t.memory_limit_bytes = 26 << 20;
  r.tests.push_back(t);
  TestResult nan_test;
  nan_test.group = "stability";
  nan_test.name = "large";
  nan_test.verdict = Verdict::kWrongAnswer;
  nan_test.kind = WrongKind::kNonFinite;
  nan_test.tolerance_ratio = std::numeric_limits<double>::infinity();
  r.tests.push_back(nan_test);

  testing::TempDir dir;
  save_result(dir.path() + "/r.json", r);
  const auto back = load_result(dir.path() + "/r.json");
  ASSERT_TRUE(back.has_value());
  EXPECT_TRUE(back->from_cache);
  ASSERT_EQ(back->tests.size(), 2u);
  const TestResult& b = back->tests[0];
  EXPECT_EQ(b.full_name(), "performance/n4096");
  EXPECT_EQ(b.seconds, 0.012);
  EXPECT_EQ(b.limit_seconds, 0.04);
  EXPECT_EQ(b.tolerance_ratio, 0.3125);
  EXPECT_EQ(b.memory_bytes, 3 << 20);
  EXPECT_EQ(b.memory_limit_bytes, 26 << 20);
  EXPECT_TRUE(std::isinf(back->tests[1].tolerance_ratio));
  EXPECT_EQ(back->tests[1].kind, WrongKind::kNonFinite);
}

TEST(ResultStore, AnEntryWithoutTheFiguresIsAMiss) {
  // Written by a judge before the figures: checking again beats reporting 0.
  testing::TempDir dir;
  const std::string path = dir.write(
      "old.json", R"({"problem":"softmax","file":"f.cpp","compiled":true,"compile_output":"",)"
                  R"("program_output":"","judge_error":"","tests":[{"group":"basic","name":"a",)"
                  R"("verdict":"accepted","kind":0,"message":"","step":-1,"origin":"","inputs":"",)"
                  R"("seconds":"0","reference_seconds":"0","limit_seconds":"0"}]})");
  EXPECT_FALSE(load_result(path).has_value());
}

}  // namespace
}  // namespace judge

// Generators: seeded, reproducible, within their ranges, and well-formed steps.
#include "bank.h"
#include "cases.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>

namespace judge {
namespace {

Problem demo(const testing::TempDir& dir, const std::string& signature,
             const std::string& generate) {
  return load_problem(dir.write("demo.yaml", R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement: {en: Do it., zh: 做吧。}
signature: )yaml" + signature + R"yaml(
tolerance: {atol: 1.0e-6, rtol: 1.0e-5}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: Random., zh: 随机。}
    generate:
      - )yaml" + generate + "\n"), testing::bank_records());
}

TEST(Generators, RandomIsReproducibleAndWithinRanges) {
  testing::TempDir dir;
  const Problem p =
      demo(dir, "\"Eigen::MatrixXf f(const Eigen::MatrixXf& x, const std::vector<int>& labels)\"",
           "{generator: random, count: 30, seed: 5, dims: {n: [0, 40], d: [1, 9]}, args: "
           "{x: {shape: [n, d], dist: uniform, range: [-2, 3], offset: 100}, "
           "labels: {shape: [n], dist: uniform, range: [0, d-1]}}}");
  const auto a = expand_cases(p);
  const auto b = expand_cases(p);
  ASSERT_EQ(a.size(), 30u);
  bool saw_empty = false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const Value& x = a[i].spec.steps[0].args[0].value;
    const Value& labels = a[i].spec.steps[0].args[1].value;
    EXPECT_EQ(x.data, b[i].spec.steps[0].args[0].value.data);
    EXPECT_LE(x.rows, 40);
    EXPECT_GE(x.cols, 1);
    EXPECT_LE(x.cols, 9);
    EXPECT_EQ(labels.rows, x.rows);
    saw_empty = saw_empty || x.rows == 0;
    for (double v : x.data) {
      EXPECT_GE(v, 98.0);
      EXPECT_LE(v, 103.0);
      EXPECT_EQ(v, static_cast<double>(static_cast<float>(v))) << "inputs must be float32 values";
    }
    for (double l : labels.data) {
      EXPECT_GE(l, 0);
      EXPECT_LT(l, static_cast<double>(x.cols));
    }
    EXPECT_NE(a[i].spec.origin.find("seed 5"), std::string::npos);
  }
  EXPECT_TRUE(saw_empty) << "log-uniform sizes should reach 0 rows over 30 cases";
  EXPECT_NE(a[0].spec.steps[0].args[0].value.data, a[1].spec.steps[0].args[0].value.data);
}

TEST(Generators, ChunkedStreamCoversTheVectorAndReferencesEarlierSteps) {
  testing::TempDir dir;
  const Problem p =
      demo(dir,
           "[\"SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk)\", "
           "\"SoftmaxState softmax_merge(SoftmaxState a, SoftmaxState b)\"]",
           "{generator: chunked_stream, count: 25, seed: 3, length: [0, 50], chunks: [1, 6], "
           "empty_chunks: 0.2, neg_inf: 0.1}");
  for (const auto& c : expand_cases(p)) {
    std::size_t updates = 0;
    std::size_t merges = 0;
    for (std::size_t s = 0; s < c.spec.steps.size(); ++s) {
      const Step& step = c.spec.steps[s];
      (step.function == 0 ? updates : merges) += 1;
      for (const ArgRef& a : step.args) {
        if (!a.is_inline) {
          EXPECT_LT(a.step, s);
        }
      }
    }
    EXPECT_GE(updates, 1u);
    EXPECT_LT(merges, updates) << "merges join the folded runs into one state";
  }
}

}  // namespace
}  // namespace judge

#include "dim_expr.h"

namespace judge {
namespace {

TEST(DimExpr, SumsOfProductsWithALeadingSign) {
  const std::map<std::string, long long> dims{{"d", 8}, {"h", 3}, {"d_h", 4}};
  EXPECT_EQ(DimExpr::parse("d-1")->eval(dims), 7);
  EXPECT_EQ(DimExpr::parse("h*d_h")->eval(dims), 12);
  EXPECT_EQ(DimExpr::parse("2*h + 1")->eval(dims), 7);
  EXPECT_EQ(DimExpr::parse("-1000")->eval(dims), -1000);
  EXPECT_EQ(DimExpr::parse("-d")->eval(dims), -8);
  EXPECT_FALSE(DimExpr::parse("d-").has_value());
  EXPECT_FALSE(DimExpr::parse("--1").has_value());
  EXPECT_FALSE(DimExpr::parse("d/2").has_value());
  EXPECT_EQ(DimExpr::parse("k")->unknown_names(dims), std::vector<std::string>{"k"});
}

}  // namespace
}  // namespace judge

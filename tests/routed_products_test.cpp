// Learner files' matrix products go through code compiled once
// (judge/harness/routed_products.h): they must give the products Eigen
// gives, and a learner file must really stop instantiating Eigen's product
// machinery, or the compile-time saving is gone without anyone noticing.
#include "test_support.h"
#include "toolchain.h"

#include <gtest/gtest.h>

#include <cstdio>

namespace judge {
namespace {

class RoutedProducts : public ::testing::Test {
 protected:
  void SetUp() override {
    ToolchainPaths paths;
    paths.harness_dir = testing::source_dir() + "/judge/harness";
    paths.cache_dir = testing::source_dir() + "/.judge/cache";
    paths.records = testing::bank_records();
    toolchain_ = std::make_unique<Toolchain>(paths);
    std::string error;
    ASSERT_TRUE(toolchain_->ensure(error)) << error;
  }

  // The compile command a learner file gets (flags and precompiled header).
  std::string compile_command() const {
    std::string command = toolchain_->paths().cxx;
    for (const auto& flag : toolchain_->base_flags()) command += " '" + flag + "'";
    return command + " -Wall -Wextra -I " + toolchain_->dir() + " -include " + toolchain_->pch();
  }

  std::unique_ptr<Toolchain> toolchain_;
  testing::TempDir scratch_;
};

TEST_F(RoutedProducts, GiveTheProductsEigenGivesInEveryFormALearnerWrites) {
  const std::string program = scratch_.path() + "/agree";
  const auto built =
      testing::shell(compile_command() + " " + testing::source_dir() +
                     "/tests/programs/routed_products_agree.cpp " + toolchain_->dir() +
                     "/eigen_products.o -o " + program + " 2>&1");
  ASSERT_EQ(built.exit_code, 0) << built.out;
  const auto ran = testing::shell(program);
  EXPECT_EQ(ran.exit_code, 0) << ran.out;
  // "agree N of N", over every form in the program (530 when written).
  int agreed = 0, checked = 0;
  ASSERT_EQ(
      std::sscanf(ran.out.c_str() + ran.out.rfind("agree"), "agree %d of %d", &agreed, &checked), 2)
      << ran.out;
  EXPECT_EQ(agreed, checked);
  EXPECT_GE(checked, 500);
}

TEST_F(RoutedProducts, LeaveNoEigenProductCodeInALearnerFile) {
  const std::string source = scratch_.write("attention.cpp", R"(#include "exercise.h"
MatrixXf attend(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float scale) {
  MatrixXf s = (q * k.transpose()) * scale;
  s = (s.array().colwise() - s.rowwise().maxCoeff().array()).exp().matrix();
  const MatrixXf heads = (s.array().colwise() / s.rowwise().sum().array()).matrix() * v;
  return heads.middleCols(0, 1) * v.topRows(1) + (q / scale) * k.transpose().leftCols(v.cols());
}
Eigen::RowVectorXf decode(const Eigen::RowVectorXf& q, const MatrixXf& k, const MatrixXf& v) {
  const Eigen::RowVectorXf scores = q * k.transpose();
  return (scores.array().exp() / scores.array().exp().sum()).matrix() * v + k.row(0) * v.transpose();
}
)");
  const std::string object = scratch_.path() + "/attention.o";
  const auto built = testing::shell(compile_command() + " -I " + testing::source_dir() +
                                    "/exercises -c " + source + " -o " + object + " 2>&1");
  ASSERT_EQ(built.exit_code, 0) << built.out;
  const std::string symbols = testing::shell("nm -C " + object).out;
  EXPECT_NE(symbols.find("U Eigen::internal::judge_gemm"), std::string::npos) << symbols;
  for (const char* machinery : {"generic_product_impl", "gemv_dense_selector", "gebp_kernel",
                                "general_matrix_matrix_product", "product_evaluator"})
    EXPECT_EQ(symbols.find(machinery), std::string::npos) << machinery << " in\n" << symbols;
}

}  // namespace
}  // namespace judge

#include "records.h"
#include "signature.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

const RecordTypes& bank_records() {
  static const RecordTypes records =
      load_records(testing::source_dir() + "/problems/records.yaml");
  return records;
}

Signature parse_signature(const std::string& text) {
  return judge::parse_signature(text, bank_records());
}

TEST(Signature, ParsesConstRefAndValueParameters) {
  const Signature s = parse_signature(
      "SoftmaxState softmax_update(SoftmaxState state, const Eigen::VectorXf& chunk)");
  EXPECT_EQ(s.name, "softmax_update");
  EXPECT_EQ(s.result.kind, TypeKind::kRecord);
  EXPECT_EQ(s.result.record->name, "SoftmaxState");
  ASSERT_EQ(s.params.size(), 2u);
  EXPECT_EQ(s.params[0].name, "state");
  EXPECT_FALSE(s.params[0].type.in_out);
  EXPECT_EQ(s.params[1].type.kind, TypeKind::kVector);
  EXPECT_FALSE(s.params[1].type.in_out);
}

TEST(Signature, NonConstReferenceIsInOut) {
  const Signature s = parse_signature(
      "Eigen::VectorXf kv_cache_decode(KVCache& cache, const Eigen::VectorXf& x_t, const "
      "Eigen::MatrixXf& w_q, const Eigen::MatrixXf& w_k, const Eigen::MatrixXf& w_v)");
  ASSERT_EQ(s.params.size(), 5u);
  EXPECT_TRUE(s.params[0].type.in_out);
  EXPECT_EQ(s.params[0].type.kind, TypeKind::kRecord);
  EXPECT_EQ(s.params[0].type.record->name, "KVCache");
  EXPECT_TRUE(s.params[1].type.by_reference);
  EXPECT_EQ(s.param_index("w_v"), 4);
}

TEST(Signature, TemplateSpellingOfMaskAndIntList) {
  const Signature s = parse_signature(
      "float f(const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& mask, const "
      "std::vector<int>& labels, int n)");
  ASSERT_EQ(s.params.size(), 3u);
  EXPECT_EQ(s.params[0].type.kind, TypeKind::kMask);
  EXPECT_EQ(s.params[1].type.kind, TypeKind::kIntList);
  EXPECT_EQ(s.params[2].type.kind, TypeKind::kInteger);
  EXPECT_EQ(s.result.kind, TypeKind::kReal);
}

TEST(Signature, RejectsUnknownTypesAndMalformedText) {
  EXPECT_THROW(parse_signature("Eigen::Tensor f(const Eigen::MatrixXf& x)"), SignatureError);
  EXPECT_THROW(parse_signature("Eigen::MatrixXf f(const Eigen::MatrixXd& x)"), SignatureError);
  EXPECT_THROW(parse_signature("Eigen::MatrixXf f(const Eigen::MatrixXf& x"), SignatureError);
  EXPECT_THROW(parse_signature("f(const Eigen::MatrixXf& x)"), SignatureError);
  EXPECT_THROW(parse_signature("float f(int a, int a)"), SignatureError);
  // A record is known only from records.yaml.
  EXPECT_THROW(judge::parse_signature("KVCache f(int a)", RecordTypes{}), SignatureError);
}

TEST(Signature, TheReferenceDeclarationUsesDoublesAndTheReferenceRecords) {
  const Signature s = parse_signature(
      "Eigen::VectorXf kv_cache_decode(KVCache& cache, const Eigen::VectorXf& x_t, float t, "
      "const Mask& m, std::vector<int> ids)");
  EXPECT_EQ(reference_declaration(s),
            "Eigen::VectorXd kv_cache_decode(reference::KVCache& cache, const Eigen::VectorXd& "
            "x_t, double t, const Mask& m, std::vector<int> ids)");
  EXPECT_EQ(reference_pointer_type(s),
            "Eigen::VectorXd (*)(reference::KVCache&, const Eigen::VectorXd&, double, const "
            "Mask&, std::vector<int>)");
}

}  // namespace
}  // namespace judge

#include "types.h"

namespace judge {
namespace {

struct Spelling {
  const char* text;
  TypeKind kind;
};

constexpr Spelling kSpellings[] = {
    {"float", TypeKind::kReal},
    {"int", TypeKind::kInteger},
    {"Eigen::VectorXf", TypeKind::kVector},
    {"VectorXf", TypeKind::kVector},
    {"Eigen::MatrixXf", TypeKind::kMatrix},
    {"MatrixXf", TypeKind::kMatrix},
    {"Mask", TypeKind::kMask},
    {"Eigen::Matrix<bool,Eigen::Dynamic,Eigen::Dynamic>", TypeKind::kMask},
    {"std::vector<int>", TypeKind::kIntList},
    {"SoftmaxState", TypeKind::kSoftmaxState},
    {"KVCache", TypeKind::kKVCache},
    {"AttentionGrads", TypeKind::kAttentionGrads},
};

}  // namespace

std::optional<TypeKind> type_from_spelling(const std::string& spelling) {
  std::string compact;
  for (char c : spelling)
    if (c != ' ') compact += c;
  for (const Spelling& s : kSpellings)
    if (compact == s.text) return s.kind;
  return std::nullopt;
}

std::string type_list_for_humans() {
  return "float, int, Eigen::VectorXf, Eigen::MatrixXf, Mask, std::vector<int>, SoftmaxState, "
         "KVCache, AttentionGrads";
}

ValueKind value_kind(TypeKind kind) {
  switch (kind) {
    case TypeKind::kReal:
      return ValueKind::kReal;
    case TypeKind::kInteger:
      return ValueKind::kInteger;
    case TypeKind::kVector:
      return ValueKind::kVector;
    case TypeKind::kMatrix:
      return ValueKind::kMatrix;
    case TypeKind::kMask:
      return ValueKind::kMask;
    case TypeKind::kIntList:
      return ValueKind::kIntList;
    default:
      return ValueKind::kRecord;
  }
}

std::vector<std::pair<std::string, TypeKind>> record_fields(TypeKind kind) {
  switch (kind) {
    case TypeKind::kSoftmaxState:
      return {{"max", TypeKind::kReal}, {"sum", TypeKind::kReal}};
    case TypeKind::kKVCache:
      return {{"k", TypeKind::kMatrix}, {"v", TypeKind::kMatrix}};
    case TypeKind::kAttentionGrads:
      return {{"d_q", TypeKind::kMatrix}, {"d_k", TypeKind::kMatrix}, {"d_v", TypeKind::kMatrix}};
    default:
      return {};
  }
}

std::string describe_type(TypeKind kind) {
  switch (kind) {
    case TypeKind::kReal:
      return "a number";
    case TypeKind::kInteger:
      return "an integer";
    case TypeKind::kVector:
      return "a vector such as [1, 2, 3]";
    case TypeKind::kMatrix:
      return "a matrix such as [[1, 2], [3, 4]] or {shape: [0, 3]}";
    case TypeKind::kMask:
      return "a mask such as [[1, 0], [1, 1]]";
    case TypeKind::kIntList:
      return "a list of integers such as [0, 2]";
    case TypeKind::kSoftmaxState:
      return "a state such as {max: -inf, sum: 0}";
    case TypeKind::kKVCache:
      return "a cache such as {k: {shape: [0, 4]}, v: {shape: [0, 4]}}";
    case TypeKind::kAttentionGrads:
      return "gradients {d_q: ..., d_k: ..., d_v: ...}";
  }
  return "a value";
}

}  // namespace judge

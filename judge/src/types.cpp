#include "types.h"

#include "records.h"

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
};

}  // namespace

std::optional<CppType> type_from_spelling(const std::string& spelling,
                                          const RecordTypes* records) {
  std::string compact;
  for (char c : spelling)
    if (c != ' ') compact += c;
  for (const Spelling& s : kSpellings)
    if (compact == s.text) return CppType{s.kind, spelling, false, false, nullptr};
  if (records != nullptr)
    if (auto record = records->share(compact))
      return CppType{TypeKind::kRecord, spelling, false, false, record};
  return std::nullopt;
}

std::string type_list_for_humans(const RecordTypes* records) {
  std::string list = "float, int, Eigen::VectorXf, Eigen::MatrixXf, Mask, std::vector<int>";
  if (records != nullptr)
    for (const auto& r : records->types) list += ", " + r->name;
  return list;
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
    case TypeKind::kRecord:
      return ValueKind::kRecord;
  }
  return ValueKind::kRecord;
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
    case TypeKind::kRecord:
      return "a record";
  }
  return "a value";
}

std::string describe_type(const CppType& type) {
  if (type.kind != TypeKind::kRecord || !type.record) return describe_type(type.kind);
  std::string fields;
  for (const auto& f : type.record->fields)
    fields += (fields.empty() ? "" : ", ") + f.name + ": ...";
  return "a " + type.record->name + " such as {" + fields + "}";
}

}  // namespace judge

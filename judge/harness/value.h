// The one data model that crosses the judge/learner boundary: every argument,
// result and expected value is a Value. Header-only, no Eigen, so the harness
// that runs in the learner's process stays small.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace judge {

enum class ValueKind : std::uint8_t {
  kReal = 1,     // float / double
  kInteger = 2,  // int
  kVector = 3,   // Eigen column vector, rows x 1
  kMatrix = 4,   // Eigen matrix, stored row-major here
  kMask = 5,     // boolean matrix, 0/1 entries
  kIntList = 6,  // std::vector<int>
  kRecord = 7,   // a struct: named fields
};

struct Value {
  ValueKind kind = ValueKind::kReal;
  std::int64_t rows = 1;
  std::int64_t cols = 1;
  std::vector<double> data;  // row-major, rows * cols entries (not for records)
  std::vector<std::string> field_names;
  std::vector<Value> fields;

  static Value Real(double x) { return Value{ValueKind::kReal, 1, 1, {x}, {}, {}}; }
  static Value Integer(std::int64_t x) {
    return Value{ValueKind::kInteger, 1, 1, {static_cast<double>(x)}, {}, {}};
  }
  static Value Tensor(ValueKind kind, std::int64_t rows, std::int64_t cols) {
    return Value{kind, rows, cols, std::vector<double>(static_cast<std::size_t>(rows * cols)),
                 {},   {}};
  }
  double& at(std::int64_t r, std::int64_t c) {
    return data[static_cast<std::size_t>(r * cols + c)];
  }
  double at(std::int64_t r, std::int64_t c) const {
    return data[static_cast<std::size_t>(r * cols + c)];
  }
  const Value* field(const std::string& name) const {
    for (std::size_t i = 0; i < fields.size(); ++i)
      if (field_names[i] == name) return &fields[i];
    return nullptr;
  }
};

}  // namespace judge

// Conversions between C++ argument types and Values. The same templates serve
// the learner's float types in the harness and the double-precision reference
// types in the judge, so both sides read one case identically.
#pragma once

#include "value.h"

#include <Eigen/Dense>

#include <cmath>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace judge {

template <class T, class Enable = void>
struct Codec;

template <class T>
struct Codec<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static T decode(const Value& v) { return static_cast<T>(v.data.at(0)); }
  static Value encode(T x) { return Value::Real(static_cast<double>(x)); }
};

template <>
struct Codec<int> {
  static int decode(const Value& v) { return static_cast<int>(v.data.at(0)); }
  static Value encode(int x) { return Value::Integer(x); }
};

template <>
struct Codec<std::vector<int>> {
  static std::vector<int> decode(const Value& v) {
    std::vector<int> out;
    out.reserve(v.data.size());
    for (double x : v.data) out.push_back(static_cast<int>(x));
    return out;
  }
  static Value encode(const std::vector<int>& xs) {
    Value v = Value::Tensor(ValueKind::kIntList, static_cast<std::int64_t>(xs.size()), 1);
    for (std::size_t i = 0; i < xs.size(); ++i) v.data[i] = xs[i];
    return v;
  }
};

// Any dynamic Eigen matrix or column vector of float, double or bool.
template <class S, int R, int C, int O, int MR, int MC>
struct Codec<Eigen::Matrix<S, R, C, O, MR, MC>> {
  using M = Eigen::Matrix<S, R, C, O, MR, MC>;
  static constexpr bool kIsVector = (C == 1);
  static M decode(const Value& v) {
    M m(v.rows, v.cols);
    for (Eigen::Index r = 0; r < m.rows(); ++r)
      for (Eigen::Index c = 0; c < m.cols(); ++c) {
        if constexpr (std::is_same_v<S, bool>)
          m(r, c) = v.at(r, c) != 0.0;
        else
          m(r, c) = static_cast<S>(v.at(r, c));
      }
    return m;
  }
  static Value encode(const M& m) {
    ValueKind kind = std::is_same_v<S, bool> ? ValueKind::kMask
                     : kIsVector             ? ValueKind::kVector
                                             : ValueKind::kMatrix;
    Value v = Value::Tensor(kind, m.rows(), m.cols());
    for (Eigen::Index r = 0; r < m.rows(); ++r)
      for (Eigen::Index c = 0; c < m.cols(); ++c) v.at(r, c) = static_cast<double>(m(r, c));
    return v;
  }
};

// Structs describe themselves with a record_fields(const T*) function found by
// argument-dependent lookup: a tuple of (name, member pointer) pairs.
template <class T>
struct Codec<T, std::void_t<decltype(record_fields(std::declval<const T*>()))>> {
  static T decode(const Value& v) {
    T out{};
    std::apply([&](auto... field) { (assign(out, v, field.first, field.second), ...); },
               record_fields(static_cast<const T*>(nullptr)));
    return out;
  }
  static Value encode(const T& t) {
    Value v;
    v.kind = ValueKind::kRecord;
    std::apply(
        [&](auto... field) {
          ((v.field_names.emplace_back(field.first),
            v.fields.push_back(
                Codec<std::decay_t<decltype(t.*(field.second))>>::encode(t.*(field.second)))),
           ...);
        },
        record_fields(static_cast<const T*>(nullptr)));
    return v;
  }

 private:
  template <class M>
  static void assign(T& out, const Value& v, const char* name, M T::*member) {
    const Value* f = v.field(name);
    if (f == nullptr) throw std::invalid_argument(std::string("record has no field ") + name);
    out.*member = Codec<M>::decode(*f);
  }
};

}  // namespace judge

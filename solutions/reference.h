// Shared by every reference solution. A reference computes in double precision
// in namespace `reference`; the judge links it (never the learner's program) and
// calls it to get expected values. Each solution file also defines the learner's
// float signature by converting to double and back, so the same file can be
// checked like a submission.
#pragma once

#include "exercise.h"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace reference {

using Vector = Eigen::VectorXd;
using Matrix = Eigen::MatrixXd;
using Mask = ::Mask;

constexpr double kInf = std::numeric_limits<double>::infinity();

struct SoftmaxState {
  double max;
  double sum;
};

struct KVCache {
  Matrix k;
  Matrix v;
};

struct AttentionGrads {
  Matrix d_q;
  Matrix d_k;
  Matrix d_v;
};

// Field lists let the judge turn these records into values (found by ADL).
inline auto record_fields(const SoftmaxState*) {
  return std::make_tuple(std::make_pair("max", &SoftmaxState::max),
                         std::make_pair("sum", &SoftmaxState::sum));
}
inline auto record_fields(const KVCache*) {
  return std::make_tuple(std::make_pair("k", &KVCache::k), std::make_pair("v", &KVCache::v));
}
inline auto record_fields(const AttentionGrads*) {
  return std::make_tuple(std::make_pair("d_q", &AttentionGrads::d_q),
                         std::make_pair("d_k", &AttentionGrads::d_k),
                         std::make_pair("d_v", &AttentionGrads::d_v));
}

// Conversions used by the float entry points.
inline Vector to_double(const Eigen::VectorXf& x) { return x.cast<double>(); }
inline Matrix to_double(const Eigen::MatrixXf& x) { return x.cast<double>(); }
inline SoftmaxState to_double(const ::SoftmaxState& s) { return {s.max, s.sum}; }
inline KVCache to_double(const ::KVCache& c) { return {to_double(c.k), to_double(c.v)}; }
inline Eigen::VectorXf to_float(const Vector& x) { return x.cast<float>(); }
inline Eigen::MatrixXf to_float(const Matrix& x) { return x.cast<float>(); }
inline float to_float(double x) { return static_cast<float>(x); }
inline ::SoftmaxState to_float(const SoftmaxState& s) {
  return {static_cast<float>(s.max), static_cast<float>(s.sum)};
}
inline ::KVCache to_float(const KVCache& c) { return {to_float(c.k), to_float(c.v)}; }
inline ::AttentionGrads to_float(const AttentionGrads& g) {
  return {to_float(g.d_q), to_float(g.d_k), to_float(g.d_v)};
}

}  // namespace reference

// JUDGE_REFERENCE(name) registers reference::name with the judge under the
// learner function's name. Outside the judge's own build it expands to nothing.
#ifdef JUDGE_REFERENCE_REGISTRY
#include "reference_registry.h"
#define JUDGE_REFERENCE(name)                                            \
  static const bool judge_reference_registered_##name [[maybe_unused]] = \
      ::judge::register_reference(#name, ::judge::bind_function<&reference::name>(#name))
#else
#define JUDGE_REFERENCE(name) static_assert(true, "")
#endif

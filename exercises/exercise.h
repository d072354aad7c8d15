// The one header every exercise includes: Eigen, short names for the types the
// exercises use, the three structs the catalog fixes, and the exception a stub
// throws until it is filled in.
#pragma once

#include <Eigen/Dense>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using Eigen::MatrixXf;
using Eigen::VectorXf;
// true = may attend / keep, false = blocked.
using Mask = Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>;

// The running normalizer of online softmax; the empty state is {-inf, 0}.
struct SoftmaxState {
  float max;
  float sum;
};

// The keys and values of every token decoded so far, one row per token.
struct KVCache {
  MatrixXf k;
  MatrixXf v;
};

// Gradients of scaled dot-product attention with respect to q, k and v.
struct AttentionGrads {
  MatrixXf d_q;
  MatrixXf d_k;
  MatrixXf d_v;
};

// Thrown by an untouched stub, so the judge can say "not implemented yet"
// instead of charging the learner with a wrong answer.
struct not_implemented_error : std::logic_error {
  using std::logic_error::logic_error;
};

// Ignores the split and computes plain attention over all m keys: the
// statement says this passes (FlashDecoding is exact: the split changes only
// the order of the additions). It still rejects num_splits <= 0.
// expect: accepted
#include "exercise.h"

VectorXf flash_decoding(const VectorXf& q, const MatrixXf& k, const MatrixXf& v, int num_splits) {
  if (num_splits <= 0) throw std::invalid_argument("num_splits must be positive");
  if (q.size() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return VectorXf::Zero(v.cols());
  const float scale = q.size() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.size())) : 1.0f;
  const VectorXf s = (k * q) * scale;
  const Eigen::ArrayXf e = (s.array() - s.maxCoeff()).exp();
  return v.transpose() * (e / e.sum()).matrix();
}

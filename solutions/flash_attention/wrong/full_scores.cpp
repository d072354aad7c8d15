// Ignores block_size and computes plain attention: the whole n x m score
// matrix at once, then a stable row softmax. The values are right, but at
// n = m = 4096 that matrix alone is 64 MiB, which is exactly what FlashAttention
// exists to avoid: keep one block x block tile of scores at a time.
// expect: memory_limit performance
#include "exercise.h"

Eigen::MatrixXf flash_attention(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                const Eigen::MatrixXf& v, int block_size) {
  if (block_size <= 0) throw std::invalid_argument("block_size must be positive");
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  if (k.rows() == 0) return Eigen::MatrixXf::Zero(q.rows(), v.cols());
  Eigen::MatrixXf p = (q * k.transpose()) * scale;  // n x m
  const Eigen::VectorXf row_max = p.rowwise().maxCoeff();
  p = (p.array().colwise() - row_max.array()).exp().matrix();
  const Eigen::VectorXf row_sum = p.rowwise().sum();
  return ((p * v).array().colwise() / row_sum.array()).matrix();
}

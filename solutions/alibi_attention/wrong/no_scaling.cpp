// Forgets the 1 / sqrt(d_k) factor on the dot products: the weights come out
// too peaked whenever d_k > 1 (the bias itself is right).
// expect: wrong_answer basic
// mistake: Dot products not divided by sqrt(d_k)
// mistake.zh: 点积没有除以 sqrt(d_k)
// explain: ALiBi adds its bias to the usual scaled score, so q_i . k_j must still be divided by
// explain: sqrt(d_k), the width of q and k; without it the softmax is too peaked whenever d_k > 1.
// explain: Scale the dot product, then subtract slope * (i - j) (the bias is not scaled).
// explain.zh: ALiBi 的偏置加在通常的缩放分数上，所以 q_i . k_j 仍然要除以 sqrt(d_k)（q 和 k 的宽度）；
// explain.zh: 不缩放时，只要 d_k > 1，softmax 就过于尖锐。先缩放点积，再减去 slope * (i - j)（偏置不缩放）。
#include "exercise.h"

#include <vector>

MatrixXf alibi_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float slope) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || q.rows() != k.rows())
    throw std::invalid_argument("alibi_attention: shapes do not fit");
  if (!std::isfinite(slope) || slope < 0)
    throw std::invalid_argument("alibi_attention: slope must be finite and >= 0");
  const Eigen::Index n = q.rows(), dk = q.cols(), dv = v.cols();
  const float scale = dk > 0 ? 1.0f / std::sqrt(static_cast<float>(dk)) : 1.0f;
  MatrixXf out = MatrixXf::Zero(n, dv);
  std::vector<float> w(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    const Eigen::Index last = i;
    float mx = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j <= last; ++j) {
      float dot = 0;
      for (Eigen::Index c = 0; c < dk; ++c) dot += q(i, c) * k(j, c);
      w[j] = dot - slope * static_cast<float>(i - j);  // bug: dot not scaled
      mx = std::max(mx, w[j]);
    }
    float sum = 0;
    for (Eigen::Index j = 0; j <= last; ++j) {
      w[j] = std::exp(w[j] - mx);
      sum += w[j];
    }
    for (Eigen::Index j = 0; j <= last; ++j)
      for (Eigen::Index c = 0; c < dv; ++c) out(i, c) += w[j] / sum * v(j, c);
  }
  return out;
}

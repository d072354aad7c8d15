// Adds the bias with the wrong sign: + slope * (i - j), so older keys get a
// bonus instead of a penalty and the weights drift to the start of the text.
// expect: wrong_answer basic
// mistake: ALiBi bias added with the wrong sign
// mistake.zh: ALiBi 偏置的符号加反了
// explain: The score must be q_i . k_j / sqrt(d_k) - slope * (i - j): the further back key j is,
// explain: the more it loses. Adding + slope * (i - j) rewards distance, so the oldest tokens win.
// explain: Check row 1 of the example: key 0 must lose slope, key 1 (itself) nothing.
// explain.zh: 分数应为 q_i . k_j / sqrt(d_k) - slope * (i - j)：键 j 越靠前，扣得越多。
// explain.zh: 加上 + slope * (i - j) 等于奖励距离，最早的 token 反而占优。
// explain.zh: 用示例的第 1 行检查：键 0 要扣掉 slope，键 1（它自己）不扣。
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
      w[j] = dot * scale + slope * static_cast<float>(i - j);  // bug: the sign
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

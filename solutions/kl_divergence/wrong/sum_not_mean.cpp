// Returns the sum of the per-row divergences instead of their mean. It is
// right only for a single row.
// expect: wrong_answer sample
// expect: wrong_answer basic
// mistake: Sum of the row divergences instead of their mean
// mistake.zh: 返回各行 KL 之和而不是平均值
// explain: The result is the mean over the n rows, (1/n) * sum_i KL_i (PyTorch's reduction
// explain: 'batchmean'); the sum is right only when n = 1 and is n times too large otherwise. Divide
// explain: the total by the number of rows.
// explain.zh: 结果是 n 行的平均值 (1/n) * sum_i KL_i（即 PyTorch 的 reduction='batchmean'）；
// explain.zh: 返回总和只在 n = 1 时正确，其他情况会大 n 倍。请把总和除以行数。
#include "exercise.h"

float kl_divergence(const MatrixXf& p_logits, const MatrixXf& q_logits) {
  if (p_logits.rows() != q_logits.rows() || p_logits.cols() != q_logits.cols())
    throw std::invalid_argument("shapes differ");
  if (p_logits.rows() == 0) throw std::invalid_argument("no rows");
  const float inf = std::numeric_limits<float>::infinity();
  float total = 0.0f;
  for (Eigen::Index i = 0; i < p_logits.rows(); ++i) {
    const Eigen::ArrayXf x = p_logits.row(i).transpose().array();
    const Eigen::ArrayXf y = q_logits.row(i).transpose().array();
    if (x.size() == 0 || x.maxCoeff() == -inf) continue;
    const float mx = x.maxCoeff(), my = y.maxCoeff();
    const float lse_p = mx + std::log((x - mx).exp().sum());
    const float lse_q = my + std::log((y - my).exp().sum());
    float kl = 0.0f;
    for (Eigen::Index j = 0; j < x.size(); ++j) {
      if (x(j) == -inf) continue;
      if (y(j) == -inf) {
        kl = inf;
        break;
      }
      const float log_p = x(j) - lse_p;
      kl += std::exp(log_p) * (log_p - (y(j) - lse_q));
    }
    total += kl;
  }
  return total;  // bug: should divide by the number of rows
}

// Averages the partial outputs of the non-empty chunks instead of weighting
// each by exp(lse_c - lse): every chunk counts the same, however much of the
// softmax weight it holds.
// expect: wrong_answer basic
// mistake: Partial outputs averaged instead of weighted by their log-sum-exp
// mistake.zh: 对部分输出直接取平均，而没有按 log-sum-exp 加权
// explain: Each partial output is normalised by its own chunk's sum, so it does not say how much of
// explain: the total weight its chunk holds; averaging treats a chunk of near-zero scores like the
// explain: chunk holding the best key. Keep each chunk's lse_c = M_c + log(l_c) and weight its
// explain: partial by exp(lse_c - lse), where lse is the log-sum-exp of all the lse_c.
// explain.zh: 每份部分输出都是用本块自己的和归一化的，看不出这一块占了总权重的多少；取平均会把
// explain.zh: 分数接近 0 的块和含有最佳键的块一视同仁。保存每块的 lse_c = M_c + log(l_c)，
// explain.zh: 并按 exp(lse_c - lse) 给它的部分输出加权，其中 lse 是所有 lse_c 的 log-sum-exp。
#include "exercise.h"

#include <algorithm>
#include <vector>

VectorXf flash_decoding(const VectorXf& q, const MatrixXf& k, const MatrixXf& v, int num_splits) {
  if (num_splits <= 0) throw std::invalid_argument("num_splits must be positive");
  if (q.size() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::Index m = k.rows(), dv = v.cols(), splits = num_splits;
  const Eigen::Index chunk = m / splits + (m % splits != 0);
  const float scale = q.size() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.size())) : 1.0f;
  const float ninf = -std::numeric_limits<float>::infinity();
  std::vector<float> lse(static_cast<std::size_t>(splits), ninf);
  MatrixXf partial = MatrixXf::Zero(dv, splits);
  for (Eigen::Index c = 0; c < splits; ++c) {
    const Eigen::Index lo = std::min(m, c * chunk), len = std::min(m, lo + chunk) - lo;
    if (len == 0) continue;
    const VectorXf s = (k.middleRows(lo, len) * q) * scale;
    const float mx = s.maxCoeff();
    const Eigen::ArrayXf e = (s.array() - mx).exp();
    const float sum = e.sum();
    lse[c] = mx + std::log(sum);
    partial.col(c) = v.middleRows(lo, len).transpose() * (e / sum).matrix();
  }
  VectorXf out = VectorXf::Zero(dv);
  int used = 0;
  for (Eigen::Index c = 0; c < splits; ++c)
    if (lse[c] != ninf) {
      out += partial.col(c);
      ++used;
    }
  if (used > 0) out /= static_cast<float>(used);  // bug: a plain average
  return out;
}

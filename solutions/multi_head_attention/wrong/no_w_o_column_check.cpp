// Correct attention, but checks only that w_o has d_model rows (what the
// product concat * w_o needs), not that it has d_model columns. A d_model x 3
// w_o then returns an n x 3 result instead of throwing std::invalid_argument.
// expect: wrong_answer invalid
// mistake: w_o's column count not checked
// mistake.zh: 没有检查 w_o 的列数
// explain: Only w_o's rows are checked (what concat * w_o needs), so a d_model x 3 w_o returns an
// explain: n x 3 result instead of throwing. All four weights must be exactly d_model x d_model:
// explain: check w_o's columns too, and throw std::invalid_argument otherwise.
// explain.zh: 只检查了 w_o 的行数（concat * w_o 所需要的），
// explain.zh: 所以一个 d_model x 3 的 w_o 会返回 n x 3 的结果，而不是抛出异常。
// explain.zh: 四个权重都必须恰好是 d_model x d_model：w_o 的列数也要检查，
// explain.zh: 不满足就抛出 std::invalid_argument。
#include "exercise.h"

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d = x.cols();
  if (num_heads <= 0 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  for (const MatrixXf* w : {&w_q, &w_k, &w_v})
    if (w->rows() != d || w->cols() != d) throw std::invalid_argument("weight shape");
  if (w_o.rows() != d) throw std::invalid_argument("w_o rows");  // bug: columns unchecked
  const Eigen::Index d_h = d / num_heads;
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(x.rows(), d);
  for (int t = 0; t < num_heads; ++t) {
    MatrixXf s = q.middleCols(t * d_h, d_h) * k.middleCols(t * d_h, d_h).transpose() /
                 std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
      s.row(i).array() -= s.row(i).maxCoeff();
      s.row(i) = s.row(i).array().exp().matrix();
      s.row(i) /= s.row(i).sum();
    }
    concat.middleCols(t * d_h, d_h) = s * v.middleCols(t * d_h, d_h);
  }
  return concat * w_o;
}

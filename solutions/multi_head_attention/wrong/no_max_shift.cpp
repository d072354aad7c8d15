// Computes each head's softmax as exp(s) / sum(exp(s)) with no max shift.
// Scores in the hundreds overflow exp to inf (inf / inf = NaN), and scores far
// below zero underflow every exp to 0 (0 / 0, or a uniform row with Eigen's
// vectorised exp).
// expect: wrong_answer stability
// mistake: Head softmax without subtracting the row maximum
// mistake.zh: 每个头的 softmax 没有减去行最大值
// explain: exp(s) / sum(exp(s)) overflows float32 to inf for scores in the hundreds
// explain: (inf / inf = NaN), and when every score of a row is far below zero each exp underflows
// explain: to 0 (0 / 0, or a uniform row). Subtract each row's maximum score before exp, in every
// explain: head: the softmax is unchanged and every exponent is at most 0.
// explain.zh: 分数达到数百时，exp(s) / sum(exp(s)) 会在 float32 中溢出为 inf（inf / inf = NaN）；
// explain.zh: 一行的分数全都远小于 0 时，每个 exp 都会下溢为 0（得到 0 / 0 或均匀的一行）。
// explain.zh: 在每个头中，取 exp 之前都要减去每行的最大分数：softmax 不变，且所有指数都不大于 0。
#include "exercise.h"

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d = x.cols();
  if (num_heads <= 0 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  for (const MatrixXf* w : {&w_q, &w_k, &w_v, &w_o})
    if (w->rows() != d || w->cols() != d) throw std::invalid_argument("weight shape");
  const Eigen::Index d_h = d / num_heads;
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(x.rows(), d);
  for (int t = 0; t < num_heads; ++t) {
    MatrixXf s = q.middleCols(t * d_h, d_h) * k.middleCols(t * d_h, d_h).transpose() /
                 std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
      s.row(i) = s.row(i).array().exp().matrix();  // bug: no max shift
      s.row(i) /= s.row(i).sum();
    }
    concat.middleCols(t * d_h, d_h) = s * v.middleCols(t * d_h, d_h);
  }
  return concat * w_o;
}

// The textbook formula exp(s) / sum(exp(s)) with no max shift. Scores above
// about 88.7 overflow float32's exp to inf and the row becomes inf / inf = NaN;
// rows whose scores are all far below zero underflow to 0 / 0 (or, with Eigen's
// vectorised exp, to the same tiny value everywhere: a uniform row). The
// sample's second row already scores 167.
// expect: wrong_answer stability
// mistake: Softmax without subtracting the row maximum
// mistake.zh: softmax 没有减去每行最大值
// explain: exp(s) / sum(exp(s)) overflows float32's exp to inf above about 88.7 (inf / inf = NaN;
// explain: the sample already scores 167), and on rows whose scores are all far below zero every
// explain: exp underflows to 0 (0 / 0, or a uniform row). Subtract each row's maximum score before
// explain: exp: the result is unchanged and the largest term is exp(0) = 1.
// explain.zh: 分数超过约 88.7 时，exp(s) / sum(exp(s)) 中 float32 的 exp 会溢出为 inf
// explain.zh: （inf / inf = NaN；示例的分数已经达到 167）；在分数全都远小于 0 的行上，
// explain.zh: 每个 exp 都会下溢为 0（得到 0 / 0 或均匀的一行）。取 exp 之前减去每行的最大分数：
// explain.zh: 结果不变，且最大的一项是 exp(0) = 1。
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  Eigen::ArrayXXf e = (q * k.transpose()).array().exp();  // bug: no shift
  const Eigen::ArrayXf sums = e.rowwise().sum();
  e.colwise() /= sums;
  return e.matrix() * v;
}

// Scales correctly but exponentiates the scores without subtracting the row
// maximum, trusting the 1 / sqrt(d_k) to keep them small. Scaled scores of
// +-1000 still overflow float32's exp (inf / inf = NaN) or underflow every
// term of a row.
// expect: wrong_answer stability
// mistake: No max shift: trusting the 1/sqrt(d_k) scale to keep exp safe
// mistake.zh: 没有减去最大值，指望 1/sqrt(d_k) 的缩放让 exp 不溢出
// explain: The scale does not replace the shift: scaled scores can still reach +-1000, where
// explain: float32's exp overflows to inf (inf / inf = NaN) or every term of a row underflows to 0.
// explain: Subtract each row's maximum scaled score before exp: the softmax is unchanged and every
// explain: exponent is at most 0.
// explain.zh: 缩放不能代替平移：缩放后的分数仍可能达到 ±1000，此时 float32 的 exp 会溢出为 inf
// explain.zh: （inf / inf = NaN），或者一行中的所有项都下溢为 0。
// explain.zh: 取 exp 之前减去每行缩放后分数的最大值：softmax 不变，且所有指数都不大于 0。
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  Eigen::ArrayXXf e = ((q * k.transpose()) * scale).array().exp();  // bug: no shift
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}

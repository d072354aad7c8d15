// Reads the sequence length for the scale: divides by sqrt(q.rows()) = sqrt(n),
// mixing up the [n, d] layout's two axes. The scale belongs to the length of
// the dot products, d_k = q.cols().
// expect: wrong_answer basic
// mistake: Scores divided by sqrt(n), the number of queries, instead of sqrt(d_k)
// mistake.zh: 分数除以 sqrt(n)（查询的个数）而不是 sqrt(d_k)
// explain: Dividing by sqrt(q.rows()) mixes up the two axes of the n x d_k layout: rows are
// explain: queries, columns are features. The scale belongs to the length of the dot products,
// explain: d_k = q.cols(); the number of queries plays no part in any score.
// explain.zh: 除以 sqrt(q.rows()) 是把 n x d_k 布局的两个轴弄混了：行是查询，列是特征。
// explain.zh: 缩放对应的是点积的长度 d_k = q.cols()；查询的个数与任何分数都无关。
#include "exercise.h"

MatrixXf scaled_dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows()) throw std::invalid_argument("bad shapes");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  if (q.rows() == 0) return MatrixXf(0, v.cols());
  MatrixXf s = q * k.transpose();
  s /= std::sqrt(static_cast<float>(q.rows()));  // bug: sqrt(n), not sqrt(d_k)
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  e.colwise() /= e.rowwise().sum();
  return e.matrix() * v;
}

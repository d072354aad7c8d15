// Divides the scores by sqrt(d_k), as the Transformer's scaled attention does.
// This problem is the unscaled version softmax(q k^T) v: on the sample the
// weights are so peaked that the difference hides below the tolerance, but
// on small scores the weights change visibly.
// expect: wrong_answer basic
// mistake: Scores divided by sqrt(d_k) in the unscaled problem
// mistake.zh: 在不缩放的题目中把分数除以了 sqrt(d_k)
// explain: This problem asks for plain softmax(q k^T) v. Dividing the scores by sqrt(d_k), as
// explain: Transformer attention does, flattens the weights; on the sample they are so peaked that
// explain: it hides, but on small scores the output changes visibly. Use the raw scores q k^T (the
// explain: scale belongs to scaled_dot_product_attention).
// explain.zh: 本题要求的是不缩放的 softmax(q k^T) v。
// explain.zh: 像 Transformer 注意力那样把分数除以 sqrt(d_k)，会使权重变得平坦；
// explain.zh: 示例中的权重极其尖锐，差别看不出来，但分数较小时输出会明显改变。
// explain.zh: 直接使用原始分数 q k^T（缩放属于 scaled_dot_product_attention 那道题）。
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  MatrixXf s = q * k.transpose();
  if (q.cols() > 0) s /= std::sqrt(static_cast<float>(q.cols()));  // bug: not asked for
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  const Eigen::ArrayXf sums = e.rowwise().sum();
  e.colwise() /= sums;
  return e.matrix() * v;
}

// Eigen expressions, with the bias written as BLOOM writes it: + slope * j,
// one row vector broadcast over every row. It differs from -slope * (i - j) by
// slope * i, a constant per row, which softmax ignores. Future entries are set
// to -inf, then a row-wise stable softmax and P v.
// expect: accepted
#include "exercise.h"

MatrixXf alibi_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, float slope) {
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k must have the same width");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v must have the same rows");
  if (q.rows() != k.rows()) throw std::invalid_argument("ALiBi self-attention needs n == m");
  if (!(std::isfinite(slope) && slope >= 0)) throw std::invalid_argument("bad slope");
  const Eigen::Index n = q.rows();
  if (n == 0) return MatrixXf(0, v.cols());
  const float scale = q.cols() == 0 ? 1.0f : 1.0f / std::sqrt(static_cast<float>(q.cols()));
  const Eigen::RowVectorXf bias =
      Eigen::RowVectorXf::LinSpaced(n, 0.0f, static_cast<float>(n - 1)) * slope;
  MatrixXf s = (q * k.transpose()) * scale;
  s.rowwise() += bias;
  s.triangularView<Eigen::StrictlyUpper>().setConstant(-std::numeric_limits<float>::infinity());
  const Eigen::VectorXf mx = s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = (s.colwise() - mx).array().exp();
  e.colwise() /= e.rowwise().sum().eval();
  return e.matrix() * v;
}

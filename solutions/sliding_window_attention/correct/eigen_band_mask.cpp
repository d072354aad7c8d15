// Eigen expressions: the full n x n score matrix, -inf written outside the
// band (future keys and keys older than the window), a row-wise stable
// softmax (every row keeps its diagonal), then P v.
// expect: accepted
#include "exercise.h"

MatrixXf sliding_window_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v,
                                  int window) {
  if (window < 1) throw std::invalid_argument("window must be at least 1");
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k must have the same width");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v must have the same rows");
  if (q.rows() != k.rows()) throw std::invalid_argument("self-attention needs n == m");
  const Eigen::Index n = q.rows();
  if (n == 0) return MatrixXf(0, v.cols());
  const Eigen::Index w = std::min<Eigen::Index>(window, n);  // window >= n is plain causal
  const float scale = q.cols() == 0 ? 1.0f : 1.0f / std::sqrt(static_cast<float>(q.cols()));
  const float ninf = -std::numeric_limits<float>::infinity();
  MatrixXf s = (q * k.transpose()) * scale;
  s.triangularView<Eigen::StrictlyUpper>().setConstant(ninf);
  for (Eigen::Index i = w; i < n; ++i) s.row(i).head(i - w + 1).setConstant(ninf);
  const Eigen::VectorXf mx = s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = (s.colwise() - mx).array().exp();
  e.colwise() /= e.rowwise().sum().eval();
  return e.matrix() * v;
}

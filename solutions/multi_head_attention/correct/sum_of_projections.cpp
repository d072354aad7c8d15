// Never builds the concatenation: concat(heads) * W_o equals the sum over heads
// of head_h * (the d_h rows of W_o that belong to head h). The softmax goes
// through the log domain, exp(s - logsumexp(s)), which rounds a little more
// than the max-shift form; the tolerance allows it.
// expect: accepted
#include "exercise.h"

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d = x.cols();
  const bool shapes_ok = w_q.rows() == d && w_q.cols() == d && w_k.rows() == d &&
                         w_k.cols() == d && w_v.rows() == d && w_v.cols() == d &&
                         w_o.rows() == d && w_o.cols() == d;
  if (!shapes_ok || num_heads <= 0 || d % num_heads != 0)
    throw std::invalid_argument("multi_head_attention: bad shapes or num_heads");
  const Eigen::Index d_h = d / num_heads;
  MatrixXf out = MatrixXf::Zero(x.rows(), d);
  for (int h = 0; h < num_heads; ++h) {
    const MatrixXf q = x * w_q.middleCols(h * d_h, d_h);
    const MatrixXf k = x * w_k.middleCols(h * d_h, d_h);
    const MatrixXf v = x * w_v.middleCols(h * d_h, d_h);
    MatrixXf s = q * k.transpose() / std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index i = 0; i < s.rows(); ++i) {
      const float m = s.row(i).maxCoeff();
      const float lse = m + std::log((s.row(i).array() - m).exp().sum());
      s.row(i) = (s.row(i).array() - lse).exp().matrix();
    }
    out += (s * v) * w_o.middleRows(h * d_h, d_h);
  }
  return out;
}

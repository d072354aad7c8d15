// The mask as an additive bias (0 for kept, -inf for blocked, as many
// frameworks write it), folded one key at a time with the online softmax: a
// running maximum, sum and output, rescaled when the maximum grows. Keys
// whose biased score is -inf are skipped, so a fully blocked query keeps
// sum = 0 and a zero row.
// expect: accepted
#include "exercise.h"

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols()) throw std::invalid_argument("q and k widths differ");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v rows differ");
  if (mask.rows() != q.rows() || mask.cols() != k.rows()) throw std::invalid_argument("mask is not n x m");
  const float inf = std::numeric_limits<float>::infinity();
  const MatrixXf bias = mask.select(MatrixXf::Zero(mask.rows(), mask.cols()),
                                    MatrixXf::Constant(mask.rows(), mask.cols(), -inf));
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    float max = -inf, sum = 0.0f;
    Eigen::RowVectorXf acc = Eigen::RowVectorXf::Zero(v.cols());
    for (Eigen::Index j = 0; j < k.rows(); ++j) {
      if (bias(i, j) == -inf) continue;
      const float s = q.row(i).dot(k.row(j)) * scale + bias(i, j);
      if (s > max) {
        const float r = std::exp(max - s);
        sum *= r;
        acc *= r;
        max = s;
      }
      const float e = std::exp(s - max);
      sum += e;
      acc += e * v.row(j);
    }
    if (sum > 0.0f) out.row(i) = acc / sum;
  }
  return out;
}

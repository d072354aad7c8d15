// One pass over the keys per query with the online softmax (as FlashAttention
// does): a running maximum, a running sum and a running output, rescaled by
// exp(old_max - new_max) whenever the maximum grows. Divided once at the end.
// expect: accepted
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols()) throw std::invalid_argument("d_k differs between q and k");
  if (k.rows() != v.rows()) throw std::invalid_argument("k and v differ in rows");
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    float max = -std::numeric_limits<float>::infinity();
    float sum = 0.0f;
    Eigen::RowVectorXf acc = Eigen::RowVectorXf::Zero(v.cols());
    for (Eigen::Index j = 0; j < k.rows(); ++j) {
      const float s = q.row(i).dot(k.row(j));
      if (s > max) {
        const float rescale = std::exp(max - s);  // exp(-inf) = 0 on the first key
        sum *= rescale;
        acc *= rescale;
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

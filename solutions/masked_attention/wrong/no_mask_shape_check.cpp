// Correct on every valid input, but only checks the inner dimensions of q, k
// and v, never the mask's shape. A mask with an extra row or column is read
// in part and the call returns normally; a transposed mask is read out of
// bounds. Either way no std::invalid_argument is thrown.
// expect: wrong_answer invalid
// mistake: Mask shape not validated
// mistake.zh: 没有检查掩码的形状
// explain: Only q, k and v are checked, so a mask with an extra row is partly read and the call
// explain: returns normally, and a mask that is too small (transposed, a column short, empty) is
// explain: read out of bounds; no std::invalid_argument is thrown. Before reading anything, require
// explain: mask.rows() == q.rows() and mask.cols() == k.rows(): exactly n x m, also n x 0 when
// explain: m = 0.
// explain.zh: 只检查了 q、k、v，所以多一行的掩码只被读取一部分，调用正常返回；而过小的掩码
// explain.zh: （转置的、少一列的、空的）会被越界读取；都不会抛出 std::invalid_argument。
// explain.zh: 在读取任何元素之前，要求 mask.rows() == q.rows() 且 mask.cols() == k.rows()：
// explain.zh: 恰好是 n x m，m = 0 时也必须是 n x 0。
#include "exercise.h"

#include <vector>

MatrixXf masked_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, const Mask& mask) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("inner dimensions differ");
  // bug: mask.rows() == q.rows() && mask.cols() == k.rows() is never checked
  const float scale = q.cols() > 0 ? 1.0f / std::sqrt(static_cast<float>(q.cols())) : 1.0f;
  MatrixXf out = MatrixXf::Zero(q.rows(), v.cols());
  std::vector<float> s(static_cast<size_t>(k.rows()));
  for (Eigen::Index i = 0; i < q.rows(); ++i) {
    float max = -std::numeric_limits<float>::infinity();
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      if (mask(i, j)) max = std::max(max, s[j] = q.row(i).dot(k.row(j)) * scale);
    if (max == -std::numeric_limits<float>::infinity()) continue;
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      if (mask(i, j)) sum += (s[j] = std::exp(s[j] - max));
    for (Eigen::Index j = 0; j < k.rows(); ++j)
      if (mask(i, j)) out.row(i) += (s[j] / sum) * v.row(j);
  }
  return out;
}

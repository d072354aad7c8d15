// Double-precision building blocks shared by the attention references, so no
// reference copies another's code. Inline: each reference is its own program.
#pragma once

#include "reference.h"

#include <string>

namespace reference::blocks {

inline void require(bool ok, const std::string& what) {
  if (!ok) throw std::invalid_argument(what);
}

// Row-wise softmax where `keep` (optional, same shape) blocks entries; a row
// with nothing kept, or whose kept scores are all -inf, becomes zeros.
inline Matrix safe_softmax_rows(const Matrix& scores, const Mask* keep = nullptr) {
  Matrix out = Matrix::Zero(scores.rows(), scores.cols());
  for (Eigen::Index i = 0; i < scores.rows(); ++i) {
    double max = -kInf;
    for (Eigen::Index j = 0; j < scores.cols(); ++j)
      if (keep == nullptr || (*keep)(i, j)) max = std::max(max, scores(i, j));
    if (max == -kInf) continue;
    double sum = 0;
    for (Eigen::Index j = 0; j < scores.cols(); ++j) {
      if (keep != nullptr && !(*keep)(i, j)) continue;
      out(i, j) = std::exp(scores(i, j) - max);
      sum += out(i, j);
    }
    out.row(i) /= sum;
  }
  return out;
}

// softmax(q k^T * scale, masked by keep) v. Checks the inner dimensions.
// No keys (m = 0) gives zero rows; d_k = 0 gives uniform weights.
inline Matrix attention(const Matrix& q, const Matrix& k, const Matrix& v, double scale,
                        const Mask* keep = nullptr) {
  require(q.cols() == k.cols(), "q and k must have the same number of columns (d_k)");
  require(k.rows() == v.rows(), "k and v must have the same number of rows (one per key)");
  if (keep != nullptr)
    require(keep->rows() == q.rows() && keep->cols() == k.rows(), "the mask must be n x m");
  const Matrix scores = (q * k.transpose()) * scale;
  return safe_softmax_rows(scores, keep) * v;
}

inline double inverse_sqrt(Eigen::Index d) {
  return d > 0 ? 1.0 / std::sqrt(static_cast<double>(d)) : 1.0;
}

// Per row: (x - mean) / sqrt(biased variance + eps) * gamma + beta.
inline Matrix layer_norm(const Matrix& x, const Vector& gamma, const Vector& beta, double eps) {
  require(gamma.size() == x.cols() && beta.size() == x.cols(),
          "gamma and beta need one entry per column of x");
  require(eps >= 0, "eps must be >= 0 (and not NaN)");
  Matrix out(x.rows(), x.cols());
  if (x.cols() == 0) return out;  // mean() of an empty row is undefined in Eigen
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const double mean = x.row(i).mean();
    const double var = (x.row(i).array() - mean).square().mean();
    out.row(i) = ((x.row(i).array() - mean) / std::sqrt(var + eps)).matrix();
    out.row(i) =
        (out.row(i).array() * gamma.transpose().array() + beta.transpose().array()).matrix();
  }
  return out;
}

// Self-attention with heads over contiguous column blocks; then times w_o.
inline Matrix multi_head(const Matrix& q, const Matrix& k, const Matrix& v, const Matrix& w_o,
                         int num_heads, int num_kv_heads) {
  require(num_heads > 0 && num_kv_heads > 0, "num_heads and num_kv_heads must be positive");
  require(num_heads % num_kv_heads == 0, "num_heads must be a multiple of num_kv_heads");
  require(q.cols() % num_heads == 0, "num_heads must divide the query width");
  const Eigen::Index d_h = q.cols() / num_heads;
  require(k.cols() == num_kv_heads * d_h && v.cols() == num_kv_heads * d_h,
          "k and v need num_kv_heads * d_h columns");
  require(w_o.rows() == q.cols(), "w_o needs one row per concatenated head column");
  const int group = num_heads / num_kv_heads;
  Matrix heads(q.rows(), q.cols());
  for (int h = 0; h < num_heads; ++h) {
    const int g = h / group;
    heads.middleCols(h * d_h, d_h) =
        attention(q.middleCols(h * d_h, d_h), k.middleCols(g * d_h, d_h),
                  v.middleCols(g * d_h, d_h), inverse_sqrt(d_h));
  }
  return heads * w_o;
}

}  // namespace reference::blocks

// Takes the head width from d_model, d_h = d_model / num_heads, as in
// multi_head_attention, instead of from w_q (w_q.cols() / num_heads). When
// d_model != num_heads * d_h the shape checks built on that width reject valid
// input (or, without them, the heads would be sliced at the wrong columns).
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: Head width d_h taken from d_model instead of from w_q
// mistake.zh: 头宽 d_h 取自 d_model 而不是 w_q
// explain: d_h = d_model / num_heads is the multi_head_attention rule; here d_model need not equal
// explain: h * d_h, so the shape checks built on that width refuse valid input (and without them
// explain: the heads would be sliced at the wrong columns and scaled by the wrong square root).
// explain: Take d_h = w_q.cols() / num_heads and check w_k, w_v and w_o against it.
// explain.zh: d_h = d_model / num_heads 是 multi_head_attention 的规则；
// explain.zh: 本题中 d_model 不一定等于 h * d_h，因此基于这个宽度的形状检查会拒绝合法输入
// explain.zh: （若不检查，头会在错误的列上切分，缩放的平方根也不对）。
// explain.zh: 应取 d_h = w_q.cols() / num_heads，再据此检查 w_k、w_v 和 w_o。
#include "exercise.h"

MatrixXf grouped_query_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                                 const MatrixXf& w_v, const MatrixXf& w_o, int num_heads,
                                 int num_kv_heads) {
  const Eigen::Index d_model = x.cols();
  if (num_heads < 1 || num_kv_heads < 1 || num_heads % num_kv_heads != 0)
    throw std::invalid_argument("head counts");
  const Eigen::Index d_h = d_model / num_heads;  // bug: should be w_q.cols() / num_heads
  if (w_q.rows() != d_model || w_q.cols() != num_heads * d_h) throw std::invalid_argument("w_q");
  if (w_k.rows() != d_model || w_k.cols() != num_kv_heads * d_h || w_v.rows() != d_model ||
      w_v.cols() != num_kv_heads * d_h)
    throw std::invalid_argument("w_k, w_v");
  if (w_o.rows() != num_heads * d_h || w_o.cols() != d_model) throw std::invalid_argument("w_o");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(x.rows(), num_heads * d_h);
  for (int i = 0; i < num_heads; ++i) {
    const int kv = i / (num_heads / num_kv_heads);
    MatrixXf s = q.middleCols(i * d_h, d_h) * k.middleCols(kv * d_h, d_h).transpose() /
                 std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index r = 0; r < s.rows(); ++r) {
      s.row(r).array() -= s.row(r).maxCoeff();
      s.row(r) = s.row(r).array().exp().matrix();
      s.row(r) /= s.row(r).sum();
    }
    concat.middleCols(i * d_h, d_h) = s * v.middleCols(kv * d_h, d_h);
  }
  return concat * w_o;
}

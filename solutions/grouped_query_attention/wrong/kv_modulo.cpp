// Maps query head i to key/value head i % g instead of i / (h / g). That
// interleaves the groups (with h = 4, g = 2: 0, 1, 0, 1 instead of 0, 0, 1, 1),
// which is not how grouped checkpoints are laid out. It agrees with the right
// answer only when g = 1 or g = h, so it needs 1 < g < h to be caught.
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: Query head i mapped to KV head i % g instead of i / (h / g)
// mistake.zh: 查询头 i 映射到键/值头 i % g，而不是 i / (h / g)
// explain: i % g interleaves the groups (with h = 4 and g = 2: 0, 1, 0, 1 instead of 0, 0, 1, 1),
// explain: which is not how grouped checkpoints are laid out; it agrees with the right answer only
// explain: when g = 1 or g = h. Consecutive query heads share a key/value head: head i uses
// explain: kv = i / r with r = h / g (what repeat_interleave of K and V along the head axis gives).
// explain.zh: i % g 会把各组交错（h = 4、g = 2 时得到 0, 1, 0, 1，而不是 0, 0, 1, 1），
// explain.zh: 这不是分组检查点的布局方式；只有 g = 1 或 g = h 时才与正确答案一致。
// explain.zh: 相邻的查询头共享一个键/值头：头 i 使用 kv = i / r，其中 r = h / g
// explain.zh: （也就是沿头的维度对 K 和 V 做 repeat_interleave 的结果）。
#include "exercise.h"

MatrixXf grouped_query_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                                 const MatrixXf& w_v, const MatrixXf& w_o, int num_heads,
                                 int num_kv_heads) {
  const Eigen::Index d_model = x.cols();
  if (num_heads < 1 || num_kv_heads < 1 || num_heads % num_kv_heads != 0)
    throw std::invalid_argument("head counts");
  if (w_q.rows() != d_model || w_q.cols() % num_heads != 0) throw std::invalid_argument("w_q");
  const Eigen::Index d_h = w_q.cols() / num_heads;
  if (w_k.rows() != d_model || w_k.cols() != num_kv_heads * d_h || w_v.rows() != d_model ||
      w_v.cols() != num_kv_heads * d_h)
    throw std::invalid_argument("w_k, w_v");
  if (w_o.rows() != num_heads * d_h || w_o.cols() != d_model) throw std::invalid_argument("w_o");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(x.rows(), num_heads * d_h);
  for (int i = 0; i < num_heads; ++i) {
    const int kv = i % num_kv_heads;  // bug: should be i / (num_heads / num_kv_heads)
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

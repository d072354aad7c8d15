// Treats GQA as multi-head attention: it insists that w_k and w_v have
// num_heads * d_h columns, like w_q, and gives query head i key/value head i.
// Every grouped input (g < h) is then rejected with std::invalid_argument,
// although it is valid; only g = h works.
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: GQA treated as multi-head attention (w_k, w_v with h * d_h columns)
// mistake.zh: 把 GQA 当成多头注意力（要求 w_k、w_v 有 h * d_h 列）
// explain: Requiring w_k and w_v to be as wide as w_q and giving query head i key/value head i is
// explain: plain multi-head attention: every grouped input (g < h), whose w_k and w_v have only
// explain: g * d_h columns, is refused with std::invalid_argument although it is valid. Check w_k
// explain: and w_v against num_kv_heads * d_h columns and let query head i use key/value head
// explain: i / (h / g).
// explain.zh: 要求 w_k 和 w_v 与 w_q 一样宽，并让查询头 i 使用键/值头 i，这就是普通的多头注意力：
// explain.zh: 所有分组的输入（g < h，w_k 和 w_v 只有 g * d_h 列）虽然合法，
// explain.zh: 却都被以 std::invalid_argument 拒绝。应按 num_kv_heads * d_h 列检查 w_k 和 w_v，
// explain.zh: 并让查询头 i 使用键/值头 i / (h / g)。
#include "exercise.h"

MatrixXf grouped_query_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                                 const MatrixXf& w_v, const MatrixXf& w_o, int num_heads,
                                 int num_kv_heads) {
  const Eigen::Index d_model = x.cols();
  if (num_heads < 1 || num_kv_heads < 1 || num_heads % num_kv_heads != 0)
    throw std::invalid_argument("head counts");
  if (w_q.rows() != d_model || w_q.cols() % num_heads != 0) throw std::invalid_argument("w_q");
  const Eigen::Index d_h = w_q.cols() / num_heads;
  // bug: multi-head shapes; a grouped w_k has only num_kv_heads * d_h columns.
  if (w_k.rows() != d_model || w_k.cols() != w_q.cols() || w_v.rows() != d_model ||
      w_v.cols() != w_q.cols())
    throw std::invalid_argument("w_k and w_v must match w_q");
  if (w_o.rows() != num_heads * d_h || w_o.cols() != d_model) throw std::invalid_argument("w_o");
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(x.rows(), num_heads * d_h);
  for (int i = 0; i < num_heads; ++i) {
    const int kv = i;
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

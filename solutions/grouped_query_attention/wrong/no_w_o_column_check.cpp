// Right attention, but checks only w_o's rows (what concat * w_o needs), not
// that w_o has d_model columns: a (h * d_h) x 2 w_o with d_model = 3 returns
// an n x 2 result instead of throwing std::invalid_argument.
// expect: wrong_answer invalid
// mistake: w_o's column count not checked
// mistake.zh: 没有检查 w_o 的列数
// explain: Only w_o's rows are checked (what concat * w_o needs), so a (h * d_h) x 2 w_o with
// explain: d_model = 3 returns an n x 2 result instead of throwing. The output must be n x d_model:
// explain: w_o has to be exactly (h * d_h) x d_model, otherwise throw std::invalid_argument.
// explain.zh: 只检查了 w_o 的行数（concat * w_o 所需要的），所以 d_model = 3 时，
// explain.zh: 一个 (h * d_h) x 2 的 w_o 会返回 n x 2 的结果，而不是抛出异常。
// explain.zh: 输出必须是 n x d_model：w_o 必须恰好是 (h * d_h) x d_model，
// explain.zh: 否则抛出 std::invalid_argument。
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
  if (w_o.rows() != num_heads * d_h) throw std::invalid_argument("w_o");  // bug: columns unchecked
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

// Splits into heads by striding: head t takes the columns t, t + h, t + 2h, ...
// of Q, K and V and writes its output back to the same columns. That is a
// valid-looking permutation, but it is not the layout the weights were trained
// for: head t owns the contiguous columns [t*d_h, (t+1)*d_h).
// expect: wrong_answer basic
// expect: wrong_answer random
// mistake: Heads split by strided columns instead of contiguous blocks
// mistake.zh: 按步长交错取列来拆分头，而不是取连续的列块
// explain: Head t takes the columns t, t + h, t + 2h, ... of Q, K and V. That looks like a harmless
// explain: permutation, but it is not the layout the weights use: head t owns the contiguous
// explain: columns [t*d_h, (t+1)*d_h), as after PyTorch's .view(n, h, d_h). Slice each head with
// explain: middleCols(t * d_h, d_h) and write its output back to the same columns.
// explain.zh: 第 t 个头取的是 Q、K、V 的第 t、t + h、t + 2h 等列。这看似只是无害的列重排，
// explain.zh: 但不是权重所用的布局：第 t 个头拥有连续的列 [t*d_h, (t+1)*d_h)
// explain.zh: （即 PyTorch 中 .view(n, h, d_h) 之后的布局）。
// explain.zh: 用 middleCols(t * d_h, d_h) 取出每个头，并把它的输出写回同样的列。
#include "exercise.h"

MatrixXf multi_head_attention(const MatrixXf& x, const MatrixXf& w_q, const MatrixXf& w_k,
                              const MatrixXf& w_v, const MatrixXf& w_o, int num_heads) {
  const Eigen::Index d = x.cols(), n = x.rows();
  if (num_heads <= 0 || d % num_heads != 0) throw std::invalid_argument("num_heads");
  for (const MatrixXf* w : {&w_q, &w_k, &w_v, &w_o})
    if (w->rows() != d || w->cols() != d) throw std::invalid_argument("weight shape");
  const Eigen::Index d_h = d / num_heads;
  const MatrixXf q = x * w_q, k = x * w_k, v = x * w_v;
  MatrixXf concat(n, d);
  for (int t = 0; t < num_heads; ++t) {
    MatrixXf qh(n, d_h), kh(n, d_h), vh(n, d_h);
    for (Eigen::Index j = 0; j < d_h; ++j) {
      qh.col(j) = q.col(t + j * num_heads);  // bug: strided instead of contiguous
      kh.col(j) = k.col(t + j * num_heads);
      vh.col(j) = v.col(t + j * num_heads);
    }
    MatrixXf s = qh * kh.transpose() / std::sqrt(static_cast<float>(d_h));
    for (Eigen::Index i = 0; i < n; ++i) {
      s.row(i).array() -= s.row(i).maxCoeff();
      s.row(i) = s.row(i).array().exp().matrix();
      s.row(i) /= s.row(i).sum();
    }
    const MatrixXf out = s * vh;
    for (Eigen::Index j = 0; j < d_h; ++j) concat.col(t + j * num_heads) = out.col(j);
  }
  return concat * w_o;
}

// The textbook formula exp(x) / sum(exp(x)) with no max shift: exp(1000)
// overflows float32 to inf and inf / inf is NaN; rows far below zero underflow.
// expect: wrong_answer stability
// mistake: Row softmax without subtracting the row maximum
// mistake.zh: 按行 softmax 时没有减去行最大值
// explain: exp(x) / sum(exp(x)) with no shift overflows float32 for logits above about 88.7:
// explain: exp(1000) is inf and inf / inf is NaN; a row far below zero underflows to 0 and comes
// explain: out as zeros instead of a distribution. Subtract each row's own maximum before exp:
// explain: exp(x[i][j] - m_i) / sum_k exp(x[i][k] - m_i).
// explain.zh: 不做平移直接算 exp(x) / sum(exp(x))，logits 超过约 88.7 时 float32 就会溢出：
// explain.zh: exp(1000) 为 inf，inf / inf 得到 NaN；远小于 0 的行会下溢为 0，
// explain.zh: 输出全 0 而不是一个概率分布。取指数之前先减去每一行自己的最大值：
// explain.zh: exp(x[i][j] - m_i) / sum_k exp(x[i][k] - m_i)。
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  MatrixXf y(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    float sum = 0.0f;
    for (Eigen::Index j = 0; j < x.cols(); ++j) sum += std::exp(x(i, j));
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      y(i, j) = sum > 0.0f ? std::exp(x(i, j)) / sum : 0.0f;
    }
  }
  return y;
}

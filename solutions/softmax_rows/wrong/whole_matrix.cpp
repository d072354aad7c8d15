// One softmax over every entry of the matrix instead of one per row: the whole
// matrix sums to 1, so no row does (unless there is a single row).
// expect: wrong_answer basic
// mistake: One softmax over the whole matrix instead of one per row
// mistake.zh: 对整个矩阵做一次 softmax，而不是每行各做一次
// explain: Normalizing all entries together makes the whole matrix sum to 1, so no row sums to 1
// explain: (unless there is a single row), and each row's weights depend on the other rows. Softmax
// explain: is taken over each row on its own: the entries of row i use row i's maximum and row i's
// explain: sum only.
// explain.zh: 把所有元素放在一起归一化，会使整个矩阵之和为 1，
// explain.zh: 所以没有任何一行之和为 1（除非只有一行），而且每一行的权重还受其他行影响。
// explain.zh: softmax 要在每一行内单独计算：第 i 行的元素只用第 i 行的最大值和第 i 行的和。
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  if (x.size() == 0) return x;
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return MatrixXf::Zero(x.rows(), x.cols());
  const Eigen::ArrayXXf e = (x.array() - m).exp();
  return (e / e.sum()).matrix();
}

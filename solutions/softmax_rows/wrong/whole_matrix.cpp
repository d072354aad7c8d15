// One softmax over every entry of the matrix instead of one per row: the whole
// matrix sums to 1, so no row does (unless there is a single row).
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf softmax_rows(const MatrixXf& x) {
  if (x.size() == 0) return x;
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return MatrixXf::Zero(x.rows(), x.cols());
  const Eigen::ArrayXXf e = (x.array() - m).exp();
  return (e / e.sum()).matrix();
}

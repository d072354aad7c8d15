// Reference: backward pass of the row-wise softmax, in double precision.
// For each row, dx = y * (dy - sum_k dy[k] * y[k]): the Jacobian-vector product
// J^T dy with J = diag(y) - y y^T, computed in O(d) per row without building J.
#include "reference.h"

namespace reference {

Matrix softmax_backward(const Matrix& y, const Matrix& dy) {
  if (y.rows() != dy.rows() || y.cols() != dy.cols())
    throw std::invalid_argument("softmax_backward: y and dy must have the same shape");
  // One dot product per row: <dy_i, y_i>, an n x 1 column.
  const Vector dot = y.cwiseProduct(dy).rowwise().sum();
  Matrix dx(y.rows(), y.cols());
  for (Eigen::Index i = 0; i < y.rows(); ++i)
    dx.row(i) = y.row(i).array() * (dy.row(i).array() - dot(i));
  return dx;
}

}  // namespace reference

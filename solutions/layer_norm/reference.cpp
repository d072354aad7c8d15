// Reference: layer normalization of each row, in double precision. The maths
// (per row: (x - mean) / sqrt(biased variance + eps) * gamma + beta, and the
// checks on gamma, beta and eps) is the shared block reference::blocks::layer_norm.
#include "reference_blocks.h"

namespace reference {

Matrix layer_norm(const Matrix& x, const Vector& gamma, const Vector& beta, double eps) {
  // An n x 0 input has nothing to normalize and gives n x 0. The block takes
  // the mean of every row, which Eigen does not allow for an empty row, so it
  // only checks the arguments here (on a 0 x 0 matrix, same width as x).
  if (x.cols() == 0) {
    blocks::layer_norm(Matrix(0, 0), gamma, beta, eps);
    return Matrix(x.rows(), 0);
  }
  return blocks::layer_norm(x, gamma, beta, eps);
}

}  // namespace reference

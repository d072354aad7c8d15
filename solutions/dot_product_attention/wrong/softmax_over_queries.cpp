// Builds the scores the other way round, k q^T (m x n, one row per key), and
// takes the softmax of each of its rows, then transposes back. That is a
// softmax over the queries for each key (axis 0 of q k^T): the shapes all fit,
// but the weights of a query no longer sum to 1.
// expect: wrong_answer basic
#include "exercise.h"

MatrixXf dot_product_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v) {
  if (q.cols() != k.cols() || k.rows() != v.rows())
    throw std::invalid_argument("shapes do not fit");
  if (k.rows() == 0) return MatrixXf::Zero(q.rows(), v.cols());
  if (q.rows() == 0) return MatrixXf(0, v.cols());
  MatrixXf s = k * q.transpose();  // bug: m x n, softmax below runs over queries
  s.colwise() -= s.rowwise().maxCoeff();
  Eigen::ArrayXXf e = s.array().exp();
  const Eigen::ArrayXf sums = e.rowwise().sum();
  e.colwise() /= sums;
  return e.matrix().transpose() * v;
}

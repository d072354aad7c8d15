// Builds the scores the other way round, k q^T (m x n, one row per key), and
// takes the softmax of each of its rows, then transposes back. That is a
// softmax over the queries for each key (axis 0 of q k^T): the shapes all fit,
// but the weights of a query no longer sum to 1.
// expect: wrong_answer basic
// mistake: Softmax over the queries (columns) instead of over the keys
// mistake.zh: softmax 沿查询方向（按列）做，而不是在键上做
// explain: Computing k q^T and normalising its rows is a softmax down each column of q k^T, over
// explain: the queries for each key, so a query's weights no longer sum to 1 even though all the
// explain: shapes fit. Normalise each row of S = q k^T (n x m): for every query, over its m keys.
// explain.zh: 计算 k q^T 再对它的每一行归一化，
// explain.zh: 相当于对 q k^T 的每一列、也就是对每个键在所有查询上做 softmax，所以尽管形状都对，
// explain.zh: 一个查询的权重之和不再是 1。应对 S = q k^T（n x m）的每一行归一化：
// explain.zh: 每个查询在它的 m 个键上做 softmax。
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

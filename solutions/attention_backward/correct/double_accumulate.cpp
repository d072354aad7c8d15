// Float inputs and outputs, but every intermediate (P, dP, the row sums, the
// gradients) is computed in double and rounded to float at the end.
// expect: accepted
#include "exercise.h"

AttentionGrads attention_backward(const Eigen::MatrixXf& q, const Eigen::MatrixXf& k,
                                  const Eigen::MatrixXf& v, const Eigen::MatrixXf& d_out) {
  if (q.cols() != k.cols() || k.rows() != v.rows() || d_out.rows() != q.rows() ||
      d_out.cols() != v.cols())
    throw std::invalid_argument("shapes do not fit");
  const Eigen::MatrixXd qd = q.cast<double>(), kd = k.cast<double>(), vd = v.cast<double>(),
                        dod = d_out.cast<double>();
  const double scale = q.cols() > 0 ? 1.0 / std::sqrt(static_cast<double>(q.cols())) : 1.0;
  const Eigen::Index n = q.rows(), m = k.rows();
  Eigen::MatrixXd p = (qd * kd.transpose()) * scale;
  for (Eigen::Index i = 0; i < n && m > 0; ++i) {
    p.row(i) = (p.row(i).array() - p.row(i).maxCoeff()).exp().matrix();
    p.row(i) /= p.row(i).sum();
  }
  const Eigen::MatrixXd dp = dod * vd.transpose();
  const Eigen::VectorXd d = (p.array() * dp.array()).rowwise().sum();
  const Eigen::MatrixXd ds = (p.array() * (dp.colwise() - d).array()).matrix();
  Eigen::MatrixXd dq = Eigen::MatrixXd::Zero(n, q.cols());
  if (m > 0) dq = (ds * kd) * scale;
  return {dq.cast<float>(), ((ds.transpose() * qd) * scale).cast<float>(),
          (p.transpose() * dod).cast<float>()};
}

// Mixtral's formula taken literally: pick the top_k one at a time (argmax,
// then mask it with -inf), then an Eigen softmax of the row where every
// other logit is -inf, read back at the chosen experts.
// expect: accepted
#include "exercise.h"

Routing moe_router(const MatrixXf& x, const MatrixXf& w_gate, int top_k) {
  if (x.cols() != w_gate.rows()) throw std::invalid_argument("shape mismatch");
  if (top_k < 1 || top_k > w_gate.cols()) throw std::invalid_argument("top_k");
  const float ninf = -std::numeric_limits<float>::infinity();
  const MatrixXf logits = x * w_gate;
  Routing out{{}, MatrixXf(x.rows(), top_k)};
  for (Eigen::Index i = 0; i < logits.rows(); ++i) {
    Eigen::RowVectorXf remaining = logits.row(i);
    Eigen::RowVectorXf kept = Eigen::RowVectorXf::Constant(logits.cols(), ninf);
    std::vector<int> chosen;
    for (int j = 0; j < top_k; ++j) {
      Eigen::Index best;
      remaining.maxCoeff(&best);  // the first maximum: ties go to the lower index
      // maxCoeff of a row that still holds -inf everywhere would not happen:
      // logits are finite and at most E - 1 entries were masked.
      chosen.push_back(static_cast<int>(best));
      kept(best) = remaining(best);
      remaining(best) = ninf;
    }
    const Eigen::ArrayXf p = (kept.array() - kept.maxCoeff()).exp().transpose();
    const float sum = p.sum();
    for (int j = 0; j < top_k; ++j) {
      out.experts.push_back(chosen[static_cast<std::size_t>(j)]);
      out.weights(i, j) = p(chosen[static_cast<std::size_t>(j)]) / sum;
    }
  }
  return out;
}

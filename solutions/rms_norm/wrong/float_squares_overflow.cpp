// The textbook formula in float: mean(x^2) with x^2 computed in float32. On
// entries near 1e20 the squares are 1e40 = inf, so every output is x / inf = 0
// (or NaN); on entries near 1e-25 with eps = 0 they underflow to 0 and the
// outputs are inf or NaN.
// expect: wrong_answer stability
// mistake: Squares summed in float32, which overflow at entries near 1e20
// mistake.zh: 在 float32 中计算平方和，元素接近 1e20 时溢出
// explain: float32 stops at about 3.4e38, so an entry of 1e20 squares to inf: the mean square is
// explain: inf and every output of the row becomes 0 or NaN, while the answer is an ordinary number
// explain: (RMSNorm does not care about the row's scale). Entries near 1e-25 underflow to 0 the same
// explain: way. Accumulate x * x in double, or divide the row by its largest |x| m before squaring
// explain: and use m * sqrt(mean((x / m)^2) + eps / m^2).
// explain.zh: float32 的上限约为 3.4e38，1e20 的平方就是 inf：均方为 inf，这一行的每个输出都变成 0 或 NaN，
// explain.zh: 而正确答案只是普通的数（RMSNorm 与该行的尺度无关）。约为 1e-25 的元素同样会下溢为 0。
// explain.zh: 请用 double 累加 x * x，或者在平方之前先把这一行除以它最大的 |x|（记为 m），
// explain.zh: 再用 m * sqrt(mean((x / m)^2) + eps / m^2)。
#include "exercise.h"

MatrixXf rms_norm(const MatrixXf& x, const VectorXf& gamma, float eps) {
  if (gamma.size() != x.cols()) throw std::invalid_argument("gamma must have x.cols() entries");
  if (!(eps >= 0.0f)) throw std::invalid_argument("eps must be >= 0 and not NaN");
  MatrixXf y(x.rows(), x.cols());
  if (x.cols() == 0) return y;
  for (Eigen::Index i = 0; i < x.rows(); ++i) {
    const float ms = x.row(i).array().square().mean();  // bug: overflows at |x| ~ 1e20
    const float inv = 1.0f / std::sqrt(ms + eps);
    y.row(i) = (x.row(i).array() * inv) * gamma.transpose().array();
  }
  return y;
}

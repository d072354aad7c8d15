// Computes the frequencies and the angles in float32. At position 1e5 an angle
// like 1e5 * 0.1 = 1e4 is only known to within ~1e-3 (float32 values near 1e4
// are 1e-3 apart, and the rounded frequency adds ~6e-8 * 1e4), so the rotated
// values are off by ~1e-3 * |x|, far outside the tolerance. Small positions
// look fine.
// expect: wrong_answer stability
// mistake: RoPE frequencies and angles computed in float32
// mistake.zh: 用 float32 计算 RoPE 的频率和角度
// explain: At position 1e5 an angle such as 1e5 * 0.1 = 1e4 radians is only known to within about
// explain: 1e-3 in float32 (neighbouring floats there are 1e-3 apart, and the rounded frequency
// explain: adds more), so the rotated values are off by about 1e-3 * |x|, far outside the
// explain: tolerance; small positions look fine. Compute the frequency and the angle p * w_i in
// explain: double, and only then take cos and sin.
// explain.zh: 在位置 1e5 处，像 1e5 * 0.1 = 1e4 弧度这样的角度，
// explain.zh: 在 float32 中只能精确到约 1e-3（那里相邻两个 float 相差约 1e-3，
// explain.zh: 舍入后的频率还会带来更多误差），所以旋转后的值偏差约 1e-3 * |x|，远超容差；
// explain.zh: 位置较小时看不出问题。应使用 double 计算频率和角度 p * w_i，然后再取 cos 和 sin。
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index d = x.cols();
  MatrixXf out(x.rows(), d);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; 2 * i < d; ++i) {
      const float inv_freq = std::pow(10000.0f, -2.0f * static_cast<float>(i) / static_cast<float>(d));
      const float angle = static_cast<float>(position_offset + r) * inv_freq;  // bug: float angle
      const float c = std::cos(angle), s = std::sin(angle);
      const float a = x(r, 2 * i), b = x(r, 2 * i + 1);
      out(r, 2 * i) = a * c - b * s;
      out(r, 2 * i + 1) = a * s + b * c;
    }
  return out;
}

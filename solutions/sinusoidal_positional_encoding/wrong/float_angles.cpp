// The frequencies and the angles p * w_i in float32 (the common PyTorch
// tutorial code, run in float). An angle near 2000 is then only known to
// within ~1e-4 (float32 values there are 1.2e-4 apart, and w_i itself is
// rounded), so sin and cos are off by 3e-5 to 7e-5 in a 2048-position table
// and by 3e-4 in an 8192-position one: 3 to 30 times the tolerance. Small
// tables look fine.
// expect: wrong_answer stability
// mistake: Positional-encoding angles computed in float32
// mistake.zh: 用 float32 计算位置编码的角度
// explain: A float32 angle p * w_i near 2000 is only known to within about 1e-4 (float32 values
// explain: there are 1.2e-4 apart, and w_i itself is rounded), so sin and cos miss by several times
// explain: the tolerance in a 2048-position table and by about 30 times in an 8192-position one;
// explain: small tables look fine. Compute w_i and p * w_i in double, and round only the final sin
// explain: and cos to float.
// explain.zh: 2000 附近的 float32 角度 p * w_i 只能精确到约 1e-4（那里相邻的 float32 相差 1.2e-4，
// explain.zh: w_i 本身也被舍入了），所以在 2048 个位置的表中，sin 和 cos 的误差是容差的数倍，
// explain.zh: 在 8192 个位置的表中约为 30 倍；小表看不出问题。应使用 double 计算 w_i 和 p * w_i，
// explain.zh: 只把最后的 sin 和 cos 舍入为 float。
#include "exercise.h"

MatrixXf sinusoidal_positional_encoding(int n, int d) {
  if (n < 0 || d < 0 || d % 2 != 0) throw std::invalid_argument("need n >= 0 and an even d >= 0");
  MatrixXf pe(n, d);
  const float scale = -std::log(10000.0f) / static_cast<float>(d);
  for (int i = 0; i < d / 2; ++i) {
    const float w = std::exp(static_cast<float>(2 * i) * scale);
    for (int p = 0; p < n; ++p) {
      const float angle = static_cast<float>(p) * w;  // bug: float angle
      pe(p, 2 * i) = std::sin(angle);
      pe(p, 2 * i + 1) = std::cos(angle);
    }
  }
  return pe;
}

// Uses the row index as the position and ignores position_offset. Right when
// the block starts at position 0, but in KV-cache decoding the new token sits
// at position offset (the cache length), not 0.
// expect: wrong_answer basic
// mistake: position_offset ignored: the row index used as the position
// mistake.zh: 忽略了 position_offset：直接把行下标当作位置
// explain: Row r is at position position_offset + r, not r: ignoring the offset is right only when
// explain: the block starts at position 0, but in KV-cache decoding the new token sits at the cache
// explain: length. Use the angle (position_offset + r) * w_i, computed in double.
// explain.zh: 第 r 行的位置是 position_offset + r，而不是 r：
// explain.zh: 忽略偏移只有在这一块从位置 0 开始时才正确，而在 KV-cache 解码中，
// explain.zh: 新 token 的位置等于缓存的长度。应使用角度 (position_offset + r) * w_i，
// explain.zh: 并用 double 计算。
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int /*position_offset*/) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index d = x.cols();
  MatrixXf out(x.rows(), d);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; 2 * i < d; ++i) {
      const double angle = static_cast<double>(r) * std::pow(10000.0, -2.0 * i / d);  // bug
      const float c = static_cast<float>(std::cos(angle)), s = static_cast<float>(std::sin(angle));
      const float a = x(r, 2 * i), b = x(r, 2 * i + 1);
      out(r, 2 * i) = a * c - b * s;
      out(r, 2 * i + 1) = a * s + b * c;
    }
  return out;
}

// Rotates by -theta: out[2i] = x[2i] cos + x[2i + 1] sin and
// out[2i + 1] = -x[2i] sin + x[2i + 1] cos. Norms and relative positions are
// still preserved, but every row is rotated the wrong way (this is the
// inverse rotation), so queries and keys would not match a model trained with
// the standard one.
// expect: wrong_answer basic
// mistake: Rotation by -theta (the sign of sin swapped)
// mistake.zh: 旋转了 -theta（sin 的符号反了）
// explain: out[2i] = x[2i] cos + x[2i + 1] sin is the inverse (clockwise) rotation: norms and
// explain: relative positions survive, but every row turns the wrong way, so queries and keys would
// explain: not match a model trained with the standard RoPE. Rotate counter-clockwise: out[2i] =
// explain: x[2i] cos - x[2i + 1] sin, out[2i + 1] = x[2i] sin + x[2i + 1] cos.
// explain.zh: out[2i] = x[2i] cos + x[2i + 1] sin 是逆向（顺时针）旋转：
// explain.zh: 范数和相对位置关系仍然保持，但每一行都转错了方向，
// explain.zh: 所以 query 和 key 与用标准 RoPE 训练的模型对不上。应逆时针旋转：
// explain.zh: out[2i] = x[2i] cos - x[2i + 1] sin，out[2i + 1] = x[2i] sin + x[2i + 1] cos。
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index d = x.cols();
  MatrixXf out(x.rows(), d);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; 2 * i < d; ++i) {
      const double angle = (static_cast<double>(position_offset) + r) * std::pow(10000.0, -2.0 * i / d);
      const float c = static_cast<float>(std::cos(angle)), s = static_cast<float>(std::sin(angle));
      const float a = x(r, 2 * i), b = x(r, 2 * i + 1);
      out(r, 2 * i) = a * c + b * s;  // bug: sign of sin swapped
      out(r, 2 * i + 1) = -a * s + b * c;
    }
  return out;
}

// Pairs column i with column i + d/2 (the "rotate_half" layout of GPT-NeoX and
// Hugging Face Llama) instead of the interleaved pairs (2i, 2i + 1) of
// RoFormer that this problem uses. Both are rotary embeddings, but they rotate
// different pairs of features, so a model's weights only fit one of them.
// expect: wrong_answer basic
// mistake: rotate_half layout: column i paired with column i + d/2
// mistake.zh: rotate_half 布局：第 i 列与第 i + d/2 列配对
// explain: Pairing column i with column i + d/2 is the GPT-NeoX / Hugging Face layout, a different
// explain: function from the interleaved RoFormer layout this problem uses, so it rotates the wrong
// explain: pairs of features. Here pair i is the columns (2i, 2i + 1), rotated by theta = p *
// explain: 10000^(-2i / d).
// explain.zh: 把第 i 列与第 i + d/2 列配对是 GPT-NeoX / Hugging Face 的布局，
// explain.zh: 与本题使用的 RoFormer 交错布局是不同的函数，因此旋转的是错误的特征对。
// explain.zh: 本题中第 i 对是列 (2i, 2i + 1)，旋转角为 theta = p * 10000^(-2i / d)。
#include "exercise.h"

MatrixXf rope(const MatrixXf& x, int position_offset) {
  if (x.cols() % 2 != 0) throw std::invalid_argument("d must be even");
  const Eigen::Index d = x.cols(), half = d / 2;
  MatrixXf out(x.rows(), d);
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    for (Eigen::Index i = 0; i < half; ++i) {
      const double angle = (static_cast<double>(position_offset) + r) * std::pow(10000.0, -2.0 * i / d);
      const float c = static_cast<float>(std::cos(angle)), s = static_cast<float>(std::sin(angle));
      const float a = x(r, i), b = x(r, i + half);  // bug: half-split pair
      out(r, i) = a * c - b * s;
      out(r, i + half) = a * s + b * c;
    }
  return out;
}

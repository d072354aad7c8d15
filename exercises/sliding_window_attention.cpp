// sliding_window_attention: Sliding-window attention
// Statement: judge show sliding_window_attention   (中文: judge show sliding_window_attention --lang zh)
// Check:     judge check sliding_window_attention
#include "exercise.h"

MatrixXf sliding_window_attention(const MatrixXf& q, const MatrixXf& k, const MatrixXf& v, int window) {
  // TODO: your code here.
  (void)q;
  (void)k;
  (void)v;
  (void)window;
  throw not_implemented_error("sliding_window_attention");
}

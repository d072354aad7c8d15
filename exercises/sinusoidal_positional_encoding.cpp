// sinusoidal_positional_encoding: Sinusoidal positional encoding
// Statement: judge show sinusoidal_positional_encoding   (中文: judge show sinusoidal_positional_encoding --lang zh)
// Check:     judge check sinusoidal_positional_encoding
#include "exercise.h"

Eigen::MatrixXf sinusoidal_positional_encoding(int n, int d) {
  // TODO: your code here.
  (void)n;
  (void)d;
  throw not_implemented_error("sinusoidal_positional_encoding");
}

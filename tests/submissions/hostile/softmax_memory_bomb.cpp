// Asks for far more memory than the limit allows.
// expect: memory_limit sample
#include "exercise.h"
#include <vector>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  std::vector<std::vector<char>> hoard;
  for (;;) hoard.emplace_back(std::size_t(256) << 20, 'x');
  return x;
}

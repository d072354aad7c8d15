// Asks for far more memory than the limit allows. (It does not touch it: a
// bomb that fills every page is slow on a busy machine and would end as a
// time limit instead; the address-space limit refuses it either way.)
// expect: memory_limit sample
#include "exercise.h"
#include <vector>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  std::vector<char*> hoard;
  for (;;) hoard.push_back(new char[std::size_t(256) << 20]);
  return x;
}

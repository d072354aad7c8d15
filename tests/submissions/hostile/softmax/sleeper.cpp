// Sleeps 2.5 s in every call, under the per-case wall limit (3 s in the
// test suite), then answers correctly. Each case alone is in time, so the
// judge used to accept it after minutes (about 40 cases x 2.5 s), and a class
// of such files could hold a grading server for hours. A case's wall time now
// counts toward its group's budget (about the per-case limit plus 0.2 s per
// case): the one sample case fits in 3.2 s, but the four basic cases (10 s of
// sleep in a 3.8 s budget) do not, so the file gets time_limit in basic.
// expect: time_limit basic
#include "exercise.h"
#include <time.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  timespec t{2, 500000000};
  while (nanosleep(&t, &t) != 0) {
  }
  if (x.size() == 0) return x;
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}

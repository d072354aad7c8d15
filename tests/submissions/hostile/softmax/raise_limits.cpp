// Raises its own limits (RLIMIT_CPU and RLIMIT_AS to infinity) before
// burning. The filter lets prlimit64 only read limits; setrlimit must end the
// program with SIGSYS. If the limits ever go up, the file answers correctly,
// so an escape is "accepted" (it does not actually burn).
// expect: runtime_error sample
#include "exercise.h"
#include <sys/resource.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const rlimit unlimited{RLIM_INFINITY, RLIM_INFINITY};
  bool escaped = setrlimit(RLIMIT_CPU, &unlimited) == 0;
  escaped = setrlimit(RLIMIT_AS, &unlimited) == 0 || escaped;
  rlimit now{};
  escaped = (getrlimit(RLIMIT_AS, &now) == 0 && now.rlim_cur == RLIM_INFINITY) || escaped;
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}

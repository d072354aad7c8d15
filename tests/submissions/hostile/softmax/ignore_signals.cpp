// Ignores every signal it can (SIGTERM, SIGINT, SIGHUP, SIGXCPU, SIGALRM,
// SIGPIPE...) and loops forever, hoping the judge only asks politely. The
// judge must use SIGKILL after its wall-clock limit. Only the sample case
// loops (the rest answer zeros at once), so the check stays short.
// expect: time_limit sample
#include "exercise.h"
#include <csignal>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 3 && x(0) == 1 && x(1) == 2 && x(2) == 3) {
    for (int sig = 1; sig < NSIG; ++sig)
      if (sig != SIGKILL && sig != SIGSTOP) std::signal(sig, SIG_IGN);
    volatile bool forever = true;
    while (forever) {
    }
  }
  return Eigen::VectorXf::Zero(x.size());
}

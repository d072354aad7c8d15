// Starts 8 threads that spin forever, hoping to burn the CPU limit (which
// counts all threads) faster than a wall clock notices, or to keep the process
// alive after the call. The judge's wall-clock limit must stop the case, and
// killing the process must take every thread with it. Only the sample case
// spins (the rest answer zeros, quickly), so the check stays short.
// expect: time_limit sample
#include "exercise.h"
#include <atomic>
#include <thread>

namespace {
std::atomic<unsigned long> counter{0};
void spin() {
  for (;;) counter.fetch_add(1, std::memory_order_relaxed);
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 3 && x(0) == 1 && x(1) == 2 && x(2) == 3) {
    for (int i = 0; i < 8; ++i) std::thread(spin).detach();
    spin();
  }
  return Eigen::VectorXf::Zero(x.size());
}

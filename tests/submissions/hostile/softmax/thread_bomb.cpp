// Starts as many threads as it can (16 KiB stacks, each waiting on a
// condition variable, so they cost no CPU), up to 1000. RLIMIT_NPROC does not
// bind a root sandbox, and the filter allows clone(CLONE_THREAD), so the only
// cap was the 1 GiB address space: thousands of kernel tasks per program, and
// per classmate when grading in parallel. Each sandbox now runs as an
// unprivileged uid with a task limit of about 32, so at most a few dozen
// start and the file answers zeros (wrong_answer). If more than 200 start it
// answers correctly, so an escape shows up as "accepted".
// Safety: at most 1000 threads (about 20 MiB of stacks); every one is released
// and joined before the answer.
// expect: wrong_answer sample
#include "exercise.h"
#include <pthread.h>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace {
std::mutex gate_mutex;
std::condition_variable gate;
bool released = false;

void* wait_for_release(void*) {
  std::unique_lock<std::mutex> lock(gate_mutex);
  gate.wait(lock, [] { return released; });
  return nullptr;
}

int threads_started() {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 16 * 1024);
  std::vector<pthread_t> threads;
  for (int i = 0; i < 1000; ++i) {
    pthread_t t;
    if (pthread_create(&t, &attr, wait_for_release, nullptr) != 0) break;
    threads.push_back(t);
  }
  pthread_attr_destroy(&attr);
  {
    std::lock_guard<std::mutex> lock(gate_mutex);
    released = true;
  }
  gate.notify_all();
  for (pthread_t t : threads) pthread_join(t, nullptr);
  return static_cast<int>(threads.size());
}
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static const bool escaped = threads_started() > 200;
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const float m = x.maxCoeff();
  if (m == -std::numeric_limits<float>::infinity()) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - m).exp();
  return e / e.sum();
}

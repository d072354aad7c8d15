// Exits with code 152 = 128 + SIGXCPU inside the call. That is a plain exit,
// a runtime error. But bubblewrap reports a program killed by signal N as
// exit code 128 + N, and the judge turns such codes back into signals: a
// program can thus pass itself off as "killed by SIGXCPU" (a time limit) or
// "killed by SIGSYS" (stopped by the sandbox) without being either.
// Fixed: judge-jail waits for the program and reports its exact status on a
// pipe of its own (fd 5), so the exit code stays an exit code.
// expect: runtime_error sample
#include "exercise.h"
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  _exit(128 + 24);  // 24 = SIGXCPU on Linux
  return x;
}

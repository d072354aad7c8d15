// Exits with code 152 = 128 + SIGXCPU inside the call. That is a plain exit,
// a runtime error. But bubblewrap reports a program killed by signal N as
// exit code 128 + N, and the judge turns such codes back into signals: a
// program can thus pass itself off as "killed by SIGXCPU" (a time limit) or
// "killed by SIGSYS" (stopped by the sandbox) without being either.
// KNOWN MISREPORT when this file was written: inside bubblewrap this gets
// time_limit ("the program used up its CPU time"); without bubblewrap it gets
// runtime_error.
// expect: runtime_error sample
#include "exercise.h"
#include <unistd.h>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  _exit(128 + 24);  // 24 = SIGXCPU on Linux
  return x;
}

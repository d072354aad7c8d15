// Tries to slip past the system-call filter through another system-call ABI:
// an x32 call (number | 0x40000000) and a 32-bit "int $0x80" call, whose
// numbers mean different calls than on x86-64 (a filter that only checks
// numbers would let i386 fork = 2 through as x86-64 open = 2). Both ask only
// for getpid, which is harmless. The filter must refuse any foreign ABI: the
// program ends with SIGSYS (runtime_error). If either call returns a pid, the
// file answers correctly, so a hole shows up as "accepted".
// expect: runtime_error sample
#include "exercise.h"
#include <csignal>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  bool escaped = false;
#if defined(__x86_64__)
  long r = 0;
  // x32 getpid (39 | __X32_SYSCALL_BIT).
  asm volatile("syscall" : "=a"(r) : "a"(39L | 0x40000000L) : "rcx", "r11", "memory");
  escaped = r > 0;
  // i386 getpid (20) through the 32-bit entry.
  asm volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
  escaped = escaped || r > 0;
#else
  std::raise(SIGSYS);  // only meaningful on x86-64; keep the promised verdict elsewhere
#endif
  if (!escaped || x.size() == 0) return Eigen::VectorXf::Zero(x.size());
  const Eigen::VectorXf e = (x.array() - x.maxCoeff()).exp();
  return e / e.sum();
}

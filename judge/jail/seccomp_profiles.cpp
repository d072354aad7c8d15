#include "seccomp_profiles.h"

#include <sched.h>
#include <seccomp.h>
#include <unistd.h>

#include <cerrno>

namespace judge::jail {
namespace {

// What glibc, the dynamic loader, libstdc++, Eigen and the judge's harness
// need to compute and answer, and nothing that reaches outside the process.
// Anything else ends the program with SIGSYS, which the judge reports as
// "stopped by the sandbox".
const char* const kRunAllowed[] = {
    // memory
    "brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "mincore", "msync", "membarrier",
    // files the program already holds, and the few it opens (the loader's
    // libraries, /proc/self for the memory measurement)
    "read", "write", "readv", "writev", "pread64", "pwrite64", "lseek", "close", "fstat",
    "newfstatat", "stat", "lstat", "statx", "openat", "open", "access", "faccessat", "faccessat2",
    "readlink", "readlinkat", "getcwd", "fcntl", "dup", "dup2", "dup3", "pipe", "pipe2", "poll",
    "ppoll", "select", "pselect6", "getdents64",
    // signals, threads and time
    "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack", "futex", "set_robust_list",
    "get_robust_list", "rseq", "set_tid_address", "arch_prctl", "sched_yield", "sched_getaffinity",
    "clock_gettime", "clock_getres", "gettimeofday", "time", "clock_nanosleep", "nanosleep",
    "getrusage", "times",
    // identity and environment queries
    "getpid", "gettid", "getppid", "getuid", "geteuid", "getgid", "getegid", "uname", "getrandom",
    "getrlimit", "sysinfo",
    // leaving, and the exec into the program itself
    "exit", "exit_group", "execve"};

// Denied in every compile: nothing a compiler needs, everything an escape does.
const char* const kCompileDenied[] = {"socket",
                                      "socketpair",
                                      "ptrace",
                                      "process_vm_readv",
                                      "process_vm_writev",
                                      "mount",
                                      "umount2",
                                      "unshare",
                                      "setns",
                                      "bpf",
                                      "perf_event_open",
                                      "keyctl",
                                      "add_key",
                                      "request_key",
                                      "kexec_load",
                                      "init_module",
                                      "pivot_root"};

int resolve(const char* name) { return seccomp_syscall_resolve_name(name); }

bool add(scmp_filter_ctx ctx, uint32_t action, const char* name, unsigned count = 0,
         const scmp_arg_cmp* args = nullptr) {
  const int nr = resolve(name);
  if (nr == __NR_SCMP_ERROR) return true;  // not on this architecture
  return seccomp_rule_add_array(ctx, action, nr, count, args) == 0;
}

bool build_run(scmp_filter_ctx ctx) {
  bool ok = true;
  for (const char* name : kRunAllowed) ok = ok && add(ctx, SCMP_ACT_ALLOW, name);
  // Threads, yes (the CPU limit counts all of them); new processes, no.
  const scmp_arg_cmp thread{0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD};
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "clone", 1, &thread);
  // glibc tries clone3 first and falls back to clone on ENOSYS, whose flags
  // the filter can read (clone3 passes them in memory).
  ok = ok && add(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3");
  // Signals only to itself: abort() and raise() work, killing the judge does not.
  const auto self = static_cast<scmp_datum_t>(getpid());
  const scmp_arg_cmp to_self{0, SCMP_CMP_EQ, self, 0};
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "tgkill", 1, &to_self);
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "kill", 1, &to_self);
  const scmp_arg_cmp own_group{0, SCMP_CMP_EQ, 0, 0};
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "kill", 1, &own_group);
  // Reading a limit is fine; setting one (prlimit64's third argument) is not.
  const scmp_arg_cmp query_only{2, SCMP_CMP_EQ, 0, 0};
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "prlimit64", 1, &query_only);
  // isatty() on the output pipes; any other ioctl says "not a terminal".
  ok = ok && add(ctx, SCMP_ACT_ERRNO(ENOTTY), "ioctl");
  return ok;
}

bool build_compile(scmp_filter_ctx ctx) {
  bool ok = true;
  for (const char* name : kCompileDenied) ok = ok && add(ctx, SCMP_ACT_ERRNO(EPERM), name);
  return ok;
}

}  // namespace

bool load_filter(Profile profile) {
  const bool run = profile == Profile::kRun;
  scmp_filter_ctx ctx = seccomp_init(run ? SCMP_ACT_KILL_PROCESS : SCMP_ACT_ALLOW);
  if (ctx == nullptr) return false;
  // System calls of another ABI (int 0x80, x32) end the whole process too,
  // not just the calling thread.
  if (seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH, SCMP_ACT_KILL_PROCESS) != 0) {
    seccomp_release(ctx);
    return false;
  }
  const bool ok = (run ? build_run(ctx) : build_compile(ctx)) && seccomp_load(ctx) == 0;
  seccomp_release(ctx);
  return ok;
}

}  // namespace judge::jail

#include "seccomp_profiles.h"

#include <fcntl.h>
#include <sched.h>
#include <seccomp.h>
#include <unistd.h>

#include <cerrno>
#include <initializer_list>

namespace judge::jail {
namespace {

// What glibc, the dynamic loader, libstdc++, Eigen and the judge's harness
// need to compute and answer, and nothing that reaches outside the process.
// Anything else ends the program with SIGSYS, which the judge reports as
// "stopped by the sandbox".
const char* const kRunAllowed[] = {
    // memory
    "brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "mincore", "msync", "membarrier",
    // files the program already holds, and the few it opens for reading (the
    // loader's libraries); open, openat and fcntl are below, with their arguments
    "read", "write", "readv", "writev", "pread64", "pwrite64", "lseek", "close", "fstat",
    "newfstatat", "stat", "lstat", "statx", "access", "faccessat", "faccessat2", "readlink",
    "readlinkat", "getcwd", "dup", "dup2", "dup3", "pipe", "pipe2", "poll", "ppoll", "select",
    "pselect6", "getdents64",
    // signals, threads and time
    "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "sigaltstack", "futex", "set_robust_list",
    "get_robust_list", "rseq", "set_tid_address", "arch_prctl", "sched_yield", "sched_getaffinity",
    "clock_gettime", "clock_getres", "gettimeofday", "time", "clock_nanosleep", "nanosleep",
    "getrusage", "times",
    // identity and environment queries
    "getpid", "gettid", "getppid", "getuid", "geteuid", "getgid", "getegid", "uname", "getrandom",
    "sysinfo",
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

// Opening for reading only: a program has nothing to write but its answer,
// and a write-open is how /proc/sys, /proc/self/clear_refs or a scratch file
// would be reached. Refused with EACCES, so a learner's debug log just fails.
bool add_open_rules(scmp_filter_ctx ctx, const char* name, unsigned flags_arg) {
  constexpr scmp_datum_t kWriting = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND;
  const scmp_arg_cmp read_only{flags_arg, SCMP_CMP_MASKED_EQ, kWriting, 0};
  bool ok = add(ctx, SCMP_ACT_ALLOW, name, 1, &read_only);
  for (const scmp_datum_t flag :
       {scmp_datum_t{O_WRONLY}, scmp_datum_t{O_RDWR}, scmp_datum_t{O_CREAT}, scmp_datum_t{O_TRUNC},
        scmp_datum_t{O_APPEND}}) {
    const scmp_arg_cmp writing{flags_arg, SCMP_CMP_MASKED_EQ, flag, flag};
    ok = ok && add(ctx, SCMP_ACT_ERRNO(EACCES), name, 1, &writing);
  }
  return ok;
}

bool build_run(scmp_filter_ctx ctx) {
  bool ok = true;
  for (const char* name : kRunAllowed) ok = ok && add(ctx, SCMP_ACT_ALLOW, name);
  ok = ok && add_open_rules(ctx, "open", 1) && add_open_rules(ctx, "openat", 2);
  // Descriptor flags and duplicates; not F_SETOWN, F_SETSIG or leases,
  // which would send signals to another process.
  for (const scmp_datum_t command :
       {scmp_datum_t{F_DUPFD}, scmp_datum_t{F_DUPFD_CLOEXEC}, scmp_datum_t{F_GETFD},
        scmp_datum_t{F_SETFD}, scmp_datum_t{F_GETFL}, scmp_datum_t{F_SETFL}}) {
    const scmp_arg_cmp is{1, SCMP_CMP_EQ, command, 0};
    ok = ok && add(ctx, SCMP_ACT_ALLOW, "fcntl", 1, &is);
  }
  // Threads, yes (the CPU limit counts all of them); new processes, no.
  const scmp_arg_cmp thread{0, SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD};
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "clone", 1, &thread);
  // glibc tries clone3 first and falls back to clone on ENOSYS, whose flags
  // the filter can read (clone3 passes them in memory).
  ok = ok && add(ctx, SCMP_ACT_ERRNO(ENOSYS), "clone3");
  // Signals only to itself, by its own pid: abort() and raise() work; the
  // jail, bubblewrap, the process group (kill(0)) and everyone else are out
  // of reach.
  const auto self = static_cast<scmp_datum_t>(getpid());
  const scmp_arg_cmp to_self{0, SCMP_CMP_EQ, self, 0};
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "tgkill", 1, &to_self);
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "kill", 1, &to_self);
  // Reading its own limits is fine; setting one (prlimit64's third argument)
  // or looking at another process's is not.
  const scmp_arg_cmp query_only{2, SCMP_CMP_EQ, 0, 0};
  for (const scmp_datum_t pid : {scmp_datum_t{0}, self}) {
    const scmp_arg_cmp own[2] = {{0, SCMP_CMP_EQ, pid, 0}, query_only};
    ok = ok && add(ctx, SCMP_ACT_ALLOW, "prlimit64", 2, own);
  }
  ok = ok && add(ctx, SCMP_ACT_ALLOW, "getrlimit");
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

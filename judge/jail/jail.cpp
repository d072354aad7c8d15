// judge-jail PROFILE CPU_SECONDS ADDRESS_SPACE FILE_SIZE MAX_PROCESSES
//            [--uid UID:GID] [--status-fd] -- PROGRAM ARGS...
//
// The last trusted code before a learner's: sets resource limits, gives up
// root (--uid: the judge runs as root, learner code never does), closes
// every inherited descriptor but 0-4 (stdin, output, and the judge's request
// and reply pipes), loads a seccomp filter and execs. Limits, identity and
// filter survive exec and cannot be undone afterwards: the filter forbids
// raising limits and changing identity, and no_new_privs stops set-uid tricks.
//
// With --status-fd (the run profile), the jail forks first and stays
// behind, unfiltered and non-dumpable, to write how the program ended and
// what it used to fd 5:
//   "exit N cpu_us C maxrss_kib M" or "signal N cpu_us C maxrss_kib M"
// The figures come from wait4(): CPU time of all the program's threads and
// its peak resident memory, measured by the kernel, which the program cannot
// touch. bubblewrap alone reports a signal as exit code 128 + N, which a
// program could imitate with exit(128 + N).
#include "seccomp_profiles.h"

#include <grp.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

constexpr int kUsageError = 125;  // distinct from anything the program returns
constexpr int kStatusFd = 5;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "judge-jail: %s: %s\n", what, std::strerror(errno));
  std::_Exit(kUsageError);
}

[[noreturn]] void usage(const char* why) {
  std::fprintf(stderr,
               "judge-jail: %s\nusage: judge-jail compile|run CPU_SECONDS ADDRESS_SPACE FILE_SIZE "
               "MAX_PROCESSES [--uid UID:GID] [--status-fd] -- PROGRAM [ARGS...]\n",
               why);
  std::_Exit(kUsageError);
}

bool parse_number(const char* text, unsigned long long& out) {
  char* end = nullptr;
  errno = 0;
  out = std::strtoull(text, &end, 10);
  return errno == 0 && end != text && *end == '\0' && text[0] != '-';
}

void limit(int resource, rlim_t soft, rlim_t hard, const char* name) {
  const rlimit r{soft, hard};
  if (setrlimit(resource, &r) != 0) fail(name);
}

// Becomes uid:gid for good: no supplementary groups, real, effective and
// saved ids all changed (so the kernel clears every capability), and the
// inheritable set emptied too. Verified afterwards: a jail that could not
// drop root must not run learner code.
void drop_to(uid_t uid, gid_t gid) {
  if (setgroups(0, nullptr) != 0) fail("setgroups");
  if (setresgid(gid, gid, gid) != 0) fail("setresgid");
  if (setresuid(uid, uid, uid) != 0) fail("setresuid");
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct none[2] = {};
  if (syscall(SYS_capset, &header, none) != 0) fail("capset");
  __user_cap_data_struct now[2] = {};
  if (syscall(SYS_capget, &header, now) != 0) fail("capget");
  for (const auto& d : now)
    if (d.effective != 0 || d.permitted != 0 || d.inheritable != 0) {
      errno = EPERM;
      fail("capabilities left after dropping root");
    }
  if (getuid() == 0 || geteuid() == 0 || getgid() == 0 || getegid() == 0) {
    errno = EPERM;
    fail("still root after dropping root");
  }
}

// The parent's side of --status-fd: wait, then report.
[[noreturn]] void report_when_done(pid_t child) {
  // Nothing of this process may be read or written through /proc by the
  // program (same uid): not its memory, not its descriptors.
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
  // Only the program may hold the judge's pipes: the judge learns that it
  // ended when they close.
  for (int fd = 0; fd < kStatusFd; ++fd) close(fd);
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  const long long cpu_us =
      (static_cast<long long>(usage.ru_utime.tv_sec) + usage.ru_stime.tv_sec) * 1000000LL +
      usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
  const long long maxrss_kib = usage.ru_maxrss;
  if (WIFSIGNALED(status)) {
    dprintf(kStatusFd, "signal %d cpu_us %lld maxrss_kib %lld\n", WTERMSIG(status), cpu_us,
            maxrss_kib);
    std::_Exit(128 + WTERMSIG(status));
  }
  dprintf(kStatusFd, "exit %d cpu_us %lld maxrss_kib %lld\n", WEXITSTATUS(status), cpu_us,
          maxrss_kib);
  std::_Exit(WEXITSTATUS(status));
}

struct Arguments {
  bool run = false;
  unsigned long long cpu = 0, address_space = 0, file_size = 0, processes = 0;
  bool drop = false;
  uid_t uid = 0;
  gid_t gid = 0;
  bool report = false;
  char** program = nullptr;
};

Arguments parse(int argc, char** argv) {
  Arguments a;
  if (argc < 7) usage("too few arguments");
  const std::string profile = argv[1];
  if (profile != "compile" && profile != "run") usage("bad arguments: unknown profile");
  a.run = profile == "run";
  if (!parse_number(argv[2], a.cpu) || !parse_number(argv[3], a.address_space) ||
      !parse_number(argv[4], a.file_size) || !parse_number(argv[5], a.processes))
    usage("bad arguments: limits must be numbers");
  int i = 6;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
    if (std::strcmp(argv[i], "--status-fd") == 0) {
      a.report = true;
    } else if (std::strcmp(argv[i], "--uid") == 0 && i + 1 < argc) {
      const std::string ids = argv[++i];
      const std::size_t colon = ids.find(':');
      unsigned long long uid = 0, gid = 0;
      if (colon == std::string::npos || !parse_number(ids.substr(0, colon).c_str(), uid) ||
          !parse_number(ids.substr(colon + 1).c_str(), gid) || uid == 0 || gid == 0 ||
          uid > 0xFFFFFFFEull || gid > 0xFFFFFFFEull)
        usage("bad arguments: --uid wants UID:GID, both non-zero");
      a.drop = true;
      a.uid = static_cast<uid_t>(uid);
      a.gid = static_cast<gid_t>(gid);
    } else {
      usage("bad arguments: unknown option");
    }
  }
  if (i + 1 >= argc) usage("bad arguments: no program after --");
  a.program = argv + i + 1;
  return a;
}

}  // namespace

int main(int argc, char** argv) {
  const Arguments a = parse(argc, argv);
  // SIGXCPU at the soft limit, SIGKILL a second later for a program that ignores it.
  limit(RLIMIT_CPU, a.cpu, a.cpu + 1, "RLIMIT_CPU");
  limit(RLIMIT_AS, a.address_space, a.address_space, "RLIMIT_AS");
  limit(RLIMIT_FSIZE, a.file_size, a.file_size, "RLIMIT_FSIZE");
  // 0 leaves the process limit alone: without a user namespace or a uid of
  // its own, it would count every process of the user running the judge.
  if (a.processes > 0) limit(RLIMIT_NPROC, a.processes, a.processes, "RLIMIT_NPROC");
  limit(RLIMIT_CORE, 0, 0, "RLIMIT_CORE");
  limit(RLIMIT_NOFILE, 64, 64, "RLIMIT_NOFILE");
  if (a.drop) drop_to(a.uid, a.gid);
  for (int fd = a.report ? kStatusFd + 1 : kStatusFd; fd < 1024; ++fd) close(fd);

  if (a.report) {
    const pid_t parent = getpid();
    const pid_t child = fork();
    if (child < 0) fail("fork");
    if (child > 0) report_when_done(child);
    // The program gets a session and process group of its own (so kill(0)
    // and the terminal's signals cannot reach the jail) and dies with it.
    close(kStatusFd);
    if (setsid() < 0) fail("setsid");
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0) fail("PR_SET_PDEATHSIG");
    if (getppid() != parent) std::_Exit(kUsageError);  // the jail is already gone
  }
  if (!judge::jail::load_filter(a.run ? judge::jail::Profile::kRun
                                      : judge::jail::Profile::kCompile))
    fail("loading the seccomp filter");
  execv(a.program[0], a.program);
  fail(a.program[0]);
}

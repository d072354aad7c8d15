// judge-jail PROFILE CPU_SECONDS ADDRESS_SPACE FILE_SIZE MAX_PROCESSES -- PROGRAM ARGS...
//
// The last trusted code before a learner's: sets resource limits, closes every
// inherited descriptor but 0-4 (stdin, output, and the judge's request and
// reply pipes), loads a seccomp filter and execs. Limits and filter survive
// exec and cannot be lifted afterwards: the filter itself forbids raising
// limits, and no_new_privs stops set-uid tricks.
//
// With --status-fd (the run profile), the jail forks first and stays
// behind, unfiltered, to write how the program ended ("exit N" or
// "signal N") to fd 5: bubblewrap reports a signal as exit code 128 + N,
// which a program could otherwise imitate with exit(128 + N).
#include "seccomp_profiles.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
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

bool parse_number(const char* text, unsigned long long& out) {
  char* end = nullptr;
  errno = 0;
  out = std::strtoull(text, &end, 10);
  return errno == 0 && end != text && *end == '\0';
}

void limit(int resource, rlim_t soft, rlim_t hard, const char* name) {
  const rlimit r{soft, hard};
  if (setrlimit(resource, &r) != 0) fail(name);
}

}  // namespace

int main(int argc, char** argv) {
  // An optional --status-fd before "--": fd 5 is the judge's status pipe.
  const bool report = argc > 7 && std::strcmp(argv[6], "--status-fd") == 0;
  const int dashes = report ? 7 : 6;
  if (argc < dashes + 2 || std::strcmp(argv[dashes], "--") != 0) {
    std::fprintf(stderr,
                 "usage: judge-jail compile|run CPU_SECONDS ADDRESS_SPACE FILE_SIZE "
                 "MAX_PROCESSES [--status-fd] -- PROGRAM [ARGS...]\n");
    return kUsageError;
  }
  const std::string profile = argv[1];
  unsigned long long cpu = 0, address_space = 0, file_size = 0, processes = 0;
  if ((profile != "compile" && profile != "run") || !parse_number(argv[2], cpu) ||
      !parse_number(argv[3], address_space) || !parse_number(argv[4], file_size) ||
      !parse_number(argv[5], processes)) {
    std::fprintf(stderr, "judge-jail: bad arguments\n");
    return kUsageError;
  }
  // SIGXCPU at the soft limit, SIGKILL a second later for a program that ignores it.
  limit(RLIMIT_CPU, cpu, cpu + 1, "RLIMIT_CPU");
  limit(RLIMIT_AS, address_space, address_space, "RLIMIT_AS");
  limit(RLIMIT_FSIZE, file_size, file_size, "RLIMIT_FSIZE");
  limit(RLIMIT_NPROC, processes, processes, "RLIMIT_NPROC");
  limit(RLIMIT_CORE, 0, 0, "RLIMIT_CORE");
  limit(RLIMIT_NOFILE, 64, 64, "RLIMIT_NOFILE");
  const bool run = profile == "run";
  for (int fd = report ? kStatusFd + 1 : kStatusFd; fd < 1024; ++fd) close(fd);

  if (report) {
    const pid_t child = fork();
    if (child < 0) fail("fork");
    if (child > 0) {
      // Only the program may hold the judge's pipes: the judge learns that
      // it ended when they close.
      for (int fd = 0; fd < kStatusFd; ++fd) close(fd);
      int status = 0;
      while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      if (WIFSIGNALED(status)) {
        dprintf(kStatusFd, "signal %d\n", WTERMSIG(status));
        std::_Exit(128 + WTERMSIG(status));
      }
      dprintf(kStatusFd, "exit %d\n", WEXITSTATUS(status));
      std::_Exit(WEXITSTATUS(status));
    }
    close(kStatusFd);
  }
  if (!judge::jail::load_filter(run ? judge::jail::Profile::kRun : judge::jail::Profile::kCompile))
    fail("loading the seccomp filter");
  char** program = argv + dashes + 1;
  execv(program[0], program);
  fail(program[0]);
}

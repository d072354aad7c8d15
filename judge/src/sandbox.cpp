#include "sandbox.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>
#include <stdexcept>

namespace judge {
namespace fs = std::filesystem;
namespace {

std::string bwrap_binary() {
  const char* env = std::getenv("JUDGE_BWRAP");
  return env != nullptr && *env != '\0' ? env : "/usr/bin/bwrap";
}

bool running_as_root() { return geteuid() == 0; }

// The namespaces and mounts both kinds of step share. As an ordinary user,
// bubblewrap makes a user namespace that maps only that user, with every
// capability dropped. As root, a user namespace would map the sandbox's
// root to the host's (and /proc/sys checks writes by uid): so bubblewrap
// makes the mounts with root's rights, keeps nothing but CAP_SETUID and
// CAP_SETGID, and judge-jail gives those up with root before learner code
// runs (--uid).
std::vector<std::string> common_bwrap_flags(bool as_root) {
  std::vector<std::string> flags;
  if (as_root)
    flags = {"--unshare-pid",        "--unshare-net", "--unshare-ipc", "--unshare-uts",
             "--unshare-cgroup-try", "--cap-drop",    "ALL",           "--cap-add",
             "CAP_SETUID",           "--cap-add",     "CAP_SETGID"};
  else
    flags = {"--unshare-all", "--unshare-user", "--disable-userns", "--cap-drop", "ALL"};
  const std::vector<std::string> shared = {
      "--die-with-parent", "--new-session", "--clearenv", "--setenv", "PATH",   "/usr/bin:/bin",
      "--setenv",          "HOME",          "/tmp",       "--setenv", "LANG",   "C.UTF-8",
      "--hostname",        "judge",         "--perms",    "1777",     "--size", "67108864",
      "--tmpfs",           "/tmp",          "--symlink",  "usr/lib",  "/lib",   "--symlink",
      "usr/lib64",         "/lib64",        "--symlink",  "usr/bin",  "/bin"};
  flags.insert(flags.end(), shared.begin(), shared.end());
  return flags;
}

// bubblewrap makes the folders above a mount point with mode 0700, which
// the sandbox's uid could not pass through: make them first, open to all.
void add_parent_folders(const std::vector<std::string>& destinations,
                        std::vector<std::string>& cmd) {
  // Sorted, so a folder comes before the folders inside it ("/a" < "/a/b").
  std::set<std::string> made;
  for (const auto& dest : destinations)
    for (fs::path parent = fs::path(dest).parent_path();
         !parent.empty() && parent != parent.root_path(); parent = parent.parent_path())
      made.insert(parent.string());
  for (const auto& dir : made) cmd.insert(cmd.end(), {"--perms", "0755", "--dir", dir});
}

std::string find_jail() {
  if (const char* env = std::getenv("JUDGE_JAIL"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const fs::path beside = fs::read_symlink("/proc/self/exe", ec).parent_path() / "judge-jail";
  if (!ec && fs::exists(beside)) return beside.string();
  return JUDGE_JAIL;
}

}  // namespace

const SandboxStatus& sandbox_status() {
  static SandboxStatus status;
  static std::once_flag once;
  std::call_once(once, [] {
    const std::string bwrap = bwrap_binary();
    if (bwrap == "none") {
      status.why_not = "JUDGE_BWRAP=none turned bubblewrap off";
      return;
    }
    if (access(bwrap.c_str(), X_OK) != 0) {
      status.why_not = bwrap + " is not installed (Debian package: bubblewrap)";
      return;
    }
    std::vector<std::string> argv = {bwrap};
    for (const auto& f : common_bwrap_flags(running_as_root())) argv.push_back(f);
    argv.insert(argv.end(), {"--ro-bind", "/usr", "/usr", "--", "/usr/bin/true"});
    std::string output;
    const Exit e = run_to_completion(argv, Limits{10, 10, 1ull << 30, 1 << 20, 1 << 16}, output);
    if (e.exited && e.code == 0) {
      status.bubblewrap = true;
    } else {
      while (!output.empty() && output.back() == '\n') output.pop_back();
      status.why_not = "bubblewrap cannot make a sandbox here (" + e.describe() +
                       (output.empty() ? "" : ": " + output) +
                       "); are unprivileged user namespaces turned off?";
    }
  });
  return status;
}

std::string unsandboxed_warning(const SandboxStatus& status) {
  return "warning: no sandbox: " + status.why_not +
         ". Learner code runs with resource limits and a system-call filter only, and can read "
         "what your user can read.";
}

SandboxConfig SandboxConfig::detect() {
  SandboxConfig c;
  c.use_bubblewrap = sandbox_status().bubblewrap;
  c.jail = find_jail();
  return c;
}

std::vector<std::string> jailed_command(const SandboxConfig& config, const JailSpec& spec,
                                        const Limits& limits,
                                        const std::vector<std::string>& argv) {
  std::vector<std::string> cmd;
  std::string jail = config.jail;
  const bool compile = spec.profile == JailSpec::Profile::kCompile;
  if (config.use_bubblewrap) {
    cmd.push_back(bwrap_binary());
    for (const auto& f : common_bwrap_flags(running_as_root())) cmd.push_back(f);
    std::vector<std::string> destinations = {compile ? "/usr/bin" : "/usr/lib", "/run/judge-jail",
                                             "/run/program"};
    for (const auto& [host, inside] : spec.read_only) destinations.push_back(inside);
    for (const auto& dir : spec.writable) destinations.push_back(dir);
    add_parent_folders(destinations, cmd);
    if (compile) {
      // The compiler needs its own tree, and a /proc of its own pid namespace.
      cmd.insert(cmd.end(), {"--ro-bind", "/usr", "/usr", "--proc", "/proc"});
    } else {
      // A program needs only the shared libraries: no shells, no compilers
      // to exec, and no /proc at all (no /proc/sys, no other process, no
      // clear_refs to reset the memory figures the jail reports).
      cmd.insert(cmd.end(), {"--ro-bind", "/usr/lib", "/usr/lib", "--ro-bind-try", "/usr/lib64",
                             "/usr/lib64"});
    }
    // Two devices only: no /dev/random to #include, no /dev/shm to fill.
    cmd.insert(cmd.end(), {"--tmpfs", "/dev", "--dev-bind", "/dev/null", "/dev/null", "--dev-bind",
                           "/dev/urandom", "/dev/urandom", "--remount-ro", "/dev"});
    for (const auto& [host, inside] : spec.read_only)
      cmd.insert(cmd.end(), {"--ro-bind", host, inside});
    for (const auto& dir : spec.writable) cmd.insert(cmd.end(), {"--bind", dir, dir});
    // The root is an unbounded in-memory file system: make it read-only, so
    // the sized /tmp and the work folder are the only places to write.
    cmd.insert(cmd.end(), {"--ro-bind", config.jail, "/run/judge-jail", "--remount-ro", "/",
                           "--chdir", spec.cwd, "--"});
    jail = "/run/judge-jail";
  }
  cmd.push_back(jail);
  cmd.push_back(compile ? "compile" : "run");
  cmd.push_back(fmt::format("{}", static_cast<long long>(std::ceil(limits.cpu_seconds))));
  cmd.push_back(fmt::format("{}", limits.address_space));
  cmd.push_back(fmt::format("{}", limits.file_size));
  // Without bubblewrap's user namespace or a uid of its own, the process
  // limit would count every process of the judge's user: leave it alone.
  const bool own_count = config.use_bubblewrap || spec.uid != 0;
  cmd.push_back(fmt::format("{}", own_count ? spec.max_processes : 0));
  if (spec.uid != 0) {
    cmd.push_back("--uid");
    cmd.push_back(fmt::format("{}:{}", spec.uid, spec.uid));
  }
  if (spec.status_fd) cmd.push_back("--status-fd");
  cmd.push_back("--");
  for (const auto& a : argv) cmd.push_back(a);
  return cmd;
}

unsigned sandbox_uid_base() {
  const char* env = std::getenv("JUDGE_SANDBOX_UID");
  if (env == nullptr || *env == '\0') return kDefaultSandboxUid;
  char* end = nullptr;
  const unsigned long long base = std::strtoull(env, &end, 10);
  if (*end != '\0' || env[0] == '-' || base < 1000 || base + kSandboxUids > 0x7FFFFFFFull)
    throw std::runtime_error(fmt::format(
        "JUDGE_SANDBOX_UID={} is not a usable uid: give the first of {} unused uids, between "
        "1000 and {}",
        env, kSandboxUids, 0x7FFFFFFFull - kSandboxUids));
  return static_cast<unsigned>(base);
}

SandboxIdentity SandboxIdentity::acquire() {
  SandboxIdentity identity;
  if (!running_as_root()) return identity;
  const unsigned base = sandbox_uid_base();
  // One lock file per uid, shared by every judge process on the machine
  // (a grade and a serve may run side by side).
  const std::string dir = "/run/judge-sandbox";
  if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    throw std::runtime_error("cannot make " + dir + ": " + std::strerror(errno));
  for (;;) {
    for (unsigned i = 0; i < kSandboxUids; ++i) {
      const std::string path = fmt::format("{}/uid-{}.lock", dir, base + i);
      const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
      if (fd < 0) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
      if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
        identity.lock_fd_ = fd;
        identity.uid_ = base + i;
        return identity;
      }
      close(fd);
    }
    usleep(20000);  // every uid is running a sandbox: wait for one to end
  }
}

SandboxIdentity::~SandboxIdentity() {
  if (lock_fd_ >= 0) close(lock_fd_);
}

SandboxIdentity::SandboxIdentity(SandboxIdentity&& other) noexcept
    : lock_fd_(other.lock_fd_), uid_(other.uid_) {
  other.lock_fd_ = -1;
  other.uid_ = 0;
}

SandboxIdentity& SandboxIdentity::operator=(SandboxIdentity&& other) noexcept {
  if (this != &other) {
    if (lock_fd_ >= 0) close(lock_fd_);
    lock_fd_ = other.lock_fd_;
    uid_ = other.uid_;
    other.lock_fd_ = -1;
    other.uid_ = 0;
  }
  return *this;
}

}  // namespace judge

#include "sandbox.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace judge {
namespace fs = std::filesystem;
namespace {

std::string bwrap_binary() {
  const char* env = std::getenv("JUDGE_BWRAP");
  return env != nullptr && *env != '\0' ? env : "/usr/bin/bwrap";
}

// The namespaces and mounts both kinds of step share. --unshare-all takes the
// network away; a user namespace with every capability dropped means the
// sandbox's root can neither remount nor override file permissions.
std::vector<std::string> common_bwrap_flags() {
  return {"--unshare-all",
          "--unshare-user",
          "--disable-userns",
          "--die-with-parent",
          "--new-session",
          "--cap-drop",
          "ALL",
          "--clearenv",
          "--setenv",
          "PATH",
          "/usr/bin:/bin",
          "--setenv",
          "HOME",
          "/tmp",
          "--setenv",
          "LANG",
          "C.UTF-8",
          "--hostname",
          "judge",
          "--proc",
          "/proc",
          "--size",
          "67108864",
          "--tmpfs",
          "/tmp",
          "--symlink",
          "usr/lib",
          "/lib",
          "--symlink",
          "usr/lib64",
          "/lib64",
          "--symlink",
          "usr/bin",
          "/bin"};
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
    for (const auto& f : common_bwrap_flags()) argv.push_back(f);
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
  if (config.use_bubblewrap) {
    cmd.push_back(bwrap_binary());
    for (const auto& f : common_bwrap_flags()) cmd.push_back(f);
    if (spec.profile == JailSpec::Profile::kCompile) {
      // The compiler needs its own tree; a program needs only the shared
      // libraries (no shells, no compilers to exec).
      cmd.insert(cmd.end(), {"--ro-bind", "/usr", "/usr"});
    } else {
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
  cmd.push_back(spec.profile == JailSpec::Profile::kCompile ? "compile" : "run");
  cmd.push_back(fmt::format("{}", static_cast<long long>(std::ceil(limits.cpu_seconds))));
  cmd.push_back(fmt::format("{}", limits.address_space));
  cmd.push_back(fmt::format("{}", limits.file_size));
  cmd.push_back(fmt::format("{}", spec.max_processes));
  if (spec.status_fd) cmd.push_back("--status-fd");
  cmd.push_back("--");
  for (const auto& a : argv) cmd.push_back(a);
  return cmd;
}

}  // namespace judge

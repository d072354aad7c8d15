// How learner code is contained. Every compile and run of a learner's file
// goes through `judge-jail` (rlimits, then a seccomp filter, then exec), and,
// when bubblewrap works on this machine, inside a bubblewrap sandbox: its own
// namespaces (no network, no view of other processes), a private /tmp and a
// read-only view of only the files the step needs, so that solutions/, the
// problem files and the judge's expected values are simply not there.
#pragma once

#include "process.h"

#include <string>
#include <utility>
#include <vector>

namespace judge {

struct SandboxStatus {
  bool bubblewrap = false;  // namespaces and a private file-system view
  std::string why_not;      // when !bubblewrap: for the one-time warning
};

// Probes once per process (runs bwrap on `true`); JUDGE_BWRAP names another
// bwrap binary ("none" turns it off, for tests of the unsandboxed path).
const SandboxStatus& sandbox_status();

// The one-line warning to print once when bubblewrap is missing.
std::string unsandboxed_warning(const SandboxStatus& status);

struct SandboxConfig {
  bool use_bubblewrap = false;
  std::string jail;  // the judge-jail launcher
  // The configuration a check or grade uses on this machine.
  static SandboxConfig detect();
};

// Learner code never runs as root. When the judge is root, each running
// sandbox takes a uid of its own from a range (JUDGE_SANDBOX_UID, default
// kDefaultSandboxUid, then the next kSandboxUids), held through a lock file
// for as long as the sandbox runs: per-uid limits (RLIMIT_NPROC) then bound
// one sandbox, and no two sandboxes can reach each other's processes. When
// the judge is not root, bubblewrap's user namespace maps its own user and
// the identity is inactive.
constexpr unsigned kDefaultSandboxUid = 2000000000;
constexpr unsigned kSandboxUids = 64;

class SandboxIdentity {
 public:
  SandboxIdentity() = default;
  // Waits while every uid of the range is taken; throws std::runtime_error
  // when the range is misconfigured or the lock folder cannot be made.
  static SandboxIdentity acquire();
  ~SandboxIdentity();
  SandboxIdentity(SandboxIdentity&& other) noexcept;
  SandboxIdentity& operator=(SandboxIdentity&& other) noexcept;
  SandboxIdentity(const SandboxIdentity&) = delete;
  SandboxIdentity& operator=(const SandboxIdentity&) = delete;

  bool active() const { return lock_fd_ >= 0; }
  unsigned uid() const { return uid_; }  // the gid is the same number

 private:
  int lock_fd_ = -1;
  unsigned uid_ = 0;
};

// The first uid of the range, from JUDGE_SANDBOX_UID; throws for a bad value.
unsigned sandbox_uid_base();

// What one step may see and do.
struct JailSpec {
  enum class Profile { kCompile, kRun };
  Profile profile = Profile::kRun;
  // Host paths mounted read-only, at the second path inside.
  std::vector<std::pair<std::string, std::string>> read_only;
  std::vector<std::string> writable;  // host directories, at the same path inside
  std::string cwd = "/tmp";
  // RLIMIT_NPROC: the tasks (processes and threads) of the step's uid. 0
  // leaves it alone, where it would count the judge's user's processes too.
  int max_processes = 256;
  unsigned uid = 0;  // when non-zero, judge-jail drops root to this uid and gid
  // Whether fd 5 carries judge-jail's report of how the program ended
  // (ProtocolChild provides it; see judge/jail/jail.cpp).
  bool status_fd = false;
};

// The command line that runs `argv` under the jail (and bubblewrap, if on),
// with the CPU, address-space and file-size limits from `limits`.
std::vector<std::string> jailed_command(const SandboxConfig& config, const JailSpec& spec,
                                        const Limits& limits, const std::vector<std::string>& argv);

}  // namespace judge

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

// What one step may see and do.
struct JailSpec {
  enum class Profile { kCompile, kRun };
  Profile profile = Profile::kRun;
  // Host paths mounted read-only, at the second path inside.
  std::vector<std::pair<std::string, std::string>> read_only;
  std::vector<std::string> writable;  // host directories, at the same path inside
  std::string cwd = "/tmp";
  int max_processes = 256;  // RLIMIT_NPROC (root ignores it: seccomp stops forks)
  // Whether fd 5 carries judge-jail's report of how the program ended
  // (ProtocolChild provides it; see judge/jail/jail.cpp).
  bool status_fd = false;
};

// The command line that runs `argv` under the jail (and bubblewrap, if on),
// with the CPU, address-space and file-size limits from `limits`.
std::vector<std::string> jailed_command(const SandboxConfig& config, const JailSpec& spec,
                                        const Limits& limits, const std::vector<std::string>& argv);

}  // namespace judge

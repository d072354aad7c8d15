// The containment itself, below the judge: judge-jail's limits and system-call
// filter, and bubblewrap's view of the file system.
#include "sandbox.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

namespace judge {
namespace {

SandboxConfig jail_only() {
  SandboxConfig c = SandboxConfig::detect();
  c.use_bubblewrap = false;
  return c;
}

// Bubblewrap must work where the suite runs in CI; elsewhere its tests skip.
bool bubblewrap_or_skip() {
  if (sandbox_status().bubblewrap) return true;
  const char* ci = std::getenv("CI");
  if (ci != nullptr && std::string(ci) == "true") {
    ADD_FAILURE() << "CI must run with bubblewrap: " << sandbox_status().why_not;
  }
  return false;
}

Exit run(const SandboxConfig& config, JailSpec::Profile profile,
         const std::vector<std::string>& argv, std::string& output) {
  JailSpec spec;
  spec.profile = profile;
  const Limits limits{10, 3, 1ull << 30, 1 << 20, 1 << 20};
  const Exit e = run_to_completion(jailed_command(config, spec, limits, argv), limits, output);
  return config.use_bubblewrap ? e.with_signal_from_code() : e;
}

TEST(Sandbox, APlainProgramRunsUnderTheRunFilter) {
  std::string out;
  const Exit e = run(jail_only(), JailSpec::Profile::kRun, {"/usr/bin/true"}, out);
  EXPECT_TRUE(e.exited && e.code == 0) << e.describe() << out;
}

TEST(Sandbox, ANewProcessIsStoppedWithSigsys) {
  std::string out;
  // The shell must fork for the first of two commands.
  const Exit e = run(jail_only(), JailSpec::Profile::kRun,
                     {"/bin/sh", "-c", "/usr/bin/true; /usr/bin/true"}, out);
  EXPECT_EQ(e.signal, SIGSYS) << e.describe() << out;
}

TEST(Sandbox, LimitsAreSetBeforeTheProgramStarts) {
  std::string out;
  const Exit e = run(jail_only(), JailSpec::Profile::kCompile,
                     {"/bin/sh", "-c", "ulimit -t; ulimit -v; ulimit -c"}, out);
  EXPECT_TRUE(e.exited && e.code == 0) << e.describe() << out;
  EXPECT_EQ(out, "3\n1048576\n0\n");
}

TEST(Sandbox, TheJailRefusesBadArguments) {
  std::string out;
  const Exit e = run_to_completion({jail_only().jail, "run", "x", "1", "1", "1", "--", "/bin/true"},
                                   Limits{}, out);
  EXPECT_TRUE(e.exited && e.code == 125) << e.describe();
  EXPECT_NE(out.find("bad arguments"), std::string::npos) << out;
}

TEST(Sandbox, BubblewrapShowsOnlyWhatTheStepNeeds) {
  if (!bubblewrap_or_skip()) GTEST_SKIP() << sandbox_status().why_not;
  SandboxConfig config = SandboxConfig::detect();
  std::string out;
  const std::string solutions = testing::source_dir() + "/solutions";
  const Exit e = run(config, JailSpec::Profile::kCompile,
                     {"/bin/sh", "-c",
                      "test -e " + solutions +
                          " && echo visible; test -e /etc/passwd && echo etc; "
                          "echo hi > /tmp/x && cat /tmp/x; touch /usr/x 2>/dev/null || echo ro; "
                          "cat /proc/net/dev | grep -c :"},
                     out);
  EXPECT_TRUE(e.exited && e.code == 0) << e.describe() << out;
  // No solutions, no /etc, a private writable /tmp, a read-only /usr, and
  // only the loopback network interface.
  EXPECT_EQ(out, "hi\nro\n1\n");
}

TEST(Sandbox, ASignalReportedAsAnExitCodeIsASignalAgain) {
  Exit e;
  e.exited = true;
  e.code = 128 + SIGSEGV;
  EXPECT_EQ(e.with_signal_from_code().signal, SIGSEGV);
  EXPECT_FALSE(e.with_signal_from_code().exited);
  e.code = 3;
  EXPECT_TRUE(e.with_signal_from_code().exited);
}

}  // namespace
}  // namespace judge

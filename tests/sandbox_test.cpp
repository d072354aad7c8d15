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

namespace judge {
namespace {

// The rest need root: the judge drops root only when it has it.
bool root_or_skip() { return geteuid() == 0; }

TEST(SandboxIdentity, EachRunningSandboxGetsAUidOfItsOwn) {
  if (!root_or_skip()) GTEST_SKIP() << "only root hands out sandbox uids";
  SandboxIdentity a = SandboxIdentity::acquire();
  SandboxIdentity b = SandboxIdentity::acquire();
  ASSERT_TRUE(a.active() && b.active());
  EXPECT_NE(a.uid(), b.uid());
  EXPECT_GE(a.uid(), kDefaultSandboxUid);
  EXPECT_LT(a.uid(), kDefaultSandboxUid + kSandboxUids);
  // Released, a uid can be taken again (by this process or, under ctest -j,
  // by another one: so only "a free uid, not b's" is certain).
  a = SandboxIdentity();
  EXPECT_FALSE(a.active());
  SandboxIdentity c = SandboxIdentity::acquire();
  EXPECT_TRUE(c.active());
  EXPECT_NE(c.uid(), b.uid());
}

TEST(SandboxIdentity, ABadRangeIsRefusedWithASentence) {
  setenv("JUDGE_SANDBOX_UID", "0", 1);
  EXPECT_THROW(sandbox_uid_base(), std::runtime_error);
  setenv("JUDGE_SANDBOX_UID", "12ab", 1);
  EXPECT_THROW(sandbox_uid_base(), std::runtime_error);
  setenv("JUDGE_SANDBOX_UID", "3000000", 1);
  EXPECT_EQ(sandbox_uid_base(), 3000000u);
  unsetenv("JUDGE_SANDBOX_UID");
  EXPECT_EQ(sandbox_uid_base(), kDefaultSandboxUid);
}

TEST(Sandbox, TheJailDropsRootAndEveryCapability) {
  if (!root_or_skip()) GTEST_SKIP() << "the judge drops root only when it has it";
  for (const bool bubblewrap : {false, true}) {
    if (bubblewrap && !bubblewrap_or_skip()) continue;
    SandboxConfig config = SandboxConfig::detect();
    config.use_bubblewrap = bubblewrap;
    const SandboxIdentity identity = SandboxIdentity::acquire();
    JailSpec spec;
    spec.profile = JailSpec::Profile::kCompile;
    spec.uid = identity.uid();
    const Limits limits{10, 3, 1ull << 30, 1 << 20, 1 << 20};
    std::string out;
    const Exit e = run_to_completion(
        jailed_command(config, spec, limits,
                       {"/bin/sh", "-c",
                        "id -u; id -g; id -G; grep -E '^Cap(Inh|Prm|Eff|Amb)' /proc/self/status; "
                        "echo x > /proc/sys/kernel/core_pattern || echo refused"}),
        limits, out);
    EXPECT_TRUE(e.exited && e.code == 0) << e.describe() << out;
    const std::string uid = std::to_string(identity.uid());
    EXPECT_EQ(out.rfind(uid + "\n" + uid + "\n" + uid + "\n", 0), 0u) << out;
    for (const char* set : {"CapInh", "CapPrm", "CapEff", "CapAmb"})
      EXPECT_NE(out.find(std::string(set) + ":\t0000000000000000"), std::string::npos)
          << set << " in\n"
          << out;
    EXPECT_NE(out.find("refused"), std::string::npos) << out;
  }
}

// A tool from /usr/bin, shown to a run (which sees only /usr/lib) as /run/tool.
Exit run_tool(const std::string& tool, const std::vector<std::string>& args, std::string& out) {
  SandboxConfig config = SandboxConfig::detect();
  const SandboxIdentity identity = SandboxIdentity::acquire();
  JailSpec spec;
  spec.uid = identity.uid();
  spec.read_only = {{"/usr/bin/" + tool, "/run/tool"}};
  std::vector<std::string> argv = {"/run/tool"};
  argv.insert(argv.end(), args.begin(), args.end());
  const Limits limits{10, 3, 1ull << 30, 1 << 20, 1 << 20};
  return run_to_completion(jailed_command(config, spec, limits, argv), limits, out)
      .with_signal_from_code();
}

TEST(Sandbox, ARunHasNoProcAndCannotOpenFilesForWriting) {
  if (!bubblewrap_or_skip()) GTEST_SKIP() << sandbox_status().why_not;
  std::string out;
  // `test -e /proc/self` fails: there is no /proc at all.
  EXPECT_TRUE(run_tool("test", {"-e", "/proc/self"}, out).code == 1) << out;
  EXPECT_TRUE(run_tool("test", {"-e", "/usr/lib"}, out).code == 0) << out;
  // /tmp is writable by the uid, but the filter refuses the write-open.
  out.clear();
  const Exit touched = run_tool("truncate", {"-s", "0", "/tmp/x"}, out);
  EXPECT_TRUE(touched.exited && touched.code == 1) << touched.describe() << out;
  EXPECT_NE(out.find("Permission denied"), std::string::npos) << out;
}

TEST(Sandbox, TheJailReportsWhatTheKernelMeasured) {
  SandboxConfig config = SandboxConfig::detect();
  const SandboxIdentity identity = SandboxIdentity::acquire();
  JailSpec spec;
  spec.status_fd = true;
  spec.uid = identity.uid();
  std::vector<std::string> argv = {"/usr/bin/true"};
  if (config.use_bubblewrap) {
    spec.read_only = {{"/usr/bin/true", "/run/tool"}};
    argv = {"/run/tool"};
  }
  const Limits limits{10, 3, 1ull << 30, 1 << 20, 1 << 20};
  ProtocolChild child(jailed_command(config, spec, limits, argv), limits);
  const Exit e = child.finish(false, 5.0);
  EXPECT_TRUE(e.exited && e.code == 0) << e.describe();
  ASSERT_TRUE(e.usage.known);
  EXPECT_GT(e.usage.peak_bytes, 100 << 10);  // a process has some resident memory
  EXPECT_LT(e.usage.peak_bytes, 64 << 20);
  EXPECT_GE(e.usage.cpu_seconds, 0.0);
  EXPECT_LT(e.usage.cpu_seconds, 1.0);
}

}  // namespace
}  // namespace judge

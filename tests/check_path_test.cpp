// The check path through its seams: a fake builder and a fake runner stand in
// for the compiler and the processes, so planning, budgets, time and memory
// verdicts, expected values and caching are tested without compiling C++.
#include "check.h"
#include "keys.h"
#include "test_support.h"
#include "toolchain.h"

#include <gtest/gtest.h>

#include <map>

namespace judge {
namespace {

// softmax-like: one sample case, two basic cases and a timed performance case.
const char* const kProblem = R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement: {en: Copy x., zh: 复制 x。}
signature: "Eigen::VectorXf demo(const Eigen::VectorXf& x)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - {name: one, args: {x: [1, 2, 3]}}
  basic:
    note: {en: Basic., zh: 基本。}
    cases:
      - {name: a, args: {x: [4]}}
      - {name: b, args: {x: [5, 6]}}
  performance:
    note: {en: Fast., zh: 快。}
    time_factor: 4
    memory_factor: 2
    cases:
      - {name: big, args: {x: {shape: [1000], fill: 1}}}
)yaml";

Value vector_of(const std::vector<double>& xs) {
  Value v = Value::Tensor(ValueKind::kVector, static_cast<std::int64_t>(xs.size()), 1);
  v.data = xs;
  return v;
}

// Answers every step with its first argument (the reference of "copy x").
std::vector<StepOutcome> echo(const std::vector<Step>& steps) {
  std::vector<StepOutcome> out(1);
  out[0].call.has_result = true;
  out[0].call.result = steps.at(0).args.at(0).value;
  return out;
}

class FakeBuilder final : public ProgramBuilder {
 public:
  std::string program_key(const Problem&, const LearnerSources& s) const override {
    return "program-" + s.source;
  }
  BuildResult build(const Problem&, const LearnerSources& s) override {
    ++builds;
    BuildResult r;
    r.ok = s.source.find("compile error") == std::string::npos && !slow_compiler;
    r.binary = "learner";
    if (!r.ok) r.diagnostics = slow_compiler ? "ran out of time" : "error: expected ';'";
    return r;
  }
  BuildResult build_baseline(const Problem&) override {
    ++baseline_builds;
    return BuildResult{true, false, "baseline", "b", "", false};
  }
  std::string reference_key(const Problem&) const override { return reference_version; }
  BuildResult build_reference(const Problem&) override {
    ++reference_builds;
    return BuildResult{true, false, "reference", "r", "", false};
  }
  int builds = 0;
  int baseline_builds = 0;
  int reference_builds = 0;
  bool slow_compiler = false;
  std::string reference_version = "reference-v1";
};

// The reference echoes its input; the learner's program does what `learner` says.
class FakeRunner final : public ProgramRunner {
 public:
  std::vector<CaseRun> run(const Program& program, const Program* baseline,
                           const std::vector<CaseRequest>& cases, const RunnerOptions& options,
                           std::string&) override {
    calls.push_back({program.binary, program.trusted, baseline != nullptr, cases, options});
    std::vector<CaseRun> runs;
    for (std::size_t i = 0; i < cases.size(); ++i) {
      CaseRun run;
      run.status = CaseRun::Status::kAnswered;
      run.outcomes = echo(*cases[i].steps);
      // Every program reports its call time; the judge may read only the reference's.
      run.outcomes[0].call.seconds = program.binary == "reference" ? reference_seconds : 1e-9;
      if (cases[i].measured && program.binary != "reference") {
        run.usage = {true, learner_cpu, learner_peak};
        run.baseline = {true, 0.010, 4 << 20};
      }
      if (program.binary == "reference" && reference_crashes) {
        run.status = CaseRun::Status::kCrashed;
        run.exit.signal = 11;
      }
      runs.push_back(run);
    }
    return runs;
  }
  struct Call {
    std::string binary;
    bool trusted;
    bool with_baseline;
    std::vector<CaseRequest> cases;
    RunnerOptions options;
  };
  std::vector<Call> calls;
  double reference_seconds = 0.002;  // the reference's time inside its call
  double learner_cpu = 0.013;
  std::int64_t learner_peak = 5 << 20;
  bool reference_crashes = false;
};

class MemoryResults final : public ResultCache {
 public:
  std::optional<CheckResult> load(const std::string& key) override {
    const auto it = saved.find(key);
    if (it == saved.end()) return std::nullopt;
    return it->second;
  }
  void save(const std::string& key, const CheckResult& r) override { saved[key] = r; }
  std::map<std::string, CheckResult> saved;
};

class CheckPath : public ::testing::Test {
 protected:
  CheckPath() : problem_(load_problem(dir_.write("demo.yaml", kProblem))) {
    source_.file_name = "demo.cpp";
    source_.shown_path = "exercises/demo.cpp";
    source_.source = "Eigen::VectorXf demo(const Eigen::VectorXf& x) { return x; }";
  }
  CheckResult check(const CheckOptions& options = CheckOptions{}) {
    return run_check(env_, problem_, source_, options);
  }
  const TestResult& test(const CheckResult& r, const std::string& name) {
    for (const auto& t : r.tests)
      if (t.full_name() == name) return t;
    throw std::runtime_error("no test " + name);
  }

  testing::TempDir dir_;
  Problem problem_;
  LearnerSources source_;
  FakeBuilder builder_;
  FakeRunner runner_;
  ExpectedCache expected_;
  MemoryResults results_;
  CheckEnv env_{builder_, runner_, expected_, results_, "judge-1"};
};

TEST_F(CheckPath, ThePlanGivesEachGroupItsBudgetAndTimesThePerformanceCase) {
  const auto cases = select_cases(problem_, "");
  ASSERT_TRUE(cases);
  std::vector<Expected> expected(cases->size());
  expected.back().seconds = 0.010;  // the reference's time on the performance case
  CheckOptions options;
  options.case_seconds = 2;
  const Plan plan = plan_check(problem_, *cases, expected, options);
  ASSERT_EQ(plan.requests.size(), 4u);
  EXPECT_FALSE(plan.requests[0].measured);
  const CaseRequest& big = plan.requests.back();
  EXPECT_TRUE(big.measured);
  EXPECT_EQ(big.runs, 3);
  // case_seconds + runs x 10 x (time_factor x reference time)
  EXPECT_DOUBLE_EQ(big.wall_seconds, 2 + 3 * 10 * 0.040);
  // The repetitions end once the verdict is settled: within the limit
  // (4 x 10 ms), or beyond three times it; and one run stops at case_seconds
  // plus three times the limit.
  EXPECT_DOUBLE_EQ(big.enough_cpu_seconds, 0.040);
  EXPECT_DOUBLE_EQ(big.hopeless_cpu_seconds, 3 * 0.040);
  EXPECT_DOUBLE_EQ(big.run_wall_seconds, 2 + 3 * 0.040);
  EXPECT_TRUE(plan.measured);
  // sample: one case; basic: two; performance: its case's wall time plus case_seconds.
  EXPECT_DOUBLE_EQ(plan.group_budgets[0], 2.25);
  EXPECT_DOUBLE_EQ(plan.group_budgets[1], 2.5);
  EXPECT_DOUBLE_EQ(plan.group_budgets[2], big.wall_seconds + 2);
}

TEST_F(CheckPath, ThePlanNeverGoesBelowTheTimingFloor) {
  const auto cases = select_cases(problem_, "performance/big");
  ASSERT_TRUE(cases);
  const Plan plan = plan_check(problem_, *cases, std::vector<Expected>(1), CheckOptions{});
  EXPECT_DOUBLE_EQ(plan.requests[0].wall_seconds, 2 + 3 * 10 * kTimingFloorSeconds);
}

TEST_F(CheckPath, ReferenceRunsTrustedAndLearnerSandboxedWithBaselines) {
  const CheckResult r = check();
  ASSERT_TRUE(r.judge_error.empty()) << r.judge_error;
  EXPECT_TRUE(r.all_passed());
  ASSERT_EQ(runner_.calls.size(), 2u);
  EXPECT_EQ(runner_.calls[0].binary, "reference");
  EXPECT_TRUE(runner_.calls[0].trusted);
  // It times the performance case in five fresh runs, by its own clock.
  EXPECT_FALSE(runner_.calls[0].with_baseline);
  EXPECT_TRUE(runner_.calls[0].cases.back().measured);
  EXPECT_EQ(runner_.calls[0].cases.back().runs, 5);
  EXPECT_EQ(runner_.calls[1].binary, "learner");
  EXPECT_FALSE(runner_.calls[1].trusted);
  EXPECT_TRUE(runner_.calls[1].with_baseline);
  // Budgets reach the runner, and the CPU limit leaves room for the timed case.
  EXPECT_EQ(runner_.calls[1].options.group_budgets.size(), problem_.groups.size());
  EXPECT_GT(runner_.calls[1].options.limits.cpu_seconds, CheckOptions{}.run_limits.cpu_seconds);
}

TEST_F(CheckPath, TimeIsJudgedOnCpuLessTheBaselineAgainstTheReference) {
  runner_.reference_seconds = 0.010;  // 10 ms inside the reference's call
  runner_.learner_cpu = 0.045;        // 35 ms over it: within 4 x 10 ms
  EXPECT_TRUE(test(check(), "performance/big").passed());
  runner_.learner_cpu = 0.060;  // 50 ms: over 4 x 10 ms
  CheckOptions fresh;
  fresh.use_cache = false;
  const CheckResult result = check(fresh);  // test() points into it
  const TestResult& t = test(result, "performance/big");
  EXPECT_EQ(t.verdict, Verdict::kTimeLimit);
  EXPECT_NEAR(t.seconds, 0.050, 1e-9);
  EXPECT_NEAR(t.reference_seconds, 0.010, 1e-9);
}

TEST_F(CheckPath, MemoryIsJudgedOnPeakLessTheBaseline) {
  // The inputs are 1000 floats: 2 x 4000 bytes plus the result's copies and 2 MiB slack.
  runner_.learner_peak = (4 << 20) + (1 << 20);
  EXPECT_TRUE(test(check(), "performance/big").passed());
  runner_.learner_peak = (4 << 20) + (64 << 20);
  CheckOptions fresh;
  fresh.use_cache = false;
  EXPECT_EQ(test(check(fresh), "performance/big").verdict, Verdict::kMemoryLimit);
}

TEST_F(CheckPath, AnUnchangedFileIsAnsweredFromTheCacheWithoutBuildingOrRunning) {
  EXPECT_TRUE(check().all_passed());
  const std::size_t calls = runner_.calls.size();
  const CheckResult again = check();
  EXPECT_TRUE(again.all_passed());
  EXPECT_EQ(builder_.builds, 1);
  EXPECT_EQ(runner_.calls.size(), calls);
  EXPECT_EQ(again.file, "exercises/demo.cpp");
}

TEST_F(CheckPath, TheReferenceRunsOncePerProblemAndNotForACompileError) {
  source_.source = "compile error";
  EXPECT_FALSE(check().compiled);
  EXPECT_EQ(builder_.reference_builds, 0);
  source_.source = "one";
  check();
  source_.source = "two";
  check();
  EXPECT_EQ(builder_.reference_builds, 1);
  // A changed reference is a new key: its values are computed again.
  builder_.reference_version = "reference-v2";
  source_.source = "three";
  check();
  EXPECT_EQ(builder_.reference_builds, 2);
}

TEST_F(CheckPath, ACrashingReferenceIsAJudgeErrorNamingTheProblem) {
  runner_.reference_crashes = true;
  const CheckResult r = check();
  EXPECT_NE(r.judge_error.find("reference solution of demo"), std::string::npos) << r.judge_error;
  EXPECT_NE(r.judge_error.find("sample/one"), std::string::npos) << r.judge_error;
  EXPECT_TRUE(r.tests.empty());
  EXPECT_TRUE(results_.saved.empty()) << "a judge error is never cached";
}

// The bug: a result was keyed without the compile limits, so a compile that
// ran out of time at --compile-timeout 1 was replayed at 120.
TEST_F(CheckPath, ACompileTimeoutIsNotReplayedUnderALongerLimit) {
  CheckOptions short_limit;
  short_limit.build_limits.compile.wall_seconds = 1;
  builder_.slow_compiler = true;
  EXPECT_FALSE(check(short_limit).compiled);
  builder_.slow_compiler = false;
  CheckOptions long_limit;
  long_limit.build_limits.compile.wall_seconds = 120;
  EXPECT_TRUE(check(long_limit).all_passed());
  EXPECT_EQ(builder_.builds, 2);
}

TEST_F(CheckPath, TheResultKeyNamesEveryOptionThatChangesAVerdict) {
  const std::string base = check_key(env_, problem_, source_, CheckOptions{});
  auto differs = [&](const std::function<void(CheckOptions&)>& change) {
    CheckOptions o;
    change(o);
    return check_key(env_, problem_, source_, o) != base;
  };
  EXPECT_TRUE(differs([](CheckOptions& o) { o.case_seconds = 3; }));
  EXPECT_TRUE(differs([](CheckOptions& o) { o.only_case = "basic/a"; }));
  EXPECT_TRUE(differs([](CheckOptions& o) { o.run_limits.address_space /= 2; }));
  EXPECT_TRUE(differs([](CheckOptions& o) { o.build_limits.compile.cpu_seconds = 5; }));
  EXPECT_TRUE(
      differs([](CheckOptions& o) { o.sandbox.use_bubblewrap = !o.sandbox.use_bubblewrap; }));
  EXPECT_FALSE(differs([](CheckOptions& o) { o.use_cache = false; }));
  builder_.reference_version = "reference-v2";
  EXPECT_NE(check_key(env_, problem_, source_, CheckOptions{}), base);
  builder_.reference_version = "reference-v1";
  env_.judge = "judge-2";
  EXPECT_NE(check_key(env_, problem_, source_, CheckOptions{}), base);
}

TEST_F(CheckPath, AnUnknownCaseIsAJudgeErrorNamingIt) {
  CheckOptions o;
  o.only_case = "basic/zzz";
  EXPECT_NE(check(o).judge_error.find("no case named basic/zzz"), std::string::npos);
}

// The bug: the toolchain key listed the harness files by hand, and memory.h
// was missing from the list, so changing it rebuilt nothing.
TEST(ToolchainKey, EveryFileOfTheHarnessFolderIsPartOfTheKey) {
  testing::TempDir harness;
  std::filesystem::copy(testing::source_dir() + "/judge/harness", harness.path(),
                        std::filesystem::copy_options::recursive);
  ToolchainPaths paths;
  paths.harness_dir = harness.path();
  paths.cache_dir = harness.path() + "/cache";
  const std::string before = Toolchain(paths).key();
  EXPECT_EQ(Toolchain(paths).key(), before);
  harness.write("memory.h", "// a header the harness starts to include\n");
  const std::string added = Toolchain(paths).key();
  EXPECT_NE(added, before);
  harness.write("memory.h", "// changed\n");
  EXPECT_NE(Toolchain(paths).key(), added);
}

TEST(ToolchainKey, TheRecordsArePartOfTheKey) {
  ToolchainPaths paths;
  paths.harness_dir = testing::source_dir() + "/judge/harness";
  const std::string without = Toolchain(paths).key();
  paths.records = testing::bank_records();
  EXPECT_NE(Toolchain(paths).key(), without);
}

// The header and the harness build beside Eigen's product kernels: a
// failure on either side is reported by name, the other side still
// finishes (no thread is left behind), and nothing half-built passes for
// finished.
TEST(ToolchainBuild, AFailureOnEitherSideIsNamedAndNothingHalfBuiltIsKept) {
  namespace fs = std::filesystem;
  for (const std::string broken : {"eigen_products.cpp", "main.cpp"}) {
    testing::TempDir harness;
    fs::copy(testing::source_dir() + "/judge/harness", harness.path(), fs::copy_options::recursive);
    const std::string good = testing::read_text(harness.path() + "/" + broken);
    ToolchainPaths paths;
    paths.harness_dir = harness.path();
    paths.cache_dir = harness.path() + "/cache";
    paths.records = testing::bank_records();
    harness.write(broken, "this does not compile;\n" + good);
    Toolchain failing(paths);
    std::string error;
    EXPECT_FALSE(failing.ensure(error)) << broken;
    const std::string named =
        broken == "main.cpp" ? "building the harness failed" : "building Eigen's product kernels";
    EXPECT_NE(error.find(named), std::string::npos) << error;
    const std::string other = broken == "main.cpp" ? "eigen_products.o" : "main.o";
    const std::string missing = broken == "main.cpp" ? "main.o" : "eigen_products.o";
    EXPECT_TRUE(fs::exists(failing.dir() + "/" + other)) << "the other side finished";
    EXPECT_FALSE(fs::exists(failing.dir() + "/" + missing));
    for (const auto& entry : fs::directory_iterator(failing.dir()))
      EXPECT_EQ(entry.path().string().find(".tmp"), std::string::npos) << entry.path();
  }
}

TEST(ExpectedValues, RoundTripThroughTheirCacheFormatAndRejectDamage) {
  std::vector<Expected> values(2);
  values[0].seconds = 0.25;
  values[0].steps.resize(1);
  values[0].steps[0].call.has_result = true;
  values[0].steps[0].call.result = vector_of({1, -2.5});
  values[1].steps.resize(1);
  values[1].steps[0].status = wire::CallStatus::kInvalidArgument;
  values[1].steps[0].exception_type = "std::invalid_argument";
  const std::string bytes = encode_expected(values);
  const auto back = decode_expected(bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ((*back)[0].seconds, 0.25);
  EXPECT_EQ((*back)[0].steps[0].call.result.data, values[0].steps[0].call.result.data);
  EXPECT_EQ((*back)[1].steps[0].status, wire::CallStatus::kInvalidArgument);
  EXPECT_FALSE(decode_expected(bytes.substr(0, bytes.size() - 3)));
  EXPECT_FALSE(decode_expected("not a cache file"));
}

// The skip rule lives in the runner: after two timeouts the rest is not run.
// A shell's sleep stands in for a program; no compiler is involved.
TEST(Runner, AfterTwoTimeoutsTheRestIsNotRun) {
  std::vector<Step> steps(1);
  std::vector<CaseRequest> cases(4);
  for (auto& c : cases) {
    c.steps = &steps;
    c.wall_seconds = 0.2;
  }
  RunnerOptions options;
  options.limits = Limits{1, 1, 1ull << 30, 1 << 20, 1 << 20};
  std::string output;
  const auto runs = run_cases({"/bin/sleep", "10"}, {}, cases, options, output);
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[0].status, CaseRun::Status::kTimeout);
  EXPECT_EQ(runs[1].status, CaseRun::Status::kTimeout);
  EXPECT_EQ(runs[2].status, CaseRun::Status::kNotRun);
  EXPECT_EQ(runs[3].status, CaseRun::Status::kNotRun);
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// A reference is named by its contents, not by where the bank is: two copies
// of the bank share one built program (and a shared cache shares it).
TEST(ReferenceKey, TwoCopiesOfTheBankShareItAndAnEditChangesIt) {
  testing::TempDir first, second;
  testing::copy_bank(first);
  testing::copy_bank(second);
  auto key = [](const testing::TempDir& bank) {
    const Workspace ws = Workspace::at(bank.path());
    BuildPaths paths = build_paths(ws, SandboxConfig::detect());
    const Problem problem = load_problem(bank.path() + "/problems/softmax.yaml");
    return Builder(paths, BuildLimits{}).reference_key(problem);
  };
  EXPECT_EQ(key(first), key(second));
  second.write("solutions/softmax/reference.cpp",
               testing::read_text(second.path() + "/solutions/softmax/reference.cpp") + "\n");
  EXPECT_NE(key(first), key(second));
  // A shared header of the bank counts too.
  first.write("solutions/reference_blocks.h",
              testing::read_text(first.path() + "/solutions/reference_blocks.h") + "// x\n");
  const std::string edited = key(first);
  first.write("solutions/reference_blocks.h",
              testing::read_text(second.path() + "/solutions/reference_blocks.h"));
  EXPECT_NE(edited, key(first));
}

}  // namespace
}  // namespace judge

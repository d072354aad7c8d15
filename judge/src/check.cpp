#include "check.h"

#include "case_verdict.h"
#include "cases.h"
#include "compare.h"
#include "expected.h"
#include "hashing.h"
#include "result_store.h"
#include "runner.h"
#include "text.h"

#include <fmt/format.h>

#include <sys/stat.h>
#include <csignal>
#include <filesystem>
#include <functional>

namespace judge {
namespace fs = std::filesystem;
namespace {

// Everything in a result that the learner's file or program wrote.
void make_printable(CheckResult& result) {
  result.program_output = printable(result.program_output);
  result.compile_output = printable(result.compile_output);
  for (TestResult& t : result.tests) t.message = printable(t.message);
}

}  // namespace

BuildPaths build_paths(const Workspace& ws, const SandboxConfig& sandbox) {
  BuildPaths paths;
  paths.harness_dir = ws.harness_dir();
  paths.exercises_dir = ws.exercise_header_dir();
  paths.cache_dir = ws.cache_dir();
  paths.sandbox = sandbox;
  return paths;
}

std::string judge_identity() {
  struct stat s {};
  if (stat("/proc/self/exe", &s) != 0) return "unknown";
  return fmt::format("{}-{}", static_cast<long long>(s.st_size),
                     static_cast<long long>(s.st_mtime));
}

std::string check_key(const Builder& builder, const Problem& problem, const LearnerSources& sources,
                      const CheckOptions& options) {
  std::string problem_text;
  read_file(problem.file, problem_text);
  return Hasher()
      .add(builder.program_key(problem, sources))
      .add(problem_text)
      .add(judge_identity())
      .add(options.only_case)
      .add(options.sandbox.use_bubblewrap ? "bwrap" : "jail")
      .add(fmt::format("{}", options.case_seconds))
      .hex();
}

namespace {

// Ordinary cases take microseconds: a group's cases together may take the
// per-case limit once, plus this much each for restarts after crashes. A
// program that sleeps just under the per-case limit in every case is then
// stopped by its group's budget, not after minutes.
constexpr double kBudgetPerCaseSeconds = 0.25;

struct Plan {
  std::vector<CaseRequest> requests;
  std::vector<double> group_budgets;
  bool measured = false;   // some case needs the baseline program
  double cpu_seconds = 0;  // added to the process's CPU limit for timed cases
};

// Which cases, with which limits: a pure function of the problem, the
// cases, their expected values and the options.
Plan plan_check(const Problem& problem, const std::vector<TestCase>& cases,
                const std::vector<Expected>& expected, const CheckOptions& options) {
  Plan plan;
  std::vector<int> cases_per_group(problem.groups.size(), 0);
  std::vector<double> performance_seconds(problem.groups.size(), 0);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const Group& group = *cases[i].group;
    CaseRequest r;
    r.steps = &cases[i].spec.steps;
    r.wall_seconds = options.case_seconds;
    r.max_reply_bytes = max_reply_bytes(expected[i]);
    r.group = static_cast<std::size_t>(&group - problem.groups.data());
    if (group.kind == GroupKind::kPerformance &&
        (group.time_factor > 0 || group.memory_factor > 0)) {
      r.measured = true;
      r.runs = group.time_factor > 0 ? 3 : 1;
      const double limit = std::max(kTimingFloorSeconds, group.time_factor * expected[i].seconds);
      r.wall_seconds = options.case_seconds + r.runs * 10 * limit;
      plan.measured = true;
      plan.cpu_seconds += r.wall_seconds;
      performance_seconds[r.group] += r.wall_seconds;
    }
    ++cases_per_group[r.group];
    plan.requests.push_back(r);
  }
  for (std::size_t g = 0; g < problem.groups.size(); ++g)
    plan.group_budgets.push_back(problem.groups[g].kind == GroupKind::kPerformance
                                     ? performance_seconds[g] + options.case_seconds
                                     : options.case_seconds +
                                           kBudgetPerCaseSeconds * cases_per_group[g]);
  return plan;
}

}  // namespace

CheckResult check_problem(const Workspace& ws, const Problem& problem, const std::string& file,
                          const CheckOptions& options) {
  LearnerSources sources;
  const ReadStatus read = read_learner_file(file, sources);
  if (!read.ok) return refused_result(problem, file, read.refusal);
  return check_sources(ws, problem, sources, options);
}

CheckResult refused_result(const Problem& problem, const std::string& file,
                           const std::string& refusal) {
  CheckResult result;
  result.problem = problem.id;
  result.file = file;
  result.refused = printable(refusal);
  return result;
}

namespace {

// Results and diagnostics are cached by content and shared by everyone who
// hands in the same bytes: only here does a result get its learner's path.
CheckResult for_learner(CheckResult result, const LearnerSources& sources) {
  result.file = sources.shown_path;
  const std::string token = kLearnerFileToken;
  const std::string path = printable(sources.shown_path);
  for (std::size_t at = result.compile_output.find(token); at != std::string::npos;
       at = result.compile_output.find(token, at + path.size()))
    result.compile_output.replace(at, token.size(), path);
  return result;
}

CheckResult check_fresh(const Problem& problem, const LearnerSources& sources,
                        const CheckOptions& options, Builder& builder,
                        const std::string& results_path);

}  // namespace

CheckResult check_sources(const Workspace& ws, const Problem& problem,
                          const LearnerSources& sources, const CheckOptions& options) {
  Builder builder(build_paths(ws, options.sandbox), options.build_limits);
  const std::string results_key = check_key(builder, problem, sources, options);
  const std::string results_path = ws.cache_dir() + "/results/" + results_key + ".json";
  if (options.use_cache) {
    if (auto cached = load_result(results_path)) return for_learner(*cached, sources);
  }
  return for_learner(check_fresh(problem, sources, options, builder, results_path), sources);
}

namespace {

CheckResult check_fresh(const Problem& problem, const LearnerSources& sources,
                        const CheckOptions& options, Builder& builder,
                        const std::string& results_path) {
  CheckResult result;
  result.problem = problem.id;
  std::vector<TestCase> cases = expand_cases(problem);
  if (!options.only_case.empty()) {
    std::vector<TestCase> picked;
    for (auto& c : cases)
      if (c.full_name() == options.only_case) picked.push_back(c);
    if (picked.empty()) {
      result.judge_error = "no case named " + options.only_case + " in " + problem.id;
      return result;
    }
    cases = picked;
  }
  const BuildResult build = builder.build(problem, sources);
  if (!build.ok) {
    if (build.judge_fault) {
      result.judge_error = build.diagnostics;
      return result;
    }
    result.compiled = false;
    result.compile_output = build.diagnostics;
    make_printable(result);
    save_result(results_path, result);
    return result;
  }
  result.compile_output = build.diagnostics;

  // Expected values only after a successful build: a compile error answers at once.
  // Shared with other checks of this problem when grading, computed here otherwise.
  std::vector<Expected> computed;
  const std::vector<Expected>* shared = nullptr;
  try {
    if (options.expected_cache != nullptr)
      shared = &options.expected_cache->get(problem, cases, options.only_case);
    else
      for (const TestCase& c : cases) computed.push_back(compute_expected(problem, c));
  } catch (const std::exception& e) {
    result.judge_error = e.what();
    return result;
  }
  const std::vector<Expected>& expected = shared != nullptr ? *shared : computed;
  const Plan plan = plan_check(problem, cases, expected, options);

  // Performance cases are measured against the problem's untouched stub,
  // built and run the same way (it is the judge's own code: trusted).
  std::string baseline_binary;
  if (plan.measured) {
    const BuildResult baseline = builder.build_baseline(problem);
    if (!baseline.ok) {
      result.judge_error = baseline.diagnostics;
      return result;
    }
    baseline_binary = baseline.binary;
  }
  RunnerOptions runner_options;
  runner_options.limits = options.run_limits;
  runner_options.group_budgets = plan.group_budgets;
  // The process's CPU limit must not decide a performance case before its
  // time_factor does.
  runner_options.limits.cpu_seconds += plan.cpu_seconds;
  // The program sees itself, the shared libraries and a private /tmp, as a
  // uid of its own when the judge is root; at most kRunProcesses tasks.
  const SandboxIdentity identity = SandboxIdentity::acquire();
  auto command = [&](const std::string& binary) {
    JailSpec jail;
    jail.status_fd = true;
    jail.uid = identity.uid();
    jail.max_processes = kRunProcesses;
    std::vector<std::string> program = {binary};
    if (options.sandbox.use_bubblewrap) {
      jail.read_only = {{binary, "/run/program"}};
      program = {"/run/program"};
    }
    return jailed_command(options.sandbox, jail, runner_options.limits, program);
  };
  const std::vector<CaseRun> runs =
      run_cases(command(build.binary),
                baseline_binary.empty() ? std::vector<std::string>() : command(baseline_binary),
                plan.requests, runner_options, result.program_output);

  for (std::size_t i = 0; i < cases.size(); ++i) {
    const TestCase& c = cases[i];
    TestResult t;
    t.group = c.group->name;
    t.name = c.spec.name;
    t.origin = c.spec.origin;
    t.inputs = describe_inputs(problem, c.spec);
    judge_failed_run(runs[i], plan.requests[i].wall_seconds, t);
    if (runs[i].status == CaseRun::Status::kTimeout && !runs[i].budget_limited &&
        c.group->kind == GroupKind::kPerformance)
      t.message = fmt::format(
          "your call did not finish within {:.1f} s; the reference takes {:.2f} ms on the same "
          "input and this group allows {:g} x that: the complexity class is too high",
          plan.requests[i].wall_seconds, expected[i].seconds * 1e3, c.group->time_factor);
    if (runs[i].status == CaseRun::Status::kAnswered) {
      compare_case(problem, c, expected[i], runs[i].outcomes, t);
      judge_measured_run(c, expected[i], runs[i], t);
    }
    result.tests.push_back(std::move(t));
  }
  make_printable(result);
  save_result(results_path, result);
  return result;
}

}  // namespace

}  // namespace judge

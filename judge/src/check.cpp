#include "check.h"

#include "case_verdict.h"
#include "cases.h"
#include "compare.h"
#include "diagnosis.h"
#include "hashing.h"
#include "keys.h"
#include "result_store.h"
#include "runner.h"
#include "runtime_explain.h"
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
  for (TestResult& t : result.tests) {
    t.message = printable(t.message);
    t.message_zh = printable(t.message_zh);
    t.output = printable(t.output);
  }
}

// Ordinary cases take microseconds: a group's cases together may take the
// per-case limit once, plus this much each for restarts after crashes. A
// program that sleeps just under the per-case limit in every case is then
// stopped by its group's budget, not after minutes.
constexpr double kBudgetPerCaseSeconds = 0.25;

// What is kept of one case's output: enough for an assertion's text and a
// few lines of the learner's own prints.
constexpr std::size_t kCaseOutputBytes = 4000;

std::string spell_limits(const Limits& l) {
  return fmt::format("wall {} cpu {} as {} fsize {} out {}", l.wall_seconds, l.cpu_seconds,
                     l.address_space, l.file_size, l.output_bytes);
}

}  // namespace

std::optional<CheckResult> DiskResultCache::load(const std::string& key) {
  return load_result(dir_ + "/" + key + ".json");
}

void DiskResultCache::save(const std::string& key, const CheckResult& result) {
  save_result(dir_ + "/" + key + ".json", result);
}

BuildPaths build_paths(const Workspace& ws, const SandboxConfig& sandbox) {
  BuildPaths paths;
  paths.toolchain.harness_dir = ws.harness_dir();
  paths.toolchain.cache_dir = ws.cache_dir();
  paths.toolchain.records = load_records(ws.problems_dir() + "/records.yaml");
  paths.solutions_dir = ws.solutions_dir();
  paths.sandbox = sandbox;
  return paths;
}

std::string judge_identity() {
  struct stat s {};
  if (stat("/proc/self/exe", &s) != 0) return "unknown";
  return fmt::format("{}-{}", static_cast<long long>(s.st_size),
                     static_cast<long long>(s.st_mtime));
}

std::string expected_key_for(const ProgramBuilder& builder, const Problem& problem,
                             const std::string& only_case) {
  ExpectedInputs in;
  in.reference = builder.reference_key(problem);
  read_file(problem.file, in.problem_text);
  in.selection = only_case;
  return expected_key(in);
}

namespace {

// The problem's known solutions, when this check names mistakes.
std::vector<KnownSolution> known_mistakes_of(const Problem& problem, const CheckOptions& options) {
  if (!options.diagnose || options.known_mistakes_dir.empty()) return {};
  return known_solutions(options.known_mistakes_dir, problem.id);
}

// The result key, given the expected values' key (run_check has it already).
std::string result_key_for(const CheckEnv& env, const Problem& problem,
                           const LearnerSources& sources, const CheckOptions& options,
                           const std::string& expected) {
  ResultInputs in;
  in.program = env.builder.program_key(problem, sources);
  in.expected = expected;
  in.judge = env.judge;
  in.options = fmt::format(
      "case {} | case_seconds {} | compile {} | run {} | sandbox {} | known mistakes {}",
      options.only_case, options.case_seconds, spell_limits(options.build_limits.compile),
      spell_limits(options.run_limits), options.sandbox.use_bubblewrap ? "bwrap" : "jail",
      known_mistakes_fingerprint(known_mistakes_of(problem, options)));
  return result_key(in);
}

}  // namespace

std::string check_key(const CheckEnv& env, const Problem& problem, const LearnerSources& sources,
                      const CheckOptions& options) {
  return result_key_for(env, problem, sources, options,
                        expected_key_for(env.builder, problem, options.only_case));
}

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
    if (group.measured()) {
      r.measured = true;
      r.runs = group.time_factor > 0 ? 3 : 1;
      const double limit = std::max(kTimingFloorSeconds, group.time_factor * expected[i].seconds);
      r.wall_seconds = options.case_seconds + r.runs * 10 * limit;
      if (group.time_factor > 0) {
        r.enough_cpu_seconds = limit;
        r.hopeless_cpu_seconds = 3 * limit;
        r.run_wall_seconds = options.case_seconds + 3 * limit;
      }
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

std::optional<std::vector<TestCase>> select_cases(const Problem& problem,
                                                  const std::string& only_case) {
  std::vector<TestCase> cases = expand_cases(problem);
  if (only_case.empty()) return cases;
  std::vector<TestCase> picked;
  for (auto& c : cases)
    if (c.full_name() == only_case) picked.push_back(c);
  if (picked.empty()) return std::nullopt;
  return picked;
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

CheckResult check_fresh(CheckEnv& env, const Problem& problem, const LearnerSources& sources,
                        const CheckOptions& options, const std::string& key,
                        const std::string& expected_key);

}  // namespace

CheckResult run_check(CheckEnv& env, const Problem& problem, const LearnerSources& sources,
                      const CheckOptions& options) {
  // Reading the reference's sources and the problem file once per check.
  const std::string expected_key = expected_key_for(env.builder, problem, options.only_case);
  const std::string key = result_key_for(env, problem, sources, options, expected_key);
  if (options.use_cache)
    if (auto cached = env.results.load(key)) return for_learner(*cached, sources);
  return for_learner(check_fresh(env, problem, sources, options, key, expected_key), sources);
}

namespace {

CheckResult check_fresh(CheckEnv& env, const Problem& problem, const LearnerSources& sources,
                        const CheckOptions& options, const std::string& key,
                        const std::string& expected_key) {
  CheckResult result;
  result.problem = problem.id;
  const auto selected = select_cases(problem, options.only_case);
  if (!selected) {
    result.judge_error = "no case named " + options.only_case + " in " + problem.id;
    return result;
  }
  const std::vector<TestCase>& cases = *selected;
  const BuildResult build = env.builder.build(problem, sources);
  if (!build.ok) {
    if (build.judge_fault) {
      result.judge_error = build.diagnostics;
      return result;
    }
    result.compiled = false;
    result.compile_output = build.diagnostics;
    make_printable(result);
    env.results.save(key, result);
    return result;
  }
  result.compile_output = build.diagnostics;

  // Expected values only after a successful build: a compile error answers
  // at once. Computed by the reference program once per problem and cases.
  const std::vector<Expected>* expected_values = nullptr;
  try {
    expected_values = &env.expected.get(
        expected_key, [&] { return run_reference(problem, cases, env.builder, env.runner); });
  } catch (const std::exception& e) {
    result.judge_error = e.what();
    return result;
  }
  const std::vector<Expected>& expected = *expected_values;
  const Plan plan = plan_check(problem, cases, expected, options);

  // Performance cases are measured against the problem's untouched stub,
  // built and run the same way (it is the judge's own code: trusted).
  Program baseline;
  if (plan.measured) {
    const BuildResult built = env.builder.build_baseline(problem);
    if (!built.ok) {
      result.judge_error = built.diagnostics;
      return result;
    }
    baseline = Program{built.binary, false, ""};
  }
  RunnerOptions runner_options;
  runner_options.limits = options.run_limits;
  runner_options.group_budgets = plan.group_budgets;
  // The process's CPU limit must not decide a performance case before its
  // time_factor does.
  runner_options.limits.cpu_seconds += plan.cpu_seconds;
  const std::vector<CaseRun> runs =
      env.runner.run(Program{build.binary, false, ""}, plan.measured ? &baseline : nullptr,
                     plan.requests, runner_options, result.program_output);
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const TestCase& c = cases[i];
    TestResult t;
    t.group = c.group->name;
    t.name = c.spec.name;
    t.origin = c.spec.origin;
    t.inputs = describe_inputs(problem, c.spec);
    judge_failed_run(runs[i], plan.requests[i].wall_seconds, t);
    t.output = utf8_prefix(runs[i].output, kCaseOutputBytes);
    if (t.verdict == Verdict::kRuntimeError)
      t.explanation = explain_runtime_error(runs[i].output, runs[i].exit.signal);
    if (runs[i].status == CaseRun::Status::kTimeout && !runs[i].budget_limited &&
        c.group->kind == GroupKind::kPerformance) {
      const double stopped_at = plan.requests[i].run_wall_seconds > 0
                                    ? plan.requests[i].run_wall_seconds
                                    : plan.requests[i].wall_seconds;
      t.say(fmt::format("your call did not finish within {:.1f} s; the reference takes {:.2f} ms "
                        "on the same input and this group allows {:g} x that: the complexity "
                        "class is too high",
                        stopped_at, expected[i].seconds * 1e3, c.group->time_factor),
            fmt::format("你的调用在 {:.1f} 秒内没有完成；参考解在相同输入上只需 {:.2f} 毫秒，"
                        "这一组允许它的 {:g} 倍：复杂度太高",
                        stopped_at, expected[i].seconds * 1e3, c.group->time_factor));
    }
    if (runs[i].status == CaseRun::Status::kAnswered) {
      compare_case(problem, c, expected[i], runs[i].outcomes, t);
      judge_measured_run(c, expected[i], runs[i], t);
    }
    result.tests.push_back(std::move(t));
  }
  if (!result.all_passed()) {
    DiagnosisInputs in{&problem,
                       &cases,
                       &runs,
                       &result.tests,
                       &expected,
                       expected_key,
                       known_mistakes_of(problem, options),
                       runner_options,
                       options.case_seconds};
    in.run_options.group_budgets.clear();
    try {
      result.diagnosis = diagnose(in, env.builder, env.runner, env.expected);
    } catch (const std::exception&) {
      // Naming the mistake is a courtesy: the verdict stands without it.
    }
  }
  make_printable(result);
  env.results.save(key, result);
  return result;
}

}  // namespace

WorkspaceChecker::WorkspaceChecker(const Workspace& ws, const CheckOptions& options)
    : builder_(build_paths(ws, options.sandbox), options.build_limits),
      runner_(options.sandbox),
      own_expected_(ws.cache_dir() + "/expected"),
      results_(ws.cache_dir() + "/results"),
      env_{builder_, runner_,
           options.expected_cache != nullptr ? *options.expected_cache : own_expected_, results_,
           judge_identity()} {}

CheckResult check_sources(const Workspace& ws, const Problem& problem,
                          const LearnerSources& sources, const CheckOptions& options) {
  CheckOptions with_mistakes = options;
  if (with_mistakes.known_mistakes_dir.empty())
    with_mistakes.known_mistakes_dir = ws.solutions_dir();
  WorkspaceChecker checker(ws, with_mistakes);
  return run_check(checker.env(), problem, sources, with_mistakes);
}

CheckResult check_problem(const Workspace& ws, const Problem& problem, const std::string& file,
                          const CheckOptions& options) {
  LearnerSources sources;
  const ReadStatus read = read_learner_file(file, sources);
  if (!read.ok) return refused_result(problem, file, read.refusal);
  return check_sources(ws, problem, sources, options);
}

}  // namespace judge

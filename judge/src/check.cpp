#include "check.h"

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

// A timing floor below which clocks and scheduling dominate: a limit this
// small would be noise, not a complexity class.
constexpr double kTimingFloorSeconds = 0.002;

// The size of a case's inputs as the learner's program holds them (float32).
std::int64_t input_bytes(const CaseSpec& spec) {
  std::int64_t total = 0;
  std::function<void(const Value&)> add = [&](const Value& v) {
    if (v.kind == ValueKind::kRecord) {
      for (const Value& f : v.fields) add(f);
      return;
    }
    total += static_cast<std::int64_t>(v.data.size()) * (v.kind == ValueKind::kMask ? 1 : 4);
  };
  for (const Step& step : spec.steps)
    for (const ArgRef& a : step.args)
      if (a.is_inline) add(a.value);
  return total;
}

std::string mebibytes(std::int64_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1 << 20));
}

void fill_from_run(const CaseRun& run, TestResult& t, double case_seconds) {
  switch (run.status) {
    case CaseRun::Status::kTimeout:
      t.verdict = Verdict::kTimeLimit;
      t.message =
          fmt::format("no answer within {:.1f} s of wall-clock time (an endless loop, or a sleep?)",
                      case_seconds);
      return;
    case CaseRun::Status::kOutputLimit:
      t.verdict = Verdict::kOutputLimit;
      t.message = "the program printed more than 1 MiB; remove the prints inside your loops";
      return;
    case CaseRun::Status::kProtocolError:
      t.verdict = Verdict::kRuntimeError;
      t.message = "the program wrote something unreadable on the judge's channel";
      return;
    case CaseRun::Status::kNotRun:
      t.verdict = Verdict::kTimeLimit;
      t.message = "not run: earlier cases already ran out of time or memory";
      return;
    case CaseRun::Status::kCrashed:
      if (run.exit.signal == SIGXCPU) {
        t.verdict = Verdict::kTimeLimit;
        t.message = "the program used up its CPU time";
      } else if (run.exit.signal == SIGSYS) {
        t.verdict = Verdict::kRuntimeError;
        t.message =
            "the sandbox stopped the program: it made a system call that an exercise has no "
            "need for (a new process, the network, ptrace, changing its limits, signalling "
            "another process...)";
      } else if (run.exit.exited) {
        t.verdict = Verdict::kRuntimeError;
        t.message = fmt::format(
            "the program {} during the call, before answering (exit() or "
            "a failed Eigen assertion?)",
            run.exit.describe());
      } else {
        t.verdict = Verdict::kRuntimeError;
        t.message = "the program was " + run.exit.describe() + " during the call" +
                    (run.exit.signal == SIGSEGV   ? " (an index out of range, or a null pointer?)"
                     : run.exit.signal == SIGABRT ? " (an uncaught exception outside the call, or "
                                                    "an Eigen assertion: see the output below)"
                                                  : "");
      }
      return;
    case CaseRun::Status::kAnswered:
      return;
  }
}

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

CheckResult check_problem(const Workspace& ws, const Problem& problem, const std::string& file,
                          const CheckOptions& options) {
  CheckResult result;
  result.problem = problem.id;
  result.file = file;
  LearnerSources sources;
  if (!read_learner_sources(file, sources)) {
    result.judge_error =
        "cannot read " + file + " (run `judge reset " + problem.id + "` to restore the stub)";
    return result;
  }
  Builder builder(build_paths(ws, options.sandbox), options.build_limits);
  const std::string results_key = check_key(builder, problem, sources, options);
  const std::string results_path = ws.cache_dir() + "/results/" + results_key + ".json";
  if (options.use_cache) {
    if (auto cached = load_result(results_path)) {
      cached->file = file;
      return *cached;
    }
  }

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
  const BuildResult build = builder.build(problem, file);
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
  std::vector<CaseRequest> requests;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    CaseRequest r;
    r.steps = &cases[i].spec.steps;
    r.wall_seconds = options.case_seconds;
    if (cases[i].group->kind == GroupKind::kPerformance) {
      r.repeat = 3;
      const double limit =
          std::max(kTimingFloorSeconds, cases[i].group->time_factor * expected[i].seconds);
      r.wall_seconds = options.case_seconds + 3 * 10 * limit;
      r.measure_memory = cases[i].group->memory_factor > 0;
      if (cases[i].group->time_factor == 0) r.repeat = 1;
    }
    requests.push_back(r);
  }
  RunnerOptions runner_options;
  runner_options.limits = options.run_limits;
  // The process's CPU limit must not decide a performance case before its
  // time_factor does: add each timed case's budget to it.
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (cases[i].group->kind == GroupKind::kPerformance)
      runner_options.limits.cpu_seconds += requests[i].wall_seconds * requests[i].repeat;
  // Inside bubblewrap the program sees itself, the shared libraries, /proc and a private /tmp.
  JailSpec jail;
  jail.status_fd = true;
  std::vector<std::string> program = {build.binary};
  if (options.sandbox.use_bubblewrap) {
    jail.read_only = {{build.binary, "/run/program"}};
    program = {"/run/program"};
  }
  const std::vector<CaseRun> runs =
      run_cases(jailed_command(options.sandbox, jail, runner_options.limits, program), requests,
                runner_options, result.program_output);

  for (std::size_t i = 0; i < cases.size(); ++i) {
    const TestCase& c = cases[i];
    TestResult t;
    t.group = c.group->name;
    t.name = c.spec.name;
    t.origin = c.spec.origin;
    t.inputs = describe_inputs(problem, c.spec);
    fill_from_run(runs[i], t, requests[i].wall_seconds);
    if (runs[i].status == CaseRun::Status::kTimeout && c.group->kind == GroupKind::kPerformance)
      t.message = fmt::format(
          "your call did not finish within {:.1f} s; the reference takes {:.2f} ms on the same "
          "input and "
          "this group allows {:g} x that: the complexity class is too high",
          requests[i].wall_seconds, expected[i].seconds * 1e3, c.group->time_factor);
    if (runs[i].status == CaseRun::Status::kAnswered) {
      compare_case(problem, c, expected[i], runs[i].outcomes, t);
      const double memory_factor = c.group->memory_factor;
      if (t.passed() && memory_factor > 0) {
        const std::int64_t inputs = input_bytes(c.spec);
        const auto limit = static_cast<std::int64_t>(memory_factor * static_cast<double>(inputs));
        if (runs[i].peak_bytes > limit) {
          t.verdict = Verdict::kMemoryLimit;
          t.message = fmt::format(
              "allocated {} during the call; this group allows {} ({:g} x the {} of inputs)",
              mebibytes(runs[i].peak_bytes), mebibytes(limit), memory_factor, mebibytes(inputs));
        } else if (runs[i].static_bytes > limit) {
          t.verdict = Verdict::kMemoryLimit;
          t.message = fmt::format(
              "static initialisation took {} before the call (a static buffer?); this group "
              "allows {} in all",
              mebibytes(runs[i].static_bytes), mebibytes(limit));
        }
      }
      if (t.passed() && c.group->kind == GroupKind::kPerformance && c.group->time_factor > 0) {
        t.seconds = runs[i].seconds;
        t.reference_seconds = expected[i].seconds;
        t.limit_seconds = std::max(kTimingFloorSeconds, c.group->time_factor * expected[i].seconds);
        if (t.seconds > t.limit_seconds) {
          t.verdict = Verdict::kTimeLimit;
          t.message = fmt::format(
              "your call took {:.1f} ms; the reference took {:.2f} ms on the same input, and this "
              "group "
              "allows {:g} x that ({:.1f} ms): the complexity class is too high",
              t.seconds * 1e3, t.reference_seconds * 1e3, c.group->time_factor,
              t.limit_seconds * 1e3);
        }
      }
    }
    result.tests.push_back(std::move(t));
  }
  make_printable(result);
  save_result(results_path, result);
  return result;
}

}  // namespace judge

#include "verify.h"

#include "cases.h"
#include "check.h"
#include "expected.h"
#include "hashing.h"
#include "known_solutions.h"
#include "learner_files.h"
#include "parallel.h"
#include "promise.h"
#include "records.h"
#include "stub.h"
#include "toolchain.h"
#include "verify_texts.h"
#include "worked_example.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace judge {
namespace {

bool promises_compile_error(const std::vector<Expectation>& expect) {
  return std::any_of(expect.begin(), expect.end(),
                     [](const Expectation& e) { return e.verdict == "compile_error"; });
}

CheckOptions check_options(const VerifyOptions& o, ExpectedCache& expected,
                           bool expects_compile_error) {
  CheckOptions c;
  c.diagnose = false;  // the known solutions are what is being verified
  c.case_seconds = o.case_seconds;
  c.use_cache = o.use_cache;
  const double compile = expects_compile_error ? o.compile_error_seconds : o.compile_seconds;
  c.build_limits.compile.wall_seconds = compile;
  c.build_limits.compile.cpu_seconds = compile;
  c.expected_cache = &expected;
  return c;
}

void check_header(const Bank& bank, const Workspace& ws, bool write, VerifyReport& report) {
  const std::string path = ws.bank_root + "/exercises/exercise.h";
  const std::string want = exercise_header(bank.records);
  std::string have;
  const bool exists = read_file(path, have);
  if (exists && have == want) return;
  if (write) {
    write_atomically(path, want);
    report.notes.push_back("wrote " + path + " from problems/records.yaml");
    return;
  }
  report.failures.push_back(
      path + (exists ? " differs from the header problems/records.yaml describes" : " is missing") +
      ": run `judge verify --write-header` to write it (learners include it from their exercises)");
}

// Everything one problem's files need checked, filled in by parallel jobs.
class ProblemRun {
 public:
  ProblemRun(const Problem& p, const Workspace& ws, const VerifyOptions& o, ExpectedCache& expected)
      : p_(p), ws_(ws), o_(o), expected_(expected) {
    solutions_ = known_solutions(ws.solutions_dir(), p.id);
    results_.resize(solutions_.size());
    stub_path_ = ws.bank_root + "/exercises/" + p.id + ".cpp";
  }

  // Job 0 runs the reference and checks the example; job 1 checks the stub;
  // the others check the known solutions.
  std::size_t jobs() const { return solutions_.size() + 2; }
  void run(std::size_t job) {
    try {
      if (job == 0)
        reference();
      else if (job == 1)
        stub_ = check_file(stub_path_, {{"not_implemented", "*"}});
      else
        results_[job - 2] = check_file(solutions_[job - 2].path, solutions_[job - 2].expect);
    } catch (const std::exception& e) {
      // The judge itself failed (a full disk, say): report it, keep going.
      std::lock_guard<std::mutex> lock(mutex_);
      judge_errors_.push_back(fmt::format("{}: the judge failed: {}", p_.id, e.what()));
    }
  }

  ProblemReport report() const;

 private:
  void reference();
  CheckResult check_file(const std::string& path, const std::vector<Expectation>& expect) {
    if (path == stub_path_ && !std::filesystem::exists(path)) return CheckResult{};
    LearnerSources sources;
    const ReadStatus read = read_learner_file(path, sources);
    if (!read.ok) return refused_result(p_, path, read.refusal);
    return check_sources(ws_, p_, sources,
                         check_options(o_, expected_, promises_compile_error(expect)));
  }
  void inventory(ProblemReport& r) const;
  void stub(ProblemReport& r) const;

  const Problem& p_;
  const Workspace& ws_;
  const VerifyOptions& o_;
  ExpectedCache& expected_;
  std::vector<KnownSolution> solutions_;
  std::string stub_path_;
  // Filled in by the jobs, each its own slot.
  std::vector<CheckResult> results_;
  CheckResult stub_;
  std::string reference_error_;
  std::vector<std::string> example_failures_;
  std::mutex mutex_;
  std::vector<std::string> judge_errors_;
};

// The reference on every case, once: the checks wait for these same values
// in the shared cache rather than running it again.
void ProblemRun::reference() {
  const CheckOptions check = check_options(o_, expected_, false);
  WorkspaceChecker checker(ws_, check);
  const std::vector<TestCase> cases = expand_cases(p_);
  const std::vector<Expected>* values = nullptr;
  try {
    values = &expected_.get(expected_key_for(checker.builder(), p_, ""), [&] {
      return run_reference(p_, cases, checker.builder(), checker.env().runner);
    });
  } catch (const std::exception& e) {
    reference_error_ = e.what();
    return;
  }
  if (!p_.example) {
    example_failures_.push_back(
        p_.file +
        ": no example: key; add the statement's worked example as data (example: {case: "
        "sample/NAME, output: ...}) so verify can hold the prose to what the reference computes");
    return;
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (cases[i].full_name() != p_.example->case_name || !cases[i].spec.origin.empty()) continue;
    const StepOutcome& last = values->at(i).steps.back();
    if (!last.call.has_result) {
      example_failures_.push_back(fmt::format("{}:{}:{}: the reference returns nothing on {}",
                                              p_.file, p_.example->line, p_.example->column,
                                              p_.example->case_name));
      return;
    }
    example_failures_ = check_worked_example(p_, last.call.result);
    return;
  }
  example_failures_.push_back(fmt::format("{}:{}:{}: there is no written case {}", p_.file,
                                          p_.example->line, p_.example->column,
                                          p_.example->case_name));
}

void ProblemRun::inventory(ProblemReport& r) const {
  for (const KnownSolution& s : solutions_)
    (s.kind == KnownSolution::Kind::kWrong ? r.wrong : r.correct) += 1;
  const std::string dir = ws_.solutions_dir() + "/" + p_.id;
  if (r.wrong < kMinWrongSolutions)
    r.failures.push_back(fmt::format(
        "{}/wrong/: {} known-wrong solution(s), the bank asks for at least {}: add classic "
        "mistakes as NAME.cpp, each with a line '// expect: VERDICT GROUP'",
        dir, r.wrong, kMinWrongSolutions));
  if (r.correct < kMinCorrectSolutions)
    r.failures.push_back(fmt::format(
        "{}/correct/: {} correct solution(s), the bank asks for at least {}: add one in another "
        "style than the reference (float loops, say) with a line '// expect: accepted'",
        dir, r.correct, kMinCorrectSolutions));
  for (const KnownSolution& s : solutions_) {
    r.failures.insert(r.failures.end(), s.errors.begin(), s.errors.end());
    const auto missing = missing_mistake_texts(s);
    r.failures.insert(r.failures.end(), missing.begin(), missing.end());
  }
}

void ProblemRun::stub(ProblemReport& r) const {
  std::string text;
  if (!read_file(stub_path_, text)) {
    r.failures.push_back(stub_path_ + " is missing: write it with `judge stub " + p_.id + " > " +
                         stub_path_ + "`");
    return;
  }
  if (text != stub_source(p_))
    r.failures.push_back(stub_path_ +
                         " differs from the stub its signatures give: rewrite it "
                         "with `judge stub " +
                         p_.id + " > " + stub_path_ + "`");
  for (const std::string& broken : broken_promises(stub_, {{"not_implemented", "*"}}))
    r.failures.push_back(stub_path_ + ": the stub must fail every test with not_implemented; " +
                         broken);
}

ProblemReport ProblemRun::report() const {
  ProblemReport r;
  r.id = p_.id;
  try {
    r.failures = unfinished_texts(p_.file);
    const auto unstated = unstated_tolerance(p_);
    r.failures.insert(r.failures.end(), unstated.begin(), unstated.end());
    const auto telltale = telltale_choices(p_);
    r.failures.insert(r.failures.end(), telltale.begin(), telltale.end());
  } catch (const std::exception& e) {
    r.failures.push_back(e.what());  // the file changed since the bank was loaded
  }
  inventory(r);
  r.failures.insert(r.failures.end(), judge_errors_.begin(), judge_errors_.end());
  if (!reference_error_.empty()) {
    // Every check would fail with the same error: say it once.
    r.failures.push_back(reference_error_ +
                         " (the stub and the known solutions were not judged: fix the reference "
                         "first)");
    return r;
  }
  r.failures.insert(r.failures.end(), example_failures_.begin(), example_failures_.end());
  stub(r);
  for (std::size_t i = 0; i < solutions_.size(); ++i)
    for (const std::string& broken : broken_promises(results_[i], solutions_[i].expect))
      r.failures.push_back(solutions_[i].path + ": " + broken);
  r.figures = figures_of(solutions_, results_);
  return r;
}

}  // namespace

bool VerifyReport::ok() const {
  return failures.empty() && std::all_of(problems.begin(), problems.end(),
                                         [](const ProblemReport& p) { return p.ok(); });
}

std::optional<Bank> load_bank_for_verify(const Workspace& ws, VerifyReport& report) {
  try {
    return load_bank(ws.problems_dir(), /*strict=*/true);
  } catch (const BankError& e) {
    report.failures.push_back(e.what());
    return std::nullopt;
  }
}

VerifyReport verify_bank(const Bank& bank, const Workspace& ws, const VerifyOptions& options,
                         const std::function<void(const ProblemReport&)>& on_problem) {
  std::vector<const Problem*> problems;
  for (const std::string& id : options.ids) {
    const Problem* p = bank.find(id);
    if (p == nullptr) throw std::invalid_argument("no problem '" + id + "'");
    problems.push_back(p);
  }
  if (options.ids.empty())
    for (const Problem& p : bank.problems) problems.push_back(&p);

  VerifyReport report;
  check_header(bank, ws, options.write_header, report);
  // One reference run per problem, shared by its checks and kept on disk.
  ExpectedCache expected(ws.cache_dir() + "/expected");
  {
    // Build the shared pieces once, before the jobs race for them.
    WorkspaceChecker checker(ws, check_options(options, expected, false));
    if (const BuildResult ready = checker.builder().prepare(); !ready.ok)
      throw std::runtime_error(ready.diagnostics);
  }
  for (const Problem* p : problems) {
    ProblemRun run(*p, ws, options, expected);
    parallel_for(run.jobs(), options.jobs, [&](std::size_t job) { run.run(job); });
    report.problems.push_back(run.report());
    if (on_problem) on_problem(report.problems.back());
  }
  return report;
}

}  // namespace judge

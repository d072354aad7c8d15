#include "grade.h"

#include "build.h"
#include "hashing.h"
#include "journal.h"
#include "learner_files.h"
#include "parallel.h"
#include "report.h"
#include "intake_report.h"
#include "report_grade.h"
#include "roster.h"
#include "shard.h"
#include "stub.h"
#include "text.h"

#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace judge {
namespace fs = std::filesystem;
namespace {

// What a grading is of: the learner's bytes as read once, or why they
// were not read.
struct Intake {
  LearnerSources sources;
  std::string refusal;
};

Intake take_in(const HandIn& s) {
  Intake in;
  in.refusal = s.refusal;
  if (in.refusal.empty() && !s.file.empty()) {
    const ReadStatus read = read_learner_sources(s.base, s.relative, s.shown_dir(), in.sources);
    if (!read.ok) in.refusal = read.refusal;
    // The compiler's copy is named for the problem: "Softmax.Cpp" would not
    // even be taken for C++.
    in.sources.file_name = s.problem + ".cpp";
  }
  return in;
}

// When the key changes, the journal entry no longer applies and the file is
// graded again. Computed from the same buffer that is then compiled.
std::string grading_key(const CheckEnv& env, const Problem& problem, const HandIn& s,
                        const Intake& in, const CheckOptions& check) {
  if (!in.refusal.empty()) return "refused " + Hasher().add(in.refusal).hex();
  if (s.file.empty()) return "not attempted";
  return check_key(env, problem, in.sources, check);
}

double points_of(const GradeOptions& options, const std::string& problem) {
  const auto it = options.points.find(problem);
  return it == options.points.end() ? 1.0 : it->second;
}

nlohmann::json not_attempted(const HandIn& s) {
  return {{"version", 2},
          {"status", "fail"},
          {"message", "not attempted: no file " + s.problem + ".cpp in " + s.learner +
                          "/, a folder in it or an archive (see intake.csv)"},
          {"tests", nlohmann::json::array()}};
}

}  // namespace

GradeOutcome grade_class(const Workspace& ws, const Bank& bank, const GradeOptions& options,
                         const std::function<void(const GradeProgress&)>& on_progress) {
  GradeOutcome outcome;
  // The intake first: archives unpack below the reports, afresh each run.
  fs::create_directories(options.out_dir);
  const std::string scratch = (fs::path(options.out_dir) / ".intake").string();
  fs::remove_all(scratch);
  const Roster roster =
      read_roster(options.class_dir, options.problems, options.out_dir, scratch);
  write_intake_csv(roster.findings, options.out_dir);
  if (options.on_intake) options.on_intake(roster.findings);
  Journal journal((fs::path(options.out_dir) / "journal.jsonl").string());

  // Build the shared pieces once, before the workers race for them.
  CheckOptions check = options.check;
  ExpectedCache expected(ws.cache_dir() + "/expected");
  check.expected_cache = &expected;
  WorkspaceChecker checker(ws, check);
  if (const BuildResult ready = checker.builder().prepare(); !ready.ok)
    throw std::runtime_error(ready.diagnostics);

  const std::vector<HandIn>& jobs = roster.submissions;
  std::vector<nlohmann::json> entries(jobs.size());
  std::vector<std::string> keys(jobs.size());
  std::vector<std::size_t> pending;
  std::size_t owned = 0;  // this shard's pairs (all of them, unsharded)
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (!shard_owns(options.shard, jobs[i].learner, jobs[i].problem)) continue;
    ++owned;
    // Read here only to look the journal up; the worker reads again and
    // keys its entry by what it compiled.
    keys[i] = grading_key(checker.env(), *bank.find(jobs[i].problem), jobs[i], take_in(jobs[i]),
                          check);
    if (auto earlier = journal.find(jobs[i].learner, jobs[i].problem, keys[i]))
      entries[i] = *earlier;
    else
      pending.push_back(i);
  }
  GradeProgress progress;
  progress.total = owned;
  progress.reused = owned - pending.size();
  progress.done = progress.reused;
  std::mutex progress_mutex;
  std::mutex warnings_mutex;
  if (on_progress) on_progress(progress);

  // The first fault of the judge itself (disk full, say) stops the run;
  // finished gradings are in the journal.
  parallel_for(pending.size(), options.jobs, [&](std::size_t n) {
    const std::size_t i = pending[n];
    const HandIn& s = jobs[i];
    const Problem& problem = *bank.find(s.problem);
    nlohmann::json entry;
    bool keep = true;
    // Keyed by what this worker read, which is what it compiles.
    const Intake in = take_in(s);
    const std::string key = grading_key(checker.env(), problem, s, in, check);
    if (s.file.empty() && in.refusal.empty()) {
      entry = {{"attempted", false}, {"passed", 0}, {"total", 0}, {"result", not_attempted(s)}};
    } else if (!in.refusal.empty()) {
      entry = {{"attempted", true},
               {"passed", 0},
               {"total", 0},
               {"result", render_json(refused_result(problem, s.file, in.refusal))}};
      std::lock_guard<std::mutex> lock(warnings_mutex);
      outcome.warnings.push_back(s.learner + "/" + s.problem + ": refused: " + in.refusal);
    } else {
      const CheckResult r = check_sources(ws, problem, in.sources, check);
      entry = entry_of(graded_hand_in(s.problem, 1, in.sources.source, render_json(r)));
      // A judge error is not the learner's doing: leave it out of the
      // journal so the next run tries again.
      keep = r.judge_error.empty();
      if (!keep) {
        std::lock_guard<std::mutex> lock(warnings_mutex);
        outcome.warnings.push_back(s.learner + "/" + s.problem + ": judge_error: " + r.judge_error);
      }
    }
    if (keep) journal.append(s.learner, s.problem, key, entry);
    entries[i] = std::move(entry);
    std::lock_guard<std::mutex> lock(progress_mutex);
    ++progress.done;
    progress.last = s.learner + "/" + s.problem;
    if (on_progress) on_progress(progress);
  });

  // What every report (and every shard) says of the grading as a whole.
  GradeBook& book = outcome.book;
  book.provenance = current_provenance(ws.bank_root);
  book.title = options.title;
  book.problems = options.problems;
  for (const auto& id : book.problems) {
    book.points.push_back(points_of(options, id));
    book.base_code.push_back(stub_source(*bank.find(id)));
  }
  if (options.shard.sharded()) {
    // Only this shard's pairs: `judge merge` builds the book from all of them.
    ShardFile file{options.shard, book.provenance, book.title, book.problems, book.points,
                   book.base_code, roster.learners, outcome.warnings, {}};
    for (std::size_t i = 0; i < jobs.size(); ++i)
      if (shard_owns(options.shard, jobs[i].learner, jobs[i].problem))
        file.entries.push_back({jobs[i].learner, jobs[i].problem, entries[i]});
    write_shard_file(file, options.out_dir);
    outcome.gradings = file.entries.size();
    outcome.reused = progress.reused;
    return outcome;
  }
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    if (book.learners.empty() || book.learners.back().learner != jobs[i].learner)
      book.learners.push_back(GradedLearner{jobs[i].learner, {}});
    book.learners.back().problems.push_back(
        graded_from_entry(jobs[i].problem, points_of(options, jobs[i].problem), entries[i]));
  }
  outcome.gradings = jobs.size();
  outcome.reused = progress.reused;
  write_grade_reports(book, options.out_dir);
  return outcome;
}

}  // namespace judge

#include "diagnosis.h"

#include "compare.h"
#include "expected.h"
#include "hashing.h"
#include "learner_files.h"

#include <algorithm>

namespace judge {
namespace {

using Status = CaseRun::Status;

// A known solution's answer to one case, kept with the expected values
// (ExpectedCache): its outcomes, or kNoAnswer in `seconds` when it crashed
// or ran out of time.
constexpr double kNoAnswer = -1;

bool answered(const Expected& known) { return known.seconds != kNoAnswer; }

// Whether `got` is `expected` within the problem's tolerance for case i.
bool agrees(const DiagnosisInputs& in, std::size_t i, const Expected& expected,
            const std::vector<StepOutcome>& got, double* ratio = nullptr) {
  TestResult t;
  compare_case(*in.problem, (*in.cases)[i], expected, got, t);
  if (ratio != nullptr) *ratio = t.tolerance_ratio;
  return t.verdict == Verdict::kAccepted;
}

struct Match {
  int rank = 2;  // 0: the same values; 1: the same failing cases; 2: none
  double distance = 0;
  std::vector<std::string> cases;
};

// The learner's wrong answers are the known solution's values (rank 0), or
// the two fail exactly the same cases (rank 1: a mistake written in another
// style can fail the same way with other garbage, NaN here and 0 there).
Match match(const DiagnosisInputs& in, const std::vector<std::size_t>& ran,
            const std::vector<Expected>& known) {
  Match m;
  std::vector<std::string> learner_failed;
  std::vector<std::string> wrong_answers;  // the failures that are values, not crashes
  bool values_agree = true;
  bool same_failures = true;
  bool any_wrong_answer = false;
  double worst = 0;
  for (std::size_t n = 0; n < ran.size(); ++n) {
    const std::size_t i = ran[n];
    const TestResult& learner = (*in.results)[i];
    const CaseRun& learner_run = (*in.learner_runs)[i];
    const bool known_failed =
        !answered(known[n]) || !agrees(in, i, (*in.expected)[i], known[n].steps);
    same_failures = same_failures && known_failed == !learner.passed();
    if (learner.passed()) continue;
    learner_failed.push_back(learner.full_name());
    if (learner.verdict != Verdict::kWrongAnswer || learner_run.status != Status::kAnswered)
      continue;
    any_wrong_answer = true;
    wrong_answers.push_back(learner.full_name());
    double ratio = 0;
    // The learner's outputs judged against the known solution's.
    values_agree =
        values_agree && answered(known[n]) && agrees(in, i, known[n], learner_run.outcomes, &ratio);
    worst = std::max(worst, ratio);
  }
  if (learner_failed.empty()) return m;
  // Values explain the wrong answers they match, not a crash beside them.
  if (any_wrong_answer && values_agree) {
    m.rank = 0;
    m.cases = std::move(wrong_answers);
  } else if (same_failures) {
    m.rank = 1;
    m.cases = std::move(learner_failed);
  } else {
    return m;
  }
  m.distance = worst;
  return m;
}

}  // namespace

std::optional<Diagnosis> diagnose(const DiagnosisInputs& in, ProgramBuilder& builder,
                                  ProgramRunner& runner, ExpectedCache& answers) {
  // Every case but the timed and memory-measured ones: a known mistake
  // answers those only by its complexity, which the performance group
  // reports already.
  std::vector<std::size_t> ran;
  std::vector<CaseRequest> requests;
  for (std::size_t i = 0; i < in.cases->size(); ++i) {
    if ((*in.cases)[i].group->measured()) continue;
    CaseRequest r;
    r.steps = &(*in.cases)[i].spec.steps;
    r.wall_seconds = in.case_seconds;
    ran.push_back(i);
    requests.push_back(r);
  }
  // The known-wrong files, read once; their shared program (known_unity.h)
  // is built on the first answer not yet kept, and only then.
  std::vector<const KnownSolution*> wrong;
  std::vector<LearnerSources> wrong_sources;
  for (const KnownSolution& known : in.known) {
    if (known.kind != KnownSolution::Kind::kWrong) continue;
    LearnerSources sources;
    if (!read_learner_file(known.path, sources).ok) continue;
    wrong.push_back(&known);
    wrong_sources.push_back(std::move(sources));
  }
  std::optional<BuildResult> shared;
  std::optional<Diagnosis> best;
  Match best_match;
  for (std::size_t k = 0; k < wrong.size(); ++k) {
    const KnownSolution& known = *wrong[k];
    const LearnerSources& sources = wrong_sources[k];
    // Its answers are the same for every learner, and the same from the
    // shared program as from its own: built, run and kept once per program
    // and set of cases.
    const std::string key = Hasher()
                                .add("known answers")
                                .add(builder.program_key(*in.problem, sources))
                                .add(in.expected_key)
                                .hex();
    const std::vector<Expected>& known_answers = answers.get(key, [&] {
      std::vector<Expected> out(requests.size());
      for (auto& e : out) e.seconds = kNoAnswer;  // a compile_error mistake answers nothing
      if (!shared) shared = builder.build_known_mistakes(*in.problem, wrong_sources);
      Program program{shared->binary, false, std::to_string(k)};
      if (!shared->ok) {
        const BuildResult built = builder.build(*in.problem, sources);
        if (!built.ok) return out;
        program = Program{built.binary, false, ""};
      }
      std::string output;
      const std::vector<CaseRun> runs =
          runner.run(program, nullptr, requests, in.run_options, output);
      for (std::size_t n = 0; n < runs.size(); ++n)
        if (runs[n].status == Status::kAnswered) out[n] = Expected{runs[n].outcomes, 0};
      return out;
    });
    Match m = match(in, ran, known_answers);
    if (m.rank == 2) continue;
    if (best && (m.rank > best_match.rank ||
                 (m.rank == best_match.rank && m.distance >= best_match.distance)))
      continue;
    best = Diagnosis{known.name, known.mistake, known.explain, m.cases};
    best_match = std::move(m);
  }
  return best;
}

std::string known_mistakes_fingerprint(const std::vector<KnownSolution>& known) {
  Hasher h;
  for (const KnownSolution& k : known) {
    if (k.kind != KnownSolution::Kind::kWrong) continue;
    std::string text;
    read_file(k.path, text);
    h.add(k.name).add(text);
  }
  return h.hex();
}

}  // namespace judge

#include "verify_figures.h"

namespace judge {
namespace {

// Keeps the larger (or, with `smallest`, the smaller) ratio; the first on ties.
void keep(std::optional<Figure>& figure, double ratio, const std::string& file, const TestResult& t,
          bool smallest = false) {
  if (figure && (smallest ? ratio >= figure->ratio : ratio <= figure->ratio)) return;
  figure = Figure{ratio, file, t.full_name()};
}

Headroom& headroom(Figures& f, const std::string& group) {
  for (Headroom& h : f.performance)
    if (h.group == group) return h;
  f.performance.push_back(Headroom{group, std::nullopt, std::nullopt});
  return f.performance.back();
}

}  // namespace

Figures figures_of(const std::vector<KnownSolution>& solutions,
                   const std::vector<CheckResult>& results) {
  Figures f;
  for (std::size_t i = 0; i < solutions.size() && i < results.size(); ++i) {
    const KnownSolution& s = solutions[i];
    for (const TestResult& t : results[i].tests) {
      if (s.kind == KnownSolution::Kind::kWrong) {
        if (t.verdict == Verdict::kWrongAnswer &&
            (t.kind == WrongKind::kTolerance || t.kind == WrongKind::kNonFinite))
          keep(f.wrong, t.tolerance_ratio, s.name, t, /*smallest=*/true);
        continue;
      }
      if (t.passed()) keep(f.correct, t.tolerance_ratio, s.name, t);
      // Failing ones too: a correct variant over its limit shows how far over.
      if (t.limit_seconds > 0)
        keep(headroom(f, t.group).time, t.seconds / t.limit_seconds, s.name, t);
      if (t.memory_limit_bytes > 0)
        keep(headroom(f, t.group).memory,
             static_cast<double>(t.memory_bytes) / static_cast<double>(t.memory_limit_bytes),
             s.name, t);
    }
  }
  return f;
}

}  // namespace judge

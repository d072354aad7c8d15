#include "grade_outcome.h"

#include <map>

namespace judge {
namespace {

bool starts_with(const std::string& text, const char* prefix) { return text.rfind(prefix, 0) == 0; }

// The failure that explains a problem where no test passed: the most common
// verdict among the tests that ran (a test "not run" after a time-out says
// nothing of its own), the more severe one on a tie.
Outcome dominant_failure(const nlohmann::json& tests) {
  // In order of severity: an endless loop hides whether the values were right.
  static const std::pair<const char*, Outcome> kOrder[] = {
      {"time_limit", Outcome::kTimeLimit},
      {"memory_limit", Outcome::kMemoryLimit},
      {"runtime_error", Outcome::kRuntimeError},
      {"output_limit", Outcome::kRuntimeError},
      {"wrong_answer", Outcome::kWrongAnswer},
      {"not_implemented", Outcome::kNotImplemented}};
  std::map<Outcome, int> counts;
  for (const auto& t : tests) {
    const std::string message = t.value("message", nlohmann::json()).is_string()
                                    ? t["message"].get<std::string>()
                                    : "";
    if (starts_with(message, "not run")) continue;
    const std::string verdict = t.value("verdict", "");
    for (const auto& [name, outcome] : kOrder)
      if (verdict == name) ++counts[outcome];
  }
  Outcome best = Outcome::kWrongAnswer;
  int best_count = 0;
  for (const auto& [name, outcome] : kOrder)
    if (counts[outcome] > best_count) best = outcome, best_count = counts[outcome];
  return best_count == 0 ? Outcome::kTimeLimit : best;  // nothing ran: it all timed out
}

}  // namespace

const char* outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPassed: return "passed";
    case Outcome::kPartial: return "partial";
    case Outcome::kWrongAnswer: return "wrong_answer";
    case Outcome::kCompileError: return "compile_error";
    case Outcome::kTimeLimit: return "time_limit";
    case Outcome::kMemoryLimit: return "memory_limit";
    case Outcome::kRuntimeError: return "runtime_error";
    case Outcome::kNotImplemented: return "not_implemented";
    case Outcome::kEmpty: return "empty";
    case Outcome::kNotAttempted: return "not_attempted";
    case Outcome::kRefused: return "refused";
    case Outcome::kJudgeError: return "judge_error";
  }
  return "judge_error";
}

Outcome classify_outcome(const GradedProblem& p) {
  if (!p.attempted) return Outcome::kNotAttempted;
  if (p.empty) return Outcome::kEmpty;
  const nlohmann::json& message = p.result.contains("message") ? p.result["message"] : nullptr;
  const std::string text = message.is_string() ? message.get<std::string>() : "";
  if (starts_with(text, "refused")) return Outcome::kRefused;
  if (starts_with(text, "judge_error")) return Outcome::kJudgeError;
  if (starts_with(text, "compile_error")) return Outcome::kCompileError;
  const nlohmann::json tests = p.result.value("tests", nlohmann::json::array());
  if (tests.empty()) return Outcome::kJudgeError;  // a check that ran no test is the judge's
  if (p.passed == p.total) return Outcome::kPassed;
  if (p.passed > 0) return Outcome::kPartial;
  bool all_stub = true;
  for (const auto& t : tests) all_stub = all_stub && t.value("verdict", "") == "not_implemented";
  return all_stub ? Outcome::kNotImplemented : dominant_failure(tests);
}

}  // namespace judge

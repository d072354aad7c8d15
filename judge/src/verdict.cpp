#include "verdict.h"

namespace judge {

namespace {
constexpr const char* kVerdictNames[] = {"accepted",      "wrong_answer",    "compile_error",
                                         "runtime_error", "time_limit",      "memory_limit",
                                         "output_limit",  "not_implemented", "judge_error"};
}

const char* verdict_name(Verdict v) { return kVerdictNames[static_cast<int>(v)]; }

std::optional<Verdict> verdict_from_name(const std::string& name) {
  for (int i = 0; i <= static_cast<int>(Verdict::kJudgeError); ++i)
    if (name == kVerdictNames[i]) return static_cast<Verdict>(i);
  return std::nullopt;
}

const char* wrong_kind_name(WrongKind k) {
  switch (k) {
    case WrongKind::kNone:
      return "";
    case WrongKind::kShape:
      return "shape";
    case WrongKind::kNonFinite:
      return "non_finite";
    case WrongKind::kTolerance:
      return "tolerance";
    case WrongKind::kMissingException:
      return "missing_exception";
    case WrongKind::kUnexpectedException:
      return "unexpected_exception";
  }
  return "";
}

int CheckResult::passed() const {
  int n = 0;
  for (const auto& t : tests) n += t.passed() ? 1 : 0;
  return n;
}

bool CheckResult::all_passed() const {
  return compiled && judge_error.empty() && !tests.empty() &&
         passed() == static_cast<int>(tests.size());
}

}  // namespace judge

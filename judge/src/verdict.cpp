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

std::string verdict_label(Verdict v, Lang lang) {
  static constexpr const char* kZh[] = {"通过",         "答案错误", "编译错误",
                                        "运行错误",     "超时",     "超出内存限制",
                                        "输出超出限制", "尚未实现", "评测系统错误"};
  if (lang != Lang::kZh) return verdict_name(v);
  return std::string(kZh[static_cast<int>(v)]) + " (" + verdict_name(v) + ")";
}

std::string wrong_kind_label(WrongKind k, Lang lang) {
  if (lang != Lang::kZh || k == WrongKind::kNone) return wrong_kind_name(k);
  const char* zh = "";
  switch (k) {
    case WrongKind::kNone:
      break;
    case WrongKind::kShape:
      zh = "形状不对";
      break;
    case WrongKind::kNonFinite:
      zh = "出现了非有限值";
      break;
    case WrongKind::kTolerance:
      zh = "超出容差";
      break;
    case WrongKind::kMissingException:
      zh = "没有抛出应有的异常";
      break;
    case WrongKind::kUnexpectedException:
      zh = "抛出了不该有的异常";
      break;
  }
  return std::string(zh) + " (" + wrong_kind_name(k) + ")";
}

std::string shape_label(const std::string& shape, Lang lang) {
  if (lang != Lang::kZh) return shape;
  if (shape == "scalar") return "标量";
  if (shape == "record") return "记录";
  const std::string entries = " entries";
  if (shape.size() > entries.size() &&
      shape.compare(shape.size() - entries.size(), entries.size(), entries) == 0)
    return shape.substr(0, shape.size() - entries.size()) + " 个元素";
  return shape;
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

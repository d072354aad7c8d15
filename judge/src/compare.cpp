#include "compare.h"

#include "expected.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace judge {
namespace {

constexpr double kEps32 = 1.1920928955078125e-07;

struct Finding {
  WrongKind kind = WrongKind::kNone;
  Mismatch worst;
  double ratio = 0;  // error / allowed of the worst element
  // error / allowed of the closest call over every element, passing or not:
  // the room a correct solution had (judge verify reports it).
  double max_ratio = 0;
  std::string message;
  std::string message_zh;
  std::optional<Grid> grid;  // the value holding `worst`, when small
};

bool fits_a_grid(const Value& v) {
  const bool shaped =
      v.kind == ValueKind::kMatrix || v.kind == ValueKind::kVector || v.kind == ValueKind::kIntList;
  return shaped && v.rows * v.cols > 1 && v.rows <= kGridMaxSide && v.cols <= kGridMaxSide;
}

// A vector is shown as one row: it reads like the literal in the statement.
Grid grid_of(const std::string& name, const Value& want, const Value& got,
             const std::vector<bool>& wrong) {
  const bool vector = want.kind != ValueKind::kMatrix;
  Grid g{name, vector ? 1 : want.rows, vector ? want.rows * want.cols : want.cols, {}, {}, wrong};
  for (std::int64_t r = 0; r < want.rows; ++r)
    for (std::int64_t c = 0; c < want.cols; ++c) {
      g.expected.push_back(want.at(r, c));
      g.got.push_back(got.at(r, c));
    }
  return g;
}

// error / allowed of one element: 0 for an exact match (NaN for NaN, the
// same infinity), infinite for any other non-finite pair.
double element_ratio(double expected, double got, double error, double allowed) {
  const double inf = std::numeric_limits<double>::infinity();
  if (std::isnan(expected)) return std::isnan(got) ? 0 : inf;
  if (std::isinf(expected)) return got == expected ? 0 : inf;
  if (!std::isfinite(got)) return inf;
  if (allowed > 0) return error / allowed;
  return error == 0 ? 0 : inf;
}

// The inputs the magnitude term reads, resolved for one step.
struct MagnitudeInputs {
  const Value* of = nullptr;
  const Value* mask = nullptr;  // same shape as `of`, or null
  double divisor = 1;
  std::vector<const Value*> times;
};

double max_abs(const Value& v) {
  double m = 0;
  for (double x : v.data)
    if (std::isfinite(x)) m = std::max(m, std::fabs(x));
  return m;
}

// The largest finite |x| over the input, per row or in all, skipping blocked
// entries, times the largest |x| of each `times` input, divided by the
// divisor (a temperature). Computed once per value compared: the whole
// input's maximum does not change from one output row to the next.
class Magnitudes {
 public:
  Magnitudes(const MagnitudeInputs& in, bool per_row) : in_(in) {
    if (in.of == nullptr) return;
    for (const Value* t : in.times)
      if (t != nullptr) times_.push_back(max_abs(*t));
    per_row_ = per_row && in.of->kind == ValueKind::kMatrix;
    whole_ = scaled(largest(0, in.of->rows));
  }
  double of_row(std::int64_t row) const {
    if (in_.of == nullptr) return 0;
    if (!per_row_ || row < 0 || row >= in_.of->rows) return whole_;
    return scaled(largest(row, row + 1));
  }

 private:
  double largest(std::int64_t first_row, std::int64_t end_row) const {
    const Value& input = *in_.of;
    const bool masked =
        in_.mask != nullptr && in_.mask->rows == input.rows && in_.mask->cols == input.cols;
    double m = 0;
    for (std::int64_t r = first_row; r < end_row; ++r)
      for (std::int64_t c = 0; c < input.cols; ++c) {
        if (masked && in_.mask->at(r, c) == 0.0) continue;
        const double x = std::fabs(input.at(r, c));
        if (std::isfinite(x)) m = std::max(m, x);
      }
    return m;
  }
  // In this order, so that the allowed error is the same to the last bit.
  double scaled(double m) const {
    for (double t : times_) m *= t;
    return m / in_.divisor;
  }

  const MagnitudeInputs& in_;
  std::vector<double> times_;  // max |x| of each `times` input
  bool per_row_ = false;
  double whole_ = 0;
};

std::string index_text(const Value& v, std::int64_t r, std::int64_t c) {
  if (v.kind == ValueKind::kReal || v.kind == ValueKind::kInteger) return "";
  if (v.kind == ValueKind::kVector || v.kind == ValueKind::kIntList) return fmt::format("[{}]", r);
  return fmt::format("[{}, {}]", r, c);
}

void compare_values(const std::string& name, const Value& want, const Value& got,
                    const Tolerance& tol, const MagnitudeInputs& magnitude_input, Finding& f) {
  if (want.kind == ValueKind::kRecord) {
    for (std::size_t i = 0; i < want.fields.size(); ++i) {
      const Value* g = got.field(want.field_names[i]);
      if (g == nullptr) {
        f.kind = WrongKind::kShape;
        f.message = name + " has no field " + want.field_names[i];
        f.message_zh = name + " 缺少字段 " + want.field_names[i];
        return;
      }
      compare_values(name + "." + want.field_names[i], want.fields[i], *g, tol, magnitude_input, f);
      if (f.kind == WrongKind::kShape) return;
    }
    return;
  }
  if (got.rows != want.rows || got.cols != want.cols || got.kind != want.kind) {
    f.kind = WrongKind::kShape;
    f.worst = Mismatch{name, "", 0, 0, 0, 0, describe_shape(want), describe_shape(got)};
    f.message = fmt::format("{} has the wrong shape: expected {}, got {}", name,
                            describe_shape(want), describe_shape(got));
    f.message_zh = fmt::format("{} 的形状不对：期望 {}，实际是 {}", name,
                               shape_label(describe_shape(want), Lang::kZh),
                               shape_label(describe_shape(got), Lang::kZh));
    return;
  }
  const bool per_row = tol.magnitude && tol.magnitude->per_row;
  const Magnitudes magnitudes(magnitude_input, per_row);
  const bool small = fits_a_grid(want);
  std::vector<bool> wrong;  // row-major, kept for a small value only
  bool worst_here = false;
  for (std::int64_t r = 0; r < want.rows; ++r) {
    const double magnitude = tol.magnitude ? magnitudes.of_row(r) : 0;
    for (std::int64_t c = 0; c < want.cols; ++c) {
      const double e = want.at(r, c);
      const double g = got.at(r, c);
      const double allowed = allowed_error(tol, e, magnitude);
      double error = 0;
      bool bad = false;
      WrongKind kind = WrongKind::kTolerance;
      if (std::isnan(e)) {
        bad = !std::isnan(g);
      } else if (std::isinf(e)) {
        bad = g != e;  // an infinity must be matched exactly
        error = std::numeric_limits<double>::infinity();
        kind = std::isfinite(g) ? WrongKind::kTolerance : WrongKind::kNonFinite;
        if (std::isinf(g) && g != e) kind = WrongKind::kTolerance;
      } else if (!std::isfinite(g)) {
        bad = true;
        error = std::numeric_limits<double>::infinity();
        kind = WrongKind::kNonFinite;
      } else {
        error = std::fabs(g - e);
        bad = error > allowed;
      }
      f.max_ratio = std::max(f.max_ratio, element_ratio(e, g, error, allowed));
      if (small) wrong.push_back(bad);
      if (!bad) continue;
      const double ratio = allowed > 0 ? error / allowed : std::numeric_limits<double>::infinity();
      // Non-finite results are the most telling, then the largest ratio.
      const bool better = f.kind == WrongKind::kNone ||
                          (kind == WrongKind::kNonFinite && f.kind != WrongKind::kNonFinite) ||
                          (kind == f.kind && ratio > f.ratio);
      if (!better) continue;
      f.kind = kind;
      f.ratio = ratio;
      worst_here = true;
      f.worst = Mismatch{name,
                         index_text(want, r, c),
                         e,
                         g,
                         error,
                         allowed,
                         describe_shape(want),
                         describe_shape(got)};
    }
  }
  if (worst_here) {
    f.grid.reset();
    if (small) f.grid = grid_of(name, want, got, wrong);
  }
}

std::string number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return fmt::format("{:.9g}", x);
}

const Value* inline_input(const Problem& p, const Step& step, const std::string& name) {
  const int i = p.signatures[step.function].param_index(name);
  if (i < 0) return nullptr;
  const ArgRef& a = step.args[static_cast<std::size_t>(i)];
  return a.is_inline ? &a.value : nullptr;
}

}  // namespace

double allowed_error(const Tolerance& t, double expected, double magnitude) {
  double allowed = t.atol + t.rtol * std::fabs(expected);
  if (t.magnitude) allowed += t.magnitude->factor * kEps32 * magnitude;
  return allowed;
}

void compare_case(const Problem& problem, const TestCase& test, const Expected& expected,
                  const std::vector<StepOutcome>& got, TestResult& result) {
  const bool multi = test.spec.steps.size() > 1;
  for (std::size_t s = 0; s < expected.steps.size(); ++s) {
    const StepOutcome& want = expected.steps[s];
    const Signature& sig = problem.signatures[test.spec.steps[s].function];
    const std::string where = multi ? fmt::format("step {} ({}): ", s, sig.name) : "";
    const std::string where_zh = multi ? fmt::format("第 {} 步（{}）：", s, sig.name) : "";
    result.step = multi ? static_cast<int>(s) : -1;
    if (s >= got.size()) {
      result.verdict = Verdict::kJudgeError;
      result.say(where + "the program answered fewer steps than it was sent",
                 where_zh + "程序回答的步数少于发给它的步数");
      return;
    }
    const StepOutcome& have = got[s];
    const bool want_throw = want.status == wire::CallStatus::kInvalidArgument;
    if (have.status == wire::CallStatus::kNotImplemented) {
      result.verdict = Verdict::kNotImplemented;
      result.say(
          where + sig.name + " is not implemented yet: replace the stub's throw with your code",
          where_zh + sig.name + " 还没有实现：把桩代码里的 throw 换成你的代码");
      return;
    }
    if (have.status == wire::CallStatus::kOutOfMemory) {
      result.verdict = Verdict::kMemoryLimit;
      result.say(where + "the call ran out of memory (std::bad_alloc)",
                 where_zh + "调用耗尽了内存（std::bad_alloc）");
      return;
    }
    if (want_throw) {
      if (have.status == wire::CallStatus::kInvalidArgument) {
        // A call that refuses its arguments must leave in-out parameters as they were.
        Finding f;
        for (std::size_t m = 0; m < want.call.mutated.size() && m < have.call.mutated.size(); ++m) {
          const auto& [index, value] = want.call.mutated[m];
          compare_values(sig.params[static_cast<std::size_t>(index)].name, value,
                         have.call.mutated[m].second, test.group->tolerance, MagnitudeInputs{}, f);
        }
        result.tolerance_ratio = std::max(result.tolerance_ratio, f.max_ratio);
        result.verdict = f.kind == WrongKind::kNone ? Verdict::kAccepted : Verdict::kWrongAnswer;
        if (f.kind != WrongKind::kNone) {
          result.kind = f.kind;
          result.worst = f.worst;
          result.grid = f.grid;
          result.say(where + "the call threw std::invalid_argument as it should, but changed " +
                         f.worst.output +
                         " first; leave it untouched when the arguments are refused",
                     where_zh + "调用按要求抛出了 std::invalid_argument，但之前已经修改了 " +
                         f.worst.output + "；拒绝参数时应保持它不变");
        }
        return;
      }
      result.verdict = Verdict::kWrongAnswer;
      result.kind = WrongKind::kMissingException;
      if (have.status == wire::CallStatus::kReturned)
        result.say(where + "expected std::invalid_argument, but the call returned normally",
                   where_zh + "应当抛出 std::invalid_argument，但调用正常返回了");
      else
        result.say(where + fmt::format("expected std::invalid_argument, but the call threw {}: {}",
                                       have.exception_type, have.exception_what),
                   where_zh + fmt::format("应当抛出 std::invalid_argument，但调用抛出了 {}：{}",
                                          have.exception_type, have.exception_what));
      return;
    }
    if (have.status != wire::CallStatus::kReturned) {
      result.verdict = Verdict::kWrongAnswer;
      result.kind = WrongKind::kUnexpectedException;
      result.say(where + fmt::format("the call threw {}: {}; these inputs are valid",
                                     have.exception_type, have.exception_what),
                 where_zh + fmt::format("调用抛出了 {}：{}；而这些输入是合法的",
                                        have.exception_type, have.exception_what));
      return;
    }
    Finding f;
    const Tolerance& tol = test.group->tolerance;
    MagnitudeInputs magnitude_input;
    if (tol.magnitude) {
      const Step& step = test.spec.steps[s];
      magnitude_input.of = inline_input(problem, step, tol.magnitude->of);
      for (const auto& name : tol.magnitude->times)
        magnitude_input.times.push_back(inline_input(problem, step, name));
      if (!tol.magnitude->masked_by.empty())
        magnitude_input.mask = inline_input(problem, step, tol.magnitude->masked_by);
      if (!tol.magnitude->divided_by.empty())
        if (const Value* t = inline_input(problem, step, tol.magnitude->divided_by))
          if (std::isfinite(t->data[0]) && t->data[0] != 0)
            magnitude_input.divisor = std::fabs(t->data[0]);
    }
    if (want.call.has_result) {
      if (!have.call.has_result) {
        result.verdict = Verdict::kJudgeError;
        result.say(where + "the program sent no result", where_zh + "程序没有发回结果");
        return;
      }
      compare_values("result", want.call.result, have.call.result, tol, magnitude_input, f);
    }
    for (std::size_t m = 0; m < want.call.mutated.size() && f.kind != WrongKind::kShape; ++m) {
      const auto& [index, value] = want.call.mutated[m];
      const std::string name = sig.params[static_cast<std::size_t>(index)].name;
      if (m >= have.call.mutated.size()) {
        result.verdict = Verdict::kJudgeError;
        result.say(where + "the program sent no value for " + name,
                   where_zh + "程序没有发回 " + name + " 的值");
        return;
      }
      compare_values(name, value, have.call.mutated[m].second, tol, magnitude_input, f);
    }
    result.tolerance_ratio = std::max(result.tolerance_ratio, f.max_ratio);
    if (f.kind == WrongKind::kNone) continue;
    result.verdict = Verdict::kWrongAnswer;
    result.kind = f.kind;
    if (f.kind != WrongKind::kShape) {
      result.worst = f.worst;
      result.grid = f.grid;
      const Mismatch& w = f.worst;
      // An expected infinity or NaN allows no error at all: "(error inf,
      // allowed inf)" would read like a pass.
      if (std::isfinite(w.expected))
        result.say(where + fmt::format("{}{}: expected {}, got {} (error {}, allowed {:.3g})",
                                       w.output, w.index, number(w.expected), number(w.got),
                                       number(w.error), w.allowed),
                   where_zh + fmt::format("{}{}：期望 {}，实际是 {}（误差 {}，允许 {:.3g}）",
                                          w.output, w.index, number(w.expected), number(w.got),
                                          number(w.error), w.allowed));
      else
        result.say(where + fmt::format("{}{}: the answer here is exactly {}, and {} is not it (an "
                                       "infinity or NaN must be returned as such; no tolerance "
                                       "applies)",
                                       w.output, w.index, number(w.expected), number(w.got)),
                   where_zh + fmt::format("{}{}：这里的答案恰好是 {}，{} 不是它（无穷大或 NaN "
                                          "必须原样返回，不适用任何容差）",
                                          w.output, w.index, number(w.expected), number(w.got)));
    } else {
      result.worst = f.worst;
      result.say(where + f.message, where_zh + f.message_zh);
    }
    return;
  }
  result.step = -1;
  result.verdict = Verdict::kAccepted;
}

}  // namespace judge

#include "cases.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

namespace judge {

std::vector<TestCase> expand_cases(const Problem& problem) {
  std::vector<TestCase> out;
  for (const Group& g : problem.groups) {
    for (const CaseSpec& c : g.cases) out.push_back({&g, c});
    for (const auto& gen : g.generators)
      for (CaseSpec& c : gen->make()) out.push_back({&g, std::move(c)});
  }
  return out;
}

std::string describe_shape(const Value& v) {
  switch (v.kind) {
    case ValueKind::kReal:
    case ValueKind::kInteger:
      return "scalar";
    case ValueKind::kVector:
    case ValueKind::kIntList:
      return fmt::format("{} entries", v.rows);
    case ValueKind::kMatrix:
    case ValueKind::kMask:
      return fmt::format("{} x {}", v.rows, v.cols);
    case ValueKind::kRecord:
      return "record";
  }
  return "";
}

namespace {

std::string number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return fmt::format("{:.7g}", x);
}

}  // namespace

std::string describe_value(const Value& v, std::size_t max_entries) {
  if (v.kind == ValueKind::kRecord) {
    std::string s = "{";
    for (std::size_t i = 0; i < v.fields.size(); ++i)
      s += (i ? ", " : "") + v.field_names[i] + ": " + describe_value(v.fields[i], max_entries);
    return s + "}";
  }
  if (v.kind == ValueKind::kReal || v.kind == ValueKind::kInteger) return number(v.data.at(0));
  if (v.data.size() > max_entries) {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -lo;
    int non_finite = 0;
    for (double x : v.data) {
      if (!std::isfinite(x)) {
        ++non_finite;
        continue;
      }
      lo = std::min(lo, x);
      hi = std::max(hi, x);
    }
    std::string s = describe_shape(v);
    if (lo <= hi) s += fmt::format(" in [{}, {}]", number(lo), number(hi));
    if (non_finite > 0) s += fmt::format(", {} non-finite", non_finite);
    return s;
  }
  const bool vector = v.kind == ValueKind::kVector || v.kind == ValueKind::kIntList;
  std::string s = "[";
  for (std::int64_t r = 0; r < v.rows; ++r) {
    if (!vector) s += (r ? ", [" : "[");
    for (std::int64_t c = 0; c < v.cols; ++c) s += (c ? ", " : "") + number(v.at(r, c));
    if (vector && r + 1 < v.rows) s += ", ";
    if (!vector) s += "]";
  }
  s += "]";
  if (!vector && v.rows * v.cols == 0) s = fmt::format("empty {} x {}", v.rows, v.cols);
  return s;
}

std::string describe_inputs(const Problem& problem, const CaseSpec& spec) {
  std::string s;
  for (std::size_t i = 0; i < spec.steps.size(); ++i) {
    const Step& step = spec.steps[i];
    const Signature& sig = problem.signatures[step.function];
    if (spec.steps.size() > 1) s += fmt::format("{}step {}: {}(", i ? "\n" : "", i, sig.name);
    for (std::size_t a = 0; a < step.args.size(); ++a) {
      const std::string name = sig.params[a].name;
      const ArgRef& arg = step.args[a];
      const std::string text =
          arg.is_inline
              ? describe_value(arg.value)
              : fmt::format("${}{}", arg.step,
                            arg.slot < 0 ? ""
                                         : "." + problem.signatures[spec.steps[arg.step].function]
                                                     .params[static_cast<std::size_t>(arg.slot)]
                                                     .name);
      if (spec.steps.size() > 1)
        s += fmt::format("{}{}={}", a ? ", " : "", name, text);
      else
        s += fmt::format("{}{} = {}", a ? "\n" : "", name, text);
    }
    if (spec.steps.size() > 1) s += ")";
  }
  return s;
}

}  // namespace judge

#include "report.h"
#include "report_grid.h"
#include "text.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

namespace judge {
namespace {

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
  }
};

std::string number(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  return fmt::format("{:.9g}", x);
}

std::string indent(const std::string& text, const std::string& pad) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += pad + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

const Group* find_group(const Problem& p, const std::string& name) {
  for (const auto& g : p.groups)
    if (g.name == name) return &g;
  return nullptr;
}

}  // namespace

std::string render_human(const Problem& problem, const CheckResult& r, const HumanStyle& style) {
  const Paint paint{style.color};
  const bool zh = style.lang == Lang::kZh;
  std::string out =
      fmt::format("{} {} ({})\n", paint("1", problem.id), problem.title.in(style.lang), r.file);
  if (!r.judge_error.empty()) {
    out += paint("35", "judge_error") + ": " +
           (zh ? "判题器自身出错，不计入你的成绩。\n"
               : "the judge itself failed; this is not charged to you.\n");
    return out + indent(r.judge_error, "  ");
  }
  if (!r.refused.empty()) {
    out += paint("31", "refused") +
           (zh ? "：判题器没有读取你的文件。\n" : ": the judge did not read your file.\n");
    return out + indent(r.refused, "  ");
  }
  if (!r.compiled) {
    out += paint("31", "compile_error") +
           (zh ? "：你的文件无法编译。\n" : ": your file does not compile.\n");
    return out + indent(r.compile_output, "  ");
  }
  if (!r.compile_output.empty())
    out += (zh ? "编译器警告：\n" : "compiler warnings:\n") + indent(r.compile_output, "  ");

  // One line per group, in the problem's order.
  std::map<std::string, std::pair<int, int>> counts;
  std::map<std::string, std::string> first_verdict;
  for (const auto& t : r.tests) {
    auto& c = counts[t.group];
    ++c.second;
    if (t.passed())
      ++c.first;
    else if (!first_verdict.count(t.group)) {
      std::string v = verdict_label(t.verdict, style.lang);
      if (t.kind != WrongKind::kNone) v += ", " + wrong_kind_label(t.kind, style.lang);
      first_verdict[t.group] = v;
    }
  }
  bool all_not_implemented = !r.tests.empty();
  for (const auto& t : r.tests)
    all_not_implemented = all_not_implemented && t.verdict == Verdict::kNotImplemented;
  for (const auto& g : problem.groups) {
    if (!counts.count(g.name)) continue;
    const auto [pass, total] = counts[g.name];
    const bool ok = pass == total;
    out += fmt::format("  {} {:<12} {:>3}/{:<3} {}\n", ok ? paint("32", "✓") : paint("31", "✗"),
                       g.name, pass, total, ok ? "" : first_verdict[g.name]);
  }
  const int passed = r.passed();
  const int total = static_cast<int>(r.tests.size());
  if (all_not_implemented) {
    out += "\n" + paint("33", "not_implemented") +
           (zh ? "：还没有实现。打开 " + r.file + "，把 throw 换成你的代码。题目：judge show " +
                     problem.id + " --lang zh\n"
               : ": not implemented yet. Open " + r.file +
                     ", replace the stub's throw with your code. "
                     "The statement: judge show " +
                     problem.id + "\n");
    return out;
  }
  // A known mistake first: it says what to change, the failure below says where.
  if (r.diagnosis) {
    const Diagnosis& d = *r.diagnosis;
    out += "\n" +
           paint("1;33",
                 zh ? "你的输出与一个已知错误一致：" : "Your output matches a known mistake: ") +
           paint("1", d.mistake.in(style.lang)) + "\n" + indent(d.explain.in(style.lang), "  ");
    const std::size_t failed = r.tests.size() - static_cast<std::size_t>(r.passed());
    if (d.cases.size() >= failed)
      out += fmt::format(
          zh ? "  （它解释了全部 {} 个失败的用例。）\n" : "  (It explains all {} failed tests.)\n",
          d.cases.size());
    else
      out += fmt::format(zh ? "  （它解释了 {} 个失败的用例中的 {} 个，其余的另有原因。）\n"
                            : "  (It explains {1} of the {0} failed tests; the others fail for "
                              "another reason.)\n",
                         failed, d.cases.size());
  }
  const TestResult* first = nullptr;
  for (const auto& t : r.tests)
    if (!t.passed()) {
      first = &t;
      break;
    }
  if (first != nullptr) {
    out += fmt::format("\n{} {}: {}", zh ? "第一个失败的用例" : "First failure",
                       paint("1", first->full_name()), verdict_label(first->verdict, style.lang));
    if (first->kind != WrongKind::kNone) out += ", " + wrong_kind_label(first->kind, style.lang);
    out += "\n";
    out += indent(first->inputs, zh ? "  输入    " : "  input   ");
    if (!first->origin.empty())
      out += (zh ? "  重现：judge check " : "  reproduce with: judge check ") + problem.id +
             " --case " + first->full_name() + "   [" + first->origin + "]\n";
    if (first->worst && first->kind != WrongKind::kShape) {
      const Mismatch& w = *first->worst;
      out += zh ? fmt::format("  位置    {}{}，共 {}\n", w.output, w.index,
                              shape_label(w.expected_shape, style.lang))
                : fmt::format("  where   {}{} of {}\n", w.output, w.index, w.expected_shape);
      out += fmt::format(zh ? "  期望    {}\n  实际    {}\n" : "  expected {}\n  got      {}\n",
                         number(w.expected), number(w.got));
      if (std::isfinite(w.expected))
        out += fmt::format(zh ? "  误差    {} > 允许 {:.3g}\n" : "  error    {} > allowed {:.3g}\n",
                           number(w.error), w.allowed);
      else
        out +=
            zh ? fmt::format("  这里的答案恰好是 {}，必须原样返回（无穷大或 NaN 不适用任何容差）\n",
                             number(w.expected))
               : fmt::format(
                     "  the answer here is exactly {}: an infinity or NaN must be "
                     "returned as such (no tolerance applies)\n",
                     number(w.expected));
      if (first->step >= 0)
        out += fmt::format(zh ? "  在第 {} 步\n" : "  at step {}\n", first->step);
      if (first->grid) out += grid_text(*first->grid, style.lang);
    } else {
      out += indent(first->message_in(style.lang), "  ");
    }
    if (!first->explanation.en.empty())
      out += "  " + paint("1", zh ? "这意味着：" : "What it means: ") +
             first->explanation.in(style.lang) + "\n";
    if (!first->output.empty())
      out +=
          (zh ? "  你的程序在这个用例中的输出：\n" : "  your program printed during this test:\n") +
          indent(utf8_prefix(first->output, 1500), "  | ");
    if (const Group* g = find_group(problem, first->group))
      out += "  " + paint("36", zh ? "为什么重要：" : "Why it matters: ") + g->note.in(style.lang) +
             "\n";
    out += zh ? "  需要提示？judge hint " + problem.id + "\n"
              : "  Stuck? judge hint " + problem.id + "\n";
  }
  // Output no failure claims (prints from passing tests) is still shown.
  if (!r.program_output.empty() && (first == nullptr || first->output.empty()))
    out += (zh ? "\n你的程序的输出（节选）：\n" : "\nyour program printed (first lines):\n") +
           indent(utf8_prefix(r.program_output, 1500), "  | ");
  out +=
      fmt::format("\n{} {}/{} {}{}\n", passed == total ? paint("32", "PASS") : paint("31", "FAIL"),
                  passed, total, zh ? "个测试通过" : "tests passed",
                  r.from_cache ? (zh ? "（缓存结果）" : " (cached: file unchanged)") : "");
  return out;
}

namespace {

// JSON has no infinities or NaN: they are spelled as strings.
nlohmann::json json_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  return value;
}

}  // namespace

nlohmann::json render_json(const CheckResult& r) {
  using nlohmann::json;
  json doc;
  doc["version"] = 2;
  json tests = json::array();
  if (!r.judge_error.empty()) {
    doc["status"] = "error";
    doc["message"] = "judge_error: " + r.judge_error;
  } else if (!r.refused.empty()) {
    doc["status"] = "error";
    doc["message"] = "refused: " + r.refused;
  } else if (!r.compiled) {
    doc["status"] = "error";
    doc["message"] = "compile_error:\n" + r.compile_output;
  } else {
    doc["status"] = r.all_passed() ? "pass" : "fail";
    doc["message"] = nullptr;
  }
  for (const auto& t : r.tests) {
    const char* status =
        t.verdict == Verdict::kAccepted                                                 ? "pass"
        : (t.verdict == Verdict::kWrongAnswer || t.verdict == Verdict::kNotImplemented) ? "fail"
                                                                                        : "error";
    json j = {{"name", t.full_name()},
              {"status", status},
              {"group", t.group},
              {"verdict", verdict_name(t.verdict)}};
    if (!t.passed()) {
      const std::string origin = t.origin.empty() ? "" : " [" + t.origin + "]";
      j["message"] = t.message + origin;
      j["message_zh"] = t.message_in(Lang::kZh) + origin;
      if (t.kind != WrongKind::kNone) j["kind"] = wrong_kind_name(t.kind);
      // The failure in detail, for pages that show it as the terminal does.
      if (!t.inputs.empty()) j["inputs"] = t.inputs;
      if (t.step >= 0) j["step"] = t.step;
      if (t.worst) {
        const Mismatch& w = *t.worst;
        j["mismatch"] = {{"output", w.output},
                         {"index", w.index},
                         {"expected", json_number(w.expected)},
                         {"got", json_number(w.got)},
                         {"error", json_number(w.error)},
                         {"allowed", json_number(w.allowed)},
                         {"expected_shape", w.expected_shape},
                         {"got_shape", w.got_shape}};
      }
    } else {
      j["message"] = nullptr;
    }
    // What this test's case printed: a crash's message is under the test
    // that crashed, whatever passed before it.
    j["output"] = t.output.empty() ? json(nullptr) : json(utf8_prefix(t.output, 2000));
    if (!t.explanation.en.empty())
      j["explanation"] = {{"en", t.explanation.en}, {"zh", t.explanation.zh}};
    if (t.grid) {
      const Grid& g = *t.grid;
      json expected = json::array(), got = json::array();
      for (double x : g.expected) expected.push_back(json_number(x));
      for (double x : g.got) got.push_back(json_number(x));
      j["grid"] = {{"output", g.output},   {"rows", g.rows}, {"cols", g.cols},
                   {"expected", expected}, {"got", got},     {"wrong", g.wrong}};
    }
    tests.push_back(j);
  }
  doc["tests"] = tests;
  if (r.diagnosis) {
    const Diagnosis& d = *r.diagnosis;
    doc["diagnosis"] = {{"id", d.id},
                        {"title", {{"en", d.mistake.en}, {"zh", d.mistake.zh}}},
                        {"explanation", {{"en", d.explain.en}, {"zh", d.explain.zh}}},
                        {"cases", d.cases}};
  }
  return doc;
}

std::string dump_json(const nlohmann::json& value, int indent) {
  return value.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace judge

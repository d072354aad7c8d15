#include "check_summary.h"

#include "text.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace judge {
namespace {

std::string padded(const std::string& text, std::size_t columns) {
  return text + std::string(columns - std::min(columns, columns_of(text)), ' ');
}

}  // namespace

std::string outcome_label(Outcome outcome, Lang lang) {
  if (lang != Lang::kZh) return outcome_name(outcome);
  switch (outcome) {
    case Outcome::kPassed:
      return "通过";
    case Outcome::kPartial:
      return "部分通过";
    case Outcome::kWrongAnswer:
      return "答案错误";
    case Outcome::kCompileError:
      return "编译错误";
    case Outcome::kTimeLimit:
      return "超时";
    case Outcome::kMemoryLimit:
      return "超出内存";
    case Outcome::kRuntimeError:
      return "运行错误";
    case Outcome::kNotImplemented:
      return "未实现";
    case Outcome::kEmpty:
      return "空文件";
    case Outcome::kNotAttempted:
      return "未作答";
    case Outcome::kRefused:
      return "拒绝读取";
    case Outcome::kJudgeError:
      return "评测机错误";
  }
  return outcome_name(outcome);
}

std::string render_check_summary(const std::vector<SummaryRow>& rows, Lang lang) {
  const bool zh = lang == Lang::kZh;
  const std::array<std::string, 4> head =
      zh ? std::array<std::string, 4>{"题目", "通过/总数", "结果", "已知错误"}
         : std::array<std::string, 4>{"problem", "passed", "outcome", "known mistake"};
  std::vector<std::array<std::string, 4>> cells;
  cells.push_back(head);
  // The mistake column only when some output matched a known mistake.
  if (std::none_of(rows.begin(), rows.end(),
                   [](const SummaryRow& r) { return !r.mistake.empty(); }))
    cells.back()[3].clear();
  int passed = 0;
  for (const SummaryRow& r : rows) {
    cells.push_back({r.problem, fmt::format("{}/{}", r.passed, r.total),
                     outcome_label(r.outcome, lang), printable_line(r.mistake)});
    passed += r.outcome == Outcome::kPassed ? 1 : 0;
  }
  std::array<std::size_t, 4> width{};
  for (const auto& line : cells)
    for (std::size_t c = 0; c < width.size(); ++c)
      width[c] = std::max(width[c], columns_of(line[c]));
  std::string out;
  for (const auto& line : cells) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c)
      text += c + 1 < line.size() ? padded(line[c], width[c] + 2) : line[c];
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  out += fmt::format(zh ? "{1} 道题中通过 {0} 道。\n" : "{0} of {1} problems passed.\n", passed,
                     rows.size());
  return out;
}

}  // namespace judge

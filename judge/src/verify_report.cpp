#include "verify_report.h"

#include <fmt/format.h>

#include <cmath>

namespace judge {
namespace {

std::string ratio_text(double ratio) {
  if (std::isinf(ratio)) return "inf";
  return fmt::format("{:.3g}", ratio);
}

std::string where(const Figure& f) { return "(" + f.file + ", " + f.test + ")"; }

std::string tolerance_line(const Figures& f) {
  std::string out = "tolerance margin: ";
  out += f.correct ? "correct ≤ " + ratio_text(f.correct->ratio) + " " + where(*f.correct)
                   : std::string("correct: no value compared");
  out += f.wrong ? ", wrong ≥ " + ratio_text(f.wrong->ratio) + " " + where(*f.wrong)
                 : std::string(", wrong: none fails on values");
  return out;
}

std::string performance_line(const Headroom& h) {
  std::string out = "  " + h.group + ": ";
  const std::string time = h.time ? "time ≤ " + ratio_text(h.time->ratio) + " of the limit" : "";
  const std::string memory =
      h.memory ? "memory ≤ " + ratio_text(h.memory->ratio) + " of the allowance" : "";
  // One place when the worst time and the worst memory were the same case.
  if (h.time && h.memory && h.time->file == h.memory->file && h.time->test == h.memory->test)
    return out + time + ", " + memory + " " + where(*h.time) + "\n";
  if (h.time) out += time + " " + where(*h.time);
  if (h.time && h.memory) out += ", ";
  if (h.memory) out += memory + " " + where(*h.memory);
  return out + "\n";
}

nlohmann::json figure_json(const std::optional<Figure>& f) {
  if (!f) return nullptr;
  return {{"ratio", std::isinf(f->ratio) ? nlohmann::json("inf") : nlohmann::json(f->ratio)},
          {"file", f->file},
          {"case", f->test}};
}

}  // namespace

std::string ShownPaths::operator()(std::string text) const {
  if (root.empty()) return text;
  const std::string prefix = root + "/";
  for (std::size_t at = text.find(prefix); at != std::string::npos;
       at = text.find(prefix, at + shown.size()))
    text.replace(at, prefix.size(), shown);
  return text;
}

std::string render_verify_problem(const ProblemReport& p, const ShownPaths& paths) {
  std::string out;
  for (const std::string& failure : p.failures) out += paths(failure) + "\n";
  out += fmt::format(
      "{}: {} — {} correct, {} wrong; {}\n", p.id,
      p.ok() ? std::string("ok")
             : fmt::format("{} failure{}", p.failures.size(), p.failures.size() == 1 ? "" : "s"),
      p.correct, p.wrong, tolerance_line(p.figures));
  for (const Headroom& h : p.figures.performance) out += performance_line(h);
  return out;
}

std::string render_verify_bank(const VerifyReport& report, const ShownPaths& paths) {
  std::string out;
  for (const std::string& note : report.notes) out += paths(note) + "\n";
  for (const std::string& failure : report.failures) out += paths(failure) + "\n";
  return out;
}

std::string render_verify_summary(const VerifyReport& report) {
  std::size_t failing = 0;
  for (const ProblemReport& p : report.problems) failing += p.ok() ? 0 : 1;
  const std::size_t total = report.problems.size();
  if (report.ok()) return fmt::format("verified {} problem(s): all hold\n", total);
  if (total == 0) return "verify failed: see above\n";
  const std::string bank = report.failures.empty() ? "" : ", and a bank-wide check fails";
  if (failing == 0)
    return fmt::format(
        "verified {} problem(s): they hold, but a bank-wide check fails; see above\n", total);
  return fmt::format("verified {} problem(s): {} fail{}; see above\n", total, failing, bank);
}

nlohmann::json render_verify_json(const VerifyReport& report) {
  nlohmann::json problems = nlohmann::json::array();
  for (const ProblemReport& p : report.problems) {
    nlohmann::json performance = nlohmann::json::array();
    for (const Headroom& h : p.figures.performance)
      performance.push_back(
          {{"group", h.group}, {"time", figure_json(h.time)}, {"memory", figure_json(h.memory)}});
    problems.push_back(
        {{"id", p.id},
         {"ok", p.ok()},
         {"failures", p.failures},
         {"correct", p.correct},
         {"wrong", p.wrong},
         {"tolerance",
          {{"correct", figure_json(p.figures.correct)}, {"wrong", figure_json(p.figures.wrong)}}},
         {"performance", performance}});
  }
  return {{"ok", report.ok()},
          {"failures", report.failures},
          {"notes", report.notes},
          {"problems", problems}};
}

}  // namespace judge

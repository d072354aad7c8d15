// Where a learner stands: judge progress, judge next, judge solution.
#include "commands.h"

#include "hashing.h"
#include "known_solutions.h"
#include "text.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace judge::cli {
namespace fs = std::filesystem;
namespace {

bool solved(const State& state, const std::string& id) {
  const ProblemState* s = state.find(id);
  return s != nullptr && s->solved;
}

void print_group(const Context& ctx, const State& state, const std::string& title,
                 const std::vector<std::string>& ids) {
  int done = 0;
  for (const auto& id : ids) done += solved(state, id) ? 1 : 0;
  std::cout << fmt::format(ctx.lang == Lang::kZh ? "{}：完成 {}/{}\n" : "{}: {}/{} solved\n", title,
                           done, ids.size());
  std::size_t title_columns = 0;
  for (const auto& id : ids)
    title_columns = std::max(title_columns, columns_of(ctx.bank.find(id)->title.in(ctx.lang)));
  for (const auto& id : ids) {
    const std::string t = ctx.bank.find(id)->title.in(ctx.lang);
    std::cout << fmt::format("  {} {:<32} {}{} {}\n", solved(state, id) ? "✓" : " ", id, t,
                             std::string(title_columns - columns_of(t), ' '),
                             status_label(state.find(id)));
  }
}

// A known-wrong solution's story: its leading comment (in Chinese, its
// mistake's title and explanation) and the verdict it gets.
std::string describe_trap(const KnownSolution& trap, Lang lang) {
  std::string expect;
  for (const auto& e : trap.expect)
    expect += (expect.empty() ? "" : "; ") + e.verdict + (e.group.empty() ? "" : " " + e.group);
  if (lang == Lang::kZh && !trap.mistake.zh.empty())
    return trap.mistake.zh + "。" + trap.explain.zh +
           (expect.empty() ? "" : " [结果：" + expect + "]");
  return trap.about + (expect.empty() ? "" : " [gets: " + expect + "]");
}

std::vector<KnownSolution> traps_of(const Context& ctx, const std::string& id) {
  std::vector<KnownSolution> traps;
  for (auto& s : known_solutions(ctx.workspace.solutions_dir(), id))
    if (s.kind == KnownSolution::Kind::kWrong) traps.push_back(std::move(s));
  return traps;
}

}  // namespace

std::vector<const Problem*> learning_order(const Context& ctx) {
  std::vector<const Problem*> order;
  if (const ProblemSet* set = ctx.bank.find_set(ctx.workspace.set)) {
    for (const auto& id : set->problems) order.push_back(ctx.bank.find(id));
    return order;
  }
  for (const auto& track : ctx.bank.tracks)
    for (const auto& id : track.problems) order.push_back(ctx.bank.find(id));
  return order;
}

int run_progress(Context& ctx) {
  const State state = load_state(ctx.workspace);
  if (const ProblemSet* set = ctx.bank.find_set(ctx.workspace.set)) {
    print_group(ctx, state, set->title.in(ctx.lang), set->problems);
    return kExitOk;
  }
  for (const auto& track : ctx.bank.tracks) {
    print_group(ctx, state, track.title.in(ctx.lang) + (ctx.lang == Lang::kZh ? "方向" : " track"),
                track.problems);
    std::cout << "\n";
  }
  std::cout << (ctx.lang == Lang::kZh ? "题目集：\n" : "Sets:\n");
  for (const auto& set : ctx.bank.sets) {
    int done = 0;
    for (const auto& id : set.problems) done += solved(state, id) ? 1 : 0;
    std::cout << fmt::format(
        ctx.lang == Lang::kZh ? "  {:<20} 完成 {}/{}  {}\n" : "  {:<20} {}/{} solved  {}\n", set.id,
        done, set.problems.size(), set.title.in(ctx.lang));
  }
  return kExitOk;
}

int run_next(Context& ctx) {
  const State state = load_state(ctx.workspace);
  for (const Problem* p : learning_order(ctx)) {
    if (solved(state, p->id)) continue;
    std::cout << render_statement(*p, ctx.lang,
                                  fs::relative(ctx.workspace.exercise_file(p->id)).string());
    return kExitOk;
  }
  std::cout << (ctx.lang == Lang::kZh ? "全部完成！试试 judge quiz。\n"
                                      : "Everything is solved. Try `judge quiz` next.\n");
  return kExitOk;
}

int run_solution(Context& ctx, const std::string& id, bool force) {
  const Problem* p = find_problem(ctx, id);
  if (p == nullptr) return kExitUsage;
  const std::vector<KnownSolution> traps = traps_of(ctx, id);
  const State state = load_state(ctx.workspace);
  if (!solved(state, id) && !force) {
    if (ctx.lang == Lang::kZh)
      std::cerr << fmt::format(
          "你还没有通过 {}。这会显示它的参考解和 {} 个已知陷阱（错误解法以及哪些测试能抓住它们），"
          "练习就失去意义了。\n先试试 `judge hint {}`，或者运行 `judge solution {} --force` "
          "直接查看。\n",
          id, traps.size(), id, id);
    else
      std::cerr << fmt::format(
          "You have not passed {} yet. This would show its reference solution and {} known "
          "trap{} (wrong solutions and what catches them), which spoils the exercise.\n"
          "Try `judge hint {}` first, or run `judge solution {} --force` to see them anyway.\n",
          id, traps.size(), traps.size() == 1 ? "" : "s", id, id);
    return kExitUsage;
  }
  std::string reference;
  const std::string path =
      (fs::path(ctx.workspace.solutions_dir()) / id / "reference.cpp").string();
  if (!read_file(path, reference)) {
    std::cerr << "no reference solution at " << path << "\n";
    return kExitJudgeError;
  }
  std::cout << fmt::format(ctx.lang == Lang::kZh ? "参考解（{}；双精度，评测时就这样运行）：\n\n"
                                                 : "Reference solution ({}; double precision, as "
                                                   "the judge runs it):\n\n",
                           fs::relative(path).string())
            << reference << "\n";
  std::cout << fmt::format(ctx.lang == Lang::kZh ? "已知陷阱（{} 个）：\n" : "Known traps ({}):\n",
                           traps.size());
  for (const auto& t : traps)
    std::cout << fmt::format("  - {}: {}\n", t.name, describe_trap(t, ctx.lang));
  return kExitOk;
}

}  // namespace judge::cli

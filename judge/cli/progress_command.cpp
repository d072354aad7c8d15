// Where a learner stands: judge progress, judge next, judge solution.
#include "commands.h"

#include "hashing.h"
#include "known_solutions.h"

#include <fmt/format.h>

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
  std::cout << fmt::format("{}: {}/{} solved\n", title, done, ids.size());
  for (const auto& id : ids) {
    const Problem* p = ctx.bank.find(id);
    std::cout << fmt::format("  {} {:<32} {:<44} {}\n", solved(state, id) ? "✓" : " ", id,
                             p->title.in(ctx.lang), status_label(state.find(id)));
  }
}

// A known-wrong solution's story: its leading comment and the verdict it gets.
std::string describe_trap(const KnownSolution& trap) {
  std::string expect;
  for (const auto& e : trap.expect)
    expect += (expect.empty() ? "" : "; ") + e.verdict + (e.group.empty() ? "" : " " + e.group);
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
    print_group(ctx, state, track.title.in(ctx.lang) + " track", track.problems);
    std::cout << "\n";
  }
  std::cout << (ctx.lang == Lang::kZh ? "题目集：\n" : "Sets:\n");
  for (const auto& set : ctx.bank.sets) {
    int done = 0;
    for (const auto& id : set.problems) done += solved(state, id) ? 1 : 0;
    std::cout << fmt::format("  {:<20} {}/{} solved  {}\n", set.id, done, set.problems.size(),
                             set.title.in(ctx.lang));
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
  std::cout << fmt::format("Reference solution ({}; double precision, as the judge runs it):\n\n",
                           fs::relative(path).string())
            << reference << "\n";
  std::cout << fmt::format("Known traps ({}):\n", traps.size());
  for (const auto& t : traps)
    std::cout << fmt::format("  - {}: {}\n", t.name, describe_trap(t));
  return kExitOk;
}

}  // namespace judge::cli

// Where a learner stands: judge progress, judge next, judge solution.
#include "commands.h"

#include "hashing.h"

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <regex>
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
std::string describe_trap(const std::string& path) {
  std::istringstream in([&] {
    std::string text;
    read_file(path, text);
    return text;
  }());
  std::string about;
  std::string expect;
  static const std::regex expect_line(R"(^// expect: (.*)$)");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_match(line, m, expect_line)) {
      expect += (expect.empty() ? "" : "; ") + m[1].str();
    } else if (line.rfind("//", 0) == 0) {
      about += (about.empty() ? "" : " ") + line.substr(line.size() > 2 && line[2] == ' ' ? 3 : 2);
    } else if (!line.empty()) {
      break;
    }
  }
  return about + (expect.empty() ? "" : " [gets: " + expect + "]");
}

std::vector<std::string> trap_files(const Context& ctx, const std::string& id) {
  std::vector<std::string> files;
  std::error_code ec;
  const fs::path dir = fs::path(ctx.workspace.bank_root) / "solutions" / "wrong";
  for (const auto& f : fs::directory_iterator(dir, ec)) {
    const std::string stem = f.path().stem().string();
    // softmax_rows_* is not a softmax trap: the longest matching id owns a file.
    if (f.path().extension() != ".cpp" || stem.rfind(id + "_", 0) != 0) continue;
    bool longer = false;
    for (const auto& other : ctx.bank.problems)
      longer = longer || (other.id.size() > id.size() && stem.rfind(other.id + "_", 0) == 0);
    if (!longer) files.push_back(f.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
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
  const std::vector<std::string> traps = trap_files(ctx, id);
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
      (fs::path(ctx.workspace.bank_root) / "solutions" / (id + ".cpp")).string();
  if (!read_file(path, reference)) {
    std::cerr << "no reference solution at " << path << "\n";
    return kExitJudgeError;
  }
  std::cout << fmt::format("Reference solution ({}; double precision, as the judge runs it):\n\n",
                           fs::relative(path).string())
            << reference << "\n";
  std::cout << fmt::format("Known traps ({}):\n", traps.size());
  for (const auto& t : traps)
    std::cout << fmt::format("  - {}: {}\n", fs::path(t).stem().string(), describe_trap(t));
  return kExitOk;
}

}  // namespace judge::cli

#include "commands.h"

#include "cases.h"
#include "check.h"
#include "check_summary.h"
#include "hashing.h"
#include "prepare.h"
#include "report.h"
#include "text.h"
#include "usage_help.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace judge::cli {
namespace fs = std::filesystem;
namespace {}  // namespace

bool use_color() {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no_color == nullptr || *no_color == '\0');
}

std::string status_label(const ProblemState* s) {
  if (s == nullptr || s->status.empty()) return "-";
  const std::string before = s->solved && s->status != "passed" ? " (solved before)" : "";
  if (s->status == "passed") return fmt::format("passed {}/{}", s->passed, s->total);
  if (s->status == "failed") return fmt::format("failed {}/{}", s->passed, s->total) + before;
  return s->status + before;
}

const Problem* find_problem(const Context& ctx, const std::string& id) {
  if (const Problem* p = ctx.bank.find(id)) return p;
  std::string message = "no problem '" + id + "'";
  const std::string guess = closest_match(id, ctx.bank.listed_ids());
  if (!guess.empty()) message += "; did you mean '" + guess + "'?";
  std::cerr << message << " (judge list shows them all)\n";
  return nullptr;
}

std::string shown_path(const std::string& path) {
  std::error_code ec;
  const fs::path relative =
      fs::absolute(path, ec).lexically_normal().lexically_relative(fs::current_path(ec));
  return ec || relative.empty() ? path : relative.string();
}

const ProblemSet* find_set(const Context& ctx, const std::string& id) {
  if (const ProblemSet* s = ctx.bank.find_set(id)) return s;
  std::vector<std::string> ids;
  for (const auto& s : ctx.bank.sets) ids.push_back(s.id);
  const std::string guess = closest_match(id, ids);
  std::cerr << "no set '" << id << "'" << (guess.empty() ? "" : "; did you mean '" + guess + "'?")
            << " (judge list shows the sets)\n";
  return nullptr;
}

int run_list(Context& ctx, const std::string& chosen_set, const std::string& chosen_track) {
  // A workshop workspace lists its own set unless asked for another.
  const std::string set_id = chosen_set.empty() ? ctx.workspace.set : chosen_set;
  State state = load_state(ctx.workspace);
  // Titles padded to the longest, by terminal columns (a CJK character takes two).
  std::size_t title_columns = 0;
  for (const auto& p : ctx.bank.problems)
    title_columns = std::max(title_columns, columns_of(p.title.in(ctx.lang)));
  auto line = [&](const Problem& p) {
    const std::string title = p.title.in(ctx.lang);
    std::cout << fmt::format("  {:<32} {}{} {:<7} {:<10} {}\n", p.id, title,
                             std::string(title_columns - columns_of(title), ' '), p.difficulty,
                             p.track, status_label(state.find(p.id)));
  };
  const char* track_heading = ctx.lang == Lang::kZh ? "{}方向\n" : "{} track\n";
  if (!set_id.empty()) {
    const ProblemSet* set = find_set(ctx, set_id);
    if (set == nullptr) return kExitUsage;
    std::cout << fmt::format("{}: {} ({} min)\n", set->id, set->title.in(ctx.lang), set->minutes);
    for (const auto& id : set->problems) line(*ctx.bank.find(id));
    return kExitOk;
  }
  if (!chosen_track.empty()) {
    std::string known;
    for (const auto& track : ctx.bank.tracks) {
      if (track.id != chosen_track) {
        known += (known.empty() ? "" : ", ") + track.id;
        continue;
      }
      std::cout << fmt::format(fmt::runtime(track_heading), track.title.in(ctx.lang));
      for (const auto& id : track.problems) line(*ctx.bank.find(id));
      return kExitOk;
    }
    std::cerr << "judge: no track '" << chosen_track << "'; the tracks are " << known << "\n";
    return kExitUsage;
  }
  for (const auto& track : ctx.bank.tracks) {
    std::cout << fmt::format(fmt::runtime(track_heading), track.title.in(ctx.lang));
    for (const auto& id : track.problems) line(*ctx.bank.find(id));
  }
  if (!ctx.bank.sets.empty())
    std::cout << (ctx.lang == Lang::kZh ? "\n题目集（judge list --set ID）：\n"
                                        : "\nSets (judge list --set ID):\n");
  for (const auto& set : ctx.bank.sets)
    std::cout << fmt::format("  {:<20} {:>3} min  {} problems  {}\n", set.id, set.minutes,
                             set.problems.size(), set.title.in(ctx.lang));
  return kExitOk;
}

int run_show(Context& ctx, const std::string& id) {
  const Problem* p = find_problem(ctx, id);
  if (p == nullptr) return kExitUsage;
  std::cout << render_statement(*p, ctx.lang,
                                fs::relative(ctx.workspace.exercise_file(p->id)).string());
  return kExitOk;
}

std::string render_statement(const Problem& problem, Lang lang, const std::string& file) {
  const Problem* p = &problem;
  const bool zh = lang == Lang::kZh;
  std::ostringstream out;
  if (zh) {
    const std::map<std::string, std::string> level{
        {"easy", "简单"}, {"medium", "中等"}, {"hard", "困难"}};
    const auto it = level.find(p->difficulty);
    out << fmt::format("{}: {}   [{}，{} 方向]\n\n", p->id, p->title.in(lang),
                       it == level.end() ? p->difficulty : it->second, p->track);
  } else {
    out << fmt::format("{}: {}   [{}, {} track]\n\n", p->id, p->title.in(lang), p->difficulty,
                       p->track);
  }
  out << p->statement.in(lang) << "\n";
  out << (zh ? "函数签名：\n" : "Signature:\n");
  for (const auto& s : p->signatures) out << "    " << s.text << "\n";
  out << (zh ? "\n示例：\n" : "\nSample:\n");
  for (const auto& g : p->groups) {
    if (g.kind != GroupKind::kSample) continue;
    for (std::size_t i = 0; i < g.cases.size(); ++i) {
      std::string text = describe_inputs(*p, g.cases[i]);
      for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
        text.replace(at, 1, "\n    ");
      // Several sample cases: name each, so they do not run together.
      if (g.cases.size() > 1) out << fmt::format("  {}:\n", g.cases[i].name);
      out << "    " << text << "\n";
    }
  }
  bool has_invalid = false;
  for (const auto& g : p->groups) has_invalid = has_invalid || g.kind == GroupKind::kInvalid;
  out << (zh ? "\n约定：Eigen 类型，float32，每个样本占一行"
             : "\nConventions: Eigen types, float32, one row per item")
      << (has_invalid ? (zh ? "；非法参数抛出 std::invalid_argument。\n"
                            : "; invalid arguments throw std::invalid_argument.\n")
                      : (zh ? "。\n" : ".\n"));
  out << fmt::format(
      zh ? "你的文件：{}；检查：judge check {}\n" : "Your file: {}; check it: judge check {}\n",
      file, p->id);
  return out.str();
}

int run_check(Context& ctx, const CheckArgs& args) {
  std::vector<const Problem*> problems;
  if ((args.all || !args.set.empty()) && !args.file.empty()) {
    std::cerr << "--file checks one problem: give its id instead of --all or --set\n";
    return kExitUsage;
  }
  if (args.all && ctx.workspace.set.empty()) {
    for (const auto& p : ctx.bank.problems) problems.push_back(&p);
  } else if (args.all || !args.set.empty()) {
    const ProblemSet* set = find_set(ctx, args.set.empty() ? ctx.workspace.set : args.set);
    if (set == nullptr) return kExitUsage;
    for (const auto& id : set->problems) problems.push_back(ctx.bank.find(id));
  } else {
    const Problem* p = find_problem(ctx, args.id);
    if (p == nullptr) return kExitUsage;
    problems.push_back(p);
  }
  CheckOptions options;
  if (!options.sandbox.use_bubblewrap) std::cerr << unsandboxed_warning(sandbox_status()) << "\n";
  options.only_case = args.only_case;
  options.use_cache = !args.no_cache;
  options.case_seconds = args.case_seconds;
  options.build_limits.compile.wall_seconds = args.compile_seconds;
  options.build_limits.compile.cpu_seconds = args.compile_seconds;
  // An unknown --case is a slip at the command line, not the judge's fault:
  // say so with the names there are.
  if (!args.only_case.empty())
    for (const Problem* p : problems)
      if (!select_cases(*p, args.only_case)) {
        std::vector<std::string> names;
        for (const TestCase& c : expand_cases(*p))
          names.push_back(c.group->name + "/" + c.spec.name);
        std::cerr << "judge: " << p->id << " has no case named " << args.only_case << ".";
        if (const std::string near = closest(args.only_case, names); !near.empty())
          std::cerr << " Did you mean " << near << "?";
        std::cerr << "\nIts cases:";
        for (const std::string& n : names) std::cerr << " " << n;
        std::cerr << "\n";
        return kExitUsage;
      }
  int exit_code = kExitOk;
  nlohmann::json all = nlohmann::json::array();
  // Several problems end with a table; their long reports only with --verbose.
  const bool table = problems.size() > 1 && args.format != "json";
  std::vector<SummaryRow> rows;
  for (const Problem* p : problems) {
    const std::string file = args.file.empty() ? ctx.workspace.exercise_file(p->id) : args.file;
    if (!fs::exists(file)) {
      // Reset only brings back a missing exercise; a --file is the learner's own.
      if (args.file.empty())
        std::cerr << "no file " << file << " (judge reset " << p->id << " restores the stub)\n";
      else
        std::cerr << "no file " << file << ": check the path given with --file\n";
      return kExitUsage;
    }
    const CheckResult r = check_problem(ctx.workspace, *p, shown_path(file), options);
    if (args.file.empty() && args.only_case.empty()) {
      // Read, update and write at once: a watch in another terminal may have saved meanwhile.
      State state = load_state(ctx.workspace);
      state.record(r);
      state.save();
    }
    if (!r.refused.empty())
      exit_code = std::max(exit_code, kExitUsage);  // a link, a pipe, too large: bad input
    else if (!r.judge_error.empty())
      exit_code = std::max(exit_code, kExitJudgeError);
    else if (!r.all_passed())
      exit_code = std::max(exit_code, kExitFailed);
    if (args.format == "json") {
      all.push_back(render_json(r));
    } else if (!table || args.verbose) {
      std::cout << render_human(*p, r, HumanStyle{use_color(), ctx.lang})
                << (problems.size() > 1 ? "\n" : "");
    }
    if (table) {
      std::string source;
      read_file(file, source);  // only to tell an empty file; the check read its own copy
      const GradedProblem graded = graded_hand_in(p->id, 1, source, render_json(r));
      rows.push_back({p->id, graded.passed, graded.total, classify_outcome(graded),
                      r.diagnosis ? r.diagnosis->mistake.in(ctx.lang) : ""});
    }
  }
  if (args.format == "json") std::cout << dump_json(problems.size() > 1 ? all : all[0]) << "\n";
  if (table) {
    std::cout << render_check_summary(rows, ctx.lang);
    if (!args.verbose)
      std::cout << (ctx.lang == Lang::kZh
                        ? "详情：judge check ID，或加上 --verbose 查看全部报告。\n"
                        : "Details: judge check ID, or --verbose for every report.\n");
  }
  return exit_code;
}

std::string next_hint(const Context& ctx, const Problem& problem) {
  State state = load_state(ctx.workspace);
  ProblemState& s = state.at(problem.id);
  const int total = static_cast<int>(problem.hints.size());
  const int shown = std::min(s.hints_shown + 1, total);
  std::string out;
  for (int i = 0; i < shown; ++i)
    out += fmt::format("hint {}/{}: {}\n", i + 1, total,
                       problem.hints[static_cast<std::size_t>(i)].in(ctx.lang));
  if (shown == total)
    out += ctx.lang == Lang::kZh ? "（这是最后一条提示。）\n" : "(That was the last hint.)\n";
  s.hints_shown = shown;
  state.save();
  return out;
}

int run_hint(Context& ctx, const std::string& id) {
  const Problem* p = find_problem(ctx, id);
  if (p == nullptr) return kExitUsage;
  std::cout << next_hint(ctx, *p);
  return kExitOk;
}

int run_reset(Context& ctx, const std::string& id, bool force) {
  const Problem* p = find_problem(ctx, id);
  if (p == nullptr) return kExitUsage;
  const std::string file = ctx.workspace.exercise_file(id);
  const std::string stub = stub_source(*p);
  std::string current;
  if (read_file(file, current)) {
    if (current == stub) {
      std::cout << file << " is already the pristine stub\n";
      return kExitOk;
    }
    if (!force) {
      std::cerr << file << " has your changes; judge reset " << id
                << " --force replaces it (and keeps a backup in .judge/backup/)\n";
      return kExitUsage;
    }
    const auto stamp = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
    const fs::path backup =
        fs::path(ctx.workspace.state_dir()) / "backup" / fmt::format("{}-{}.cpp", id, stamp);
    fs::create_directories(backup.parent_path());
    fs::copy_file(file, backup, fs::copy_options::overwrite_existing);
    std::cout << "your version is saved as " << backup.string() << "\n";
  }
  fs::create_directories(fs::path(file).parent_path());
  std::ofstream(file, std::ios::binary) << stub;
  std::cout << "restored " << file << "\n";
  return kExitOk;
}

int run_stub(Context& ctx, const std::string& id) {
  const Problem* p = find_problem(ctx, id);
  if (p == nullptr) return kExitUsage;
  std::cout << stub_source(*p);
  return kExitOk;
}

int run_validate(Context& ctx) {
  int missing = 0;
  for (const Problem& p : ctx.bank.problems) {
    const std::string files[] = {ctx.workspace.solutions_dir() + "/" + p.id + "/reference.cpp",
                                 ctx.workspace.bank_root + "/exercises/" + p.id + ".cpp"};
    for (const std::string& file : files)
      if (!fs::is_regular_file(file)) {
        std::cerr << p.file << ": the problem " << p.id << " has no " << file
                  << " (judge new scaffolds every file of a problem)\n";
        ++missing;
      }
  }
  if (missing > 0) return kExitUsage;
  std::cout << fmt::format(
      "{} problems in {} tracks: all valid (judge verify builds and runs each one)\n",
      ctx.bank.problems.size(), ctx.bank.tracks.size());
  return kExitOk;
}

int run_prepare(Context& ctx) {
  const Prepared r = prepare_workspace(ctx.workspace, ctx.workspace);
  if (!r.ok) {
    std::cerr << r.error << "\n";
    return kExitJudgeError;
  }
  std::cout << "precompiled header and harness ready\n";
  std::cout << "editor support: " << fs::relative(r.database_path).string()
            << " (clangd and VS Code read it; see the README)\n";
  return kExitOk;
}

}  // namespace judge::cli

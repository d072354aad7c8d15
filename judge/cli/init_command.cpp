// judge init DIR [--set NAME]: a practice folder or a workshop hand-out. It
// holds the stubs (of a set, or of every problem), statements (en and zh), a
// README and the editor's flags; never solutions or problem files, whose
// hidden cases stay with the judge. It names no path outside itself, and the
// build cache lives in the user's cache folder, so it stays kilobytes and
// works wherever it is moved, with whatever judge is installed there.
#include "commands.h"
#include "records.h"

#include "check.h"
#include "hashing.h"
#include "judge_data.h"
#include "prepare.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace judge::cli {
namespace fs = std::filesystem;
namespace {

void write_text(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string attendee_readme(const Context& ctx, const ProblemSet& set) {
  std::string list;
  for (const auto& id : set.problems)
    list += fmt::format("{}. `{}`: {} / {}\n", &id - set.problems.data() + 1, id,
                        ctx.bank.find(id)->title.en, ctx.bank.find(id)->title.zh);
  const std::string length =
      set.minutes > 0 ? fmt::format("{} minutes, {} exercises", set.minutes, set.problems.size())
                      : fmt::format("{} exercises", set.problems.size());
  return fmt::format(
      "# {title}\n\n"
      "{length}. 中文说明在下面。\n\n"
      "## How to work\n\n"
      "Run `judge` anywhere in this folder (it finds the folder the way git finds a "
      "repository); the judge brings the problems, and keeps what it builds in your cache "
      "folder (~/.cache/judge), not here.\n\n"
      "1. Read an exercise: `statements/ID.md` (中文: `statements/ID.zh.md`), or `judge show ID`.\n"
      "2. Write your code in `exercises/ID.cpp`; keep the function's signature as it is.\n"
      "3. Check it: `judge check ID`. It compiles your file and tells you which case failed, "
      "what was expected and why the case matters. `judge hint ID` gives one hint at a time.\n"
      "4. `judge list` shows where you stand; `judge check --all` checks everything.\n"
      "5. `judge reset ID` restores the original stub (your version is kept in "
      ".judge/backup).\n\n"
      "Editors that use clangd (VS Code with the clangd extension, Vim, Emacs, ...) read "
      "`exercises/compile_flags.txt` and compile your file the way the judge does.\n\n"
      "Hand in this whole folder (or its `exercises/` folder) when the organiser asks.\n\n"
      "## Exercises\n\n{list}\n"
      "## 使用方法\n\n"
      "在本文件夹的任意位置运行 "
      "`judge`；编译产物保存在你的缓存目录（~/.cache/judge），不在这里。\n\n"
      "1. 阅读题目：`statements/ID.zh.md`，或运行 `judge show ID --lang zh`。\n"
      "2. 在 `exercises/ID.cpp` 中完成函数，不要修改函数签名。\n"
      "3. 运行 `judge check ID` 检查；`judge hint ID` 每次给出一条提示。\n"
      "4. `judge list` 查看进度；`judge check --all` 检查全部题目。\n"
      "5. `judge reset ID` 恢复初始代码（原文件备份在 .judge/backup）。\n\n"
      "结束时按组织者的要求提交整个文件夹（或其中的 `exercises/` 文件夹）。\n",
      fmt::arg("title", set.title.en + " / " + set.title.zh), fmt::arg("length", length),
      fmt::arg("list", list));
}

// Without --set, every problem of the bank, in track order.
ProblemSet every_problem(const Context& ctx) {
  ProblemSet all;
  all.title = {"Softmax and attention exercises", "Softmax 与注意力练习"};
  for (const auto& p : ctx.bank.problems) all.problems.push_back(p.id);
  return all;
}

}  // namespace

int run_init(Context& ctx, const std::string& dir, const std::string& set_id, bool force) {
  const ProblemSet* chosen = set_id.empty() ? nullptr : find_set(ctx, set_id);
  if (!set_id.empty() && chosen == nullptr) return kExitUsage;
  const ProblemSet set = chosen != nullptr ? *chosen : every_problem(ctx);
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_empty(dir, ec) && !force) {
    std::cerr << dir
              << " exists and is not empty; choose a new folder (or --force to add the "
                 "workspace files to it, replacing stubs and statements of the same name)\n";
    return kExitUsage;
  }
  const fs::path root(dir);
  const std::string header = exercise_header(ctx.bank.records);
  write_text(root / "exercises" / "exercise.h", header);
  for (const auto& id : set.problems) {
    const Problem& p = *ctx.bank.find(id);
    const std::string file = "exercises/" + id + ".cpp";
    write_text(root / file, stub_source(p));
    write_text(root / "statements" / (id + ".md"),
               "```\n" + render_statement(p, Lang::kEn, file) + "```\n");
    write_text(root / "statements" / (id + ".zh.md"),
               "```\n" + render_statement(p, Lang::kZh, file) + "```\n");
  }
  write_text(root / "README.md", attendee_readme(ctx, set));
  // No path in it: the judge that runs in the folder brings its own bank.
  const nlohmann::json marker = {{"version", 1}, {"set", set.id}, {"problems", set.problems}};
  write_text(root / kWorkspaceMarker, marker.dump(2) + "\n");
  // The precompiled header now (into the user's cache), so the first check
  // is fast; the editor's flags name the copy of exercise.h beside the stubs.
  const Prepared prepared = prepare_workspace(Workspace::at(dir), ctx.workspace);
  if (!prepared.ok) {
    std::cerr << "judge init: the folder is made, but the toolchain did not build:\n"
              << prepared.error << "\n";
    return kExitJudgeError;
  }
  const std::string what =
      set.id.empty() ? "every problem" : fmt::format("{} ({} min)", set.id, set.minutes);
  std::cout << fmt::format(
      "made {}: {} exercises of {}, with statements and a README.\n"
      "Work there: cd {} && judge list\n",
      dir, set.problems.size(), what, dir);
  return kExitOk;
}

bool outside_practice_folder(const Context& ctx) {
  const JudgeData& data = judge_data();
  if (!data.installed || ctx.workspace.root != data.root) return false;
  std::cerr << "judge: there is no practice folder here (no " << kWorkspaceMarker
            << " in this folder or above). Make one with `judge init ~/attention`, then run "
               "judge inside it; or check a file of your own with --file.\n";
  return true;
}

}  // namespace judge::cli

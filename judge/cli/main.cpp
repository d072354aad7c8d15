// judge: practise softmax and attention, checked by a judge that explains.
#include "commands.h"
#include "completion.h"
#include "man_page.h"
#include "provenance.h"
#include "text.h"
#include "usage_help.h"

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <set>
#include <string>

int main(int argc, char** argv) {
  using namespace judge::cli;
  CLI::App app{
      "judge: softmax and attention exercises, checked with explanations.\n"
      "Start with `judge watch` and save exercises/softmax.cpp; or step by step with `judge "
      "list`,\n"
      "`judge show softmax` and `judge check softmax`. Instructors: `judge grade`, `judge init`."};
  app.require_subcommand(1);
  // Options of the app may also follow the subcommand: judge check softmax --bank DIR.
  app.fallthrough();
  std::string lang = "en";
  std::string bank_dir;
  app.add_option("--bank", bank_dir,
                 "use the problem bank in DIR (problems/, solutions/, exercises/) instead of "
                 "the built-in one; also JUDGE_BANK");
  app.add_option("--lang", lang, "language of statements, hints and notes: en or zh")
      ->check(CLI::IsMember({"en", "zh"}));
  app.set_version_flag("--version", [] {
    return "judge " + judge::judge_version() + " (bank " +
           judge::bank_hash(judge::Workspace::locate().bank_root) + ")";
  });
  std::string shell;
  auto* completions = app.add_subcommand(
      "completions", "print shell completion for bash or zsh: source <(judge completions bash)");
  completions->add_option("shell", shell, "bash or zsh")
      ->required()
      ->check(CLI::IsMember({"bash", "zsh"}));
  // What the completion script asks, after -- (so no word is taken for an
  // option): cur=CURRENT, then the words before it.
  std::vector<std::string> complete_args;
  auto* complete = app.add_subcommand("__complete", "")->group("");
  complete->add_option("words", complete_args, "after --: cur=CURRENT, then the words before it");
  // The manual page, troff on stdout: the build installs it as judge(1).
  auto* man = app.add_subcommand("__man", "")->group("");
  std::string help_command;
  auto* help =
      app.add_subcommand("help", "this overview, or one command's options: judge help check");
  help->add_option("command", help_command, "a command, e.g. check");

  auto* list = app.add_subcommand("list", "list the problems with your status from the last check");
  std::string set;
  list->add_option("--set", set, "list only the problems of this set, e.g. softmax-basics");
  std::string track;
  list->add_option("--track", track, "list only the problems of this track, e.g. llm")
      ->excludes(list->get_option("--set"));
  std::string id;
  auto* show = app.add_subcommand("show", "show a problem's statement, signature and sample");
  show->add_option("id", id, "problem id, e.g. softmax")->required();
  show->add_option("--lang", lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));

  CheckArgs check_args;
  auto* check = app.add_subcommand("check", "compile your file and run the problem's tests");
  check->add_option("id", check_args.id, "problem id (default file: exercises/ID.cpp)");
  check->add_flag("--all", check_args.all, "check every problem");
  check->add_option("--set", check_args.set, "check every problem of a set");
  check->add_option("--file", check_args.file, "check this file instead of exercises/ID.cpp");
  check->add_option("--format", check_args.format, "human or json")
      ->check(CLI::IsMember({"human", "json"}));
  check->add_option("--case", check_args.only_case, "run one case, e.g. random/seed7_3");
  check->add_flag("--no-cache", check_args.no_cache, "ignore cached results for unchanged files");
  check->add_flag("--verbose", check_args.verbose,
                  "with --all or --set: every problem's report before the summary table");
  check
      ->add_option("--case-timeout", check_args.case_seconds, "seconds of wall-clock time per case")
      ->check(seconds_between(0.1, 600.0));
  check
      ->add_option("--compile-timeout", check_args.compile_seconds,
                   "seconds for compiling your file")
      ->check(seconds_between(1.0, 600.0));
  check->add_option("--lang", lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));

  auto* hint = app.add_subcommand("hint", "show one more hint for a problem each time you ask");
  hint->add_option("id", id, "problem id")->required();
  hint->add_option("--lang", lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
  auto* quiz = app.add_subcommand("quiz", "concept questions: answer, then see the model answer");
  std::string quiz_id;
  bool answers_only = false;
  quiz->add_option("id", quiz_id, "a problem id (default: every problem, or --set)");
  quiz->add_option("--set", set, "the questions of a set's problems");
  quiz->add_flag("--answers", answers_only,
                 "print the questions with their answers, without asking");
  quiz->add_option("--lang", lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
  bool force = false;
  auto* reset = app.add_subcommand("reset", "restore the pristine stub of a problem");
  reset->add_option("id", id, "problem id")->required();
  reset->add_flag("--force", force, "overwrite a changed file (a backup is kept in .judge/backup)");
  auto* stub = app.add_subcommand("stub", "print the stub of a problem (for problem authors)");
  stub->add_option("id", id, "problem id")->required();
  auto* validate = app.add_subcommand(
      "validate",
      "load every problem file and check its files are there (fast; judge verify "
      "builds and runs them)");
  VerifyArgs verify_args;
  auto* verify = app.add_subcommand(
      "verify",
      "for problem authors: run each problem's reference, example, stub and known "
      "solutions and report every failure, with the tolerance and time margins");
  verify->add_option("id", verify_args.ids, "the problems to verify (default: all)");
  verify->add_option("--jobs", verify_args.jobs, "checks at a time (default: one per core)")
      ->check(CLI::Range(1, 256));
  verify->add_flag("--write-header", verify_args.write_header,
                   "rewrite exercises/exercise.h from problems/records.yaml");
  verify->add_flag("--no-cache", verify_args.no_cache, "check every file again");
  verify->add_option("--format", verify_args.format, "human or json")
      ->check(CLI::IsMember({"human", "json"}));
  auto* prepare = app.add_subcommand("prepare", "build the precompiled header and harness now");
  WatchArgs watch_args;
  auto* watch = app.add_subcommand(
      "watch", "check an exercise each time you save it; keys move through the track");
  watch->add_option("id", watch_args.id, "the problem to start with (default: next unsolved)");
  watch->add_option("--set", watch_args.set, "work through this set's problems");
  watch->add_flag("--manual", watch_args.manual,
                  "check when you press Enter (for file systems without inotify)");
  watch->add_option("--lang", lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
  auto* progress = app.add_subcommand("progress", "what you have solved, per track and set");
  progress->add_option("--lang", lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
  auto* next = app.add_subcommand("next", "show the statement of the next unsolved problem");
  next->add_option("--lang", lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
  auto* solution = app.add_subcommand(
      "solution", "show the reference solution and the known traps (once you have passed)");
  solution->add_option("id", id, "problem id")->required();
  solution->add_flag("--force", force, "show them before you have passed (spoils the problem)");
  std::string init_dir;
  auto* init = app.add_subcommand(
      "init",
      "make a practice folder: the stubs, statements and a README, no solutions; it can be moved");
  init->add_option("dir", init_dir, "the new folder")->required();
  init->add_option("--set", set,
                   "the set to hand out (judge list shows the sets; default: every problem)");
  init->add_flag("--force", force, "write into a folder that is not empty");
  judge::ScaffoldRequest new_args;
  auto* make_new = app.add_subcommand(
      "new", "start a new problem: its YAML, reference, stub and known solutions (for authors)");
  make_new->add_option("id", new_args.id, "the new problem's id, e.g. sparsemax")->required();
  make_new->add_option("--track", new_args.track, "the track to list it in (default: the first)");
  make_new->add_option("--signature", new_args.signature,
                       "its C++ signature (default: Eigen::VectorXf ID(const Eigen::VectorXf& x))");
  make_new->add_option("--difficulty", new_args.difficulty, "easy, medium (default) or hard")
      ->check(CLI::IsMember({"easy", "medium", "hard"}));
  GradeArgs grade_args;
  auto* grade = app.add_subcommand(
      "grade", "grade a class: CLASS holds a folder per learner with <problem>.cpp files");
  grade->add_option("class", grade_args.class_dir, "the class folder")->required();
  grade->add_option("--out", grade_args.out_dir, "where the reports and the journal go")
      ->required();
  grade->add_option("--set", grade_args.set, "grade only this set's problems");
  grade->add_option("--jobs", grade_args.jobs, "gradings at a time (default: one per core)")
      ->check(CLI::Range(1, 256));
  grade
      ->add_option("--case-timeout", grade_args.case_seconds, "seconds of wall-clock time per case")
      ->check(seconds_between(0.1, 600.0));
  grade->add_flag("--no-cache", grade_args.no_cache, "ignore cached results for identical files");
  grade->add_option("--shard", grade_args.shard,
                    "grade only shard I of N (I from 0), for a cluster; then judge merge");
  grade->add_flag("--allow-unsandboxed", grade_args.allow_unsandboxed,
                  "grade even where bubblewrap cannot run (only if you trust every file)");

  std::vector<std::string> merge_dirs;
  std::string merge_out;
  auto* merge = app.add_subcommand(
      "merge", "put the shards of a grading (judge grade --shard I/N) together into its reports");
  merge->add_option("shards", merge_dirs, "the --out folders of all N shards")->required();
  merge->add_option("--out", merge_out, "where the reports go")->required();

  ServeArgs serve_args;
  auto* serve = app.add_subcommand(
      "serve", "run a practice room: learners work in a browser, the organiser sees a heat map");
  serve->add_option("--host", serve_args.host,
                    "address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 serves "
                    "a room's network)");
  serve->add_option("--port", serve_args.port, "port (default 8080; 0 takes a free one)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--data", serve_args.data_dir,
                    "folder for the room's database, organiser token and exports (default "
                    "./judge-room)");
  serve->add_option("--set", serve_args.set, "serve only this set's problems");
  serve->add_option("--workers", serve_args.workers, "checks at a time (default: one per core)")
      ->check(CLI::Range(1, 256));
  serve->add_option("--public-url", serve_args.public_url,
                    "what join links start with, e.g. http://judge.lab:8080 (default: the "
                    "address and port it listens on)");
  serve->add_flag("--allow-unsandboxed", serve_args.allow_unsandboxed,
                  "serve even where bubblewrap cannot run (only for a room you trust)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version print and succeed; every other parse error is a
    // usage error (2), with the command or option probably meant.
    return answer_parse_error(app, e, argc, argv) == 0 ? kExitOk : kExitUsage;
  }
  if (*help) return print_help(app, help_command) == 0 ? kExitOk : kExitUsage;
  if (*completions) {
    std::cout << completion_script(shell);
    return kExitOk;
  }
  if (*man) {
    std::cout << man_page(app, judge::judge_version());
    return kExitOk;
  }

  Context ctx;
  ctx.workspace = judge::Workspace::locate();
  if (*verify) return run_verify(ctx.workspace, verify_args);  // it loads the bank strictly
  if (*merge) return run_merge(merge_dirs, merge_out);         // it needs no bank
  try {
    ctx.workspace.choose_bank(bank_dir);
  } catch (const std::invalid_argument& e) {
    std::cerr << e.what() << "\n";
    return kExitUsage;
  }
  try {
    std::vector<std::string> warnings;
    // A command about one problem reads only that problem's file: the whole
    // bank takes about 0.2 s to parse, a tenth of an edited check.
    std::set<std::string> only;
    if (*show || *hint || (*check && !check_args.all && check_args.set.empty()))
      only.insert(*check ? check_args.id : id);
    ctx.bank = judge::load_bank(ctx.workspace.problems_dir(), /*strict=*/validate->parsed(),
                                &warnings, only.empty() ? nullptr : &only);
    for (const auto& w : warnings) std::cerr << "warning: " << w << "\n";
  } catch (const judge::BankError& e) {
    std::cerr << "problem bank error: " << e.what() << "\n";
    return kExitUsage;
  }
  ctx.lang = lang == "zh" ? judge::Lang::kZh : judge::Lang::kEn;
  if (*complete) {
    std::vector<std::string> words = complete_args;
    std::string current;
    if (!words.empty() && words.front().rfind("cur=", 0) == 0) {
      current = words.front().substr(4);
      words.erase(words.begin());
    }
    std::cout << complete_words(app, ctx.bank, words, current);
    return kExitOk;
  }
  // What writes the learner's files or progress needs a practice folder; an
  // installed judge outside one would write into its own read-only bank.
  const bool writes_progress =
      (*check && check_args.file.empty()) || *hint || *reset || *watch || *quiz || *prepare;
  if (writes_progress && outside_practice_folder(ctx)) return kExitUsage;
  try {
    if (*list) return run_list(ctx, set, track);
    if (*quiz) return run_quiz(ctx, quiz_id, set, answers_only);
    if (*show) return run_show(ctx, id);
    if (*check) {
      const int chosen = (check_args.all ? 1 : 0) + (check_args.id.empty() ? 0 : 1) +
                         (check_args.set.empty() ? 0 : 1);
      if (chosen != 1) {
        std::cerr << "give one of: a problem id, --set NAME, --all (see judge check --help)\n";
        return kExitUsage;
      }
      return run_check(ctx, check_args);
    }
    if (*hint) return run_hint(ctx, id);
    if (*reset) return run_reset(ctx, id, force);
    if (*stub) return run_stub(ctx, id);
    if (*validate) return run_validate(ctx);
    if (*prepare) return run_prepare(ctx);
    if (*grade) return run_grade(ctx, grade_args);
    if (*init) return run_init(ctx, init_dir, set, force);
    if (*make_new) return run_new(ctx, new_args);
    if (*progress) return run_progress(ctx);
    if (*watch) return run_watch(ctx, watch_args);
    if (*next) return run_next(ctx);
    if (*solution) return run_solution(ctx, id, force);
    if (*serve) return run_serve(ctx, serve_args);
  } catch (const judge::BankError& e) {
    std::cerr << "problem bank error: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    // It may quote a path in a learner's folder, whose name is theirs to choose.
    std::cerr << "judge_error: " << judge::printable(e.what()) << "\n";
    return kExitJudgeError;
  }
  return kExitUsage;
}

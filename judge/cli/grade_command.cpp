// judge grade CLASS --out OUT: the instructor's command.
#include "commands.h"

#include "grade.h"
#include "intake_report.h"
#include "out_dir.h"
#include "report_grade.h"
#include "shard.h"
#include "text.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

namespace judge::cli {
namespace {

void draw_progress(const GradeProgress& p) {
  constexpr int kWidth = 30;
  const int filled =
      p.total == 0 ? kWidth : static_cast<int>(kWidth * p.done / std::max<std::size_t>(1, p.total));
  // p.last names a learner's folder: any bytes, possibly escape sequences.
  std::cerr << fmt::format("\r[{}{}] {}/{} {}", std::string(filled, '#'),
                           std::string(kWidth - filled, '.'), p.done, p.total,
                           fit_columns(p.last, 40))
            << std::flush;
}

// A warning quotes folder names and judge errors: shown, never obeyed, and
// each further line indented so none can pass for a warning of its own.
std::string warning_text(const std::string& warning) {
  std::string text = printable(warning);
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1))
    text.insert(at + 1, "  ");
  return text;
}

}  // namespace

int run_grade(Context& ctx, const GradeArgs& args) {
  std::error_code ec;
  if (!std::filesystem::is_directory(args.class_dir, ec)) {
    std::cerr << args.class_dir
              << " is not a folder. judge grade CLASS wants a folder with one folder per "
                 "learner, each holding <problem>.cpp files (or exercises/<problem>.cpp).\n";
    return kExitUsage;
  }
  GradeOptions options;
  if (!args.shard.empty()) {
    try {
      options.shard = parse_shard(args.shard);
    } catch (const std::invalid_argument& e) {
      std::cerr << e.what() << "\n";
      return kExitUsage;
    }
  }
  options.class_dir = args.class_dir;
  options.out_dir = args.out_dir;
  options.jobs = args.jobs > 0
                     ? args.jobs
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.check.case_seconds = args.case_seconds;
  options.check.use_cache = !args.no_cache;
  options.on_intake = [](const std::vector<IntakeFinding>& findings) {
    for (const auto& f : findings)
      if (f.warn) std::cerr << intake_line(f) << "\n";
  };
  if (!options.check.sandbox.use_bubblewrap) {
    std::cerr << unsandboxed_warning(sandbox_status()) << "\n";
    if (!args.allow_unsandboxed) {
      std::cerr << "judge grade runs untrusted code: it refuses to without a sandbox. Install "
                   "bubblewrap (apt-get install bubblewrap), or pass --allow-unsandboxed if you "
                   "trust every file in "
                << args.class_dir << ".\n";
      return kExitUsage;
    }
  }
  if (!args.set.empty()) {
    const ProblemSet* set = find_set(ctx, args.set);
    if (set == nullptr) return kExitUsage;
    options.problems = set->problems;
    options.points = set->points;
    options.title = set->id;
  } else {
    for (const auto& p : ctx.bank.problems) options.problems.push_back(p.id);
    options.title = "all problems";
  }
  // Last of the checks, as it makes the folder: a refusal above leaves none behind.
  if (const Status out = check_out_dir(args.class_dir, args.out_dir); !out.ok()) {
    std::cerr << printable(out.message()) << "\n";
    return kExitUsage;
  }
  const bool tty = isatty(STDERR_FILENO) != 0;
  const auto start = std::chrono::steady_clock::now();
  const GradeOutcome outcome =
      grade_class(ctx.workspace, ctx.bank, options,
                  tty ? draw_progress : std::function<void(const GradeProgress&)>());
  if (tty) std::cerr << "\n";
  for (const auto& w : outcome.warnings) std::cerr << "warning: " << warning_text(w) << "\n";
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.shard.sharded()) {
    std::cout << fmt::format(
        "graded shard {}/{}: {} of the class's (learner, problem) pairs ({} kept from an earlier "
        "run) in {:.1f} s with {} jobs\nwhen every shard is done: judge merge OUT_0 ... OUT_{} "
        "--out OUT\n",
        options.shard.index, options.shard.count, outcome.gradings, outcome.reused, seconds,
        options.jobs, options.shard.count - 1);
    return kExitOk;
  }
  std::cout << fmt::format(
      "graded {} learners x {} problems ({} gradings, {} kept from an earlier run) in {:.1f} s "
      "with {} jobs\nreports in {}: summary.csv, outcomes.csv, junit.xml, report.html, learners/, "
      "gradescope/\n",
      outcome.book.learners.size(), options.problems.size(), outcome.gradings, outcome.reused,
      seconds, options.jobs, args.out_dir);
  return kExitOk;
}

int run_merge(const std::vector<std::string>& shard_dirs, const std::string& out_dir) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path out = fs::weakly_canonical(out_dir, error);
  for (const auto& dir : shard_dirs)
    if (out == fs::weakly_canonical(dir, error)) {
      std::cerr << "--out " << out_dir << " is one of the shards: give the reports a folder of "
                   "their own\n";
      return kExitUsage;
    }
  if (out == out.root_path()) {
    std::cerr << "--out / would write reports over the whole file system's top: give a folder\n";
    return kExitUsage;
  }
  std::vector<std::string> warnings;
  GradeBook book;
  try {
    book = merge_shards(shard_dirs, &warnings);
  } catch (const std::runtime_error& e) {
    std::cerr << printable(e.what()) << "\n";
    return kExitUsage;
  }
  for (const auto& w : warnings) std::cerr << "warning: " << warning_text(w) << "\n";
  write_grade_reports(book, out_dir);
  // Every shard looked at the whole class, so each wrote the same intake.csv.
  std::error_code ignored;
  std::filesystem::copy_file(std::filesystem::path(shard_dirs.front()) / "intake.csv",
                             std::filesystem::path(out_dir) / "intake.csv",
                             std::filesystem::copy_options::overwrite_existing, ignored);
  std::cout << fmt::format(
      "merged {} shards: {} learners x {} problems\nreports in {}: summary.csv, outcomes.csv, "
      "junit.xml, report.html, learners/, gradescope/\n",
      shard_dirs.size(), book.learners.size(), book.problems.size(), out_dir);
  return kExitOk;
}

}  // namespace judge::cli

// judge verify: the problem author's check (verify.h decides, this prints).
#include "commands.h"

#include "report.h"
#include "text.h"
#include "verify.h"
#include "verify_report.h"

#include <filesystem>
#include <iostream>
#include <thread>

namespace judge::cli {
namespace {

// How paths under the bank read from the current folder.
ShownPaths shown_paths(const Workspace& ws) {
  std::error_code ec;
  const std::filesystem::path relative =
      std::filesystem::path(ws.bank_root).lexically_relative(std::filesystem::current_path(ec));
  if (ec || relative.empty()) return ShownPaths{ws.bank_root, ws.bank_root + "/"};
  return ShownPaths{ws.bank_root, relative == "." ? "" : relative.string() + "/"};
}

}  // namespace

int run_verify(const Workspace& ws, const VerifyArgs& args) {
  const bool json = args.format == "json";
  const ShownPaths paths = shown_paths(ws);
  VerifyReport report;
  const std::optional<Bank> bank = load_bank_for_verify(ws, report);
  if (!bank) {
    // The one error is the whole report: nothing else can be judged.
    if (json)
      std::cout << dump_json(render_verify_json(report)) << "\n";
    else
      std::cout << render_verify_bank(report, paths) << render_verify_summary(report);
    return kExitFailed;
  }
  for (const std::string& id : args.ids) {
    if (bank->find(id) != nullptr) continue;
    const std::string guess = closest_match(id, bank->ids());
    std::cerr << "no problem '" << id << "'"
              << (guess.empty() ? "" : "; did you mean '" + guess + "'?")
              << " (judge list shows them all)\n";
    return kExitUsage;
  }
  VerifyOptions options;
  options.ids = args.ids;
  options.jobs = args.jobs > 0
                     ? args.jobs
                     : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.write_header = args.write_header;
  options.use_cache = !args.no_cache;
  try {
    // A person sees each problem as soon as it is done: the whole bank takes minutes.
    report = verify_bank(*bank, ws, options, [&](const ProblemReport& p) {
      if (!json) std::cout << render_verify_problem(p, paths) << std::flush;
    });
  } catch (const std::exception& e) {
    std::cerr << "judge_error: " << printable(e.what()) << "\n";
    return kExitJudgeError;
  }
  if (json)
    std::cout << dump_json(render_verify_json(report)) << "\n";
  else
    std::cout << render_verify_bank(report, paths) << render_verify_summary(report);
  return report.ok() ? kExitOk : kExitFailed;
}

}  // namespace judge::cli

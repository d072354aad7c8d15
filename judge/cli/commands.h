// The judge's subcommands. Each returns the process exit code:
// 0 all passed / done, 1 a test failed, 2 usage or bank error, 3 judge error.
#pragma once

#include "bank.h"
#include "problem.h"
#include "scaffold.h"
#include "stub.h"
#include "workspace.h"

#include <string>

namespace judge::cli {

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitJudgeError = 3;

struct Context {
  Workspace workspace;
  Bank bank;
  Lang lang = Lang::kEn;
};

// Finds a problem or prints the closest ids and returns nullptr.
const Problem* find_problem(const Context& ctx, const std::string& id);

// Problems named by a set id, or nullptr after printing the closest set ids.
// `path` relative to the current folder without resolving links (which
// fs::relative does): a link the learner names is refused, never followed.
std::string shown_path(const std::string& path);

const ProblemSet* find_set(const Context& ctx, const std::string& id);

// Colour on a terminal, unless NO_COLOR is set.
bool use_color();

// "passed 39/39", "failed 12/39 (solved before)", "-" for never checked.
std::string status_label(const ProblemState* state);

int run_list(Context& ctx, const std::string& set, const std::string& track);
int run_progress(Context& ctx);
int run_next(Context& ctx);
int run_solution(Context& ctx, const std::string& id, bool force);
// The problems a learner works through, in order: a workshop workspace's
// set, else every track.
std::vector<const Problem*> learning_order(const Context& ctx);
int run_show(Context& ctx, const std::string& id);
struct CheckArgs {
  std::string id;
  std::string file;
  std::string format = "human";
  std::string only_case;
  std::string set;
  bool all = false;
  bool no_cache = false;
  bool verbose = false;  // --all / --set: every problem's report before the table
  double case_seconds = 2.0;
  double compile_seconds = 30.0;
};
int run_check(Context& ctx, const CheckArgs& args);
int run_hint(Context& ctx, const std::string& id);
// All hints up to one more than last time (remembered in the state file).
std::string next_hint(const Context& ctx, const Problem& problem);
struct WatchArgs {
  std::string id;
  std::string set;
  bool manual = false;
};
int run_watch(Context& ctx, const WatchArgs& args);
int run_quiz(Context& ctx, const std::string& id, const std::string& set, bool answers_only);
int run_reset(Context& ctx, const std::string& id, bool force);
int run_stub(Context& ctx, const std::string& id);
int run_prepare(Context& ctx);
// Loads the bank strictly and checks every problem has its reference and stub.
int run_validate(Context& ctx);
struct GradeArgs {
  std::string class_dir;
  std::string out_dir;
  std::string set;
  int jobs = 0;  // 0: one per core
  double case_seconds = 2.0;
  bool no_cache = false;
  bool allow_unsandboxed = false;
  std::string shard;  // "I/N": grade only shard I of N (see shard.h)
};
int run_grade(Context& ctx, const GradeArgs& args);
// Puts the shards of a grading back together and writes the reports.
int run_merge(const std::vector<std::string>& shard_dirs, const std::string& out_dir);
int run_init(Context& ctx, const std::string& dir, const std::string& set, bool force);
// True (after saying what to do) when an installed judge runs outside any
// practice folder, where the only workspace is the install's own bank.
bool outside_practice_folder(const Context& ctx);
// Starts a problem in the bank: its files with placeholders, listed in its track.
int run_new(Context& ctx, const ScaffoldRequest& request);
struct VerifyArgs {
  std::vector<std::string> ids;
  int jobs = 0;  // 0: one per core
  bool write_header = false;
  bool no_cache = false;
  std::string format = "human";
};
// Loads the bank itself, strictly: a bank that does not load is its report (exit 1).
int run_verify(const Workspace& ws, const VerifyArgs& args);
struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (the URL printed names it)
  std::string data_dir = "judge-room";
  std::string set;
  int workers = 0;         // 0: one per core
  std::string public_url;  // what join links start with; default: from --host and the port
  bool allow_unsandboxed = false;
};
int run_serve(Context& ctx, const ServeArgs& args);

// A problem's statement, signature and sample, as `judge show` prints it.
std::string render_statement(const Problem& problem, Lang lang, const std::string& file);

// The pristine stub of a problem, generated from its signatures.

}  // namespace judge::cli

// judge watch: the learner's loop. Save a file and the screen shows its
// check; keys move through the track. Files are watched through their folder
// (inotify), and a check starts once saves have been quiet for 200 ms, so an
// editor's several writes or a half-written file cost one check, not many.
#include "commands.h"

#include "check.h"
#include "file_watcher.h"
#include "report.h"

#include <fmt/format.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>

namespace judge::cli {
namespace fs = std::filesystem;
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::chrono::milliseconds kQuietPeriod{200};

volatile std::sig_atomic_t g_stop = 0;
void request_stop(int) { g_stop = 1; }

// Keys without Enter and without echo, for as long as the watch runs.
class RawTerminal {
 public:
  RawTerminal() {
    if (isatty(STDIN_FILENO) == 0 || tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios raw = saved_;
    raw.c_lflag &= ~static_cast<tcflag_t>(ICANON | ECHO);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    active_ = tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0;
  }
  ~RawTerminal() {
    if (active_) tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
  }
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

// JUDGE_WATCH_TRACE=FILE records when saves were seen, checks ran and the
// screen was drawn: bench/watch_latency.sh reads it to measure the loop.
class Trace {
 public:
  Trace() {
    if (const char* path = std::getenv("JUDGE_WATCH_TRACE"); path != nullptr && *path != '\0')
      out_ = std::make_unique<std::ofstream>(path, std::ios::app);
  }
  void mark(const char* what) {
    if (!out_) return;
    const auto ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
            .count();
    *out_ << what << " " << ns << "\n" << std::flush;
  }

 private:
  std::unique_ptr<std::ofstream> out_;
};

class WatchSession {
 public:
  WatchSession(Context& ctx, const WatchArgs& args) : ctx_(ctx), args_(args) {
    if (const ProblemSet* set = ctx.bank.find_set(args.set)) {
      for (const auto& id : set->problems) order_.push_back(ctx.bank.find(id));
    } else {
      order_ = learning_order(ctx);
    }
    current_ = args.id.empty() ? next_unsolved(nullptr) : ctx.bank.find(args.id);
    if (current_ == nullptr) current_ = order_.front();
  }

  int run() {
    std::unique_ptr<FileWatcher> watcher;
    if (!args_.manual) {
      try {
        watcher = std::make_unique<FileWatcher>(ctx_.workspace.exercises_dir());
      } catch (const std::exception& e) {
        std::cerr << e.what() << "\nUse `judge watch --manual` to check on Enter instead.\n";
        return kExitUsage;
      }
    }
    RawTerminal terminal;
    check_current();
    draw();
    std::optional<std::string> pending;  // a saved exercise waiting for quiet
    Clock::time_point due;
    while (g_stop == 0) {
      pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {watcher ? watcher->fd() : -1, POLLIN, 0}};
      int timeout = -1;
      if (pending)
        timeout = static_cast<int>(std::max<long long>(
            0, std::chrono::duration_cast<std::chrono::milliseconds>(due - Clock::now()).count()));
      const int ready = poll(fds, 2, timeout);
      if (ready < 0 && errno != EINTR) break;
      if (fds[0].revents & (POLLIN | POLLHUP)) {
        char key = 0;
        if (read(STDIN_FILENO, &key, 1) <= 0 || !on_key(key)) break;
      }
      if (watcher && (fds[1].revents & POLLIN)) {
        for (const auto& name : watcher->changed()) {
          const fs::path file(name);
          if (file.extension() != ".cpp" || ctx_.bank.find(file.stem().string()) == nullptr)
            continue;
          trace_.mark("saved");
          pending = file.stem().string();
          due = Clock::now() + kQuietPeriod;
        }
      }
      if (pending && Clock::now() >= due) {
        current_ = ctx_.bank.find(*pending);
        pending.reset();
        check_current();
        draw();
      }
    }
    std::cout << "\n" << std::flush;
    return kExitOk;
  }

 private:
  const Problem* next_unsolved(const Problem* after) const {
    State state = load_state(ctx_.workspace);
    std::size_t start = 0;
    for (std::size_t i = 0; i < order_.size(); ++i)
      if (order_[i] == after) start = i + 1;
    for (std::size_t k = 0; k < order_.size(); ++k) {
      const Problem* p = order_[(start + k) % order_.size()];
      const ProblemState* s = state.find(p->id);
      if (p != after && (s == nullptr || !s->solved)) return p;
    }
    return nullptr;
  }

  std::string file_of(const Problem& p) const {
    return shown_path(ctx_.workspace.exercise_file(p.id));
  }

  void check_current() {
    const std::string file = file_of(*current_);
    if (!fs::exists(file)) {
      body_ = fmt::format(
          "{} is not there (deleted, or renamed while saving?).\nSave it again, or run `judge "
          "reset {}` to restore the stub.\n",
          file, current_->id);
      return;
    }
    trace_.mark("check");
    const CheckResult r = check_problem(ctx_.workspace, *current_, file, options_);
    trace_.mark("checked");
    State state = load_state(ctx_.workspace);
    state.record(r);
    state.save();
    body_ = render_human(*current_, r, HumanStyle{color_, ctx_.lang});
    if (r.all_passed() && r.judge_error.empty())
      body_ += "\nSolved. Press n for the next unsolved problem.\n";
  }

  bool on_key(char key) {
    switch (key) {
      case 'q':
        return false;
      case 'n':
        if (const Problem* next = next_unsolved(current_)) {
          current_ = next;
          body_ = render_statement(*current_, ctx_.lang, file_of(*current_));
        } else {
          body_ = "Everything here is solved. `judge quiz` asks the concept questions.\n";
        }
        break;
      case 'h':
        body_ = next_hint(ctx_, *current_);
        break;
      case 's':
        body_ = render_statement(*current_, ctx_.lang, file_of(*current_));
        break;
      case 'l':
        body_ = list();
        break;
      case '\n':
      case '\r':
        check_current();
        break;
      default:
        return true;  // not a key of ours: nothing to redraw
    }
    draw();
    return true;
  }

  std::string list() const {
    State state = load_state(ctx_.workspace);
    std::string out;
    for (const Problem* p : order_)
      out += fmt::format("{} {:<32} {:<44} {}\n", p == current_ ? ">" : " ", p->id,
                         p->title.in(ctx_.lang), status_label(state.find(p->id)));
    return out;
  }

  void draw() {
    std::string screen = "\x1b[H\x1b[2J";
    screen +=
        fmt::format("judge watch: {} ({})\n\n", current_->title.in(ctx_.lang), file_of(*current_));
    screen += body_;
    screen += "\n[n] next unsolved  [h] hint  [l] list  [s] statement  [Enter] check  [q] quit\n";
    screen += args_.manual ? "manual mode: press Enter after saving\n"
                           : "watching " + fs::relative(ctx_.workspace.exercises_dir()).string() +
                                 "/: save a file to check it\n";
    std::cout << screen << std::flush;
    trace_.mark("drawn");
  }

  Context& ctx_;
  WatchArgs args_;
  std::vector<const Problem*> order_;
  const Problem* current_ = nullptr;
  std::string body_;
  CheckOptions options_;
  bool color_ = use_color();
  Trace trace_;
};

}  // namespace

int run_watch(Context& ctx, const WatchArgs& args) {
  if (!args.id.empty() && find_problem(ctx, args.id) == nullptr) return kExitUsage;
  if (!args.set.empty() && find_set(ctx, args.set) == nullptr) return kExitUsage;
  struct sigaction stop {};
  stop.sa_handler = request_stop;  // no SA_RESTART: poll() returns and the terminal is restored
  sigaction(SIGINT, &stop, nullptr);
  sigaction(SIGTERM, &stop, nullptr);
  sigaction(SIGHUP, &stop, nullptr);
  WatchSession session(ctx, args);
  return session.run();
}

}  // namespace judge::cli

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
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
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

// Lines [first, first + count) of `text`, each with its newline.
std::string lines_of(const std::string& text, std::size_t first, std::size_t count) {
  std::string out;
  std::size_t line = 0;
  for (std::size_t start = 0; start < text.size() && line < first + count; ++line) {
    std::size_t end = text.find('\n', start);
    end = end == std::string::npos ? text.size() : end + 1;
    if (line >= first) out += text.substr(start, end - start);
    start = end;
  }
  return out;
}
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

  // The watch's own words, in the learner's language.
  std::string say(const char* en, const char* zh) const { return ctx_.lang == Lang::kZh ? zh : en; }

  void show(std::string body) {
    body_ = std::move(body);
    page_ = 0;
  }

  void check_current() {
    const std::string file = file_of(*current_);
    if (!fs::exists(file)) {
      show(
          fmt::format(fmt::runtime(say("{} is not there (deleted, or renamed while saving?).\nSave "
                                       "it again, or run `judge reset {}` to restore the stub.\n",
                                       "{} 不在了（被删除，还是保存时被改名？）。\n请再保存一次，"
                                       "或运行 `judge reset {}` 恢复桩代码。\n")),
                      file, current_->id));
      return;
    }
    // Said at once: a check may take seconds, and a silent screen looks stuck.
    show(fmt::format(fmt::runtime(say("checking {}...\n", "正在检查 {}……\n")), current_->id));
    draw();
    trace_.mark("check");
    const CheckResult r = check_problem(ctx_.workspace, *current_, file, options_);
    trace_.mark("checked");
    State state = load_state(ctx_.workspace);
    state.record(r);
    state.save();
    show(render_human(*current_, r, HumanStyle{color_, ctx_.lang}));
    if (r.all_passed() && r.judge_error.empty())
      body_ += say("\nSolved. Press n for the next unsolved problem.\n",
                   "\n通过了。按 n 进入下一道未完成的题。\n");
  }

  bool on_key(char key) {
    switch (key) {
      case 'q':
        return false;
      case 'n':
        if (const Problem* next = next_unsolved(current_)) {
          current_ = next;
          show(render_statement(*current_, ctx_.lang, file_of(*current_)));
        } else {
          show(say("Everything here is solved. `judge quiz` asks the concept questions.\n",
                   "这里的题都完成了。`judge quiz` 会考你概念题。\n"));
        }
        break;
      case 'h':
        show(next_hint(ctx_, *current_));
        break;
      case 's':
        show(render_statement(*current_, ctx_.lang, file_of(*current_)));
        break;
      case 'l':
        show(list());
        break;
      case ' ':
      case 'f':
        if (!last_page()) ++page_;
        break;
      case 'b':
        if (page_ > 0) --page_;
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

  // Lines of the body a page shows: the terminal's height less the header
  // and the keys; everything when the output is not a terminal.
  std::size_t page_lines() const {
    winsize size{};
    if (isatty(STDOUT_FILENO) == 0 || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 ||
        size.ws_row < 12)
      return std::string::npos;
    return size.ws_row - 7u;
  }
  bool last_page() const {
    const std::size_t lines = page_lines();
    return lines == std::string::npos || (page_ + 1) * lines >= line_count(body_);
  }
  static std::size_t line_count(const std::string& text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
  }

  void draw() {
    std::string screen = "\x1b[H\x1b[2J";
    screen +=
        fmt::format("judge watch: {} ({})\n\n", current_->title.in(ctx_.lang), file_of(*current_));
    const std::size_t lines = page_lines();
    if (lines == std::string::npos) {
      screen += body_;
    } else {
      screen += lines_of(body_, page_ * lines, lines);
      if (!last_page() || page_ > 0)
        screen +=
            fmt::format(fmt::runtime(say("-- page {} of {}: [space] next  [b] back --\n",
                                         "-- 第 {} 页，共 {} 页：[空格] 下一页  [b] 上一页 --\n")),
                        page_ + 1, (line_count(body_) + lines - 1) / lines);
    }
    screen +=
        say("\n[n] next unsolved  [h] hint  [l] list  [s] statement  [Enter] check  [q] quit\n",
            "\n[n] 下一道未完成  [h] 提示  [l] 列表  [s] 题目  [Enter] 检查  [q] 退出\n");
    screen += args_.manual
                  ? say("manual mode: press Enter after saving\n", "手动模式：保存后按 Enter\n")
                  : fmt::format(fmt::runtime(say("watching {}/: save a file to check it\n",
                                                 "正在监视 {}/：保存文件即可检查\n")),
                                fs::relative(ctx_.workspace.exercises_dir()).string());
    std::cout << screen << std::flush;
    trace_.mark("drawn");
  }

  Context& ctx_;
  WatchArgs args_;
  std::vector<const Problem*> order_;
  const Problem* current_ = nullptr;
  std::string body_;
  std::size_t page_ = 0;  // the page of body_ shown
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

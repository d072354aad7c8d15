#include "process.h"

#include "wire.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace judge {
namespace {

constexpr std::size_t kKeptOutput = 64 * 1024;
constexpr int kStatusFd = 5;  // where judge-jail reports how the program ended

// "exit N cpu_us C maxrss_kib M" or "signal N ..." from judge-jail, read
// once the child is reaped.
void apply_jail_report(int fd, Exit& e) {
  char buffer[128] = {};
  const ssize_t n = fd >= 0 ? read(fd, buffer, sizeof buffer - 1) : -1;
  if (n <= 0) return;
  char how[8] = {};
  int value = 0;
  long long cpu_us = 0, maxrss_kib = 0;
  const int fields =
      std::sscanf(buffer, "%7s %d cpu_us %lld maxrss_kib %lld", how, &value, &cpu_us, &maxrss_kib);
  if (fields < 2) return;
  if (std::strcmp(how, "exit") == 0) {
    e.exited = true, e.code = value, e.signal = 0;
  } else if (std::strcmp(how, "signal") == 0) {
    e.exited = false, e.code = 0, e.signal = value;
  } else {
    return;
  }
  if (fields == 4 && cpu_us >= 0 && maxrss_kib >= 0) {
    e.usage.known = true;
    e.usage.cpu_seconds = static_cast<double>(cpu_us) / 1e6;
    e.usage.peak_bytes = static_cast<std::int64_t>(maxrss_kib) * 1024;
  }
}

void set_limit(int resource, rlim_t value) {
  rlimit r{value, value};
  setrlimit(resource, &r);
}

// argv as execv wants it; built before fork, because the judge may have
// other threads and the child must not allocate.
std::vector<char*> exec_args(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  return args;
}

// Children get a fixed, minimal environment: nothing of the judge's (paths,
// tokens, JUDGE_* settings) reaches learner code or the sandbox's own
// processes, which the learner's program can read through /proc.
char* const kChildEnvironment[] = {const_cast<char*>("PATH=/usr/bin:/bin"),
                                   const_cast<char*>("LANG=C.UTF-8"), nullptr};

// Runs in the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(char* const* args, const Limits& limits, const std::string& cwd) {
  setpgid(0, 0);
  const auto cpu = static_cast<rlim_t>(std::ceil(limits.cpu_seconds));
  rlimit cpu_limit{cpu, cpu + 1};
  setrlimit(RLIMIT_CPU, &cpu_limit);
  set_limit(RLIMIT_AS, limits.address_space);
  set_limit(RLIMIT_FSIZE, limits.file_size);
  set_limit(RLIMIT_CORE, 0);
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
  execve(args[0], args, kChildEnvironment);
  _exit(127);
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

Exit reap(int pid) {
  Exit e;
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) {
    e.exited = true;
    e.code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    e.signal = WTERMSIG(status);
  }
  return e;
}

}  // namespace

std::string Exit::describe() const {
  if (timed_out) return "killed after running out of time";
  if (output_exceeded) return "killed after printing too much";
  if (exited) return "exited with code " + std::to_string(code);
  if (signal != 0) {
    const char* abbrev = sigabbrev_np(signal);
    return std::string("killed by SIG") + (abbrev ? abbrev : std::to_string(signal)) + " (" +
           strsignal(signal) + ")";
  }
  return "ended";
}

Exit Exit::with_signal_from_code() const {
  Exit e = *this;
  if (exited && code > 128 && code < 128 + 65) {
    e.exited = false;
    e.signal = code - 128;
    e.code = 0;
  }
  return e;
}

Exit run_to_completion(const std::vector<std::string>& argv, const Limits& limits,
                       std::string& output, const std::string& cwd) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  std::vector<char*> args = exec_args(argv);
  const int pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(out[1], 1);
    dup2(out[1], 2);
    const int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    exec_child(args.data(), limits, cwd);
  }
  close(out[1]);
  const auto start = std::chrono::steady_clock::now();
  Exit result;
  std::uint64_t total = 0;
  char buffer[8192];
  for (;;) {
    const double left = limits.wall_seconds - seconds_since(start);
    if (left <= 0) {
      result.timed_out = true;
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    const int ready = poll(&p, 1, static_cast<int>(std::min(left, 1.0) * 1000) + 1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    const ssize_t n = read(out[0], buffer, sizeof buffer);
    if (n <= 0) break;
    total += static_cast<std::uint64_t>(n);
    if (output.size() < kKeptOutput) output.append(buffer, static_cast<std::size_t>(n));
    if (total > limits.output_bytes) {
      result.output_exceeded = true;
      break;
    }
  }
  if (result.timed_out || result.output_exceeded) kill(-pid, SIGKILL);
  close(out[0]);
  const Exit reaped = reap(pid);
  result.exited = reaped.exited;
  result.code = reaped.code;
  result.signal = reaped.signal;
  kill(-pid, SIGKILL);  // stray grandchildren of the group
  return result;
}

ProtocolChild::ProtocolChild(const std::vector<std::string>& argv, const Limits& limits)
    : limits_(limits) {
  int request[2];
  int reply[2];
  int out[2];
  int status[2];
  if (pipe2(request, O_CLOEXEC) != 0 || pipe2(reply, O_CLOEXEC) != 0 ||
      pipe2(out, O_CLOEXEC) != 0 || pipe2(status, O_CLOEXEC | O_NONBLOCK) != 0)
    throw std::runtime_error("pipe failed");
  std::vector<char*> args = exec_args(argv);
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // Move the ends out of the way first: a pipe may already sit on fd 3 or 4,
    // and dup2 onto itself would keep close-on-exec. dup2 clears it on copies,
    // so only fds 0-4 survive exec.
    const int req = fcntl(request[0], F_DUPFD_CLOEXEC, 10);
    const int rep = fcntl(reply[1], F_DUPFD_CLOEXEC, 10);
    const int output = fcntl(out[1], F_DUPFD_CLOEXEC, 10);
    const int stat = fcntl(status[1], F_DUPFD_CLOEXEC, 10);
    dup2(req, wire::kRequestFd);
    dup2(rep, wire::kReplyFd);
    dup2(stat, kStatusFd);
    dup2(output, 1);
    dup2(output, 2);
    const int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    exec_child(args.data(), limits, "");
  }
  close(request[0]);
  close(reply[1]);
  close(out[1]);
  close(status[1]);
  status_fd_ = status[0];
  request_fd_ = request[1];
  reply_fd_ = reply[0];
  output_fd_ = out[0];
}

ProtocolChild::~ProtocolChild() {
  if (pid_ > 0) finish(true);
}

bool ProtocolChild::send(const std::vector<std::uint8_t>& payload) {
  std::vector<std::uint8_t> frame(4 + payload.size());
  const auto size = static_cast<std::uint32_t>(payload.size());
  std::memcpy(frame.data(), &size, 4);
  std::memcpy(frame.data() + 4, payload.data(), payload.size());
  // The request may be large; keep draining output and replies while writing
  // so a child that prints before reading cannot deadlock us.
  std::size_t done = 0;
  const auto start = std::chrono::steady_clock::now();
  while (done < frame.size()) {
    pollfd p[2] = {{request_fd_, POLLOUT, 0}, {output_fd_, POLLIN, 0}};
    if (poll(p, 2, 100) < 0 && errno != EINTR) return false;
    if (p[1].revents & (POLLIN | POLLHUP)) {
      if (!drain_output()) return false;
    }
    if (p[0].revents & (POLLERR | POLLHUP)) return false;
    if (p[0].revents & POLLOUT) {
      const ssize_t n = write(request_fd_, frame.data() + done,
                              std::min<std::size_t>(frame.size() - done, 65536));
      if (n < 0 && errno != EINTR && errno != EAGAIN) return false;
      if (n > 0) done += static_cast<std::size_t>(n);
    }
    if (seconds_since(start) > limits_.wall_seconds) {
      timed_out_ = true;
      return false;
    }
  }
  return true;
}

std::string ProtocolChild::take_new_output() {
  std::string fresh = output_.substr(std::min(output_taken_, output_.size()));
  output_taken_ = output_.size();
  return fresh;
}

bool ProtocolChild::drain_output() {
  char buffer[8192];
  const ssize_t n = read(output_fd_, buffer, sizeof buffer);
  if (n <= 0) {
    close_fd(output_fd_);
    return true;
  }
  output_total_ += static_cast<std::uint64_t>(n);
  if (output_.size() < kKeptOutput) output_.append(buffer, static_cast<std::size_t>(n));
  if (output_total_ > limits_.output_bytes) {
    output_exceeded_ = true;
    return false;
  }
  return true;
}

ProtocolChild::Wait ProtocolChild::receive(std::vector<std::uint8_t>& payload, double seconds,
                                           std::uint64_t max_bytes) {
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    if (pending_.size() >= 4) {
      std::uint32_t size = 0;
      std::memcpy(&size, pending_.data(), 4);
      announced_ = size;
      // Judged on the header alone: the program cannot make the judge hold
      // more than a right answer could need.
      if (size > max_bytes) return Wait::kOversized;
      if (size > wire::kMaxFrame) return Wait::kBadFrame;
      if (pending_.size() >= 4 + static_cast<std::size_t>(size)) {
        payload.assign(pending_.begin() + 4, pending_.begin() + 4 + size);
        pending_.erase(pending_.begin(), pending_.begin() + 4 + size);
        // What was printed before the reply is already in the pipe: read it
        // now, so it counts as this case's output and not the next one's.
        while (output_fd_ >= 0) {
          pollfd p{output_fd_, POLLIN, 0};
          if (poll(&p, 1, 0) <= 0) break;
          if (!drain_output()) return Wait::kOutputLimit;
        }
        return Wait::kFrame;
      }
    }
    const double left = seconds - seconds_since(start);
    if (left <= 0) {
      timed_out_ = true;
      return Wait::kTimeout;
    }
    pollfd p[2] = {{reply_fd_, POLLIN, 0}, {output_fd_, POLLIN, 0}};
    const int ready =
        poll(p, output_fd_ >= 0 ? 2 : 1, static_cast<int>(std::min(left, 0.5) * 1000) + 1);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    if (output_fd_ >= 0 && (p[1].revents & (POLLIN | POLLHUP))) {
      if (!drain_output()) return Wait::kOutputLimit;
    }
    if (p[0].revents & (POLLIN | POLLHUP)) {
      // Never more than the rest of the frame being read (or its header).
      std::size_t want = 65536;
      if (pending_.size() < 4) {
        want = 4 - pending_.size();
      } else {
        std::uint32_t size = 0;
        std::memcpy(&size, pending_.data(), 4);
        want = std::min<std::size_t>(want, 4 + static_cast<std::size_t>(size) - pending_.size());
      }
      std::uint8_t buffer[65536];
      const ssize_t n = read(reply_fd_, buffer, want);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return Wait::kExited;
      pending_.insert(pending_.end(), buffer, buffer + n);
    }
  }
}

Exit ProtocolChild::finish(bool kill_now, double grace_seconds) {
  if (pid_ <= 0) return {};
  close_fd(request_fd_);
  if (kill_now || timed_out_ || output_exceeded_) kill(-pid_, SIGKILL);
  // Give a child that is exiting on its own a moment, then insist.
  const int polls = std::max(1, static_cast<int>(grace_seconds / 0.002));
  for (int i = 0; i < polls; ++i) {
    int status = 0;
    const int r = waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      Exit e;
      if (WIFEXITED(status)) e.exited = true, e.code = WEXITSTATUS(status);
      if (WIFSIGNALED(status)) e.signal = WTERMSIG(status);
      e.timed_out = timed_out_;
      e.output_exceeded = output_exceeded_;
      apply_jail_report(status_fd_, e);
      while (output_fd_ >= 0 && output_.size() < kKeptOutput) {
        pollfd p{output_fd_, POLLIN, 0};
        if (poll(&p, 1, 0) <= 0 || !drain_output()) break;
      }
      kill(-pid_, SIGKILL);
      close_fd(reply_fd_);
      close_fd(output_fd_);
      close_fd(status_fd_);
      pid_ = -1;
      return e;
    }
    usleep(2000);
  }
  kill(-pid_, SIGKILL);
  Exit e = reap(pid_);
  e.timed_out = timed_out_;
  e.output_exceeded = output_exceeded_;
  apply_jail_report(status_fd_, e);
  close_fd(reply_fd_);
  close_fd(output_fd_);
  close_fd(status_fd_);
  pid_ = -1;
  return e;
}

}  // namespace judge

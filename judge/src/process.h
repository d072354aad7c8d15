// Child processes with limits: the compiler and the learner's program. The
// judge owns every pipe; a child that floods, hangs or crashes is killed with
// its whole process group and never takes the judge with it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace judge {

struct Limits {
  double wall_seconds = 10;
  double cpu_seconds = 10;
  std::uint64_t address_space = 2ull << 30;  // bytes
  std::uint64_t file_size = 64ull << 20;     // bytes a child may write to one file
  std::uint64_t output_bytes = 1ull << 20;   // stdout + stderr before output_limit
};

// What the kernel measured for a program, as judge-jail reports it after
// wait4(): taken outside the program, so nothing it does can change it.
struct Usage {
  bool known = false;
  double cpu_seconds = 0;       // user + system, all threads
  std::int64_t peak_bytes = 0;  // peak resident memory (ru_maxrss)
};

struct Exit {
  bool exited = false;
  int code = 0;
  int signal = 0;
  bool timed_out = false;
  bool output_exceeded = false;
  Usage usage;                   // from judge-jail's report (runs only)
  std::string describe() const;  // "exited with code 3", "killed by SIGSEGV (segmentation fault)"
  // bubblewrap reports a signal that ended its child as exit code 128 + N
  // (for runs, judge-jail reports the exact status instead).
  Exit with_signal_from_code() const;
};

// Runs argv to completion; output is stdout and stderr together, capped.
Exit run_to_completion(const std::vector<std::string>& argv, const Limits& limits,
                       std::string& output, const std::string& cwd = "");

// A learner program with the request pipe on fd 3 and the reply pipe on fd 4.
class ProtocolChild {
 public:
  ProtocolChild(const std::vector<std::string>& argv, const Limits& limits);
  ~ProtocolChild();
  ProtocolChild(const ProtocolChild&) = delete;
  ProtocolChild& operator=(const ProtocolChild&) = delete;

  bool send(const std::vector<std::uint8_t>& payload);
  enum class Wait { kFrame, kExited, kTimeout, kOutputLimit, kBadFrame, kOversized };
  // Waits for one reply frame, draining the child's output meanwhile. A
  // frame announcing more than `max_bytes` is refused (kOversized) before
  // any of it is read.
  Wait receive(std::vector<std::uint8_t>& payload, double seconds, std::uint64_t max_bytes);
  std::uint64_t announced_bytes() const { return announced_; }
  // Kills the process group (if still running, or at once with `kill_now`)
  // after `grace_seconds` for it to end by itself, and reaps the child. How
  // the program ended, and what it used, come from judge-jail's report.
  Exit finish(bool kill_now, double grace_seconds = 0.1);
  const std::string& output() const { return output_; }
  // What the program printed since the last call: the output of the case
  // just answered (the harness flushes stdout before each reply, and both
  // reach the same pipe, so nothing printed before a reply arrives after it).
  std::string take_new_output();

 private:
  bool drain_output();
  int pid_ = -1;
  int request_fd_ = -1;
  int reply_fd_ = -1;
  int output_fd_ = -1;
  int status_fd_ = -1;  // judge-jail writes how the program ended here (fd 5)
  Limits limits_;
  std::string output_;
  std::size_t output_taken_ = 0;  // output_ up to here was taken
  std::uint64_t output_total_ = 0;
  std::vector<std::uint8_t> pending_;
  std::uint64_t announced_ = 0;  // the size the last frame header announced
  bool timed_out_ = false;
  bool output_exceeded_ = false;
};

}  // namespace judge

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

struct Exit {
  bool exited = false;
  int code = 0;
  int signal = 0;
  bool timed_out = false;
  bool output_exceeded = false;
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
  enum class Wait { kFrame, kExited, kTimeout, kOutputLimit, kBadFrame };
  // Waits for one reply frame, draining the child's output meanwhile.
  Wait receive(std::vector<std::uint8_t>& payload, double seconds);
  // Kills the process group (if still running) and reaps the child. How the
  // program ended comes from judge-jail's report when it made one.
  Exit finish(bool kill_now);
  const std::string& output() const { return output_; }

 private:
  bool drain_output();
  int pid_ = -1;
  int request_fd_ = -1;
  int reply_fd_ = -1;
  int output_fd_ = -1;
  int status_fd_ = -1;  // judge-jail writes how the program ended here (fd 5)
  Limits limits_;
  std::string output_;
  std::uint64_t output_total_ = 0;
  std::vector<std::uint8_t> pending_;
  bool timed_out_ = false;
  bool output_exceeded_ = false;
};

}  // namespace judge

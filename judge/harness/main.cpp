// The harness: the main() of every learner program. It reads cases from the
// judge's request pipe, calls the learner's functions and writes what they
// returned to the judge's reply pipe. It knows nothing of expected values or
// tolerances, and measures nothing: time and memory are taken from outside
// the process (judge-jail's wait4), where the learner's code cannot reach.
#include "execute.h"
#include "wire.h"

#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <vector>

// Provided by the adapter generated for each problem from its signatures.
const std::vector<judge::BoundFunction>& judge_bound_functions();

namespace {

bool read_exact(int fd, void* buffer, std::size_t n) {
  auto* p = static_cast<std::uint8_t*>(buffer);
  while (n > 0) {
    const ssize_t got = read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<std::size_t>(got);
  }
  return true;
}

bool write_exact(int fd, const void* buffer, std::size_t n) {
  const auto* p = static_cast<const std::uint8_t*>(buffer);
  while (n > 0) {
    const ssize_t put = write(fd, p, n);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    p += put;
    n -= static_cast<std::size_t>(put);
  }
  return true;
}

bool read_frame(std::vector<std::uint8_t>& frame) {
  std::uint32_t size = 0;
  if (!read_exact(judge::wire::kRequestFd, &size, sizeof size)) return false;
  if (size > judge::wire::kMaxFrame) return false;
  frame.resize(size);
  return read_exact(judge::wire::kRequestFd, frame.data(), size);
}

bool write_frame(const std::vector<std::uint8_t>& payload) {
  const auto size = static_cast<std::uint32_t>(payload.size());
  return write_exact(judge::wire::kReplyFd, &size, sizeof size) &&
         write_exact(judge::wire::kReplyFd, payload.data(), payload.size());
}

}  // namespace

int judge::program_variant = 0;

int main(int argc, char** argv) {
  if (argc > 1) judge::program_variant = std::atoi(argv[1]);
  const auto& functions = judge_bound_functions();
  std::vector<std::uint8_t> frame;
  while (read_frame(frame)) {
    judge::wire::Reader in(frame);
    if (in.u8() != static_cast<std::uint8_t>(judge::wire::Op::kRunCase)) return 0;
    const std::uint32_t case_id = in.u32();
    const std::vector<judge::Step> steps = judge::read_steps(in);
    const std::vector<judge::StepOutcome> outcomes = judge::execute(functions, steps);
    judge::wire::Writer out;
    out.u32(case_id);
    judge::write_outcomes(out, outcomes);
    // What the call printed goes out before its reply, so the judge can
    // tell which case printed it.
    std::cout.flush();
    std::fflush(stdout);
    if (!write_frame(out.bytes())) return 0;
  }
  return 0;
}

#include "runner.h"

#include <algorithm>
#include <csignal>
#include <memory>

namespace judge {

std::vector<CaseRun> run_cases(const std::vector<std::string>& command,
                               const std::vector<CaseRequest>& cases, const RunnerOptions& options,
                               std::string& program_output) {
  std::signal(SIGPIPE, SIG_IGN);  // a dead child's pipe must not kill the judge
  std::vector<CaseRun> runs(cases.size());
  std::unique_ptr<ProtocolChild> child;
  int timeouts = 0;
  bool served_memory_case = false;
  auto collect_output = [&]() {
    if (child && program_output.size() < 64 * 1024) program_output += child->output();
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    CaseRun& run = runs[i];
    if (timeouts >= options.max_timeouts) break;  // the rest stay kNotRun
    // A memory measurement needs a fresh process: memory freed by earlier
    // cases may still be resident and would hide a new allocation.
    if (child && (cases[i].measure_memory || served_memory_case)) {
      child->finish(true);
      collect_output();
      child.reset();
    }
    served_memory_case = cases[i].measure_memory;
    if (!child) child = std::make_unique<ProtocolChild>(command, options.limits);
    wire::Writer request;
    request.u8(static_cast<std::uint8_t>(wire::Op::kRunCase));
    request.u32(static_cast<std::uint32_t>(i));
    request.u32(cases[i].repeat);
    request.u8(cases[i].measure_memory ? 1 : 0);
    write_steps(request, *cases[i].steps);
    std::vector<std::uint8_t> reply;
    ProtocolChild::Wait wait = ProtocolChild::Wait::kExited;
    if (child->send(request.bytes())) wait = child->receive(reply, cases[i].wall_seconds);
    if (wait == ProtocolChild::Wait::kFrame) {
      try {
        wire::Reader in(reply);
        if (in.u32() != i) throw wire::WireError("reply for another case");
        run.outcomes = read_outcomes(in);
        run.seconds = in.f64();
        run.static_bytes = in.i64();
        for (const auto& o : run.outcomes)
          run.peak_bytes = std::max(run.peak_bytes, o.call.peak_bytes);
        if (!in.done()) throw wire::WireError("trailing bytes");
        run.status = CaseRun::Status::kAnswered;
        // Running out of memory is slow (the program fills memory first): count
        // it like a timeout, so a memory bomb cannot make a check take minutes.
        for (const auto& o : run.outcomes)
          if (o.status == wire::CallStatus::kOutOfMemory) ++timeouts;
        continue;
      } catch (const wire::WireError&) {
        wait = ProtocolChild::Wait::kBadFrame;
      }
    }
    // Anything but a good answer ends this process; the next case gets a new one.
    run.exit = child->finish(wait != ProtocolChild::Wait::kExited);
    collect_output();
    child.reset();
    switch (wait) {
      case ProtocolChild::Wait::kTimeout:
        run.status = CaseRun::Status::kTimeout;
        ++timeouts;
        break;
      case ProtocolChild::Wait::kOutputLimit:
        run.status = CaseRun::Status::kOutputLimit;
        break;
      case ProtocolChild::Wait::kBadFrame:
        run.status = CaseRun::Status::kProtocolError;
        break;
      default:
        run.status = run.exit.output_exceeded ? CaseRun::Status::kOutputLimit
                     : run.exit.timed_out     ? CaseRun::Status::kTimeout
                                              : CaseRun::Status::kCrashed;
    }
  }
  if (child) {
    child->finish(true);
    collect_output();
  }
  return runs;
}

}  // namespace judge

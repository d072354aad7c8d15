#include "runner.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <limits>
#include <memory>

namespace judge {
namespace {

using Clock = std::chrono::steady_clock;
using Wait = ProtocolChild::Wait;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// A measured run's program has answered and its input is closed: it should
// end at once. Long enough for freeing a few hundred MiB and the sandbox's
// teardown, short enough that a lingering program costs little.
constexpr double kExitGraceSeconds = 2.0;

std::vector<std::uint8_t> encode_request(std::size_t index, const CaseRequest& c) {
  wire::Writer request;
  request.u8(static_cast<std::uint8_t>(wire::Op::kRunCase));
  request.u32(static_cast<std::uint32_t>(index));
  write_steps(request, *c.steps);
  return request.bytes();
}

// Sends one case and waits for its reply. kFrame only with a reply that
// parses and names this case; a reply that does not is kBadFrame.
Wait ask(ProtocolChild& child, const std::vector<std::uint8_t>& request, std::size_t index,
         double seconds, std::uint64_t max_reply, std::vector<StepOutcome>& outcomes) {
  std::vector<std::uint8_t> reply;
  if (!child.send(request)) return Wait::kExited;
  const Wait wait = child.receive(reply, seconds, max_reply);
  if (wait != Wait::kFrame) return wait;
  try {
    wire::Reader in(reply);
    if (in.u32() != index) throw wire::WireError("reply for another case");
    outcomes = read_outcomes(in);
    if (!in.done()) throw wire::WireError("trailing bytes");
    return Wait::kFrame;
  } catch (const wire::WireError&) {
    return Wait::kBadFrame;
  }
}

// How a case ended that got no good answer.
CaseRun::Status failure_status(Wait wait, const Exit& exit) {
  switch (wait) {
    case Wait::kTimeout:
      return CaseRun::Status::kTimeout;
    case Wait::kOutputLimit:
      return CaseRun::Status::kOutputLimit;
    case Wait::kOversized:
      return CaseRun::Status::kOversizedReply;
    case Wait::kBadFrame:
      return CaseRun::Status::kProtocolError;
    default:
      return exit.output_exceeded ? CaseRun::Status::kOutputLimit
             : exit.timed_out     ? CaseRun::Status::kTimeout
                                  : CaseRun::Status::kCrashed;
  }
}

bool out_of_memory(const std::vector<StepOutcome>& outcomes) {
  return std::any_of(outcomes.begin(), outcomes.end(), [](const StepOutcome& o) {
    return o.status == wire::CallStatus::kOutOfMemory;
  });
}

struct OneShot {
  Wait wait = Wait::kExited;
  std::vector<StepOutcome> outcomes;
  Exit exit;
  std::uint64_t announced = 0;
  double wall_seconds = 0;
  std::string output;
};

// One run in a fresh process that answers once and ends: judge-jail's
// report then holds this run's CPU time and peak memory alone.
OneShot run_once(const std::vector<std::string>& command, const Limits& limits,
                 const std::vector<std::uint8_t>& request, std::size_t index, double seconds,
                 std::uint64_t max_reply, std::string& output) {
  OneShot shot;
  const auto start = Clock::now();
  ProtocolChild child(command, limits);
  shot.wait = ask(child, request, index, seconds, max_reply, shot.outcomes);
  shot.announced = child.announced_bytes();
  shot.wall_seconds = seconds_since(start);
  shot.exit = child.finish(shot.wait != Wait::kFrame, kExitGraceSeconds);
  shot.output = child.output();
  if (output.size() < 64 * 1024) output += shot.output;
  return shot;
}

// Keeps the least CPU time and the least peak memory seen for the baseline.
void keep_least(Usage& kept, const Usage& seen) {
  if (!seen.known) return;
  kept.cpu_seconds = kept.known ? std::min(kept.cpu_seconds, seen.cpu_seconds) : seen.cpu_seconds;
  kept.peak_bytes = kept.known ? std::min(kept.peak_bytes, seen.peak_bytes) : seen.peak_bytes;
  kept.known = true;
}

void run_measured(const std::vector<std::string>& command, const std::vector<std::string>& baseline,
                  std::size_t index, const CaseRequest& c, double seconds, const Limits& limits,
                  CaseRun& run, std::string& output) {
  const std::vector<std::uint8_t> request = encode_request(index, c);
  for (int r = 0; r < std::max(1, c.runs); ++r) {
    // The baseline first, on the same inputs: its figures are trusted, and
    // measured as close in time to the learner's as they can be.
    if (!baseline.empty()) {
      std::string ignored;
      keep_least(run.baseline, run_once(baseline, limits, request, index, c.wall_seconds,
                                        std::numeric_limits<std::uint32_t>::max(), ignored)
                                   .exit.usage);
    }
    double left = seconds - run.wall_seconds;
    if (c.run_wall_seconds > 0) left = std::min(left, c.run_wall_seconds);
    OneShot shot = run_once(command, limits, request, index, left, c.max_reply_bytes, output);
    run.wall_seconds += shot.wall_seconds;
    ++run.measured_runs;
    if (shot.wait != Wait::kFrame) {
      run.status = failure_status(shot.wait, shot.exit);
      run.exit = shot.exit;
      run.announced_bytes = shot.announced;
      run.output = std::move(shot.output);
      return;
    }
    const Usage& used = shot.exit.usage;
    if (!used.known) {
      // It answered but would not end: its figures cannot be had.
      run.status = CaseRun::Status::kLingered;
      run.exit = shot.exit;
      run.output = std::move(shot.output);
      return;
    }
    // The values judged are those of the run whose time counts (the least
    // CPU); the memory judged is the largest any run took.
    if (!run.usage.known || used.cpu_seconds < run.usage.cpu_seconds) {
      run.usage.cpu_seconds = used.cpu_seconds;
      run.outcomes = std::move(shot.outcomes);
      run.output = std::move(shot.output);
    }
    run.usage.peak_bytes = std::max(run.usage.peak_bytes, used.peak_bytes);
    run.usage.known = true;
    run.status = CaseRun::Status::kAnswered;
    if (out_of_memory(run.outcomes)) return;
    const double call = used.cpu_seconds - run.baseline.cpu_seconds;
    if (c.enough_cpu_seconds > 0 && call <= c.enough_cpu_seconds) return;
    if (c.hopeless_cpu_seconds > 0 && call > c.hopeless_cpu_seconds) return;
  }
}

}  // namespace

std::vector<CaseRun> run_cases(const std::vector<std::string>& command,
                               const std::vector<std::string>& baseline,
                               const std::vector<CaseRequest>& cases, const RunnerOptions& options,
                               std::string& program_output) {
  std::signal(SIGPIPE, SIG_IGN);  // a dead child's pipe must not kill the judge
  std::vector<CaseRun> runs(cases.size());
  std::vector<double> used(options.group_budgets.size(), 0.0);
  std::unique_ptr<ProtocolChild> child;
  int timeouts = 0;
  // Ends the long-lived process. `last_words`, when given, gets what it
  // printed since the last case it answered (a crash's message arrives as
  // it dies, so it is read after the end).
  auto retire_child = [&](bool kill_now, std::string* last_words = nullptr) {
    Exit e;
    if (!child) return e;
    e = child->finish(kill_now);
    if (last_words != nullptr) *last_words = child->take_new_output();
    if (program_output.size() < 64 * 1024) program_output += child->output();
    child.reset();
    return e;
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const CaseRequest& c = cases[i];
    CaseRun& run = runs[i];
    if (timeouts >= options.max_timeouts) break;  // the rest stay kNotRun
    double seconds = c.wall_seconds;
    const bool budgeted = c.group < used.size();
    if (budgeted) {
      const double left = options.group_budgets[c.group] - used[c.group];
      if (left <= 0) {
        run.status = CaseRun::Status::kOverBudget;
        continue;
      }
      if (left < seconds) {
        seconds = left;
        run.budget_limited = true;
      }
    }
    const auto start = Clock::now();
    if (c.measured) {
      retire_child(true);
      run_measured(command, baseline, i, c, seconds, options.limits, run, program_output);
    } else {
      if (!child) child = std::make_unique<ProtocolChild>(command, options.limits);
      const Wait wait =
          ask(*child, encode_request(i, c), i, seconds, c.max_reply_bytes, run.outcomes);
      run.announced_bytes = child->announced_bytes();
      if (wait == Wait::kFrame) {
        run.status = CaseRun::Status::kAnswered;
        run.output = child->take_new_output();
      } else {
        // Anything but a good answer ends this process; the next case gets a new one.
        run.exit = retire_child(wait != Wait::kExited, &run.output);
        run.status = failure_status(wait, run.exit);
      }
      run.wall_seconds = seconds_since(start);
    }
    if (budgeted) used[c.group] += seconds_since(start);
    if (run.status != CaseRun::Status::kTimeout) run.budget_limited = false;
    // Running out of memory is slow (the program fills memory first): count
    // it like a timeout, so a memory bomb cannot make a check take minutes.
    if (run.status == CaseRun::Status::kTimeout || out_of_memory(run.outcomes)) ++timeouts;
  }
  retire_child(true);
  return runs;
}

}  // namespace judge

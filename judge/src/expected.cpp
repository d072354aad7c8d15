#include "expected.h"

#include "hashing.h"
#include "scaffold.h"
#include "toolchain.h"
#include "yaml_context.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>

namespace judge {
namespace {

std::string what_went_wrong(const CaseRun& run) {
  switch (run.status) {
    case CaseRun::Status::kCrashed:
      return "crashed (" + run.exit.describe() + ")";
    case CaseRun::Status::kTimeout:
    case CaseRun::Status::kLingered:
      return fmt::format("did not finish within {:.0f} s", kReferenceCaseSeconds);
    case CaseRun::Status::kOutputLimit:
      return "printed too much";
    case CaseRun::Status::kOversizedReply:
      return "answered with more than 1 GiB";
    case CaseRun::Status::kProtocolError:
      return "sent a reply the judge cannot read";
    default:
      return "was not run (an earlier case hung)";
  }
}

void check_outcome(const Problem& problem, const TestCase& test, const Expected& e) {
  const StepOutcome& last = e.steps.back();
  const bool threw = last.status != wire::CallStatus::kReturned;
  if (test.group->expect_invalid && (!threw || last.status != wire::CallStatus::kInvalidArgument))
    throw BankError(
        problem.file + ": case " + test.full_name() +
        " is in the invalid group but the reference does not throw std::invalid_argument on it");
  // A reference fresh from `judge new` throws the placeholder: say what to
  // write, not how to move the case.
  if (threw && last.exception_what.find(kPlaceholder) != std::string::npos)
    throw BankError(problem.file + ": the reference solution of " + problem.id +
                    " is not written yet: it throws \"" + last.exception_what + "\" on case " +
                    test.full_name() + "; write solutions/" + problem.id + "/reference.cpp");
  if (!test.group->expect_invalid && threw)
    throw BankError(problem.file + ": the reference throws " + last.exception_type + " (" +
                    last.exception_what + ") on case " + test.full_name() +
                    "; move it to the invalid group or fix the inputs");
}

}  // namespace

std::vector<Expected> run_reference(const Problem& problem, const std::vector<TestCase>& cases,
                                    ProgramBuilder& builder, ProgramRunner& runner) {
  const BuildResult reference = builder.build_reference(problem);
  if (!reference.ok) throw BankError(reference.diagnostics);
  std::vector<CaseRequest> requests;
  for (const TestCase& c : cases) {
    CaseRequest r;
    r.steps = &c.spec.steps;
    r.wall_seconds = kReferenceCaseSeconds;
    r.max_reply_bytes = wire::kMaxFrame;
    // Time only where it matters: five fresh processes, like a learner's
    // measured runs; the one with the least CPU time counts.
    r.measured = c.group->time_factor > 0;
    r.runs = r.measured ? 5 : 1;
    requests.push_back(r);
  }
  RunnerOptions options;
  options.limits = kToolchainLimits;
  options.max_timeouts = 1;
  std::string output;
  const std::vector<CaseRun> runs =
      runner.run(Program{reference.binary, true, ""}, nullptr, requests, options, output);
  std::vector<Expected> values;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const CaseRun& run = runs.at(i);
    if (run.status != CaseRun::Status::kAnswered || run.outcomes.empty())
      throw BankError(problem.file + ": the reference solution of " + problem.id + " " +
                      what_went_wrong(run) + " on case " + cases[i].full_name() +
                      (output.empty() ? "" : "; it printed:\n" + output.substr(0, 2000)));
    Expected e;
    e.steps = run.outcomes;
    if (requests[i].measured)
      for (const StepOutcome& step : e.steps) e.seconds += step.call.seconds;
    check_outcome(problem, cases[i], e);
    values.push_back(std::move(e));
  }
  return values;
}

namespace {
constexpr std::uint32_t kExpectedFormat = 0x45585032;  // "EXP2": outcomes carry call times
}

std::string encode_expected(const std::vector<Expected>& values) {
  wire::Writer w;
  w.u32(kExpectedFormat);
  w.u32(static_cast<std::uint32_t>(values.size()));
  for (const Expected& e : values) {
    w.f64(e.seconds);
    write_outcomes(w, e.steps);
  }
  const auto& bytes = w.bytes();
  return std::string(bytes.begin(), bytes.end());
}

std::optional<std::vector<Expected>> decode_expected(const std::string& text) {
  const std::vector<std::uint8_t> bytes(text.begin(), text.end());
  try {
    wire::Reader r(bytes);
    if (r.u32() != kExpectedFormat) return std::nullopt;
    std::vector<Expected> values(r.u32());
    for (Expected& e : values) {
      e.seconds = r.f64();
      e.steps = read_outcomes(r);
    }
    if (!r.done()) return std::nullopt;
    return values;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

const std::vector<Expected>& ExpectedCache::get(
    const std::string& key, const std::function<std::vector<Expected>()>& compute) {
  std::shared_ptr<Entry> entry;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = entries_[key];
    if (!slot) slot = std::make_shared<Entry>();
    entry = slot;
  }
  std::call_once(entry->once, [&] {
    const std::string path = dir_.empty() ? "" : dir_ + "/" + key + ".bin";
    std::string bytes;
    if (!path.empty() && read_file(path, bytes))
      if (auto values = decode_expected(bytes)) {
        entry->values = std::move(*values);
        return;
      }
    try {
      entry->values = compute();
      if (!path.empty()) {
        std::filesystem::create_directories(dir_);
        write_atomically(path, encode_expected(entry->values));
      }
    } catch (const std::exception& e) {
      entry->error = e.what();
      entry->values.clear();
    }
  });
  if (!entry->error.empty()) throw std::runtime_error(entry->error);
  return entry->values;
}

}  // namespace judge

#include "check_queue.h"

#include "report.h"
#include "verdict.h"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace judge {
namespace {

// The document `judge check --format json` prints when the judge itself
// failed, so a client reads every result the same way.
std::string judge_error_json(const Submission& submission, const std::string& sentence) {
  CheckResult result;
  result.problem = submission.problem;
  result.judge_error = sentence;
  return dump_json(render_json(result));
}

// Finishing is retried this many times before the submission is left running
// for recover(): a store that failed three times in a row is not coming back.
constexpr int kFinishTries = 3;

}  // namespace

const char* admission_name(Admission admission) {
  switch (admission) {
    case Admission::kOk:
      return "ok";
    case Admission::kLearnerBusy:
      return "learner_busy";
    case Admission::kQueueFull:
      return "queue_full";
    case Admission::kTooLarge:
      return "too_large";
  }
  return "unknown";
}

CheckQueue::CheckQueue(Store& store, CheckFunction check, CheckQueueOptions options)
    : store_(store), check_(std::move(check)), options_(options) {
  on_error_ = [](const std::string& sentence) {
    std::fprintf(stderr, "judge: %s\n", sentence.c_str());
  };
}

CheckQueue::~CheckQueue() { stop(); }

void CheckQueue::set_finish_listener(FinishListener listener) { on_finish_ = std::move(listener); }

void CheckQueue::set_error_listener(ErrorListener listener) { on_error_ = std::move(listener); }

int CheckQueue::start() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started_) throw std::logic_error("a check queue starts once");
    started_ = true;
  }
  const int requeued = store_.recover();
  for (int i = 0; i < std::max(1, options_.workers); ++i)
    workers_.emplace_back(&CheckQueue::work, this);
  return requeued;
}

void CheckQueue::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  work_.notify_all();
  finished_.notify_all();
  for (std::thread& worker : workers_) worker.join();
  workers_.clear();
}

SubmitOutcome CheckQueue::submit(LearnerId learner, const std::string& problem,
                                 const std::string& source) {
  if (source.size() > options_.max_source_bytes) return {Admission::kTooLarge};
  SubmitOutcome outcome;
  {
    std::lock_guard<std::mutex> admission(admission_mutex_);
    if (store_.pending_count(learner) >= options_.max_pending_per_learner)
      return {Admission::kLearnerBusy};
    if (store_.pending_count() >= options_.max_pending) return {Admission::kQueueFull};
    const Status stored = store_.enqueue(learner, problem, source, &outcome.id);
    if (!stored.ok()) throw std::invalid_argument(stored.message());
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++submitted_;
  }
  work_.notify_one();
  return outcome;
}

std::optional<Submission> CheckQueue::wait_for(SubmissionId id, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  // The lock is held from each look at the store until the wait releases it,
  // and a worker notifies under it after its finish committed: no finish falls
  // between a look and the wait. The poll covers finishes by other processes.
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    std::optional<Submission> current = store_.find(id);
    if (!current || current->state == SubmissionState::kDone || stopping_) return current;
    const auto now = std::chrono::steady_clock::now();
    if (now >= deadline) return current;
    finished_.wait_until(lock, std::min(deadline, now + options_.idle_poll));
  }
}

void CheckQueue::work() {
  while (true) {
    std::uint64_t seen = 0;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
      seen = submitted_;
    }
    std::optional<Submission> claimed;
    bool failed = false;
    try {
      claimed = store_.claim_next();
    } catch (const std::exception& e) {
      report_error(std::string("a worker could not claim a submission: ") + e.what());
      failed = true;
    }
    if (claimed) {
      record(*claimed, run_check(*claimed));
      continue;
    }
    // Idle: until a submit() since the look above, stop(), or the next poll.
    // After a failure only stop() cuts the pause short, so a broken store is
    // not hammered.
    std::unique_lock<std::mutex> lock(mutex_);
    work_.wait_for(lock, options_.idle_poll,
                   [&] { return stopping_ || (!failed && submitted_ != seen); });
  }
}

std::string CheckQueue::run_check(const Submission& submission) {
  if (submission.attempts > options_.max_attempts)
    return judge_error_json(submission, "the judge stopped " +
                                            std::to_string(submission.attempts - 1) +
                                            " times while checking this submission, so it is "
                                            "not checked again");
  try {
    return check_(submission);
  } catch (const std::exception& e) {
    return judge_error_json(submission, std::string("the check failed: ") + e.what());
  } catch (...) {
    return judge_error_json(submission, "the check failed with an unknown exception");
  }
}

void CheckQueue::record(const Submission& submission, const std::string& result) {
  const std::string which = "submission " + std::to_string(submission.id);
  bool finished = false;
  for (int attempt = 1; attempt <= kFinishTries && !finished; ++attempt) {
    try {
      const Status status = store_.finish(submission.id, result);
      // Refused: another process recovered and finished it; its result stands.
      if (!status.ok()) {
        report_error(which + " was not finished here: " + status.message());
        return;
      }
      finished = true;
    } catch (const std::exception& e) {
      report_error(which + " could not be finished (try " + std::to_string(attempt) + " of " +
                   std::to_string(kFinishTries) + "): " + e.what());
      if (attempt < kFinishTries) std::this_thread::sleep_for(options_.idle_poll);
    }
  }
  if (!finished) return;  // left running: recover() re-queues it at the next start
  {
    // Under the lock, so a waiter between its look at the store and its wait
    // cannot miss this (see wait_for).
    std::lock_guard<std::mutex> lock(mutex_);
    finished_.notify_all();
  }
  if (!on_finish_) return;
  try {
    if (std::optional<Submission> done = store_.find(submission.id)) on_finish_(*done);
  } catch (const std::exception& e) {
    report_error("the finish listener failed for " + which + ": " + e.what());
  }
}

void CheckQueue::report_error(const std::string& sentence) {
  try {
    if (on_error_) on_error_(sentence);
  } catch (...) {
    // A listener that throws must not take a worker with it.
  }
}

}  // namespace judge

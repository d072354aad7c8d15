// The bounded queue of checks of `judge serve`: submissions are stored in the
// Store (which is the queue, so a killed server loses none) and N worker
// threads claim them, run the check and write the result.
//
// Invariants:
//  - A submission accepted by submit() is stored before its id is returned.
//  - Every claimed submission is finished with a result document: the check's,
//    or a judge error (the check threw, or the submission was claimed
//    max_attempts times already, so it keeps killing the server). A worker
//    never drops one; if the store itself fails, the submission stays
//    running and recover() re-queues it at the next start.
//  - Admission (the pending limits) is exact within one process: one mutex
//    covers counting and enqueueing.
#pragma once

#include "store.h"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace judge {

struct CheckQueueOptions {
  int workers = 1;
  int max_pending_per_learner = 3;  // queued + running, per learner
  int max_pending = 256;            // queued + running, everyone
  std::size_t max_source_bytes = 256u << 10;
  int max_attempts = 3;  // claims before a submission is given up as a judge error
  // How often an idle worker looks at the store for work that this process
  // was not told of (another process enqueued it); submit() wakes one at once.
  std::chrono::milliseconds idle_poll{500};
};

// Why submit() refused, or kOk.
enum class Admission { kOk, kLearnerBusy, kQueueFull, kTooLarge };
// "ok", "learner_busy", "queue_full", "too_large".
const char* admission_name(Admission admission);

struct SubmitOutcome {
  Admission admission = Admission::kOk;
  SubmissionId id = 0;  // set when admission is kOk
  bool ok() const { return admission == Admission::kOk; }
};

class CheckQueue {
 public:
  // Runs one check and returns the result document (the JSON `judge check
  // --format json` prints). Called on a worker thread, several at once.
  using CheckFunction = std::function<std::string(const Submission&)>;
  // Told of each finished submission (as stored), on the worker thread that
  // finished it. Must not call back into the queue's stop(); exceptions are
  // reported through the error listener and otherwise ignored.
  using FinishListener = std::function<void(const Submission&)>;
  // Told of a failure of the store that a worker survived, one sentence.
  using ErrorListener = std::function<void(const std::string&)>;

  // `store` must outlive the queue. No thread starts before start().
  CheckQueue(Store& store, CheckFunction check, CheckQueueOptions options = {});
  ~CheckQueue();  // stop()
  CheckQueue(const CheckQueue&) = delete;
  CheckQueue& operator=(const CheckQueue&) = delete;

  // Before start(). The default error listener writes the sentence to stderr.
  void set_finish_listener(FinishListener listener);
  void set_error_listener(ErrorListener listener);

  // Re-queues what a killed server left running (Store::recover), then starts
  // the workers. Returns how many submissions were re-queued. Once only.
  int start();
  // Lets the running checks finish, then returns; queued submissions stay
  // stored for the next start. Waiters wake and return what they have.
  void stop();

  // Stores a queued submission unless it is refused: the source is over
  // max_source_bytes, the learner has max_pending_per_learner pending, or
  // the queue max_pending. May be called before start(). Throws StoreError.
  SubmitOutcome submit(LearnerId learner, const std::string& problem, const std::string& source);

  // The submission once it is done, or as it is when `timeout` passes (or
  // the queue stops) first; nothing for an unknown id. Throws StoreError.
  std::optional<Submission> wait_for(SubmissionId id, std::chrono::milliseconds timeout);

 private:
  void work();
  std::string run_check(const Submission& submission);
  void record(const Submission& submission, const std::string& result);
  void report_error(const std::string& sentence);

  Store& store_;
  const CheckFunction check_;
  const CheckQueueOptions options_;
  FinishListener on_finish_;
  ErrorListener on_error_;

  std::mutex admission_mutex_;  // counting and enqueueing, as one step

  std::mutex mutex_;                  // guards the fields below
  std::condition_variable work_;      // submit() or stop(): a worker may have work
  std::condition_variable finished_;  // a submission finished, or stop()
  std::uint64_t submitted_ = 0;       // bumped by submit(), so a worker's wake-up is not lost
  bool started_ = false;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace judge

// The bounded queue of checks on a real SQLite store, with fake checks: its
// refusals, its workers, judge errors, waiting, stopping and restarting.
#include "check_queue.h"

#include "sqlite_store.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <stdexcept>
#include <thread>

namespace judge {
namespace {

using namespace std::chrono_literals;
using testing::TempDir;

// Echoes the source as the result document.
std::string echo(const Submission& s) { return nlohmann::json{{"source", s.source}}.dump(); }

// Echoes, counting the checks in `checks`.
CheckQueue::CheckFunction counting_echo(std::atomic<int>& checks) {
  return [&checks](const Submission& s) {
    ++checks;
    return echo(s);
  };
}

class CheckQueueTest : public ::testing::Test {
 protected:
  CheckQueueTest() : store_(dir_.path()) {
    ada_ = store_.create_learner("Ada").learner.id;
    bo_ = store_.create_learner("Bo").learner.id;
  }
  static CheckQueueOptions fast(int workers = 1) {
    CheckQueueOptions options;
    options.workers = workers;
    options.idle_poll = 20ms;
    return options;
  }
  TempDir dir_;
  SqliteStore store_;
  LearnerId ada_ = 0, bo_ = 0;
};

TEST_F(CheckQueueTest, RefusesASourceOverTheCap) {
  CheckQueueOptions options;
  options.max_source_bytes = 10;
  CheckQueue queue(store_, echo, options);
  EXPECT_TRUE(queue.submit(ada_, "softmax", std::string(10, 'x')).ok());
  const SubmitOutcome big = queue.submit(ada_, "softmax", std::string(11, 'x'));
  EXPECT_EQ(big.admission, Admission::kTooLarge);
  EXPECT_STREQ(admission_name(big.admission), "too_large");
  EXPECT_EQ(store_.pending_count(), 1);  // the refused one was not stored
}

TEST_F(CheckQueueTest, RefusesALearnerWithTooManyPendingAndAFullQueue) {
  CheckQueueOptions options;  // the defaults: 3 per learner
  options.max_pending = 4;
  CheckQueue queue(store_, echo, options);  // not started: everything stays pending
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(queue.submit(ada_, "softmax", "x").ok());
  const SubmitOutcome busy = queue.submit(ada_, "softmax", "x");
  EXPECT_EQ(busy.admission, Admission::kLearnerBusy);
  EXPECT_STREQ(admission_name(busy.admission), "learner_busy");
  EXPECT_TRUE(queue.submit(bo_, "softmax", "x").ok());  // Bo is not held up by Ada
  const SubmitOutcome full = queue.submit(bo_, "softmax", "x");
  EXPECT_EQ(full.admission, Admission::kQueueFull);
  EXPECT_STREQ(admission_name(full.admission), "queue_full");
  EXPECT_EQ(store_.pending_count(), 4);

  // A finished check makes room again.
  const auto claimed = store_.claim_next();
  ASSERT_TRUE(store_.finish(claimed->id, "{}").ok());
  EXPECT_THROW(queue.submit(ada_ + bo_ + 1, "softmax", "x"), std::invalid_argument);  // no one
  EXPECT_TRUE(queue.submit(ada_, "softmax", "x").ok());
}

TEST_F(CheckQueueTest, WorkersFinishEverySubmissionOnceAndTellTheListener) {
  CheckQueueOptions options = fast(4);
  options.max_pending_per_learner = 100;
  std::atomic<int> checks{0};
  CheckQueue queue(store_, counting_echo(checks), options);
  std::mutex heard_mutex;
  std::map<SubmissionId, int> heard;
  queue.set_finish_listener([&](const Submission& s) {
    EXPECT_EQ(s.state, SubmissionState::kDone);
    std::lock_guard<std::mutex> lock(heard_mutex);
    ++heard[s.id];
  });
  std::vector<SubmissionId> ids;
  for (int i = 0; i < 10; ++i) ids.push_back(queue.submit(ada_, "softmax", "early").id);
  EXPECT_EQ(queue.start(), 0);
  for (int i = 0; i < 20; ++i) ids.push_back(queue.submit(i % 2 ? ada_ : bo_, "p", "late").id);
  for (SubmissionId id : ids) {
    const auto s = queue.wait_for(id, 20s);
    ASSERT_TRUE(s);
    ASSERT_EQ(s->state, SubmissionState::kDone) << id;
    EXPECT_EQ(nlohmann::json::parse(*s->result_json)["source"], s->source);
  }
  queue.stop();
  EXPECT_EQ(checks.load(), 30);
  EXPECT_EQ(heard.size(), 30u);
  for (const auto& [id, times] : heard) EXPECT_EQ(times, 1) << id;
}

TEST_F(CheckQueueTest, AThrowingCheckIsRecordedAsAJudgeError) {
  CheckQueue queue(
      store_, [](const Submission&) -> std::string { throw std::runtime_error("no compiler"); },
      fast());
  queue.start();
  const SubmissionId id = queue.submit(ada_, "softmax", "x").id;
  const auto s = queue.wait_for(id, 20s);
  ASSERT_EQ(s->state, SubmissionState::kDone);
  const auto doc = nlohmann::json::parse(*s->result_json);  // as `judge check --format json`
  EXPECT_EQ(doc["version"], 2);
  EXPECT_EQ(doc["status"], "error");
  EXPECT_EQ(doc["message"], "judge_error: the check failed: no compiler");
  // The worker lived on.
  const auto next = queue.wait_for(queue.submit(ada_, "softmax", "y").id, 20s);
  EXPECT_EQ(next->state, SubmissionState::kDone);
}

// A check that blocks until the test opens the gate.
class Gate {
 public:
  std::string check(const Submission& s) {
    std::unique_lock<std::mutex> lock(mutex_);
    ++entered_;
    changed_.notify_all();
    changed_.wait(lock, [&] { return open_; });
    return echo(s);
  }
  void wait_entered(int n) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return entered_ >= n; });
  }
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int entered_ = 0;
  bool open_ = false;
};

TEST_F(CheckQueueTest, WaitingGivesUpAfterItsTimeout) {
  Gate gate;
  CheckQueue queue(
      store_, [&](const Submission& s) { return gate.check(s); }, fast());
  queue.start();
  const SubmissionId id = queue.submit(ada_, "softmax", "x").id;
  gate.wait_entered(1);
  const auto started = std::chrono::steady_clock::now();
  const auto early = queue.wait_for(id, 100ms);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 100ms);
  ASSERT_TRUE(early);
  EXPECT_EQ(early->state, SubmissionState::kRunning);
  EXPECT_FALSE(queue.wait_for(id + 100, 10ms));  // unknown

  gate.open();
  const auto done = queue.wait_for(id, 20s);
  EXPECT_EQ(done->state, SubmissionState::kDone);
  const auto again = std::chrono::steady_clock::now();
  EXPECT_EQ(queue.wait_for(id, 20s)->state, SubmissionState::kDone);  // at once
  EXPECT_LT(std::chrono::steady_clock::now() - again, 1s);
}

TEST_F(CheckQueueTest, StopLetsTheRunningCheckFinishAndKeepsTheQueued) {
  Gate gate;
  CheckQueue queue(
      store_, [&](const Submission& s) { return gate.check(s); }, fast());
  queue.start();
  const SubmissionId first = queue.submit(ada_, "softmax", "1").id;
  const SubmissionId second = queue.submit(ada_, "softmax", "2").id;
  gate.wait_entered(1);
  std::thread stopper([&] { queue.stop(); });
  std::this_thread::sleep_for(200ms);  // time for stop() to be asked
  gate.open();
  stopper.join();  // returned only after the running check was finished
  EXPECT_EQ(store_.find(first)->state, SubmissionState::kDone);
  EXPECT_EQ(store_.find(second)->state, SubmissionState::kQueued);          // for the next start
  EXPECT_EQ(queue.wait_for(second, 20s)->state, SubmissionState::kQueued);  // stopped: at once
}

TEST_F(CheckQueueTest, StartChecksAgainWhatAKilledServerLeftRunning) {
  SubmissionId id = 0;
  store_.enqueue(ada_, "softmax", "x", &id);
  store_.claim_next();  // a server claimed it and died
  CheckQueue queue(store_, echo, fast());
  EXPECT_EQ(queue.start(), 1);
  const auto s = queue.wait_for(id, 20s);
  EXPECT_EQ(s->state, SubmissionState::kDone);
  EXPECT_EQ(s->attempts, 2);
  EXPECT_THROW(queue.start(), std::logic_error);
}

TEST_F(CheckQueueTest, ASubmissionThatKeepsKillingTheServerIsGivenUp) {
  SubmissionId id = 0;
  store_.enqueue(ada_, "softmax", "x", &id);
  for (int i = 0; i < 3; ++i) {  // claimed three times, each by a server that died
    store_.claim_next();
    store_.recover();
  }
  std::atomic<int> checks{0};
  CheckQueue queue(store_, counting_echo(checks), fast());
  queue.start();
  const auto s = queue.wait_for(id, 20s);
  ASSERT_EQ(s->state, SubmissionState::kDone);
  EXPECT_EQ(checks.load(), 0);
  const auto doc = nlohmann::json::parse(*s->result_json);
  EXPECT_EQ(doc["status"], "error");
  EXPECT_NE(doc["message"].get<std::string>().find("stopped 3 times"), std::string::npos)
      << doc["message"];
}

TEST_F(CheckQueueTest, AThrowingListenerIsReportedAndTheWorkerLivesOn) {
  CheckQueue queue(store_, echo, fast());
  std::mutex errors_mutex;
  std::vector<std::string> errors;
  queue.set_finish_listener([](const Submission&) { throw std::runtime_error("socket gone"); });
  queue.set_error_listener([&](const std::string& sentence) {
    std::lock_guard<std::mutex> lock(errors_mutex);
    errors.push_back(sentence);
  });
  queue.start();
  EXPECT_EQ(queue.wait_for(queue.submit(ada_, "p", "1").id, 20s)->state, SubmissionState::kDone);
  EXPECT_EQ(queue.wait_for(queue.submit(ada_, "p", "2").id, 20s)->state, SubmissionState::kDone);
  queue.stop();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("socket gone"), std::string::npos) << errors[0];
}

}  // namespace
}  // namespace judge

// The queue in the store under load and after crashes: a claim is exclusive
// among threads and connections, and a submission left running by a dead
// process is checked again and finished exactly once, never lost.
#include "sqlite_store.h"

#include "test_support.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <set>
#include <thread>
#include <vector>

namespace judge {
namespace {

using testing::TempDir;

constexpr int kThreads = 8;
constexpr int kSubmissions = 160;

// Fills the queue, then kThreads threads claim and finish until it is empty;
// `store_for(thread)` is the store each thread uses. Every submission must be
// claimed exactly once.
template <class StoreFor>
void hammer(Store& setup, StoreFor store_for) {
  const LearnerId ada = setup.create_learner("Ada").learner.id;
  std::vector<SubmissionId> ids(kSubmissions);
  for (SubmissionId& id : ids) ASSERT_TRUE(setup.enqueue(ada, "softmax", "x", &id).ok());
  const SubmissionId first = ids.front();

  std::vector<std::atomic<int>> claims(kSubmissions);
  std::atomic<int> ready{0};
  std::atomic<int> refused_finishes{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Store& store = store_for(t);
      ++ready;
      while (ready < kThreads) std::this_thread::yield();  // all start together
      while (const auto claimed = store.claim_next()) {
        ++claims[claimed->id - first];
        if (!store.finish(claimed->id, "t" + std::to_string(t)).ok()) ++refused_finishes;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();

  for (int i = 0; i < kSubmissions; ++i) EXPECT_EQ(claims[i].load(), 1) << "submission " << ids[i];
  EXPECT_EQ(refused_finishes.load(), 0);
  EXPECT_EQ(setup.pending_count(), 0);
  for (SubmissionId id : ids) EXPECT_EQ(setup.find(id)->attempts, 1);
}

TEST(StoreDurabilityTest, EightThreadsOnOneStoreClaimEachSubmissionOnce) {
  TempDir dir;
  SqliteStore store(dir.path());
  hammer(store, [&](int) -> Store& { return store; });
}

// One connection each, as several processes on one file would have: the
// exclusion comes from SQLite's locks, not from the store's mutex.
TEST(StoreDurabilityTest, EightConnectionsOnOneFileClaimEachSubmissionOnce) {
  TempDir dir;
  SqliteStore setup(dir.path());
  std::vector<std::unique_ptr<SqliteStore>> stores;
  for (int t = 0; t < kThreads; ++t) stores.push_back(std::make_unique<SqliteStore>(dir.path()));
  hammer(setup, [&](int t) -> Store& { return *stores[t]; });
}

TEST(StoreDurabilityTest, RecoverRequeuesWhatACrashLeftRunning) {
  TempDir dir;
  SubmissionId done = 0, running = 0, queued = 0;
  {
    auto store = std::make_unique<SqliteStore>(dir.path());
    const LearnerId ada = store->create_learner("Ada").learner.id;
    store->enqueue(ada, "softmax", "done", &done);
    store->enqueue(ada, "softmax", "running", &running);
    store->enqueue(ada, "softmax", "queued", &queued);
    store->claim_next();
    store->finish(done, "first");
    store->claim_next();  // `running` is claimed, and the process "dies":
  }                       // the object goes without a finish
  SqliteStore store(dir.path());
  EXPECT_EQ(store.find(running)->state, SubmissionState::kRunning);
  EXPECT_EQ(store.recover(), 1);
  EXPECT_EQ(store.recover(), 0);
  const auto back = store.find(running);
  EXPECT_EQ(back->state, SubmissionState::kQueued);
  EXPECT_EQ(back->attempts, 1);  // kept
  EXPECT_FALSE(back->started_ms);

  const auto again = store.claim_next();  // the oldest queued: the recovered one
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, running);
  EXPECT_EQ(again->attempts, 2);
  EXPECT_TRUE(store.finish(running, "second").ok());
  EXPECT_TRUE(store.finish(running, "third").refused());
  EXPECT_EQ(store.find(running)->result_json, "second");
  EXPECT_EQ(store.find(done)->result_json, "first");  // untouched by recover
  EXPECT_EQ(store.find(queued)->state, SubmissionState::kQueued);
}

// What the child process acknowledged, one line each: "Q id" after enqueue
// returned, "C id" after a claim, "F id" after a finish returned ok.
struct Acknowledged {
  std::set<SubmissionId> queued, claimed, finished;
};

[[noreturn]] void child_works_until_killed(const std::string& data, LearnerId ada, int out) {
  auto say = [out](char what, SubmissionId id) {
    const std::string line = std::string(1, what) + " " + std::to_string(id) + "\n";
    if (write(out, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(3);
  };
  try {
    SqliteStore store(data);
    for (int i = 0;; ++i) {
      SubmissionId id = 0;
      if (!store.enqueue(ada, "softmax", "source " + std::to_string(i), &id).ok()) _exit(4);
      say('Q', id);
      if (i % 2 == 1) continue;
      const auto claimed = store.claim_next();
      if (!claimed) _exit(5);
      say('C', claimed->id);
      // Every other claim is finished; the rest stay running, as in a server
      // whose workers are mid-check when it dies.
      if (i % 4 == 0) {
        if (!store.finish(claimed->id, "child").ok()) _exit(6);
        say('F', claimed->id);
      }
    }
  } catch (...) {
    _exit(2);
  }
}

TEST(StoreDurabilityTest, SigkillMidWayLosesNothingAndFinishesEachOnce) {
  TempDir dir;
  LearnerId ada = 0;
  { ada = SqliteStore(dir.path()).create_learner("Ada").learner.id; }

  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    child_works_until_killed(dir.path(), ada, pipe_fds[1]);
  }
  close(pipe_fds[1]);
  FILE* from_child = fdopen(pipe_fds[0], "r");
  ASSERT_NE(from_child, nullptr);
  Acknowledged ack;
  char what = 0;
  long long id = 0;
  bool killed = false;
  while (std::fscanf(from_child, " %c %lld", &what, &id) == 2) {
    (what == 'Q' ? ack.queued : what == 'C' ? ack.claimed : ack.finished).insert(id);
    if (!killed && ack.queued.size() == 60) {  // mid-way through whatever it is doing
      kill(child, SIGKILL);
      killed = true;
    }
  }
  std::fclose(from_child);  // read to the end: every line written before the kill
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
      << "the child stopped by itself, status " << status;

  SqliteStore store(dir.path());
  EXPECT_GT(store.recover(), 0);
  std::set<SubmissionId> finished_here;
  while (const auto claimed = store.claim_next()) {
    EXPECT_EQ(ack.finished.count(claimed->id), 0u) << "finished twice: " << claimed->id;
    EXPECT_TRUE(store.finish(claimed->id, "parent").ok());
    finished_here.insert(claimed->id);
  }
  EXPECT_EQ(store.pending_count(), 0);
  for (SubmissionId acknowledged : ack.queued) {
    const auto s = store.find(acknowledged);
    ASSERT_TRUE(s) << "lost submission " << acknowledged;
    EXPECT_EQ(s->state, SubmissionState::kDone);
    EXPECT_TRUE(store.finish(acknowledged, "again").refused());
  }
  for (SubmissionId id : ack.finished) EXPECT_EQ(store.find(id)->result_json, "child");
  for (SubmissionId id : ack.claimed) {
    if (ack.finished.count(id) || !finished_here.count(id)) continue;
    EXPECT_EQ(store.find(id)->attempts, 2) << "claimed by the child, then by the parent";
  }
  for (const Submission& s : store.list_for_learner(ada)) {
    EXPECT_EQ(s.state, SubmissionState::kDone) << s.id;  // unacknowledged ones too
    EXPECT_TRUE(s.result_json == "child" || s.result_json == "parent") << s.id;
  }
}

}  // namespace
}  // namespace judge

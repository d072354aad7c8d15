// The Store on one SQLite file, DATA_DIR/judge.sqlite: an embedded default
// with nothing to set up.
//
// How it keeps the Store's invariants:
//  - One connection per SqliteStore, used under a mutex, so threads of one
//    process take turns; processes take turns through SQLite's file locks.
//  - WAL journal with synchronous=FULL: a commit is on disk when it returns,
//    and readers do not block the writer.
//  - Every write is one BEGIN IMMEDIATE transaction: it takes the write lock
//    before reading what it will change, so a claim reads and moves the
//    oldest queued row with no writer in between; a connection waiting for
//    the lock waits up to the busy timeout, then the call throws StoreError.
//  - Foreign keys on: no draft or submission without its learner.
//  - The folder, when the store creates it, is 0700 and the file always 0600
//    (SQLite gives its -wal and -shm files the same mode): they hold learners'
//    code and the hashes of their tokens.
#pragma once

#include "store.h"

#include <memory>
#include <mutex>
#include <string>

namespace SQLite {
class Database;
}

namespace judge {

class SqliteStore final : public Store {
 public:
  static constexpr const char* kFileName = "judge.sqlite";
  static constexpr int kBusyTimeoutMs = 10000;

  // Opens DATA_DIR/judge.sqlite, creating the folder and the file if needed,
  // and brings its schema up to date. Throws StoreError with a sentence naming
  // the file when it cannot (a file from a newer judge, a link, no WAL).
  explicit SqliteStore(const std::string& data_dir);
  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  const std::string& path() const { return path_; }

  NewLearner create_learner(const std::string& name) override;
  std::optional<Learner> find_learner_by_token(const std::string& token) const override;
  std::optional<Learner> find_learner(LearnerId id) const override;
  std::vector<Learner> list_learners() const override;

  Status save_draft(LearnerId learner, const std::string& problem,
                    const std::string& source) override;
  std::optional<Draft> load_draft(LearnerId learner, const std::string& problem) const override;

  Status enqueue(LearnerId learner, const std::string& problem, const std::string& source,
                 SubmissionId* id) override;
  std::optional<Submission> claim_next() override;
  Status finish(SubmissionId id, const std::string& result_json) override;
  std::optional<Submission> find(SubmissionId id) const override;
  std::vector<Submission> list_for_learner(LearnerId learner) const override;
  std::vector<Submission> latest_per_learner_and_problem() const override;
  int pending_count(LearnerId learner) const override;
  int pending_count() const override;
  int recover() override;

 private:
  // Runs `body` under the mutex, turning SQLite's exceptions into StoreError.
  template <class Body>
  auto locked(Body&& body) const -> decltype(body());

  std::string path_;
  mutable std::mutex mutex_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace judge

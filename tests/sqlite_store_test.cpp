// The SQLite store, one operation at a time, on real files in a temporary
// folder. Concurrency, crashes and kills are in store_durability_test.cpp.
#include "sqlite_store.h"

#include "hashing.h"
#include "sqlite_schema.h"
#include "test_support.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

namespace judge {
namespace {

using testing::TempDir;

int mode_of(const std::string& path) {
  struct stat st {};
  EXPECT_EQ(stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

class SqliteStoreTest : public ::testing::Test {
 protected:
  std::string data() const { return dir_.path() + "/data"; }
  TempDir dir_;
};

TEST_F(SqliteStoreTest, CreatesAPrivateFolderAndFileInWalMode) {
  {
    SqliteStore store(data() + "/nested");
    EXPECT_EQ(store.path(), data() + "/nested/judge.sqlite");
    store.create_learner("Ada");  // a write, so the -wal file exists
    EXPECT_EQ(mode_of(data() + "/nested"), 0700);
    EXPECT_EQ(mode_of(store.path()), 0600);
    EXPECT_EQ(mode_of(store.path() + "-wal"), 0600);
  }
  SQLite::Database db(data() + "/nested/judge.sqlite");
  EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
  EXPECT_EQ(db.execAndGet("SELECT version FROM schema_version").getInt(), sqlite_schema_version());
}

TEST_F(SqliteStoreTest, AnExistingFileIsMadePrivateAndAFolderKeepsItsMode) {
  std::filesystem::create_directories(data());
  chmod(data().c_str(), 0755);
  const std::string file = dir_.write("data/judge.sqlite", "");  // empty: a new database
  chmod(file.c_str(), 0644);
  SqliteStore store(data());
  EXPECT_EQ(mode_of(file), 0600);
  EXPECT_EQ(mode_of(data()), 0755);  // the organiser's own folder is theirs to set
}

TEST_F(SqliteStoreTest, RefusesALinkAndAFileFromANewerJudge) {
  std::filesystem::create_directories(data());
  std::filesystem::create_symlink(dir_.path() + "/elsewhere", data() + "/judge.sqlite");
  EXPECT_THROW(SqliteStore{data()}, StoreError);

  const std::string other = dir_.path() + "/other";
  { SqliteStore store(other); }
  {
    SQLite::Database db(other + "/judge.sqlite", SQLite::OPEN_READWRITE);
    db.exec("UPDATE schema_version SET version = 99");
  }
  try {
    SqliteStore store(other);
    FAIL() << "opened a file from a newer judge";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
  }
}

TEST_F(SqliteStoreTest, LearnersAreFoundByTokenWhichIsStoredOnlyAsItsHash) {
  std::string token;
  {
    SqliteStore store(data());
    const NewLearner ada = store.create_learner("Ada <b>");
    const NewLearner bo = store.create_learner("Bo");
    token = ada.token;
    EXPECT_EQ(ada.token.size(), 64u);
    EXPECT_NE(ada.token, bo.token);
    EXPECT_LT(ada.learner.id, bo.learner.id);
    EXPECT_GT(ada.learner.created_ms, 0);

    const auto found = store.find_learner_by_token(ada.token);
    ASSERT_TRUE(found);
    EXPECT_EQ(found->id, ada.learner.id);
    EXPECT_EQ(found->name, "Ada <b>");
    EXPECT_EQ(found->created_ms, ada.learner.created_ms);
    EXPECT_FALSE(store.find_learner_by_token(""));
    EXPECT_FALSE(store.find_learner_by_token(sha256_hex(ada.token)));  // the hash is no token

    const auto by_id = store.find_learner(bo.learner.id);
    ASSERT_TRUE(by_id);
    EXPECT_EQ(by_id->name, "Bo");
    EXPECT_EQ(by_id->created_ms, bo.learner.created_ms);
    EXPECT_FALSE(store.find_learner(bo.learner.id + 1000));

    const auto all = store.list_learners();
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].name, "Ada <b>");
    EXPECT_EQ(all[1].name, "Bo");
  }
  // Nowhere in the files, the log included; its hash is.
  const std::string bytes = testing::read_text(data() + "/judge.sqlite") +
                            testing::read_text(data() + "/judge.sqlite-wal");
  EXPECT_EQ(bytes.find(token), std::string::npos);
  SQLite::Database db(data() + "/judge.sqlite");
  EXPECT_EQ(db.execAndGet("SELECT token_sha256 FROM learners WHERE name = 'Ada <b>'").getString(),
            sha256_hex(token));
}

TEST_F(SqliteStoreTest, DraftsKeepTheLastSaveByteForByte) {
  SqliteStore store(data());
  const LearnerId ada = store.create_learner("Ada").learner.id;
  EXPECT_FALSE(store.load_draft(ada, "softmax"));

  const std::string odd("a\0b\xff\n", 5);  // a NUL and invalid UTF-8 come back unchanged
  ASSERT_TRUE(store.save_draft(ada, "softmax", "first").ok());
  ASSERT_TRUE(store.save_draft(ada, "softmax", odd).ok());
  ASSERT_TRUE(store.save_draft(ada, "softmax_rows", "other").ok());
  const auto draft = store.load_draft(ada, "softmax");
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->source, odd);
  EXPECT_GT(draft->updated_ms, 0);
  EXPECT_EQ(store.load_draft(ada, "softmax_rows")->source, "other");

  const Status unknown = store.save_draft(ada + 100, "softmax", "x");
  EXPECT_TRUE(unknown.not_found());
  EXPECT_NE(unknown.message().find(std::to_string(ada + 100)), std::string::npos);
}

TEST_F(SqliteStoreTest, ASubmissionGoesQueuedRunningDoneOnce) {
  SqliteStore store(data());
  const LearnerId ada = store.create_learner("Ada").learner.id;
  SubmissionId first = 0, second = 0;
  ASSERT_TRUE(store.enqueue(ada, "softmax", "one", &first).ok());
  ASSERT_TRUE(store.enqueue(ada, "softmax", "two", &second).ok());
  EXPECT_LT(first, second);

  auto queued = store.find(first);
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->learner, ada);
  EXPECT_EQ(queued->problem, "softmax");
  EXPECT_EQ(queued->source, "one");
  EXPECT_EQ(queued->state, SubmissionState::kQueued);
  EXPECT_GT(queued->created_ms, 0);
  EXPECT_FALSE(queued->started_ms || queued->finished_ms || queued->result_json);
  EXPECT_EQ(queued->attempts, 0);
  EXPECT_TRUE(store.finish(first, "{}").refused());  // queued, not running

  const auto claimed = store.claim_next();  // the oldest
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, first);
  EXPECT_EQ(claimed->state, SubmissionState::kRunning);
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_TRUE(claimed->started_ms);
  const auto running = store.find(first);
  EXPECT_EQ(running->state, SubmissionState::kRunning);
  EXPECT_EQ(running->attempts, 1);
  EXPECT_EQ(running->started_ms, claimed->started_ms);

  ASSERT_TRUE(store.finish(first, R"({"status": "pass"})").ok());
  const Status again = store.finish(first, R"({"status": "fail"})");
  EXPECT_TRUE(again.refused());
  EXPECT_NE(again.message().find("is done"), std::string::npos) << again.message();
  const auto done = store.find(first);
  EXPECT_EQ(done->state, SubmissionState::kDone);
  EXPECT_EQ(done->result_json, R"({"status": "pass"})");  // the first result stands
  EXPECT_TRUE(done->finished_ms);

  EXPECT_EQ(store.claim_next()->id, second);
  EXPECT_FALSE(store.claim_next());  // nothing queued
  EXPECT_TRUE(store.finish(second + 100, "{}").not_found());
  EXPECT_FALSE(store.find(second + 100));

  SubmissionId none = -1;
  EXPECT_TRUE(store.enqueue(ada + 100, "softmax", "x", &none).not_found());
  EXPECT_EQ(none, -1);
}

TEST_F(SqliteStoreTest, ListsCountsAndTheHeatMap) {
  SqliteStore store(data());
  const LearnerId ada = store.create_learner("Ada").learner.id;
  const LearnerId bo = store.create_learner("Bo").learner.id;
  EXPECT_EQ(store.pending_count(), 0);
  SubmissionId id = 0;
  store.enqueue(ada, "softmax", "a1", &id);
  store.enqueue(bo, "softmax", "b1", &id);
  store.enqueue(ada, "softmax", "a2", &id);
  store.enqueue(ada, "softmax_rows", "a3", &id);
  EXPECT_EQ(store.pending_count(ada), 3);
  EXPECT_EQ(store.pending_count(bo), 1);
  EXPECT_EQ(store.pending_count(), 4);

  const auto first = store.claim_next();  // a1: running still counts as pending
  EXPECT_EQ(store.pending_count(ada), 3);
  store.finish(first->id, "{}");
  EXPECT_EQ(store.pending_count(ada), 2);
  EXPECT_EQ(store.pending_count(), 3);

  const auto adas = store.list_for_learner(ada);  // newest first, Ada's only
  ASSERT_EQ(adas.size(), 3u);
  EXPECT_EQ(adas[0].source, "a3");
  EXPECT_EQ(adas[1].source, "a2");
  EXPECT_EQ(adas[2].source, "a1");
  EXPECT_EQ(adas[2].state, SubmissionState::kDone);
  EXPECT_TRUE(store.list_for_learner(ada + bo + 1).empty());

  const auto latest = store.latest_per_learner_and_problem();
  ASSERT_EQ(latest.size(), 3u);
  EXPECT_EQ(latest[0].source, "a2");  // Ada's newest softmax, though a1 is the one done
  EXPECT_EQ(latest[1].source, "a3");
  EXPECT_EQ(latest[2].source, "b1");
}

TEST_F(SqliteStoreTest, IdsKeepGrowingAcrossReopens) {
  SubmissionId before = 0, after = 0;
  LearnerId ada = 0;
  {
    SqliteStore store(data());
    ada = store.create_learner("Ada").learner.id;
    store.enqueue(ada, "softmax", "x", &before);
  }
  {
    SQLite::Database db(data() + "/judge.sqlite", SQLite::OPEN_READWRITE);
    db.exec("DELETE FROM submissions");  // even when the newest row is gone
  }
  SqliteStore store(data());
  store.enqueue(ada, "softmax", "y", &after);
  EXPECT_GT(after, before);
}

}  // namespace
}  // namespace judge

#include "sqlite_store.h"

#include "hashing.h"
#include "random_token.h"
#include "sqlite_schema.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>

namespace judge {
namespace {

using SQLite::Statement;
using SQLite::Transaction;
using SQLite::TransactionBehavior;

Millis now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The folder holds learners' code: 0700 when the store makes it. A folder the
// organiser made (--data .) keeps its mode; the file inside is 0600 anyway.
void make_folder(const std::string& dir) {
  const std::filesystem::path path(dir);
  std::error_code ignored;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
  if (mkdir(dir.c_str(), 0700) == 0) {
    chmod(dir.c_str(), 0700);  // whatever the umask
    return;
  }
  struct stat st {};
  if (errno != EEXIST || stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw StoreError("cannot make the data folder " + dir + ": " + std::strerror(errno));
}

// Creates the file 0600 before SQLite opens it (SQLite would use 0644 less
// the umask), and brings an existing one back to 0600. A link is refused.
void make_private_file(const std::string& path) {
  const int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0)
    throw StoreError("cannot open the store " + path + ": " + std::strerror(errno) +
                     (errno == ELOOP ? " (it is a link)" : ""));
  const int changed = fchmod(fd, 0600);
  const int error = errno;
  close(fd);
  if (changed != 0) throw StoreError("cannot make " + path + " private: " + std::strerror(error));
}

SubmissionState parse_state(const std::string& text) {
  if (text == "queued") return SubmissionState::kQueued;
  if (text == "running") return SubmissionState::kRunning;
  if (text == "done") return SubmissionState::kDone;
  throw StoreError("a submission in the store has the unknown state '" + text + "'");
}

std::optional<Millis> optional_ms(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt64();
}

// The columns read_submission expects, in its order.
const char* const kSubmissionColumns =
    "id, learner_id, problem, source, state, created_ms, started_ms, finished_ms, result_json, "
    "attempts";

Submission read_submission(Statement& row) {
  Submission s;
  s.id = row.getColumn(0).getInt64();
  s.learner = row.getColumn(1).getInt64();
  s.problem = row.getColumn(2).getString();
  s.source = row.getColumn(3).getString();
  s.state = parse_state(row.getColumn(4).getString());
  s.created_ms = row.getColumn(5).getInt64();
  s.started_ms = optional_ms(row.getColumn(6));
  s.finished_ms = optional_ms(row.getColumn(7));
  if (!row.getColumn(8).isNull()) s.result_json = row.getColumn(8).getString();
  s.attempts = row.getColumn(9).getInt();
  return s;
}

std::vector<Submission> read_submissions(Statement& query) {
  std::vector<Submission> out;
  while (query.executeStep()) out.push_back(read_submission(query));
  return out;
}

Learner read_learner(Statement& row) {
  return {row.getColumn(0).getInt64(), row.getColumn(1).getString(), row.getColumn(2).getInt64()};
}

bool learner_exists(SQLite::Database& db, LearnerId learner) {
  Statement query(db, "SELECT 1 FROM learners WHERE id = ?");
  query.bind(1, learner);
  return query.executeStep();
}

std::string no_learner(LearnerId learner) {
  return "there is no learner " + std::to_string(learner);
}

}  // namespace

template <class Body>
auto SqliteStore::locked(Body&& body) const -> decltype(body()) {
  std::lock_guard<std::mutex> lock(mutex_);
  try {
    return body();
  } catch (const SQLite::Exception& e) {
    throw StoreError("the store " + path_ + ": " + e.what());
  }
}

SqliteStore::SqliteStore(const std::string& data_dir)
    : path_((std::filesystem::path(data_dir) / kFileName).string()) {
  make_folder(data_dir);
  make_private_file(path_);
  locked([&] {
    db_ = std::make_unique<SQLite::Database>(
        path_, SQLite::OPEN_READWRITE | SQLite::OPEN_NOFOLLOW | SQLite::OPEN_FULLMUTEX,
        kBusyTimeoutMs);
    // WAL cannot be switched on inside a transaction, so before migrating.
    const std::string mode = db_->execAndGet("PRAGMA journal_mode = WAL").getString();
    if (mode != "wal")
      throw StoreError("the store " + path_ + " cannot use a write-ahead log (journal mode " +
                       mode + "); put --data on a local file system");
    db_->exec("PRAGMA synchronous = FULL");
    db_->exec("PRAGMA foreign_keys = ON");
    migrate_sqlite_schema(*db_);
  });
}

SqliteStore::~SqliteStore() = default;

NewLearner SqliteStore::create_learner(const std::string& name) {
  NewLearner created;
  created.token = random_token();
  created.learner.name = name;
  created.learner.created_ms = now_ms();
  const std::string hash = sha256_hex(created.token);
  locked([&] {
    Transaction transaction(*db_, TransactionBehavior::IMMEDIATE);
    Statement insert(*db_,
                     "INSERT INTO learners (name, token_sha256, created_ms) VALUES (?, ?, ?)");
    insert.bind(1, name);
    insert.bind(2, hash);
    insert.bind(3, created.learner.created_ms);
    insert.exec();
    created.learner.id = db_->getLastInsertRowid();
    transaction.commit();
  });
  return created;
}

std::optional<Learner> SqliteStore::find_learner_by_token(const std::string& token) const {
  const std::string hash = sha256_hex(token);
  return locked([&]() -> std::optional<Learner> {
    Statement query(*db_, "SELECT id, name, created_ms FROM learners WHERE token_sha256 = ?");
    query.bind(1, hash);
    if (!query.executeStep()) return std::nullopt;
    return read_learner(query);
  });
}

std::optional<Learner> SqliteStore::find_learner(LearnerId id) const {
  return locked([&]() -> std::optional<Learner> {
    Statement query(*db_, "SELECT id, name, created_ms FROM learners WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_learner(query);
  });
}

std::vector<Learner> SqliteStore::list_learners() const {
  return locked([&] {
    Statement query(*db_, "SELECT id, name, created_ms FROM learners ORDER BY id");
    std::vector<Learner> out;
    while (query.executeStep()) out.push_back(read_learner(query));
    return out;
  });
}

Status SqliteStore::save_draft(LearnerId learner, const std::string& problem,
                               const std::string& source) {
  return locked([&] {
    Transaction transaction(*db_, TransactionBehavior::IMMEDIATE);
    if (!learner_exists(*db_, learner)) return Status::NotFound(no_learner(learner));
    Statement upsert(*db_,
                     "INSERT INTO drafts (learner_id, problem, source, updated_ms) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT (learner_id, problem) DO UPDATE "
                     "SET source = excluded.source, updated_ms = excluded.updated_ms");
    upsert.bind(1, learner);
    upsert.bind(2, problem);
    upsert.bind(3, source);
    upsert.bind(4, now_ms());
    upsert.exec();
    transaction.commit();
    return Status::Ok();
  });
}

std::optional<Draft> SqliteStore::load_draft(LearnerId learner, const std::string& problem) const {
  return locked([&]() -> std::optional<Draft> {
    Statement query(*db_,
                    "SELECT source, updated_ms FROM drafts WHERE learner_id = ? AND problem = ?");
    query.bind(1, learner);
    query.bind(2, problem);
    if (!query.executeStep()) return std::nullopt;
    return Draft{query.getColumn(0).getString(), query.getColumn(1).getInt64()};
  });
}

Status SqliteStore::enqueue(LearnerId learner, const std::string& problem,
                            const std::string& source, SubmissionId* id) {
  return locked([&] {
    Transaction transaction(*db_, TransactionBehavior::IMMEDIATE);
    if (!learner_exists(*db_, learner)) return Status::NotFound(no_learner(learner));
    Statement insert(*db_,
                     "INSERT INTO submissions (learner_id, problem, source, state, created_ms) "
                     "VALUES (?, ?, ?, 'queued', ?)");
    insert.bind(1, learner);
    insert.bind(2, problem);
    insert.bind(3, source);
    insert.bind(4, now_ms());
    insert.exec();
    const SubmissionId stored = db_->getLastInsertRowid();
    transaction.commit();  // on disk (synchronous=FULL) before the id is handed out
    *id = stored;
    return Status::Ok();
  });
}

std::optional<Submission> SqliteStore::claim_next() {
  return locked([&]() -> std::optional<Submission> {
    const std::string oldest = std::string("SELECT ") + kSubmissionColumns +
                               " FROM submissions WHERE state = 'queued' ORDER BY id LIMIT 1";
    // Idle workers poll: look without the write lock first, so an empty queue
    // costs a read and never blocks writers.
    if (!Statement(*db_, "SELECT 1 FROM submissions WHERE state = 'queued' LIMIT 1").executeStep())
      return std::nullopt;
    Transaction transaction(*db_, TransactionBehavior::IMMEDIATE);
    std::optional<Submission> claimed;
    {
      Statement query(*db_, oldest);
      if (!query.executeStep()) return std::nullopt;  // another process took it meanwhile
      claimed = read_submission(query);
    }
    claimed->state = SubmissionState::kRunning;
    claimed->started_ms = now_ms();
    claimed->attempts += 1;
    Statement update(*db_,
                     "UPDATE submissions SET state = 'running', started_ms = ?, "
                     "attempts = attempts + 1 WHERE id = ? AND state = 'queued'");
    update.bind(1, *claimed->started_ms);
    update.bind(2, claimed->id);
    if (update.exec() != 1) throw StoreError("a queued submission changed under the write lock");
    transaction.commit();
    return claimed;
  });
}

Status SqliteStore::finish(SubmissionId id, const std::string& result_json) {
  return locked([&] {
    Transaction transaction(*db_, TransactionBehavior::IMMEDIATE);
    Statement update(*db_,
                     "UPDATE submissions SET state = 'done', result_json = ?, finished_ms = ? "
                     "WHERE id = ? AND state = 'running'");
    update.bind(1, result_json);
    update.bind(2, now_ms());
    update.bind(3, id);
    if (update.exec() == 1) {
      transaction.commit();
      return Status::Ok();
    }
    Statement query(*db_, "SELECT state FROM submissions WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep())
      return Status::NotFound("there is no submission " + std::to_string(id));
    return Status::Refused("submission " + std::to_string(id) + " is " +
                           query.getColumn(0).getString() +
                           ", not running; only a running submission can be finished");
  });
}

std::optional<Submission> SqliteStore::find(SubmissionId id) const {
  return locked([&]() -> std::optional<Submission> {
    Statement query(*db_,
                    std::string("SELECT ") + kSubmissionColumns + " FROM submissions WHERE id = ?");
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_submission(query);
  });
}

std::vector<Submission> SqliteStore::list_for_learner(LearnerId learner) const {
  return locked([&] {
    Statement query(*db_, std::string("SELECT ") + kSubmissionColumns +
                              " FROM submissions WHERE learner_id = ? ORDER BY id DESC");
    query.bind(1, learner);
    return read_submissions(query);
  });
}

std::vector<Submission> SqliteStore::latest_per_learner_and_problem() const {
  return locked([&] {
    Statement query(*db_, std::string("SELECT ") + kSubmissionColumns +
                              " FROM submissions WHERE id IN (SELECT MAX(id) FROM submissions"
                              " GROUP BY learner_id, problem) ORDER BY learner_id, problem");
    return read_submissions(query);
  });
}

int SqliteStore::pending_count(LearnerId learner) const {
  return locked([&] {
    Statement query(*db_,
                    "SELECT COUNT(*) FROM submissions WHERE learner_id = ? "
                    "AND state IN ('queued', 'running')");
    query.bind(1, learner);
    query.executeStep();
    return query.getColumn(0).getInt();
  });
}

int SqliteStore::pending_count() const {
  return locked([&] {
    return db_->execAndGet("SELECT COUNT(*) FROM submissions WHERE state IN ('queued', 'running')")
        .getInt();
  });
}

int SqliteStore::recover() {
  return locked([&] {
    Transaction transaction(*db_, TransactionBehavior::IMMEDIATE);
    const int requeued = db_->exec(
        "UPDATE submissions SET state = 'queued', started_ms = NULL WHERE state = 'running'");
    transaction.commit();
    return requeued;
  });
}

}  // namespace judge

#include "sqlite_schema.h"

#include "store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <string>

namespace judge {
namespace {

// Migration i takes the file from version i to version i + 1. Never edit an
// entry once it has shipped: files in the field were made by it. Add a new
// one at the end instead.
//
// Times are milliseconds since the Unix epoch. Learners' code is TEXT bound
// with its length, so any bytes (invalid UTF-8, NUL) come back unchanged.
const char* const kMigrations[] = {
    // 0 -> 1: learners, drafts, and submissions (the queue of checks).
    R"sql(
    CREATE TABLE learners (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      token_sha256 TEXT NOT NULL UNIQUE,  -- the token itself is never stored
      created_ms INTEGER NOT NULL
    );
    CREATE TABLE drafts (
      learner_id INTEGER NOT NULL REFERENCES learners(id),
      problem TEXT NOT NULL,
      source TEXT NOT NULL,
      updated_ms INTEGER NOT NULL,
      PRIMARY KEY (learner_id, problem)
    );
    -- AUTOINCREMENT: ids only grow and are never reused, even after a delete.
    -- A result is present exactly when the submission is done.
    CREATE TABLE submissions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      learner_id INTEGER NOT NULL REFERENCES learners(id),
      problem TEXT NOT NULL,
      source TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done')),
      created_ms INTEGER NOT NULL,
      started_ms INTEGER,
      finished_ms INTEGER,
      result_json TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      CHECK ((state = 'done') = (result_json IS NOT NULL AND finished_ms IS NOT NULL))
    );
    CREATE INDEX submissions_by_state ON submissions (state, id);
    CREATE INDEX submissions_by_learner ON submissions (learner_id, problem, id);
    )sql",
    // 1 -> 2, to come: the hints shown per (learner, problem) and the concept
    // quiz answers, as new tables keyed by (learner_id, problem).
};

constexpr int kVersion = sizeof kMigrations / sizeof kMigrations[0];

}  // namespace

int sqlite_schema_version() { return kVersion; }

void migrate_sqlite_schema(SQLite::Database& db) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  int version = 0;
  {
    SQLite::Statement query(db, "SELECT version FROM schema_version");
    if (query.executeStep())
      version = query.getColumn(0).getInt();
    else
      db.exec("INSERT INTO schema_version (version) VALUES (0)");
  }
  if (version > kVersion)
    throw StoreError("the store's file has schema version " + std::to_string(version) +
                     ", newer than this judge's " + std::to_string(kVersion) +
                     "; run the judge that wrote it");
  for (int v = version; v < kVersion; ++v) db.exec(kMigrations[v]);
  if (version < kVersion) {
    SQLite::Statement update(db, "UPDATE schema_version SET version = ?");
    update.bind(1, kVersion);
    update.exec();
  }
  transaction.commit();
}

}  // namespace judge

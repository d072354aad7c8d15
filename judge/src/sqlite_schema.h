// The tables of the SQLite store and the migrations that bring an older file
// up to date. Each migration is applied once, in order, and the file records
// the number applied in schema_version, so a judge opens any file an older
// judge wrote; a file from a newer judge is refused rather than misread.
#pragma once

namespace SQLite {
class Database;
}

namespace judge {

// The schema this judge writes: the number of migrations it knows.
int sqlite_schema_version();

// Applies the migrations `db` lacks, all in one IMMEDIATE transaction, so two
// processes opening a new file at once migrate it once. Throws StoreError when
// the file's version is newer than this judge's, SQLite::Exception on failure.
void migrate_sqlite_schema(SQLite::Database& db);

}  // namespace judge

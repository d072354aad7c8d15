// What every grading report names so an instructor can tell, months later,
// what produced it: the judge's version, the bank's hash and the time of
// grading.
#pragma once

#include <string>

namespace judge {

struct Provenance {
  std::string judge_version;  // "0.4.0"
  std::string bank_hash;      // 16 hex digits over the bank's problems, solutions and stubs
  std::string graded_at;      // UTC, "2026-12-03T16:30:00Z"
};

// The version CMake's project() declares.
std::string judge_version();

// SHA-256 over every file's path and bytes below problems/, solutions/ and
// exercises/ of `bank_root`, in path order: the same bank, the same hash,
// wherever it is.
std::string bank_hash(const std::string& bank_root);

// Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention), so
// reports compared byte for byte (a resumed run, merged shards) can agree.
std::string grading_time();

Provenance current_provenance(const std::string& bank_root);

}  // namespace judge

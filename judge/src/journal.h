// The grading journal: one JSON line per finished grading, appended and
// flushed to disk at once, so a run killed at any moment loses at most the
// gradings that were still running. A torn last line (the kill came mid-write)
// is dropped when the journal is opened again.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace judge {

class Journal {
 public:
  // Reads what an earlier run finished; throws std::runtime_error if the
  // file cannot be opened for appending.
  explicit Journal(std::string path);
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // The entry for this learner and problem, if an earlier run graded the same
  // inputs (`key` hashes the file, the problem and the judge).
  std::optional<nlohmann::json> find(const std::string& learner, const std::string& problem,
                                     const std::string& key) const;
  // Appends {"learner", "problem", "key", ...entry} and syncs it. Thread-safe.
  void append(const std::string& learner, const std::string& problem, const std::string& key,
              nlohmann::json entry);

 private:
  std::string path_;
  std::FILE* file_ = nullptr;
  std::mutex mutex_;
  std::map<std::string, nlohmann::json> entries_;  // "learner/problem" -> last entry
};

}  // namespace judge

// Grading a class on several machines: `judge grade --shard I/N` grades the
// (learner, problem) pairs that belong to shard I of N and writes them, with
// what the whole class looks like, to OUT/shard.json; `judge merge` puts the
// N shards back together into the book an unsharded run builds, so its
// reports are byte-identical.
//
// Invariants:
//  - Which shard owns a pair depends only on the learner, the problem and N
//    (a hash), never on the order of folders or which machine runs it.
//  - A shard's file names every learner and problem of the class, so a
//    merge can tell a missing shard or a different class from a full set.
#pragma once

#include "gradebook.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace judge {

struct Shard {
  int index = 0;  // 0-based: SLURM_ARRAY_TASK_ID of --array=0-(N-1), JOB_COMPLETION_INDEX
  int count = 1;
  bool sharded() const { return count > 1; }
};

// "I/N" with 0 <= I < N <= 10000; std::invalid_argument with a sentence otherwise.
Shard parse_shard(const std::string& text);

bool shard_owns(const Shard& shard, const std::string& learner, const std::string& problem);

// What one shard graded: the class as a whole, and its own pairs' entries
// (the journal's {"attempted", "passed", "total", "result", ...}).
struct ShardFile {
  Shard shard;
  Provenance provenance;  // every shard of one grading has the same judge and bank
  std::string title;
  std::vector<std::string> problems;
  std::vector<double> points;
  std::vector<std::string> base_code;  // each problem's stub
  std::vector<std::string> learners;   // the whole class, sorted
  std::vector<std::string> warnings;
  struct Entry {
    std::string learner, problem;
    nlohmann::json entry;
  };
  std::vector<Entry> entries;
};

constexpr const char* kShardFileName = "shard.json";

void write_shard_file(const ShardFile& file, const std::string& out_dir);
// Throws std::runtime_error naming the file when it is missing or malformed.
ShardFile read_shard_file(const std::string& out_dir);

// The book of the whole class from N shard folders (any order). Throws
// std::runtime_error with a sentence when a shard is missing, repeated, of
// another class or another N, or lacks a pair it owns.
GradeBook merge_shards(const std::vector<std::string>& shard_dirs,
                       std::vector<std::string>* warnings);

// One problem of the book from its journal entry (shared with grade.cpp, so
// both build the same book).
GradedProblem graded_from_entry(const std::string& problem, double points,
                                const nlohmann::json& entry);

// The journal entry of an attempted problem (graded_from_entry's inverse,
// but for the points, which come from the set).
nlohmann::json entry_of(const GradedProblem& graded);

}  // namespace judge

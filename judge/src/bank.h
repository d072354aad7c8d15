// Loads and validates the problem bank: problems/*.yaml and problems/tracks.yaml.
#pragma once

#include "problem.h"
#include "records.h"
#include "yaml_context.h"

#include <string>
#include <vector>

namespace judge {

struct Track {
  std::string id;
  LocalText title;
  std::vector<std::string> problems;  // in teaching order
};

// A chosen list of problems with a time budget: a workshop's hand-out or a mock interview.
struct ProblemSet {
  std::string id;
  LocalText title;
  int minutes = 0;
  std::vector<std::string> problems;  // in the order to attempt them
};

struct Bank {
  RecordTypes records;  // problems/records.yaml
  std::vector<Track> tracks;
  std::vector<ProblemSet> sets;
  std::vector<Problem> problems;  // in track order
  const Problem* find(const std::string& id) const;
  std::vector<std::string> ids() const;
  const ProblemSet* find_set(const std::string& id) const;
};

// Throws BankError ("file:line:column: what to fix").
Problem load_problem(const std::string& path, const RecordTypes& records);
// With the records.yaml beside the file (none if there is none).
Problem load_problem(const std::string& path);
// A problem file missing from tracks.yaml is an error when `strict`; otherwise
// it is appended to its track and reported in `warnings`, so an author can
// check a problem before listing it.
Bank load_bank(const std::string& problems_dir, bool strict = true,
               std::vector<std::string>* warnings = nullptr);

}  // namespace judge

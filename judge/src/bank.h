// Loads and validates the problem bank: problems/*.yaml and problems/tracks.yaml.
#pragma once

#include "problem.h"
#include "records.h"
#include "yaml_context.h"

#include <map>
#include <set>
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
  std::vector<std::string> problems;     // in the order to attempt them
  std::map<std::string, double> points;  // what a problem is worth in a grade, if not 1
  double points_of(const std::string& problem) const;
};

struct Bank {
  RecordTypes records;        // problems/records.yaml
  std::vector<Track> tracks;  // every listed id, read or not
  std::vector<ProblemSet> sets;
  std::vector<Problem> problems;  // in track order; only those read (see load_bank's `only`)
  const Problem* find(const std::string& id) const;
  // The ids of the problems read.
  std::vector<std::string> ids() const;
  // Every problem id the tracks list, read or not: what a set may name and
  // what "did you mean" chooses from.
  std::vector<std::string> listed_ids() const;
  const ProblemSet* find_set(const std::string& id) const;
};

// problems/sets.yaml, when there is one, into bank.sets; every id it names
// must be in the bank (when `strict`; otherwise a warning).
void load_sets(const std::string& problems_dir, Bank& bank, bool strict,
               std::vector<std::string>* warnings);
// An {en, zh} text of a problem file, both non-empty.
LocalText parse_local_text(const YamlContext& ctx, const YAML::Node& node, const std::string& what);

// Throws BankError ("file:line:column: what to fix").
Problem load_problem(const std::string& path, const RecordTypes& records);
// With the records.yaml beside the file (none if there is none).
Problem load_problem(const std::string& path);
// A problem file missing from tracks.yaml is an error when `strict`; otherwise
// it is appended to its track and reported in `warnings`, so an author can
// check a problem before listing it.
// With `only`, the other problem files are listed (tracks, sets) but not
// read: a command about one problem does not parse the whole bank (about
// 0.2 s for 33 problems), nor fail on another problem's mistake.
Bank load_bank(const std::string& problems_dir, bool strict = true,
               std::vector<std::string>* warnings = nullptr,
               const std::set<std::string>* only = nullptr);

}  // namespace judge

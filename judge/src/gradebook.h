// What a grading run produced, in the order reports show it: every report
// (CSV, JUnit, Gradescope, HTML) renders this and never recomputes a result.
#pragma once

#include "provenance.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace judge {

struct GradedProblem {
  std::string problem;
  bool attempted = false;  // false: the learner handed in no file for it
  // The same results document as `judge check --format json` (exercism v2
  // plus "group" and "verdict" per test); for an unattempted problem, a
  // document with status "fail", a message and no tests.
  nlohmann::json result;
  bool empty = false;  // the file held nothing but white space
  std::string source;  // what was graded (for insights and the report's detail pane)
  double points = 1;   // what the problem is worth (the set's `points:`)
  int passed = 0;
  int total = 0;
  double score() const { return fraction() * points; }
  double fraction() const { return total == 0 ? 0.0 : static_cast<double>(passed) / total; }
};

// An attempted problem from what was graded and its results document: the
// one place that counts passed and total tests and decides "empty", for
// `judge grade` and the room's export alike.
GradedProblem graded_hand_in(const std::string& problem, double points, const std::string& source,
                             nlohmann::json result);

struct GradedLearner {
  std::string learner;                  // the folder name
  std::vector<GradedProblem> problems;  // in GradeBook::problems order
  double total() const;                 // sum of the problems' scores (fraction x points)
};

struct GradeBook {
  std::string title;                    // "softmax-basics" or "all problems"
  std::vector<std::string> problems;    // problem ids, in track or set order
  std::vector<double> points;           // what each of them is worth, in the same order
  std::vector<std::string> base_code;   // each one's stub: what no learner wrote themselves
  Provenance provenance;                // named by every report
  double max_total() const;             // the sum of the points
  std::vector<GradedLearner> learners;  // sorted by learner id
};

}  // namespace judge

// Grading a class: every learner's file for every chosen problem goes through
// the same check as `judge check`, several at a time. Each finished grading
// goes to the journal at once; a run started again with the same arguments
// redoes only what the journal does not hold, and writes the same reports.
#pragma once

#include "bank.h"
#include "check.h"
#include "gradebook.h"
#include "intake.h"
#include "shard.h"
#include "workspace.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace judge {

struct GradeOptions {
  std::string class_dir;
  std::string out_dir;
  std::string title;                  // the set's id, or "all problems"
  std::vector<std::string> problems;  // ids, in report order
  std::map<std::string, double> points;  // a problem's worth when not 1 (the set's points:)
  int jobs = 1;
  Shard shard;  // count > 1: grade only this shard's pairs and write shard.json, no reports
  CheckOptions check;
  // Called once with the intake's findings (also written to intake.csv),
  // before any grading starts.
  std::function<void(const std::vector<IntakeFinding>&)> on_intake;
};

struct GradeProgress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::size_t reused = 0;  // taken from the journal of an earlier run
  std::string last;        // "alice/softmax"
};

struct GradeOutcome {
  GradeBook book;
  std::size_t gradings = 0;
  std::size_t reused = 0;
  std::vector<std::string> warnings;  // refusals, judge errors
};

// Throws std::runtime_error when the class folder cannot be read or the
// output folder cannot be written. `on_progress` is called from worker
// threads, one call at a time.
GradeOutcome grade_class(const Workspace& ws, const Bank& bank, const GradeOptions& options,
                         const std::function<void(const GradeProgress&)>& on_progress);

}  // namespace judge

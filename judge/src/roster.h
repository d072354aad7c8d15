// Who handed in what: a class folder holds one folder per learner (its name
// is the learner's id); the intake (intake.h) finds each learner's files.
#pragma once

#include "intake.h"

#include <string>
#include <vector>

namespace judge {

struct Roster {
  std::vector<std::string> learners;    // sorted
  std::vector<HandIn> submissions;      // learner-major, problems in the given order
  std::vector<IntakeFinding> findings;  // the class folder's, then each learner's
};

// Nothing is followed through a link: a learner folder, exercises/ or file
// that is a link (or a pipe, a device) becomes a refusal naming it.
// Throws std::runtime_error when `class_dir` is not a readable folder.
// `skip` is a folder that is not a learner even if it sits in the class
// folder (the reports' own folder). Hidden folders and __MACOSX are not
// learners either. Archives are unpacked below `scratch`, a folder of
// the judge's own that the caller empties first.
Roster read_roster(const std::string& class_dir, const std::vector<std::string>& problems,
                   const std::string& skip, const std::string& scratch);

}  // namespace judge

// Who handed in what: a class folder holds one folder per learner (its name
// is the learner's id), each with `<problem>.cpp` files at its top or under
// exercises/ (a workspace made by `judge init`).
#pragma once

#include <string>
#include <vector>

namespace judge {

struct HandIn {
  std::string learner;
  std::string problem;
  std::string file;     // below the class folder ("alice/softmax.cpp"); empty: not attempted
  std::string refusal;  // set when what is there cannot be graded (a link, a pipe...)
};

struct Roster {
  std::vector<std::string> learners;    // sorted
  std::vector<HandIn> submissions;  // learner-major, problems in the given order
  std::vector<std::string> warnings;    // entries that are not learners, ambiguous files
};

// Nothing is followed through a link: a learner folder, exercises/ or file
// that is a link (or a pipe, a device) becomes a refusal naming it.
// Throws std::runtime_error when `class_dir` is not a readable folder.
// `skip` is a folder that is not a learner even if it sits in the class
// folder (the reports' own folder).
Roster read_roster(const std::string& class_dir, const std::vector<std::string>& problems,
                   const std::string& skip = "");

}  // namespace judge

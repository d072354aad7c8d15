// The intake: before grading, what each learner's folder holds, taken as a
// real class hands it in. A problem's file is found whatever its name's case
// ("Softmax.cpp"), at the top of the folder, one folder down ("week1/",
// "exercises/") or inside a .zip or .tar hand-in (unpacked into a scratch
// folder under the reports); macOS metadata, hidden files and editor backups
// are passed over. Everything found, chosen, skipped or refused becomes a
// finding: a row of intake.csv and, when it needs the instructor's eye, a
// line on the terminal.
#pragma once

#include <string>
#include <vector>

namespace judge {

// One learner's file for one problem, as graded.
struct HandIn {
  std::string learner;
  std::string problem;
  // As shown in reports, below the class folder ("alice/softmax.cpp",
  // "alice/submission.zip/week1/softmax.cpp"); empty: not attempted.
  std::string file;
  std::string base;  // the folder `relative` is read below: the class folder or a scratch folder
  std::string relative;  // `file` ends with it
  std::string refusal;   // set when what is there cannot be graded (a link, a pipe...)

  // What read_learner_sources() puts before `relative` to show a path.
  std::string shown_dir() const { return file.substr(0, file.size() - relative.size()); }
};

struct IntakeFinding {
  std::string learner;  // empty: about the class folder itself
  std::string problem;  // empty: about the learner's folder
  // found, found_elsewhere, several_files, missing, refused (one of these
  // four per learner and problem); ignored, link, not_a_learner, unreadable,
  // unpacked, archive_refused, entry_skipped, more_findings.
  std::string kind;
  std::string file;   // below the class folder, when the finding is about one
  std::string note;   // one sentence, naming the learner
  bool warn = false;  // shown on the terminal too
};

struct LearnerIntake {
  std::vector<HandIn> hand_ins;  // one per problem, in the order given
  std::vector<IntakeFinding> findings;
};

// Looks through `class_dir`/`learner` (a real folder, not a link) for each
// of `problems`, without following any link. Archives are unpacked below
// `scratch` (made when needed; the caller empties it between runs). When
// several files fit a problem, the first of: the exact name at the top, the
// name in another case at the top, exercises/, another folder, an archive;
// ties go to the path that sorts first.
LearnerIntake take_in_learner(const std::string& class_dir, const std::string& learner,
                              const std::vector<std::string>& problems, const std::string& scratch);

// Warned findings shown per learner; the rest are in intake.csv only, so a
// folder of ten thousand links cannot bury the terminal.
constexpr std::size_t kMaxWarningsPerLearner = 20;

}  // namespace judge

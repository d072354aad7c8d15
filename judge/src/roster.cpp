#include "roster.h"

#include "intake_names.h"
#include "report_grade.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace judge {
namespace fs = std::filesystem;

Roster read_roster(const std::string& class_dir, const std::vector<std::string>& problems,
                   const std::string& skip, const std::string& scratch) {
  std::error_code ec;
  const fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, ec);
  if (!fs::is_directory(class_dir, ec))
    throw std::runtime_error(class_dir + " is not a folder (expected one folder per learner)");
  Roster roster;
  std::set<std::string> linked;  // learner folders that are links: refused
  for (const auto& entry : fs::directory_iterator(class_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (!skipped.empty() && fs::weakly_canonical(entry.path(), ec) == skipped) continue;
    if (is_ignored_name(name)) {  // .git, .judge, __MACOSX, editor files
      roster.findings.push_back({"", "", "ignored", name,
                                 "skipped " + name + ": hidden, macOS metadata or a backup",
                                 false});
      continue;
    }
    const fs::file_status status = entry.symlink_status(ec);
    if (fs::is_symlink(status)) {
      linked.insert(name);
      roster.learners.push_back(name);
      continue;
    }
    if (!fs::is_directory(status)) {
      roster.findings.push_back({"", "", "not_a_learner", name,
                                 "skipped " + name + ": not a folder (one folder per learner)",
                                 true});
      continue;
    }
    roster.learners.push_back(name);
  }
  if (ec) throw std::runtime_error("cannot list " + class_dir + ": " + ec.message());
  std::sort(roster.findings.begin(), roster.findings.end(),
            [](const IntakeFinding& a, const IntakeFinding& b) { return a.file < b.file; });
  std::sort(roster.learners.begin(), roster.learners.end());
  for (const auto& learner : roster.learners) {
    if (linked.count(learner) > 0) {
      const std::string why =
          learner + " is a symbolic link; the judge reads only real files and folders";
      for (const auto& problem : problems) {
        roster.submissions.push_back({learner, problem, "", "", "", why});
        roster.findings.push_back({learner, problem, "refused", learner, why, false});
      }
      continue;
    }
    LearnerIntake in =
        take_in_learner(class_dir, learner, problems, scratch + "/" + report_file_stem(learner));
    roster.submissions.insert(roster.submissions.end(), in.hand_ins.begin(), in.hand_ins.end());
    roster.findings.insert(roster.findings.end(), in.findings.begin(), in.findings.end());
  }
  return roster;
}

}  // namespace judge

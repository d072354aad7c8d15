#include "roster.h"

#include "learner_files.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

namespace judge {
namespace fs = std::filesystem;
namespace {

// Where a learner's file for `problem` is: at the top of their folder or
// under exercises/ (a `judge init` workspace).
void locate(const std::string& class_dir, const std::string& learner, HandIn& s,
            std::vector<std::string>& warnings) {
  const std::string top = learner + "/" + s.problem + ".cpp";
  const std::string nested = learner + "/exercises/" + s.problem + ".cpp";
  const std::string at_top = inspect_learner_path(class_dir, top, "");
  const std::string below = inspect_learner_path(class_dir, nested, "");
  if (at_top.empty()) {
    s.file = top;
    if (below.empty())
      warnings.push_back(learner + " has both " + s.problem + ".cpp and exercises/" + s.problem +
                         ".cpp; grading the first");
  } else if (below.empty()) {
    s.file = nested;
  } else if (at_top != "missing") {
    s.file = top;
    s.refusal = at_top;
  } else if (below != "missing") {
    s.file = nested;
    s.refusal = below;
  }
}

}  // namespace

Roster read_roster(const std::string& class_dir, const std::vector<std::string>& problems,
                   const std::string& skip) {
  std::error_code ec;
  const fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, ec);
  if (!fs::is_directory(class_dir, ec))
    throw std::runtime_error(class_dir + " is not a folder (expected one folder per learner)");
  Roster roster;
  std::set<std::string> linked;  // learner folders that are links: refused
  for (const auto& entry : fs::directory_iterator(class_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // .git, .judge, editor files
    if (!skipped.empty() && fs::weakly_canonical(entry.path(), ec) == skipped) continue;
    const fs::file_status status = entry.symlink_status(ec);
    if (fs::is_symlink(status)) {
      linked.insert(name);
      roster.learners.push_back(name);
      continue;
    }
    if (!fs::is_directory(status)) {
      roster.warnings.push_back("skipped " + name + ": not a folder (one folder per learner)");
      continue;
    }
    roster.learners.push_back(name);
  }
  if (ec) throw std::runtime_error("cannot list " + class_dir + ": " + ec.message());
  std::sort(roster.learners.begin(), roster.learners.end());
  for (const auto& learner : roster.learners) {
    const bool is_link = linked.count(learner) > 0;
    for (const auto& problem : problems) {
      HandIn s{learner, problem, "", ""};
      if (is_link)
        s.refusal = learner + " is a symbolic link; the judge reads only real files and folders";
      else
        locate(class_dir, learner, s, roster.warnings);
      roster.submissions.push_back(s);
    }
  }
  return roster;
}

}  // namespace judge

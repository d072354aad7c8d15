#include "roster.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace judge {
namespace fs = std::filesystem;

Roster read_roster(const std::string& class_dir, const std::vector<std::string>& problems,
                   const std::string& skip) {
  std::error_code ec;
  const fs::path skipped = skip.empty() ? fs::path() : fs::weakly_canonical(skip, ec);
  if (!fs::is_directory(class_dir, ec))
    throw std::runtime_error(class_dir + " is not a folder (expected one folder per learner)");
  Roster roster;
  for (const auto& entry : fs::directory_iterator(class_dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;  // .git, .judge, editor files
    if (!skipped.empty() && fs::weakly_canonical(entry.path(), ec) == skipped) continue;
    if (!entry.is_directory()) {
      roster.warnings.push_back("skipped " + name + ": not a folder (one folder per learner)");
      continue;
    }
    roster.learners.push_back(name);
  }
  if (ec) throw std::runtime_error("cannot list " + class_dir + ": " + ec.message());
  std::sort(roster.learners.begin(), roster.learners.end());
  for (const auto& learner : roster.learners) {
    const fs::path home = fs::path(class_dir) / learner;
    for (const auto& problem : problems) {
      Submission s{learner, problem, ""};
      const fs::path top = home / (problem + ".cpp");
      const fs::path nested = home / "exercises" / (problem + ".cpp");
      const bool has_top = fs::is_regular_file(top, ec);
      const bool has_nested = fs::is_regular_file(nested, ec);
      if (has_top)
        s.file = top.string();
      else if (has_nested)
        s.file = nested.string();
      if (has_top && has_nested)
        roster.warnings.push_back(learner + " has both " + problem + ".cpp and exercises/" +
                                  problem + ".cpp; grading the first");
      roster.submissions.push_back(s);
    }
  }
  return roster;
}

}  // namespace judge

#include "intake.h"

#include "archive_unpack.h"
#include "fd.h"
#include "intake_names.h"
#include "learner_files.h"
#include "report_grade.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <tuple>

namespace judge {
namespace fs = std::filesystem;
namespace {

// Entries a learner's folders may hold, all levels together, before the
// judge stops looking: far more than any hand-in, few enough that a folder
// of a million files costs no one else's grading.
constexpr std::size_t kMaxEntriesLooked = 10000;

// Where a file was found, best first (ties: exact name, then path order).
enum Rank { kTop, kExercises, kNested, kArchiveTop, kArchiveNested };

struct Candidate {
  Rank rank;
  bool other_case;
  std::string shown;  // below the class folder
  std::string base;
  std::string relative;
  std::string refusal;  // not a regular file: why
  bool operator<(const Candidate& o) const {
    return std::tie(rank, other_case, shown) < std::tie(o.rank, o.other_case, o.shown);
  }
};

// One folder being looked through: where it is and how its files rank.
struct Level {
  int dir;
  std::string shown_dir;  // "alice/", "alice/week1/", "alice/hw.zip/"
  std::string base;       // read_learner_sources' base
  std::string rel_dir;    // below base: "alice/", "", "week1/"
  Rank rank;
};

class LearnerScan {
 public:
  LearnerScan(std::string class_dir, std::string learner, const std::vector<std::string>& problems)
      : class_dir_(std::move(class_dir)),
        learner_(std::move(learner)),
        problems_(problems),
        found_(problems.size()) {}

  LearnerIntake run(const std::string& scratch);

 private:
  void finding(std::string problem, std::string kind, std::string file, std::string note,
               bool warn) {
    out_.findings.push_back(
        {learner_, std::move(problem), std::move(kind), std::move(file), std::move(note), warn});
  }
  Status list(int dir, const std::string& shown, std::vector<std::string>& names);
  Status scan(const Level& level, std::vector<std::string>* folders,
              std::vector<std::string>* archives);
  Status scan_tree(const Level& top, std::vector<std::string>* archives);
  void unpack(int learner_dir, const std::string& name, const std::string& scratch);
  void choose(std::size_t p);
  std::string below_learner(const std::string& shown) const {
    return shown.substr(std::min(shown.size(), learner_.size() + 1));
  }

  std::string class_dir_, learner_;
  const std::vector<std::string>& problems_;
  std::vector<std::vector<Candidate>> found_;  // per problem
  std::string first_link_;                     // a refusal, when nothing else was found
  std::string archive_refusal_;                // likewise
  std::size_t looked_ = 0;
  ArchiveBudget budget_;  // all of the learner's archives together
  LearnerIntake out_;
};

// The names in `dir`, sorted, so every run looks in the same order.
Status LearnerScan::list(int dir, const std::string& shown, std::vector<std::string>& names) {
  const int listing = dup(dir);
  DIR* d = listing >= 0 ? fdopendir(listing) : nullptr;
  if (d == nullptr) {
    if (listing >= 0) close(listing);
    return Status::Refused(shown + " cannot be read: " + std::strerror(errno));
  }
  errno = 0;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    if (++looked_ > kMaxEntriesLooked) {
      closedir(d);
      return Status::Refused(fmt::format("{} holds more than {} entries; the judge stops looking",
                                         shown, kMaxEntriesLooked));
    }
    names.push_back(name);
  }
  const int err = errno;
  closedir(d);
  if (err != 0) return Status::Refused(shown + " cannot be read: " + std::strerror(err));
  std::sort(names.begin(), names.end());
  return {};
}

// Records, in one folder, the files named for a problem; hands back its
// folders and archives when asked for them.
Status LearnerScan::scan(const Level& level, std::vector<std::string>* folders,
                         std::vector<std::string>* archives) {
  std::vector<std::string> names;
  if (Status s = list(level.dir, level.shown_dir.substr(0, level.shown_dir.size() - 1), names);
      !s.ok())
    return s;
  // What read_learner_sources() and inspect_learner_path() put before a path below base.
  const std::string prefix =
      level.shown_dir.substr(0, level.shown_dir.size() - level.rel_dir.size());
  for (const auto& name : names) {
    const std::string shown = level.shown_dir + name;
    const std::string relative = level.rel_dir + name;
    if (is_ignored_name(name)) {
      finding("", "ignored", shown,
              fmt::format("skipped {}: hidden, macOS metadata or a backup", shown), false);
      continue;
    }
    struct stat st {};
    if (fstatat(level.dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
      finding("", "unreadable", shown, shown + " cannot be read: " + std::strerror(errno), true);
      continue;
    }
    bool named = false;
    for (std::size_t p = 0; p < problems_.size(); ++p) {
      const NameMatch m = match_problem_file(name, problems_[p]);
      if (m == NameMatch::kNo) continue;
      named = true;
      found_[p].push_back(
          {level.rank, m == NameMatch::kOtherCase, shown, level.base, relative,
           S_ISREG(st.st_mode) ? "" : inspect_learner_path(level.base, relative, prefix)});
    }
    if (S_ISLNK(st.st_mode)) {
      // Not followed: it may be a folder of hand-ins, or the solutions.
      if (named) continue;
      const std::string why = inspect_learner_path(level.base, relative, prefix);
      if (first_link_.empty()) first_link_ = why;
      finding("", "link", shown, why, true);
    } else if (S_ISDIR(st.st_mode)) {
      if (folders != nullptr) folders->push_back(name);
    } else if (archives != nullptr && is_archive_name(name)) {
      if (S_ISREG(st.st_mode))
        archives->push_back(name);
      else
        finding("", "archive_refused", shown, inspect_learner_path(level.base, relative, prefix),
                true);
    }
  }
  return {};
}

// A folder and the folders one level down, never through a link.
// Only the top's own listing failing is returned; a folder below that
// cannot be read is a finding, and the rest is still looked through.
Status LearnerScan::scan_tree(const Level& top, std::vector<std::string>* archives) {
  std::vector<std::string> folders;
  if (Status s = scan(top, &folders, archives); !s.ok()) return s;
  for (const auto& name : folders) {
    const std::string shown = top.shown_dir + name;
    const Fd dir(openat(top.dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.ok()) {
      finding("", "unreadable", shown, shown + " cannot be read: " + std::strerror(errno), true);
      continue;
    }
    const bool exercises = top.rank == kTop && name == "exercises";
    const Rank rank = top.rank == kTop ? (exercises ? kExercises : kNested) : kArchiveNested;
    if (const Status s = scan({dir.get(), shown + "/", top.base, top.rel_dir + name + "/", rank},
                              nullptr, nullptr);
        !s.ok())
      finding("", "unreadable", shown, s.message(), true);
  }
  return {};
}

// A learner's .zip or .tar, unpacked into its own scratch folder and looked
// through like a folder; a refused archive leaves nothing behind.
void LearnerScan::unpack(int learner_dir, const std::string& name, const std::string& scratch) {
  const std::string shown = learner_ + "/" + name;
  const Fd fd(
      openat(learner_dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  ArchiveResult r;
  const std::string into = scratch + "/" + report_file_stem(name);
  if (!fd.ok()) {
    r.status = Status::Refused(shown + " cannot be read: " + std::strerror(errno));
  } else {
    fs::create_directories(into);
    const EntryFilter wanted = [](const std::vector<std::string>& parts) {
      return parts.size() <= 2 && is_source_name(parts.back()) &&
             std::none_of(parts.begin(), parts.end(), is_ignored_name);
    };
    r = unpack_archive(fd.get(), shown, into, wanted, budget_);
  }
  for (const auto& skipped : r.skipped) {
    const std::string entry = shown + "/" + skipped.path;
    const std::string why = entry + " is " + skipped.why;
    finding("", "entry_skipped", entry, "skipped " + why, true);
    // An entry named for a problem explains why that problem has no file.
    std::string base_name = skipped.path;
    while (!base_name.empty() && base_name.back() == '/') base_name.pop_back();
    base_name = base_name.substr(base_name.find_last_of('/') + 1);
    for (std::size_t p = 0; p < problems_.size(); ++p)
      if (match_problem_file(base_name, problems_[p]) != NameMatch::kNo)
        found_[p].push_back({kArchiveTop, false, entry, "", "", why});
  }
  if (!r.status.ok()) {
    finding("", "archive_refused", shown, r.status.message(), true);
    if (archive_refusal_.empty()) archive_refusal_ = r.status.message();
    std::error_code ec;
    fs::remove_all(into, ec);
    return;
  }
  finding("", "unpacked", shown, fmt::format("{}: unpacked {} source files", shown, r.files.size()),
          false);
  const Fd dir(open(into.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  const Status s = dir.ok() ? scan_tree({dir.get(), shown + "/", into, "", kArchiveTop}, nullptr)
                            : Status::Refused(into + " cannot be opened: " + std::strerror(errno));
  if (!s.ok()) finding("", "unreadable", shown, s.message(), true);
}

std::string where(const Candidate& c, const std::string& problem) {
  std::vector<std::string> why;
  if (c.rank == kNested || c.rank == kArchiveNested) why.push_back("in a folder");
  if (c.rank >= kArchiveTop) why.push_back("unpacked from an archive");
  if (c.other_case) why.push_back("named other than " + problem + ".cpp");
  std::string text;
  for (const auto& w : why) text += (text.empty() ? "" : "; ") + w;
  return text;
}

void LearnerScan::choose(std::size_t p) {
  const std::string& problem = problems_[p];
  HandIn& h = out_.hand_ins[p];
  std::vector<Candidate> regular, odd;
  for (auto& c : found_[p]) (c.refusal.empty() ? regular : odd).push_back(c);
  std::sort(regular.begin(), regular.end());
  std::sort(odd.begin(), odd.end());
  if (!regular.empty()) {
    const Candidate& c = regular.front();
    h.file = c.shown;
    h.base = c.base;
    h.relative = c.relative;
    const bool usual = (c.rank == kTop || c.rank == kExercises) && !c.other_case;
    const std::string used = below_learner(c.shown);
    if (regular.size() == 2) {
      finding(problem, "several_files", c.shown,
              fmt::format("{} has both {} and {}; grading {}", learner_, used,
                          below_learner(regular[1].shown), used),
              true);
    } else if (regular.size() > 2) {
      std::string all;
      for (const auto& o : regular) all += (all.empty() ? "" : ", ") + below_learner(o.shown);
      finding(problem, "several_files", c.shown,
              fmt::format("{} has {} files for {}: {}; grading {}", learner_, regular.size(),
                          problem, all, used),
              true);
    }
    if (usual)
      finding(problem, "found", c.shown, fmt::format("{}: graded {}", learner_, used), false);
    else
      finding(problem, "found_elsewhere", c.shown,
              fmt::format("{}: graded {} for {} ({})", learner_, used, problem, where(c, problem)),
              regular.size() == 1);
    return;
  }
  if (!odd.empty()) {
    h.file = odd.front().shown;
    h.refusal = odd.front().refusal;
  } else if (!first_link_.empty()) {
    h.refusal = first_link_;
  } else if (!archive_refusal_.empty()) {
    h.refusal = archive_refusal_;
  } else {
    finding(problem, "missing", "", fmt::format("{}: no {}.cpp", learner_, problem), false);
    return;
  }
  finding(problem, "refused", h.file, h.refusal, false);
}

LearnerIntake LearnerScan::run(const std::string& scratch) {
  for (const auto& problem : problems_)
    out_.hand_ins.push_back({learner_, problem, "", "", "", ""});
  const Fd top(open(class_dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  const Fd dir(top.ok() ? openat(top.get(), learner_.c_str(),
                                 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                        : -1);
  std::vector<std::string> archives;
  const Status readable =
      dir.ok() ? scan_tree({dir.get(), learner_ + "/", class_dir_, learner_ + "/", kTop}, &archives)
               : Status::Refused(learner_ + " cannot be read: " + std::strerror(errno));
  if (!readable.ok()) {
    // Nothing of theirs can be looked at: every problem says why.
    finding("", "unreadable", learner_, readable.message(), true);
    for (auto& h : out_.hand_ins) {
      h.refusal = readable.message();
      finding(h.problem, "refused", "", h.refusal, false);
    }
    return std::move(out_);
  }
  for (const auto& name : archives) unpack(dir.get(), name, scratch);
  for (std::size_t p = 0; p < problems_.size(); ++p) choose(p);

  std::size_t warned = 0;
  for (auto& f : out_.findings)
    if (f.warn && ++warned > kMaxWarningsPerLearner) f.warn = false;
  if (warned > kMaxWarningsPerLearner)
    finding("", "more_findings", "",
            fmt::format("{}: {} more findings in intake.csv", learner_,
                        warned - kMaxWarningsPerLearner),
            true);
  return std::move(out_);
}

}  // namespace

LearnerIntake take_in_learner(const std::string& class_dir, const std::string& learner,
                              const std::vector<std::string>& problems,
                              const std::string& scratch) {
  return LearnerScan(class_dir, learner, problems).run(scratch);
}

}  // namespace judge

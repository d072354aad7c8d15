#include "out_dir.h"

#include "hashing.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace judge {
namespace fs = std::filesystem;
namespace {

// True when `inner` is `outer` or below it (both canonical).
bool within(const fs::path& inner, const fs::path& outer) {
  const fs::path rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

// What an earlier `judge grade` leaves in its folder.
bool holds_only_reports(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_empty(dir, ec)) return true;
  for (const char* mark : {"journal.jsonl", "intake.csv", ".intake"})
    if (fs::exists(dir / mark, ec)) return true;
  return false;
}

}  // namespace

Status check_out_dir(const std::string& class_dir, const std::string& out_dir) {
  std::error_code ec;
  const fs::path cls = fs::weakly_canonical(fs::absolute(class_dir, ec), ec);
  const fs::path out = fs::weakly_canonical(fs::absolute(out_dir, ec), ec);
  if (ec) return Status::Refused("--out " + out_dir + " cannot be resolved: " + ec.message());
  const std::string own = " Name a folder of the reports' own, beside the class folder.";
  if (out == out.root_path())
    return Status::Refused("--out " + out_dir +
                           " is the root folder; the reports would be "
                           "written all over it." +
                           own);
  if (out == cls)
    return Status::Refused("--out " + out_dir +
                           " is the class folder itself; the reports would "
                           "be mixed with the learners' folders." +
                           own);
  if (within(cls, out))
    return Status::Refused("--out " + out_dir + " holds the class folder " + class_dir +
                           "; the reports would be written around the hand-ins." + own);
  if (within(out, cls)) {
    const fs::path rel = out.lexically_relative(cls);
    const std::string top = rel.begin()->string();
    if (std::distance(rel.begin(), rel.end()) > 1)
      return Status::Refused("--out " + out_dir + " is inside " + top +
                             " in the class folder, "
                             "which would be graded as a learner's folder with the reports in "
                             "it." +
                             own);
    if (fs::exists(out, ec) && (!fs::is_directory(out, ec) || !holds_only_reports(out)))
      return Status::Refused("--out " + out_dir + " is " + top +
                             " in the class folder, which "
                             "holds other files than an earlier grading's (a learner's?); it "
                             "would be skipped as a learner." +
                             own);
  }
  fs::create_directories(out, ec);
  if (ec) return Status::Refused("--out " + out_dir + " cannot be made: " + ec.message() + ".");
  // Permissions say little to root (a read-only mount, say): try to write.
  const std::string probe = (out / (".write-probe" + unique_suffix())).string();
  const int fd = open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    return Status::Refused("--out " + out_dir + " cannot be written: " + std::strerror(errno) +
                           ".");
  close(fd);
  unlink(probe.c_str());
  return {};
}

}  // namespace judge

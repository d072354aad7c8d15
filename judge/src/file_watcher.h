// Tells which files of one folder changed, through inotify. The folder is
// watched rather than the files, so a file that an editor saves by writing a
// temporary copy and renaming it over the old one, or that is deleted and
// made again, keeps being seen.
#pragma once

#include <string>
#include <vector>

namespace judge {

class FileWatcher {
 public:
  // Throws std::runtime_error when inotify cannot watch `dir` (then use
  // manual checks instead).
  explicit FileWatcher(const std::string& dir);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  int fd() const { return fd_; }  // readable when events are waiting
  // The names (not paths) of the files written, created, deleted or renamed
  // since the last call; never blocks.
  std::vector<std::string> changed();

 private:
  int fd_ = -1;
};

}  // namespace judge

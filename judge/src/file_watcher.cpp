#include "file_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace judge {

FileWatcher::FileWatcher(const std::string& dir) {
  fd_ = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) throw std::runtime_error(std::string("inotify: ") + std::strerror(errno));
  // Writes count when the file is closed, so a save is one change, not many.
  const uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE;
  if (inotify_add_watch(fd_, dir.c_str(), mask) < 0) {
    const std::string why = std::strerror(errno);
    close(fd_);
    throw std::runtime_error("cannot watch " + dir + ": " + why);
  }
}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) close(fd_);
}

std::vector<std::string> FileWatcher::changed() {
  std::vector<std::string> names;
  alignas(inotify_event) char buffer[16384];
  for (;;) {
    const ssize_t n = read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more waiting
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      if (event->len > 0) names.emplace_back(event->name);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
    }
  }
  return names;
}

}  // namespace judge

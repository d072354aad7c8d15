// Measures the memory a learner's call makes resident: the peak resident set
// during the call minus what was resident before it. Resident memory counts
// whatever the call touched, through malloc, a replaced operator new, mmap or
// a static buffer, which a malloc counter would miss.
#pragma once

#include "binder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace judge {

// Reads a small /proc file into `buffer` (NUL-terminated); false if it cannot.
template <std::size_t N>
bool read_proc(const char* path, char (&buffer)[N]) {
  const int fd = open(path, O_RDONLY);
  if (fd < 0) return false;
  const ssize_t n = read(fd, buffer, N - 1);
  close(fd);
  buffer[n > 0 ? n : 0] = '\0';
  return n > 0;
}

// Resident bytes now, from /proc/self/statm (pages).
inline std::int64_t resident_bytes() {
  char buffer[128];
  if (!read_proc("/proc/self/statm", buffer)) return 0;
  long long size = 0;
  long long resident = 0;
  if (sscanf(buffer, "%lld %lld", &size, &resident) != 2) return 0;
  return static_cast<std::int64_t>(resident) * sysconf(_SC_PAGESIZE);
}

// The peak resident set since the last reset, from VmHWM in /proc/self/status.
inline std::int64_t peak_resident_bytes() {
  char buffer[4096];
  if (!read_proc("/proc/self/status", buffer)) return 0;
  const char* line = strstr(buffer, "VmHWM:");
  return line != nullptr ? std::atoll(line + 6) * 1024 : 0;
}

// Writing 5 to clear_refs resets VmHWM to the current resident set.
inline void reset_peak_resident() {
  const int fd = open("/proc/self/clear_refs", O_WRONLY);
  if (fd < 0) return;
  (void)!write(fd, "5", 1);
  close(fd);
}

class ResidentMemoryObserver : public CallObserver {
 public:
  void before() override {
    reset_peak_resident();
    before_ = resident_bytes();
  }
  std::int64_t after() override {
    const std::int64_t peak = peak_resident_bytes();
    return peak > before_ ? peak - before_ : 0;
  }

 private:
  std::int64_t before_ = 0;
};

}  // namespace judge

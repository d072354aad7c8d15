#include "program_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <vector>

namespace judge {
namespace fs = std::filesystem;
namespace {

// A program used this recently may be about to run in another check.
constexpr auto kInUse = std::chrono::minutes(10);

}  // namespace

std::uint64_t program_cache_bytes() {
  const char* env = std::getenv("JUDGE_PROGRAM_CACHE_MB");
  if (env != nullptr && *env != '\0') {
    char* end = nullptr;
    const unsigned long long mb = std::strtoull(env, &end, 10);
    if (*end == '\0' && mb > 0) return mb << 20;
  }
  return kDefaultProgramCacheBytes;
}

bool adopt_program(const std::string& built, const std::string& cached) {
  const int fd = open(built.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  const bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                  fchown(fd, geteuid(), getegid()) == 0 && fchmod(fd, 0755) == 0;
  close(fd);
  return ok && std::rename(built.c_str(), cached.c_str()) == 0;
}

void touch_program(const std::string& path) {
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
}

int evict_programs(const std::string& folder, std::uint64_t cap) {
  struct Entry {
    fs::path path;
    fs::file_time_type used;
    std::uint64_t bytes;
  };
  std::vector<Entry> programs;
  std::uint64_t total = 0;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(folder, ec)) {
    if (f.path().extension() != ".bin" || !f.is_regular_file(ec)) continue;
    const std::uint64_t bytes = f.file_size(ec);
    programs.push_back({f.path(), f.last_write_time(ec), bytes});
    total += bytes;
  }
  if (total <= cap) return 0;
  std::sort(programs.begin(), programs.end(),
            [](const Entry& a, const Entry& b) { return a.used < b.used; });
  const auto recent = fs::file_time_type::clock::now() - kInUse;
  int removed = 0;
  for (const Entry& e : programs) {
    if (total <= cap / 4 * 3) break;
    if (e.used > recent) break;  // sorted: the rest are newer still
    fs::path warnings = e.path;
    warnings.replace_extension(".warnings");
    if (fs::remove(e.path, ec)) {
      fs::remove(warnings, ec);
      total -= e.bytes;
      ++removed;
    }
  }
  return removed;
}

}  // namespace judge

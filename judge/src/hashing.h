// A stable content hash for cache keys (FNV-1a, 64 bits). Not for security:
// keys also include what they are for, and a miss only costs a rebuild.
#pragma once

#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

namespace judge {

class Hasher {
 public:
  Hasher& add(const std::string& s) {
    for (unsigned char c : s) h_ = (h_ ^ c) * 0x100000001b3ULL;
    h_ = (h_ ^ 0xff) * 0x100000001b3ULL;  // separator, so ("ab","c") != ("a","bc")
    return *this;
  }
  std::string hex() const {
    static const char* digits = "0123456789abcdef";
    std::string s(16, '0');
    for (int i = 0; i < 16; ++i)
      s[static_cast<std::size_t>(i)] = digits[(h_ >> (60 - 4 * i)) & 0xf];
    return s;
  }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

inline bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  out = s.str();
  return true;
}

// A suffix for a temporary file that no other process or thread of the judge
// uses at the same time (grading checks several files at once).
inline std::string unique_suffix() {
  static std::atomic<unsigned> counter{0};
  return std::to_string(getpid()) + "-" + std::to_string(counter++);
}

}  // namespace judge

#include "provenance.h"

#include "hashing.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace judge {
namespace fs = std::filesystem;

std::string judge_version() { return JUDGE_VERSION; }

std::string bank_hash(const std::string& bank_root) {
  std::vector<std::string> files;
  for (const char* part : {"problems", "solutions", "exercises"}) {
    std::error_code error;
    const fs::path dir = fs::path(bank_root) / part;
    if (!fs::is_directory(dir, error)) continue;
    for (auto it = fs::recursive_directory_iterator(dir, error); !error && it != fs::end(it);
         it.increment(error))
      if (it->is_regular_file() && it->path().extension() != ".json")  // not editor databases
        files.push_back(fs::relative(it->path(), bank_root).generic_string());
  }
  std::sort(files.begin(), files.end());
  Hasher hasher;
  for (const auto& file : files) {
    std::ifstream in(fs::path(bank_root) / file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    hasher.add(file).add(bytes.str());
  }
  return hasher.hex().substr(0, 16);
}

std::string grading_time() {
  std::time_t when = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end != epoch && *end == '\0' && seconds >= 0) when = static_cast<std::time_t>(seconds);
  }
  std::tm utc{};
  gmtime_r(&when, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

Provenance current_provenance(const std::string& bank_root) {
  return {judge_version(), bank_hash(bank_root), grading_time()};
}

}  // namespace judge

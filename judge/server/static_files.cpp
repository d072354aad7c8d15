#include "static_files.h"

#include "judge_data.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace judge::server {
namespace fs = std::filesystem;
namespace {

const std::map<std::string, std::string>& content_types() {
  static const std::map<std::string, std::string> types{{".html", "text/html; charset=utf-8"},
                                                        {".js", "text/javascript; charset=utf-8"},
                                                        {".css", "text/css; charset=utf-8"},
                                                        {".svg", "image/svg+xml"},
                                                        {".map", "application/json"}};
  return types;
}

}  // namespace

StaticFiles StaticFiles::load(const std::vector<std::string>& dirs) {
  StaticFiles files;
  for (const auto& dir : dirs) {
    std::error_code error;
    if (!fs::is_directory(dir, error)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      const auto type = content_types().find(entry.path().extension().string());
      if (type == content_types().end()) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      files.files_[entry.path().filename().string()] = {text.str(), type->second};
    }
  }
  return files;
}

const StaticFile* StaticFiles::find(const std::string& name) const {
  const auto it = files_.find(name);
  return it == files_.end() ? nullptr : &it->second;
}

std::vector<std::string> StaticFiles::default_dirs() { return judge_data().web_dirs; }

}  // namespace judge::server

#include "judge_data.h"

#include <filesystem>
#include <system_error>

namespace judge {
namespace fs = std::filesystem;

JudgeData judge_data_for(const std::string& executable) {
  std::error_code ec;
  // An unknown executable (no /proc) must not make the lookup relative to
  // the current folder, which may be anything.
  const fs::path share =
      (fs::path(executable).parent_path() / ".." / "share" / "judge").lexically_normal();
  if (fs::path(executable).is_absolute() &&
      fs::is_regular_file(share / "problems" / "tracks.yaml", ec)) {
    // The install puts the editor bundle beside the pages, in one folder.
    return {share.string(), {(share / "judge" / "web").string()}, true};
  }
  // In a checkout the bundle is a build product: it stays in the build folder.
  const fs::path source = JUDGE_SOURCE_DIR;
  return {source.string(), {(source / "judge" / "web").string(), JUDGE_WEB_BUNDLE_DIR}, false};
}

const JudgeData& judge_data() {
  static const JudgeData data = [] {
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    return judge_data_for(ec ? std::string() : self.string());
  }();
  return data;
}

}  // namespace judge

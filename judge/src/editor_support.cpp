#include "editor_support.h"

#include "hashing.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace judge {
namespace fs = std::filesystem;

nlohmann::json compile_database(const Workspace& ws, const BuildPaths& paths) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(ws.exercises_dir(), ec))
    if (f.path().extension() == ".cpp") files.push_back(fs::absolute(f.path()));
  std::sort(files.begin(), files.end());
  // The judge force-includes a precompiled header; an editor gets the same
  // headers by name (a GCC .gch file means nothing to clangd).
  std::vector<std::string> flags = {
      paths.toolchain.cxx,  "-std=c++17",        "-Wall", "-Wextra",
      "-isystem", paths.toolchain.eigen_include, "-I",    fs::absolute(ws.exercises_dir()).string()};
  for (const char* header : kForcedIncludes) {
    flags.push_back("-include");
    flags.push_back(header);
  }
  nlohmann::json database = nlohmann::json::array();
  for (const auto& file : files) {
    std::vector<std::string> arguments = flags;
    arguments.insert(arguments.end(), {"-c", file.string()});
    database.push_back({{"directory", fs::absolute(ws.exercises_dir()).string()},
                        {"file", file.string()},
                        {"arguments", arguments}});
  }
  return database;
}

std::string write_compile_database(const Workspace& ws, const BuildPaths& paths) {
  const fs::path path = fs::path(ws.exercises_dir()) / "compile_commands.json";
  const fs::path tmp = path.string() + ".tmp" + unique_suffix();
  std::ofstream(tmp) << compile_database(ws, paths).dump(2) << "\n";
  fs::rename(tmp, path);
  return path.string();
}

}  // namespace judge

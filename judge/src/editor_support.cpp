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
  std::vector<std::string> flags = {paths.toolchain.cxx,
                                    "-std=c++17",
                                    "-Wall",
                                    "-Wextra",
                                    "-isystem",
                                    paths.toolchain.eigen_include,
                                    "-I",
                                    fs::absolute(ws.exercises_dir()).string()};
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

namespace {

std::string write_beside_exercises(const Workspace& ws, const std::string& name,
                                   const std::string& content) {
  const fs::path path = fs::path(ws.exercises_dir()) / name;
  const fs::path tmp = path.string() + ".tmp" + unique_suffix();
  std::ofstream(tmp) << content;
  fs::rename(tmp, path);
  return path.string();
}

}  // namespace

std::string write_compile_database(const Workspace& ws, const BuildPaths& paths) {
  return write_beside_exercises(ws, "compile_commands.json",
                                compile_database(ws, paths).dump(2) + "\n");
}

std::string compile_flags(const BuildPaths& paths) {
  // "-I." is exercises/ itself, where init copies exercise.h.
  std::string text =
      "-xc++\n-std=c++17\n-Wall\n-Wextra\n-isystem\n" + paths.toolchain.eigen_include + "\n-I.\n";
  for (const char* header : kForcedIncludes) text += std::string("-include\n") + header + "\n";
  return text;
}

std::string write_compile_flags(const Workspace& ws, const BuildPaths& paths) {
  // A database left by an older judge names absolute paths, and clangd
  // would prefer it to these flags.
  std::error_code ec;
  fs::remove(fs::path(ws.exercises_dir()) / "compile_commands.json", ec);
  return write_beside_exercises(ws, "compile_flags.txt", compile_flags(paths));
}

std::string write_editor_config(const Workspace& ws, const BuildPaths& paths) {
  return ws.workshop ? write_compile_flags(ws, paths) : write_compile_database(ws, paths);
}

}  // namespace judge

// compile_commands.json for the learner's exercises, so clangd (and editors
// built on it, such as VS Code with the clangd extension) compile each file
// the way the judge does: Eigen found, exercise.h found, the same warnings.
#pragma once

#include "build.h"
#include "workspace.h"

#include <nlohmann/json.hpp>

#include <string>

namespace judge {

// One entry per .cpp file in the workspace's exercises folder.
nlohmann::json compile_database(const Workspace& ws, const BuildPaths& paths);

// Writes exercises/compile_commands.json (beside the files it describes, so
// it never shadows the judge's own build/compile_commands.json). Returns its path.
std::string write_compile_database(const Workspace& ws, const BuildPaths& paths);

// The same flags for a workshop workspace, one a line, in
// exercises/compile_flags.txt: clangd reads relative paths in it from that
// folder, so the file names nothing outside the workspace but the system's
// Eigen headers, and still holds when the folder is moved or mailed.
std::string compile_flags(const BuildPaths& paths);
std::string write_compile_flags(const Workspace& ws, const BuildPaths& paths);

// The editor file a workspace gets: compile_flags.txt in a workshop
// workspace, compile_commands.json in a bank. Returns its path.
std::string write_editor_config(const Workspace& ws, const BuildPaths& paths);

}  // namespace judge

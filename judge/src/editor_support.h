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

}  // namespace judge

// Getting a workspace ready before its first check: the precompiled Eigen
// header and the harness built into its cache, and the editor's compile
// database written beside the exercises. The command line calls this, not
// the builder.
#pragma once

#include "workspace.h"

#include <string>

namespace judge {

struct Prepared {
  bool ok = false;
  std::string error;          // the compiler's output when the toolchain did not build
  std::string database_path;  // exercises/compile_commands.json
};

// `ws` is the workspace whose exercises the editor sees; `bank` holds the
// problems, and the toolchain goes into `ws`'s cache folder.
Prepared prepare_workspace(const Workspace& ws, const Workspace& bank);

}  // namespace judge

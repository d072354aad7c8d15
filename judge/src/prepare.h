// Getting a workspace ready before its first check: the precompiled Eigen
// header and the harness built into the user's cache, and the editor's
// compile flags written beside the exercises. The command line calls this, not
// the builder.
#pragma once

#include "workspace.h"

#include <string>

namespace judge {

struct Prepared {
  bool ok = false;
  std::string error;          // the compiler's output when the toolchain did not build
  std::string database_path;  // exercises/compile_commands.json, or compile_flags.txt
};

// `ws` is the workspace whose exercises the editor sees; `bank` holds the
// problems, and the toolchain goes into the cache folder (Workspace::cache_dir).
Prepared prepare_workspace(const Workspace& ws, const Workspace& bank);

}  // namespace judge

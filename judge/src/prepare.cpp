#include "prepare.h"

#include "build.h"
#include "check.h"
#include "editor_support.h"

namespace judge {

Prepared prepare_workspace(const Workspace& ws, const Workspace& bank) {
  Prepared p;
  BuildPaths paths = build_paths(bank, SandboxConfig::detect());
  paths.toolchain.cache_dir = ws.cache_dir();
  const BuildResult built = Builder(paths, BuildLimits{}).prepare();
  if (!built.ok) {
    p.error = built.diagnostics;
    return p;
  }
  p.database_path = write_editor_config(ws, paths);
  p.ok = true;
  return p;
}

}  // namespace judge

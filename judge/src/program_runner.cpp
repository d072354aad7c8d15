#include "program_runner.h"

namespace judge {

std::vector<CaseRun> SandboxRunner::run(const Program& program, const Program* baseline,
                                        const std::vector<CaseRequest>& cases,
                                        const RunnerOptions& options, std::string& program_output) {
  // A learner's program sees itself, the shared libraries and a private
  // /tmp, as a uid of its own when the judge is root; at most kRunProcesses
  // tasks. Trusted programs keep the jail (for its report of CPU time and
  // memory) but not the sandbox.
  const SandboxIdentity identity = program.trusted ? SandboxIdentity() : SandboxIdentity::acquire();
  SandboxConfig config = sandbox_;
  if (program.trusted) config.use_bubblewrap = false;
  auto command = [&](const std::string& binary, const std::string& variant) {
    JailSpec jail;
    jail.status_fd = true;
    jail.uid = identity.uid();
    jail.max_processes = program.trusted ? 0 : kRunProcesses;
    std::vector<std::string> argv = {binary};
    if (config.use_bubblewrap) {
      jail.read_only = {{binary, "/run/program"}};
      argv = {"/run/program"};
    }
    if (!variant.empty()) argv.push_back(variant);
    return jailed_command(config, jail, options.limits, argv);
  };
  return run_cases(command(program.binary, program.variant),
                   baseline == nullptr ? std::vector<std::string>()
                                       : command(baseline->binary, baseline->variant),
                   cases, options, program_output);
}

}  // namespace judge

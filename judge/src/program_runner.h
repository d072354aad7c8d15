// The seam between a check and the processes it starts: run a program's
// cases (with its baseline beside the measured ones). The real one puts the
// program in its jail and sandbox; tests replace it with a fake that answers
// from a table, so budgets, verdicts and caching are tested without a compiler.
#pragma once

#include "runner.h"
#include "sandbox.h"

#include <string>
#include <vector>

namespace judge {

struct Program {
  std::string binary;
  // The judge's own code (a reference and its baseline): run outside the
  // learner's sandbox, as the judge's user, with the judge's own limits.
  bool trusted = false;
  // Given to the program as its one argument: which known mistake a shared
  // program answers as (see known_unity.h). Empty for every other program.
  std::string variant;
};

class ProgramRunner {
 public:
  virtual ~ProgramRunner() = default;
  // `baseline` may be null: then measured cases get no baseline figures.
  virtual std::vector<CaseRun> run(const Program& program, const Program* baseline,
                                   const std::vector<CaseRequest>& cases,
                                   const RunnerOptions& options, std::string& program_output) = 0;
};

// Tasks (the program's threads, and the jail's waiting parent) a run may have.
constexpr int kRunProcesses = 32;

class SandboxRunner final : public ProgramRunner {
 public:
  explicit SandboxRunner(SandboxConfig sandbox) : sandbox_(sandbox) {}
  std::vector<CaseRun> run(const Program& program, const Program* baseline,
                           const std::vector<CaseRequest>& cases, const RunnerOptions& options,
                           std::string& program_output) override;

 private:
  SandboxConfig sandbox_;
};

}  // namespace judge

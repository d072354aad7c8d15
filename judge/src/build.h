// Builds the programs a check runs: the learner's (only the learner's file is
// compiled per check, sandboxed), the trusted baseline (the problem's
// untouched stub) and the trusted reference (solutions/ID/reference.cpp in
// double precision). All three are the same harness and wire protocol with a
// generated adapter; each is cached by a content key (keys.h).
#pragma once

#include "learner_files.h"
#include "problem.h"
#include "process.h"
#include "sandbox.h"
#include "toolchain.h"

#include <cstdint>
#include <string>

namespace judge {

struct BuildPaths {
  ToolchainPaths toolchain;
  std::string solutions_dir;                        // the bank's solutions/
  SandboxConfig sandbox = SandboxConfig::detect();  // how the learner's file is built
};

struct BuildLimits {
  // The file-size limit caps a program (and so what the program cache holds):
  // real ones are well under 1 MiB; 64 MiB leaves room for big static tables.
  Limits compile{30, 30, 3ull << 30, 64ull << 20, 1ull << 20};
};

struct BuildResult {
  bool ok = false;
  bool judge_fault = false;  // the harness, adapter or reference failed: not the learner's fault
  std::string binary;        // the program, when ok
  std::string key;           // content hash of everything that went into it
  std::string diagnostics;   // trimmed for the learner; warnings when ok
  bool cached = false;
};

// Diagnostics name the learner's file with this token, not its path: they
// are cached by content, and two learners who hand in the same bytes share
// them. check_sources() puts each learner's own path back.
constexpr const char* kLearnerFileToken = "<learner-file>";

// The seam between a check and the compiler: tests replace it with a fake.
class ProgramBuilder {
 public:
  virtual ~ProgramBuilder() = default;
  // The key that names a learner program, without building anything.
  virtual std::string program_key(const Problem& problem, const LearnerSources& sources) const = 0;
  // Builds exactly `sources` (never reading the learner's folder again).
  virtual BuildResult build(const Problem& problem, const LearnerSources& sources) = 0;
  // The trusted baseline: the problem's untouched stub, built the same way.
  virtual BuildResult build_baseline(const Problem& problem) = 0;
  // The key of the problem's reference program (its sources are read now).
  virtual std::string reference_key(const Problem& problem) const = 0;
  // The trusted reference program; a failure is the bank's, never the learner's.
  virtual BuildResult build_reference(const Problem& problem) = 0;
  // The problem's known-wrong files as one program (known_unity.h), when
  // they can share one; otherwise not ok, and each is built alone.
  virtual BuildResult build_known_mistakes(const Problem& /*problem*/,
                                           const std::vector<LearnerSources>& /*files*/) {
    return {};
  }
};

class Builder final : public ProgramBuilder {
 public:
  Builder(BuildPaths paths, BuildLimits limits);
  std::string program_key(const Problem& problem, const LearnerSources& sources) const override;
  BuildResult build(const Problem& problem, const LearnerSources& sources) override;
  BuildResult build_baseline(const Problem& problem) override;
  std::string reference_key(const Problem& problem) const override;
  BuildResult build_reference(const Problem& problem) override;
  BuildResult build_known_mistakes(const Problem& problem,
                                   const std::vector<LearnerSources>& files) override;
  // Compiles the PCH and harness now, so a learner's first check is fast.
  BuildResult prepare();
  const Toolchain& toolchain() const { return toolchain_; }

  static std::string adapter_source(const Problem& problem);
  static std::string reference_adapter_source(const Problem& problem);

 private:
  BuildResult ensure_adapter(const Problem& problem, std::string& object);
  BuildResult compile_and_link(const Problem& problem, const LearnerSources& sources,
                               const std::string& adapter, BuildResult r);
  std::string why_the_build_failed(const Exit& e, const std::string& out) const;
  std::map<std::string, std::string> reference_sources(const Problem& problem) const;

  BuildPaths paths_;
  BuildLimits limits_;
  Toolchain toolchain_;
};

// Keeps the diagnostics that concern the learner's file, with its name as the
// learner wrote it; explains link errors in words.
std::string trim_diagnostics(const std::string& raw, const std::string& compiled_path,
                             const std::string& shown_path, const Problem& problem);

}  // namespace judge

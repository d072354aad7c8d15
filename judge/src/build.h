// Builds a learner's program: only the learner's file is compiled per check;
// the precompiled Eigen header, the harness and each problem's adapter are
// built once and cached, and so is every program, by content hash.
#pragma once

#include "learner_files.h"
#include "problem.h"
#include "process.h"
#include "sandbox.h"

#include <cstdint>
#include <string>

namespace judge {

// The headers every learner file gets without including them (precompiled).
constexpr const char* kForcedIncludes[] = {"Eigen/Dense", "algorithm", "cmath",  "limits",
                                           "numeric",     "stdexcept", "string", "vector"};

struct BuildPaths {
  std::string cxx = JUDGE_CXX;
  std::string eigen_include = JUDGE_EIGEN_INCLUDE;
  std::string harness_dir;                          // judge/harness
  std::string exercises_dir;                        // holds exercise.h
  std::string cache_dir;                            // .judge/cache
  SandboxConfig sandbox = SandboxConfig::detect();  // how the learner's file is built
};

struct BuildLimits {
  // The file-size limit caps a program (and so what the program cache holds):
  // real ones are well under 1 MiB; 64 MiB leaves room for big static tables.
  Limits compile{30, 30, 3ull << 30, 64ull << 20, 1ull << 20};
};

struct BuildResult {
  bool ok = false;
  bool judge_fault = false;  // the harness or adapter failed: not the learner's fault
  std::string binary;        // the program, when ok
  std::string key;           // content hash of everything that went into it
  std::string diagnostics;   // trimmed for the learner; warnings when ok
  bool cached = false;
};

// Diagnostics name the learner's file with this token, not its path: they
// are cached by content, and two learners who hand in the same bytes share
// them. check_sources() puts each learner's own path back.
constexpr const char* kLearnerFileToken = "<learner-file>";

class Builder {
 public:
  Builder(BuildPaths paths, BuildLimits limits);
  // The key that names a learner program, without building anything.
  std::string program_key(const Problem& problem, const LearnerSources& sources) const;
  // Builds exactly `sources` (never reading the learner's folder again).
  BuildResult build(const Problem& problem, const LearnerSources& sources);
  // The trusted baseline: the problem's untouched stub, built the same way.
  BuildResult build_baseline(const Problem& problem);
  // Compiles the PCH and harness now, so a learner's first check is fast.
  BuildResult prepare();

  static std::string adapter_source(const Problem& problem);

 private:
  BuildResult ensure_toolchain();
  BuildResult ensure_adapter(const Problem& problem, std::string& object);
  BuildResult compile_and_link(const Problem& problem, const LearnerSources& sources,
                               const std::string& adapter, BuildResult r);
  std::string why_the_build_failed(const Exit& e, const std::string& out) const;
  std::vector<std::string> base_flags() const;
  std::string toolchain_dir() const;

  BuildPaths paths_;
  BuildLimits limits_;
  std::string toolchain_key_;
};

// Keeps the diagnostics that concern the learner's file, with its name as the
// learner wrote it; explains link errors in words.
std::string trim_diagnostics(const std::string& raw, const std::string& compiled_path,
                             const std::string& shown_path, const Problem& problem);

}  // namespace judge

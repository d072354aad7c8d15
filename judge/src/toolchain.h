// What every program the judge builds shares: the compiler and its flags, the
// precompiled Eigen header, the compiled harness, and the headers generated
// from the bank's records. Built once per toolchain key into
// CACHE/toolchain-KEY/, which learner compiles see read-only.
#pragma once

#include "keys.h"
#include "process.h"
#include "records.h"

#include <string>
#include <vector>

namespace judge {

// The headers every learner file gets without including them (precompiled).
constexpr const char* kForcedIncludes[] = {"Eigen/Dense", "algorithm", "cmath",  "limits",
                                           "numeric",     "stdexcept", "string", "vector"};

struct ToolchainPaths {
  std::string cxx = JUDGE_CXX;
  std::string eigen_include = JUDGE_EIGEN_INCLUDE;
  std::string harness_dir;  // judge/harness: every file in it is part of the key
  std::string cache_dir;    // .judge/cache
  RecordTypes records;      // the bank's problems/records.yaml
};

// The judge's own compiles (the precompiled header, the harness, the
// adapters, the references) are trusted and not limited like a learner's:
// the precompiled Eigen header alone is over 64 MiB, and a short
// --compile-timeout given for learner files must not fail them.
extern const Limits kToolchainLimits;

// Writes through a temporary file so a killed judge never leaves half a file.
void write_atomically(const std::string& path, const std::string& content);
// The sandboxed compiler runs as another uid when the judge is root: what
// it reads from the toolchain folder must be readable by anyone, whatever
// the judge's umask (nothing there is secret: headers and objects).
void share_with_sandbox(const std::string& path);

class Toolchain {
 public:
  explicit Toolchain(ToolchainPaths paths);
  const std::string& key() const { return key_; }
  const std::string& dir() const { return dir_; }
  const ToolchainPaths& paths() const { return paths_; }
  std::vector<std::string> base_flags() const;
  // What a link adds to base_flags(): gold where binutils has it, which
  // links a learner's program in a quarter of ld.bfd's time (0.02 s against
  // 0.08 s), a tenth of a grading.
  const std::vector<std::string>& link_flags() const { return link_flags_; }
  std::string pch() const { return dir_ + "/pch.h"; }
  // What every program links besides its own objects: the harness's main
  // and Eigen's product kernels (see judge/harness/eigen_products.h).
  std::vector<std::string> link_objects() const;

  // Builds the precompiled header and the harness if missing. On failure
  // returns the compiler's output (a fault of the judge, not the learner's).
  bool ensure(std::string& error);
  // Compiles a generated adapter (trusted) once per content; returns the object.
  bool ensure_adapter(const std::string& source, const std::string& label, std::string& object,
                      std::string& error);

 private:
  ToolchainPaths paths_;
  std::map<std::string, std::string> generated_;  // file name in dir_ -> content
  std::string key_;
  std::string dir_;
  std::vector<std::string> link_flags_;
};

}  // namespace judge

// `judge new ID`: the files of a new problem, made from its id, track,
// difficulty and signature, with bilingual placeholders for everything only
// an author can write. Pure: nothing here touches the disk, so the command
// can refuse before writing anything and the tests can read every byte.
#pragma once

#include "bank.h"

#include <string>
#include <utility>
#include <vector>

namespace judge {

// Marks every text an author still has to write. `judge verify` rejects a
// problem whose files contain it anywhere, so a scaffold cannot be
// mistaken for a finished problem.
constexpr const char* kPlaceholder = "TODO(author)";

struct ScaffoldRequest {
  std::string id;
  std::string track;       // empty: the bank's first track
  std::string difficulty;  // empty: medium
  std::string signature;   // empty: "Eigen::VectorXf ID(const Eigen::VectorXf& x)"
};

// The request with its empty fields given their defaults.
ScaffoldRequest with_defaults(const ScaffoldRequest& request, const Bank& bank);

// What is wrong with the request, for a person (a sentence, with the
// signature and a caret under the column when it does not parse), or ""
// when the files can be made. Defaults are applied first.
std::string scaffold_error(const ScaffoldRequest& request, const Bank& bank);

// Paths relative to the bank's root ("problems/ID.yaml", "solutions/ID/...",
// "exercises/ID.cpp"), in the order they are worth reading.
using ScaffoldFiles = std::vector<std::pair<std::string, std::string>>;

// Every new file of the problem; requires scaffold_error() to be "". The
// problem file loads as it is, and exercises/ID.cpp is its stub_source().
ScaffoldFiles scaffold_files(const ScaffoldRequest& request, const Bank& bank);

// The placeholder title (English), which the stub's first line repeats.
std::string scaffold_title(const std::string& id);

// problems/ID.yaml alone (scaffold_problem.cpp), for the request (with
// defaults) and its parsed signature.
std::string scaffold_problem_yaml(const ScaffoldRequest& request, const Signature& signature);

}  // namespace judge

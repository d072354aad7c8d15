// The C++ types a problem may use, and what their values look like. The
// built-in kinds are a closed set; records come from problems/records.yaml.
#pragma once

#include "problem.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace judge {

struct RecordTypes;

// Maps a spelling such as "Eigen::MatrixXf", "Mask" or a record's name to its
// type; `records` may be null (then no record names are known).
std::optional<CppType> type_from_spelling(const std::string& spelling,
                                          const RecordTypes* records);
std::string type_list_for_humans(const RecordTypes* records);
ValueKind value_kind(TypeKind kind);
std::string describe_type(TypeKind kind);
// Records name their fields: "a KVCache such as {k: ..., v: ...}".
std::string describe_type(const CppType& type);

}  // namespace judge

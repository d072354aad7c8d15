// The closed set of C++ types a problem may use, and what their values look like.
#pragma once

#include "problem.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace judge {

// Maps a spelling such as "Eigen::MatrixXf" or "Mask" to its kind.
std::optional<TypeKind> type_from_spelling(const std::string& spelling);
std::string type_list_for_humans();
ValueKind value_kind(TypeKind kind);
// The fields of a record type, with their kinds; empty for other types.
std::vector<std::pair<std::string, TypeKind>> record_fields(TypeKind kind);
std::string describe_type(TypeKind kind);

}  // namespace judge

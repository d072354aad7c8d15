// Saves and loads a whole CheckResult, for the results cache.
#pragma once

#include "verdict.h"

#include <optional>
#include <string>

namespace judge {

void save_result(const std::string& path, const CheckResult& result);
std::optional<CheckResult> load_result(const std::string& path);

}  // namespace judge

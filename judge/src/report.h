// Renders a CheckResult: for a person on a terminal, or as exercism's
// results.json version 2 (plus group and verdict per test).
#pragma once

#include "problem.h"
#include "verdict.h"

#include <nlohmann/json.hpp>

#include <string>

namespace judge {

struct HumanStyle {
  bool color = false;
  Lang lang = Lang::kEn;
};

std::string render_human(const Problem& problem, const CheckResult& result,
                         const HumanStyle& style);
nlohmann::json render_json(const CheckResult& result);

// JSON text that survives invalid UTF-8 (it becomes U+FFFD) instead of throwing.
std::string dump_json(const nlohmann::json& value, int indent = 2);

}  // namespace judge

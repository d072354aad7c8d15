// Expands a problem's groups into the concrete test cases of one check.
#pragma once

#include "problem.h"

#include <string>
#include <vector>

namespace judge {

struct TestCase {
  const Group* group = nullptr;
  CaseSpec spec;
  std::string full_name() const { return group->name + "/" + spec.name; }
};

std::vector<TestCase> expand_cases(const Problem& problem);

// "x = [1, 2, 3]; y: 4 x 4096 in [-3.1, 2.9]" for messages.
std::string describe_inputs(const Problem& problem, const CaseSpec& spec);
std::string describe_shape(const Value& v);
std::string describe_value(const Value& v, std::size_t max_entries = 24);

}  // namespace judge

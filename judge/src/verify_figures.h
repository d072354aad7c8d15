// The figures judge verify prints per problem, from the checks of its known
// solutions: how much room the tolerance and the performance limits leave.
// A correct solution close to 1 is one compiler or library update from
// failing; a known-wrong one close to 1 says the tolerance barely catches
// the mistake.
#pragma once

#include "known_solutions.h"
#include "verdict.h"

#include <optional>
#include <string>
#include <vector>

namespace judge {

// A ratio, and where it was measured.
struct Figure {
  double ratio = 0;
  std::string file;  // the known solution's name: float_loops
  std::string test;  // group/name
};

// A performance group's worst measured / limit over the correct variants.
struct Headroom {
  std::string group;
  std::optional<Figure> time;    // CPU seconds / the group's limit
  std::optional<Figure> memory;  // memory grown / the group's allowance
};

struct Figures {
  // The largest error / allowed over the passing tests of the correct
  // variants: must stay below 1.
  std::optional<Figure> correct;
  // The smallest error / allowed over the wrong_answer tests the known-wrong
  // solutions fail on values (tolerance or non-finite): above 1.
  std::optional<Figure> wrong;
  std::vector<Headroom> performance;
};

// `results[i]` is the check of `solutions[i]`.
Figures figures_of(const std::vector<KnownSolution>& solutions,
                   const std::vector<CheckResult>& results);

}  // namespace judge

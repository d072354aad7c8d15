// The quiz's choices in a learner's own order: a shuffle fixed by a seed
// recorded in the learner's state, so the right answer's position carries
// no pattern across questions, yet stays put when the learner comes back.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace judge {

// order[k] is the index (into the question's choices) shown as choice k + 1.
std::vector<std::size_t> choice_order(const std::string& seed, const std::string& problem,
                                      std::size_t question, std::size_t choices);

// The 0-based choice a reply names: a number from 1 to `choices`, with
// spaces around it and a trailing ")" or "." allowed ("2", " 2) "). Anything
// else ("two", "", "5" of 4) is nullopt: the quiz asks again.
std::optional<std::size_t> parse_choice(const std::string& reply, std::size_t choices);

}  // namespace judge

// The known solutions of a problem, beside its reference:
//   solutions/ID/wrong/NAME.cpp    one classic mistake each
//   solutions/ID/correct/NAME.cpp  a correct solution in another style
// Each starts with a comment saying what it is, and lines that promise what
// the judge says of it. This file is the one place those lines are read:
//   // expect: accepted
//   // expect: wrong_answer stability     (a verdict, and the group it shows in)
//   // expect: not_implemented *          (the verdict of every test)
// A known mistake also says, for the learner whose output matches it, what
// the mistake is and how to get past it, in English and Chinese (a key may
// repeat: its lines are joined):
//   // mistake: Softmax without the max shift
//   // mistake.zh: ...
//   // explain: exp(1000) overflows float32 ... (why it is wrong, how to fix
//   // explain:   it, without the whole solution)
//   // explain.zh: ...
#pragma once

#include "problem.h"

#include <string>
#include <vector>

namespace judge {

// The bank's rule: beside its reference, every problem shows at least two
// classic mistakes (so the groups' notes are tested against real traps) and
// one correct solution in another style (so the tolerance is not tuned to
// the reference's own rounding).
constexpr int kMinWrongSolutions = 2;
constexpr int kMinCorrectSolutions = 1;

struct Expectation {
  std::string verdict;  // accepted, compile_error, wrong_answer, time_limit, ...
  std::string group;    // "" (any), "*" (every test), or a group name
};

struct KnownSolution {
  enum class Kind { kWrong, kCorrect };
  Kind kind = Kind::kWrong;
  std::string problem;
  std::string name;  // the file name without .cpp
  std::string path;
  std::string about;  // the leading comment, joined into one paragraph
  std::vector<Expectation> expect;
  LocalText mistake;  // its title, as a learner is told it
  LocalText explain;  // why it is wrong and how to fix it
  std::vector<std::string> errors;  // malformed expect lines, with line numbers
};

// Reads the header of a solution's text: the leading comment, its expect
// lines and its mistake and explain lines.
void parse_solution_header(const std::string& text, KnownSolution& out);

// What a known-wrong solution lacks of its mistake's texts (a sentence per
// missing key, with the file's path); empty for a correct solution.
std::vector<std::string> missing_mistake_texts(const KnownSolution& solution);

// The known solutions of one problem under `solutions_dir`, sorted by kind then name.
std::vector<KnownSolution> known_solutions(const std::string& solutions_dir,
                                           const std::string& problem);

}  // namespace judge

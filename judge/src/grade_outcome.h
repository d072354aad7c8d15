// What happened to one learner's problem, in one word an instructor can sort
// by: a gradebook's fraction is 0 for a missing file, an untouched stub, an
// empty file, a compile error, an endless loop and a wrong answer alike.
#pragma once

#include "gradebook.h"

#include <string>

namespace judge {

enum class Outcome {
  kPassed,          // every test
  kPartial,         // some tests
  kWrongAnswer,     // none; the tests that ran gave wrong values or shapes
  kCompileError,
  kTimeLimit,       // none; the program ran out of time (an endless loop, a slow algorithm)
  kMemoryLimit,
  kRuntimeError,    // none; the program crashed or was stopped
  kNotImplemented,  // the stub, untouched: every test says not implemented
  kEmpty,           // a file with nothing but white space in it
  kNotAttempted,    // no file
  kRefused,         // a file the judge would not read (a link, a pipe, too large)
  kJudgeError,      // the judge's own failure, not the learner's
};

// "passed", "partial", "wrong_answer", ... as outcomes.csv spells them.
const char* outcome_name(Outcome outcome);

Outcome classify_outcome(const GradedProblem& problem);

}  // namespace judge

// What an author left unfinished in a problem's texts: judge new's
// placeholder, and zh texts that are still a copy of the en one.
#pragma once

#include "problem.h"

#include <string>
#include <vector>

namespace judge {

// The placeholder `judge new` writes where the author still owes a text.
constexpr const char* kAuthorPlaceholder = "TODO(author)";

// Problems in the problem file at `path` (already loaded by the bank), each
// starting with file:line:column and naming the text (hints[1].en):
//  - any text still holding kAuthorPlaceholder;
//  - a zh text identical to its en text when it is prose. Formulas, numbers
//    and shapes ("n x d_v", "sqrt(64) = 8", "[0, 0, 0]") read the same in
//    both languages and are fine.
std::vector<std::string> unfinished_texts(const std::string& path);

// True when `text` has two English words in a row: prose a translator owes.
bool reads_as_prose(const std::string& text);

// A tolerance figure as statements write it: 1e-06 -> "1e-6", 2.5e-05 ->
// "2.5e-5", 1e-4 -> "1e-4" (below 0.01 always with an exponent), 0.5 -> "0.5".
std::string compact_number(double value);

// A sentence per statement (en, zh) that does not name the problem's atol
// and rtol in compact form: a learner must know how close is close enough.
std::vector<std::string> unstated_tolerance(const Problem& problem);

// Multiple-choice questions whose right answer shows by its look: its
// English text longer than kTelltaleLength x every other choice's, and by at
// least kTelltaleExtraChars (with the choices shuffled per learner, length
// is the pattern left to give it away; short formulas such as "max(x)"
// against "max(x) + log(n)" are not prose that explains itself).
constexpr double kTelltaleLength = 1.5;
constexpr std::size_t kTelltaleExtraChars = 20;
std::vector<std::string> telltale_choices(const Problem& problem);

}  // namespace judge

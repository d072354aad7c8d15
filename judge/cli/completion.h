// Shell completion: `judge completions bash|zsh` prints a script that asks
// the judge itself what may come next (`judge __complete -- cur=CURRENT WORDS`;
// the current word goes first, marked, so no word is taken for an option),
// so commands, options, problem ids, sets and tracks complete from the same
// definitions the parser and the bank use, and never go stale.
#pragma once

#include "bank.h"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace judge::cli {

// The script for `shell` ("bash" or "zsh"); empty for any other shell.
std::string completion_script(const std::string& shell);

// Candidates for the word being typed after `words` (the words after
// "judge", before the current one), one per line; "__files__" when a path
// is expected (the script then completes file names).
std::string complete_words(const CLI::App& app, const Bank& bank,
                           const std::vector<std::string>& words, const std::string& current);

}  // namespace judge::cli

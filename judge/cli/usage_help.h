// The command line's answers to a person who typed something it does not
// know: the closest command or option ("did you mean"), `judge help
// [COMMAND]`, and `judge --version`. Usage errors exit 2, never 3.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace judge::cli {

// The commands a person may type, by name (hidden ones, with an empty
// group, are for scripts: `judge __complete`).
std::vector<std::string> command_names(const CLI::App& app);

// The command among the words after "judge": the first that is neither an
// option nor an option's value (empty when there is none).
std::string typed_command(const CLI::App& app, const std::vector<std::string>& words);

// The candidate closest to `typed` by edit distance, when close enough to be
// a slip (at most a third of its length, at least one edit); else empty.
std::string closest(const std::string& typed, const std::vector<std::string>& candidates);

// What to say for a parse error: CLI11's own message, with the command or
// option the learner probably meant. Returns the exit code (0 for --help
// and --version, 2 otherwise).
int answer_parse_error(CLI::App& app, const CLI::ParseError& error, int argc, char** argv);

// A number of seconds: finite, between `low` and `high`. CLI::Range alone
// lets NaN through (every comparison with NaN is false).
CLI::Validator seconds_between(double low, double high);

// `judge help` (the overview) and `judge help COMMAND` (that command's
// options); an unknown command gets a suggestion and exit 2.
int print_help(CLI::App& app, const std::string& command);

}  // namespace judge::cli

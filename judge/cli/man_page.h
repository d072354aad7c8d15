// judge(1), made from the same command tree as `judge help`: each command's
// description and options come from where `judge help COMMAND` reads them,
// so the manual never disagrees with the help. The build runs the hidden
// `judge __man` and installs its output as share/man/man1/judge.1.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace judge::cli {

// The page in man(7) macros, for judge version `version`.
std::string man_page(const CLI::App& app, const std::string& version);

}  // namespace judge::cli

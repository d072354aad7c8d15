#include "usage_help.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iostream>

namespace judge::cli {
namespace {

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options())
    for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
  return names;
}

}  // namespace

std::string typed_command(const CLI::App& app, const std::vector<std::string>& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word.rfind("-", 0) != 0) return word;
    const CLI::Option* option = app.get_option_no_throw(word.substr(0, word.find('=')));
    if (option != nullptr && option->get_type_size() > 0 && word.find('=') == std::string::npos)
      ++i;  // skip its value
  }
  return "";
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (!sub->get_group().empty()) names.push_back(sub->get_name());
  return names;
}

std::string closest(const std::string& typed, const std::vector<std::string>& candidates) {
  std::string best;
  // Two slips (a swapped pair of letters is two) or a third of the word.
  std::size_t best_distance = std::max<std::size_t>(2, typed.size() / 3) + 1;
  for (const std::string& c : candidates) {
    if (c == typed) continue;
    // A prefix is one slip away, however much is missing: "--fil" for "--file".
    const bool prefix = typed.size() >= 3 && c.rfind(typed, 0) == 0;
    const std::size_t d = prefix ? 1 : edit_distance(typed, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

int answer_parse_error(CLI::App& app, const CLI::ParseError& error, int argc, char** argv) {
  if (error.get_exit_code() == 0) return app.exit(error);  // --help, --version
  const std::string command = typed_command(app, std::vector<std::string>(argv + 1, argv + argc));
  const std::vector<std::string> commands = command_names(app);
  const auto every = app.get_subcommands([](const CLI::App*) { return true; });
  const bool known = std::any_of(every.begin(), every.end(),
                                 [&](const CLI::App* sub) { return sub->get_name() == command; });
  if (!command.empty() && !known) {
    std::cerr << "judge: '" << command << "' is not a command.";
    if (const std::string near = closest(command, commands); !near.empty())
      std::cerr << " Did you mean '" << near << "'?";
    std::cerr << "\nThe commands: `judge help`; one command's options: `judge help COMMAND`.\n";
    return 2;
  }
  app.exit(error);  // CLI11's own sentence
  // An option it does not know: the closest one of the command given.
  CLI::App* given = command.empty() ? &app : app.get_subcommand(command);
  for (int i = 1; i < argc; ++i) {
    const std::string word = std::string(argv[i]).substr(0, std::string(argv[i]).find('='));
    if (word.rfind("--", 0) != 0) continue;
    std::vector<std::string> known = option_names(*given);
    const std::vector<std::string> global = option_names(app);
    known.insert(known.end(), global.begin(), global.end());
    if (std::find(known.begin(), known.end(), word) != known.end()) continue;
    if (const std::string near = closest(word, known); !near.empty())
      std::cerr << "Did you mean " << near << " instead of " << word << "?\n";
  }
  return 2;
}

CLI::Validator seconds_between(double low, double high) {
  return CLI::Validator(
      [low, high](std::string& text) -> std::string {
        double value = 0;
        try {
          std::size_t used = 0;
          value = std::stod(text, &used);
          if (used != text.size()) return "'" + text + "' is not a number of seconds";
        } catch (const std::exception&) {
          return "'" + text + "' is not a number of seconds";
        }
        if (!std::isfinite(value) || value < low || value > high)
          return fmt::format("seconds must be a number from {:g} to {:g}, not {}", low, high, text);
        return "";
      },
      "SECONDS");
}

int print_help(CLI::App& app, const std::string& command) {
  if (command.empty()) {
    // app.help() would describe the command just parsed: `help` itself.
    std::cout << app.get_formatter()->make_help(&app, "judge", CLI::AppFormatMode::Normal);
    return 0;
  }
  const std::vector<std::string> commands = command_names(app);
  if (std::find(commands.begin(), commands.end(), command) == commands.end()) {
    std::cerr << "judge: '" << command << "' is not a command.";
    if (const std::string near = closest(command, commands); !near.empty())
      std::cerr << " Did you mean '" << near << "'?";
    std::cerr << "\n";
    return 2;
  }
  std::cout << app.get_subcommand(command)->help();
  return 0;
}

}  // namespace judge::cli

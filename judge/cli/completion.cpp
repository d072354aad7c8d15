#include "completion.h"

#include "usage_help.h"

#include <algorithm>

namespace judge::cli {
namespace {

// Options whose value names something the bank or the judge knows.
std::vector<std::string> values_of(const std::string& option, const Bank& bank) {
  std::vector<std::string> values;
  if (option == "--set" || option == "--sets")
    for (const auto& s : bank.sets) values.push_back(s.id);
  if (option == "--track")
    for (const auto& t : bank.tracks) values.push_back(t.id);
  if (option == "--lang") values = {"en", "zh"};
  if (option == "--format") values = {"human", "json"};
  if (option == "--difficulty") values = {"easy", "medium", "hard"};
  return values;
}

std::string lines(const std::vector<std::string>& words, const std::string& prefix) {
  std::string out;
  for (const std::string& w : words)
    if (w.rfind(prefix, 0) == 0) out += w + "\n";
  return out;
}

}  // namespace

std::string completion_script(const std::string& shell) {
  const std::string bash_function = R"(_judge() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local IFS=$'\n'
  local words
  words=$(command judge __complete -- "cur=$cur" "${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null)
  if [ "$words" = "__files__" ]; then
    COMPREPLY=($(compgen -f -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}
complete -o filenames -F _judge judge
)";
  if (shell == "bash")
    return "# bash completion for judge: source it, or install it as\n"
           "# /usr/share/bash-completion/completions/judge\n" +
           bash_function;
  if (shell == "zsh")
    return "#compdef judge\n# zsh completion for judge, through zsh's bash compatibility\n"
           "autoload -U +X bashcompinit && bashcompinit\n" +
           bash_function;
  return "";
}

std::string complete_words(const CLI::App& app, const Bank& bank,
                           const std::vector<std::string>& words, const std::string& current) {
  const std::string typed = typed_command(app, words);
  const std::vector<std::string> names = command_names(app);
  const CLI::App* command = std::find(names.begin(), names.end(), typed) != names.end()
                                ? app.get_subcommand(typed)
                                : nullptr;
  const std::string previous = words.empty() ? "" : words.back();
  // A value of the option just typed.
  if (previous.rfind("--", 0) == 0) {
    const std::vector<std::string> values = values_of(previous, bank);
    if (!values.empty()) return lines(values, current);
    const CLI::App& owner = command != nullptr ? *command : app;
    const CLI::Option* option = owner.get_option_no_throw(previous);
    if (option == nullptr) option = app.get_option_no_throw(previous);
    if (option != nullptr && option->get_type_size() > 0) return "__files__\n";
  }
  if (current.rfind("-", 0) == 0) {
    std::vector<std::string> options;
    for (const CLI::App* scope : {command, &app})
      if (scope != nullptr)
        for (const CLI::Option* o : scope->get_options())
          for (const std::string& name : o->get_lnames()) options.push_back("--" + name);
    return lines(options, current);
  }
  if (command == nullptr || command->get_name() == "help")
    return lines(command_names(app), current);
  if (command->get_option_no_throw("id") != nullptr) {
    std::vector<std::string> ids;
    for (const auto& p : bank.problems) ids.push_back(p.id);
    return lines(ids, current);
  }
  return "__files__\n";  // grade CLASS, init DIR, merge OUT...
}

}  // namespace judge::cli

#include "man_page.h"

#include "usage_help.h"

#include <sstream>

namespace judge::cli {
namespace {

// Text as roff reads it: a backslash is an escape, a line that starts with a
// dot or a quote is a request, and "--" is typed as two minus signs (a plain
// "-" may be set as a hyphen, which a reader could not paste as an option).
std::string roff(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-' && (i + 1 < text.size() && text[i + 1] == '-')) {
      out += "\\-\\-";
      ++i;
    } else {
      out += c;
    }
    if (c == '\n' && i + 1 < text.size() && (text[i + 1] == '.' || text[i + 1] == '\''))
      out += "\\&";
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

bool shown(const CLI::Option* option, const CLI::App& app) {
  return option != app.get_help_ptr() && !option->get_group().empty();
}

// "--set TEXT" as roff: the option in bold, its value's kind in italics.
std::string option_term(const CLI::Option* option) {
  std::string term;
  for (const std::string& name : option->get_lnames()) {
    term += (term.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff(name) + "\\fR";
  }
  for (const std::string& name : option->get_snames())
    term = "\\fB\\-" + roff(name) + "\\fR" + (term.empty() ? "" : ", ") + term;
  if (option->get_type_size() != 0 && !option->get_type_name().empty())
    term += " \\fI" + roff(option->get_type_name()) + "\\fR";
  return term;
}

// "judge check [id] [options]": the positionals in order, optional ones in brackets.
std::string command_term(const CLI::App& command) {
  std::string term = "\\fBjudge " + roff(command.get_name()) + "\\fR";
  bool has_options = false;
  for (const CLI::Option* option : command.get_options()) {
    if (!shown(option, command)) continue;
    if (!option->get_positional()) {
      has_options = true;
      continue;
    }
    const std::string name = "\\fI" + roff(option->get_name(true)) + "\\fR" +
                             (option->get_expected_max() > 1 ? " ..." : "");
    term += option->get_required() ? " " + name : " [" + name + "]";
  }
  return term + (has_options ? " [\\fIoptions\\fR]" : "");
}

void describe_options(std::ostringstream& out, const CLI::App& app, bool positionals) {
  for (const CLI::Option* option : app.get_options()) {
    if (!shown(option, app) || option->get_positional() != positionals) continue;
    out << ".TP\n"
        << (positionals ? "\\fI" + roff(option->get_name(true)) + "\\fR" : option_term(option))
        << "\n"
        << roff(option->get_description()) << "\n";
  }
}

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
  std::istringstream description(app.get_description());
  std::string summary;
  std::getline(description, summary);
  // "judge: softmax and ... explanations." is the NAME line, without its own name.
  if (summary.rfind("judge: ", 0) == 0) summary = summary.substr(7);
  if (!summary.empty() && summary.back() == '.') summary.pop_back();
  std::string rest((std::istreambuf_iterator<char>(description)), std::istreambuf_iterator<char>());

  std::ostringstream out;
  out << ".TH JUDGE 1 \"\" \"judge " << roff(version) << "\" \"User Commands\"\n"
      << ".SH NAME\njudge \\- " << roff(summary) << "\n"
      << ".SH SYNOPSIS\n\\fBjudge\\fR [\\fB\\-\\-bank\\fR \\fIDIR\\fR] [\\fB\\-\\-lang\\fR "
         "\\fIen\\fR|\\fIzh\\fR] \\fICOMMAND\\fR [\\fIarguments\\fR]\n.br\n"
      << "\\fBjudge help\\fR [\\fICOMMAND\\fR]\n"
      << ".SH DESCRIPTION\n"
      << roff(rest) << (rest.empty() || rest.back() == '\n' ? "" : "\n")
      << ".PP\nRun it inside a practice folder made by \\fBjudge init\\fR, or any folder "
         "below one: the judge finds the nearest folder above with \\fIjudge\\-workspace.json\\fR "
         "(or a problem bank, \\fIproblems/tracks.yaml\\fR), the way git finds a repository.\n"
      << ".SH COMMANDS\n";
  for (const std::string& name : command_names(app)) {
    const CLI::App& command = *app.get_subcommand(name);
    out << ".TP\n" << command_term(command) << "\n" << roff(command.get_description()) << "\n";
    std::ostringstream options;
    describe_options(options, command, /*positionals=*/true);
    describe_options(options, command, /*positionals=*/false);
    if (!options.str().empty()) out << ".RS\n" << options.str() << ".RE\n";
  }
  out << ".SH OPTIONS\nThese may come before or after the command.\n";
  describe_options(out, app, /*positionals=*/false);
  out << ".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n"
         "the overview, or after a command its options (as \\fBjudge help\\fR \\fICOMMAND\\fR)\n"
      << ".SH ENVIRONMENT\n"
         ".TP\n\\fBJUDGE_CACHE_DIR\\fR\nwhere built programs, the precompiled header and "
         "cached results go; by default \\fI$XDG_CACHE_HOME/judge\\fR, else "
         "\\fI~/.cache/judge\\fR\n"
         ".TP\n\\fBJUDGE_BANK\\fR\nanother problem bank, as \\fB\\-\\-bank\\fR\n"
         ".TP\n\\fBJUDGE_ROOT\\fR\nthe workspace or bank to use, instead of looking up from "
         "the current folder\n"
         ".TP\n\\fBNO_COLOR\\fR\nno colour, even on a terminal\n"
      << ".SH FILES\n"
         ".TP\n\\fIjudge\\-workspace.json\\fR\nmarks a practice folder (its set, if any); it "
         "names no path, so the folder can be moved\n"
         ".TP\n\\fI.judge/state.json\\fR, \\fI.judge/backup/\\fR\nyour progress and the files "
         "\\fBjudge reset\\fR replaced, in the practice folder\n"
         ".TP\n\\fIexercises/compile_flags.txt\\fR\nthe judge's compiler flags, for editors "
         "that use clangd\n"
         ".TP\n\\fI/usr/share/judge/\\fR\nthe problems, reference solutions and harness of an "
         "installed judge (\\fIPREFIX/share/judge\\fR beside \\fIPREFIX/bin/judge\\fR)\n"
      << ".SH EXIT STATUS\n"
         ".TP\n0\nevery test passed, or the command did its work\n"
         ".TP\n1\na test failed\n"
         ".TP\n2\na usage error (a bad argument, an unknown problem) or a problem bank error\n"
         ".TP\n3\nthe judge itself failed\n"
      << ".SH SEE ALSO\n\\fBjudge help\\fR \\fICOMMAND\\fR; the README of the judge's "
         "source.\n";
  return out.str();
}

}  // namespace judge::cli

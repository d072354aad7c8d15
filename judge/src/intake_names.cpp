#include "intake_names.h"

namespace judge {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

std::string ascii_lower(std::string name) {
  // Not std::tolower: its result depends on the locale, and a name's bytes
  // beyond ASCII must stay as they are.
  for (char& c : name)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return name;
}

bool is_ignored_name(const std::string& name) {
  if (name.empty() || name[0] == '.' || name == "__MACOSX") return true;
  if (name.back() == '~') return true;
  if (name.size() >= 2 && name.front() == '#' && name.back() == '#') return true;
  const std::string lower = ascii_lower(name);
  for (const char* tail : {".swp", ".bak", ".orig"})
    if (ends_with(lower, tail)) return true;
  return false;
}

bool is_archive_name(const std::string& name) {
  const std::string lower = ascii_lower(name);
  for (const char* tail : {".zip", ".tar", ".tar.gz", ".tgz"})
    if (lower.size() > std::string(tail).size() && ends_with(lower, tail)) return true;
  return false;
}

bool is_source_name(const std::string& name) {
  const std::string lower = ascii_lower(name);
  for (const char* tail : {".cpp", ".h", ".hpp"})
    if (lower.size() > std::string(tail).size() && ends_with(lower, tail)) return true;
  return false;
}

NameMatch match_problem_file(const std::string& name, const std::string& problem) {
  const std::string wanted = problem + ".cpp";
  if (name == wanted) return NameMatch::kExact;
  return ascii_lower(name) == ascii_lower(wanted) ? NameMatch::kOtherCase : NameMatch::kNo;
}

}  // namespace judge

// The names the intake recognises in a learner's folder: their problem files
// whatever the case, the archives it unpacks, and what it passes over
// (macOS metadata, hidden files, editor backups). Pure functions of a name.
#pragma once

#include <string>

namespace judge {

// `name` with A-Z lowered; other bytes (UTF-8 included) unchanged.
std::string ascii_lower(std::string name);

// "__MACOSX", hidden names (".git", ".DS_Store", "._softmax.cpp", ".#x")
// and editor backups ("x~", "#x#", "*.swp", "*.bak", "*.orig"): never a
// learner, a hand-in or a folder to search.
bool is_ignored_name(const std::string& name);

// .zip, .tar, .tar.gz and .tgz, in any case.
bool is_archive_name(const std::string& name);

// What is taken from an archive: sources (.cpp) and the headers beside them.
bool is_source_name(const std::string& name);

// How `name` names `problem`'s file: kExact ("softmax.cpp"), kOtherCase
// ("Softmax.cpp", "SOFTMAX.CPP") or kNo.
enum class NameMatch { kNo, kExact, kOtherCase };
NameMatch match_problem_file(const std::string& name, const std::string& problem);

}  // namespace judge

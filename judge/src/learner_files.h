// Reading what a learner hands in: their file and the headers beside it,
// each opened once, without following links, regular files only and capped
// in size. The one buffer read here is what is hashed, keyed, journaled and
// compiled: nothing reads the learner's folder again, so a file swapped
// during a build cannot be graded under another file's key.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace judge {

constexpr std::size_t kMaxLearnerFileBytes = 1u << 20;      // a .cpp: 1 MiB
constexpr std::size_t kMaxLearnerHeaderBytes = 256u << 10;  // each header beside it
constexpr std::size_t kMaxLearnerHeaders = 16;

struct LearnerSources {
  std::string shown_path;  // the file as the learner or instructor named it
  std::string file_name;   // its base name, for the compiler's copy
  std::string source;
  std::vector<std::pair<std::string, std::string>> headers;  // file name, content
  std::string fingerprint() const;                           // all of it, for cache keys
};

struct ReadStatus {
  bool ok = true;
  std::string refusal;  // when !ok: one sentence naming the offending path
  static ReadStatus refuse(std::string why) { return {false, std::move(why)}; }
};

// Reads `relative` (components separated by '/') below `base`. `base` is
// trusted (the class folder, or the folder the learner named on the command
// line) and may be reached through links; every component of `relative` is
// opened with O_NOFOLLOW, so a learner folder, exercises/ or file that is a
// link is refused. Headers (.h, .hpp) beside the file are read the same way,
// exercise.h excepted (the judge's own is always used). `shown` prefixes
// paths in refusals ("alice/").
ReadStatus read_learner_sources(const std::string& base, const std::string& relative,
                                const std::string& shown, LearnerSources& out);

// A file named on the command line: its folder is the trusted base.
ReadStatus read_learner_file(const std::string& path, LearnerSources& out);

// What a path below `base` is, without following links, for the roster:
// "" for a regular file, "missing", or a refusal sentence.
std::string inspect_learner_path(const std::string& base, const std::string& relative,
                                 const std::string& shown);

}  // namespace judge

// The system calls a learner's program may make (run) and the ones a compile
// may not (compile).
#pragma once

namespace judge::jail {

enum class Profile { kCompile, kRun };

// Loads the filter into this process (and so into what it execs next).
bool load_filter(Profile profile);

}  // namespace judge::jail

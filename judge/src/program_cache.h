// The folder of built programs (.judge/cache/programs): named by content
// hash, so a program is built once however often it is checked. Bounded in
// size: past the cap, the programs used least recently are removed, but
// never one used in the last few minutes (a check may be about to run it).
#pragma once

#include <cstdint>
#include <string>

namespace judge {

// The cap: JUDGE_PROGRAM_CACHE_MB, else kDefaultProgramCacheBytes.
std::uint64_t program_cache_bytes();

// Marks a program as just used (its modification time).
void touch_program(const std::string& path);

// Removes the least recently used programs (.bin, and their .warnings)
// until the folder holds at most 3/4 of `cap`; returns how many went.
int evict_programs(const std::string& folder, std::uint64_t cap);

}  // namespace judge

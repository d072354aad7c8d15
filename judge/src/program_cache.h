// The folder of built programs (.judge/cache/programs): named by content
// hash, so a program is built once however often it is checked. Bounded in
// size: past the cap, the programs used least recently are removed, but
// never one used in the last few minutes (a check may be about to run it).
#pragma once

#include <cstdint>
#include <string>

namespace judge {

// The cache keeps at most this much (JUDGE_PROGRAM_CACHE_MB moves it); past
// it, the programs used least recently go first.
constexpr std::uint64_t kDefaultProgramCacheBytes = 1ull << 30;

// The cap: JUDGE_PROGRAM_CACHE_MB, else kDefaultProgramCacheBytes.
std::uint64_t program_cache_bytes();

// Moves a program the sandbox built (as its uid, in a folder that uid owns)
// into the cache as the judge's own: owned by the judge, mode 0755, so no
// sandbox uid can change it and every one may run it. Never through a link:
// false, and nothing changed, unless `built` is a regular file.
bool adopt_program(const std::string& built, const std::string& cached);

// Marks a program as just used (its modification time).
void touch_program(const std::string& path);

// Removes the least recently used programs (.bin, and their .warnings)
// until the folder holds at most 3/4 of `cap`; returns how many went.
int evict_programs(const std::string& folder, std::uint64_t cap);

}  // namespace judge

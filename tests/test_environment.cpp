// What every judge the tests start inherits. One grading time
// (SOURCE_DATE_EPOCH, the reproducible-builds convention the judge honours):
// tests compare the reports of two runs byte for byte, and two runs a second
// apart would otherwise name two times.
#include <cstdlib>
#include <string>

namespace {

struct PinnedGradingTime {
  PinnedGradingTime() { setenv("SOURCE_DATE_EPOCH", "1764777600", /*overwrite=*/0); }
} pinned_grading_time;

// One build cache for every judge a test starts, in the checkout, as the
// tests that name it share it: the user's own cache (~/.cache/judge, the
// default) is left alone, and no test pays for a second cold one. A cache
// given by the caller is kept.
struct SharedTestCache {
  SharedTestCache() {
    const std::string cache = std::string(JUDGE_SOURCE_DIR) + "/.judge/cache";
    setenv("JUDGE_CACHE_DIR", cache.c_str(), /*overwrite=*/0);
  }
} shared_test_cache;

}  // namespace

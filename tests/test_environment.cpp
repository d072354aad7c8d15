// What every judge the tests start inherits. One grading time
// (SOURCE_DATE_EPOCH, the reproducible-builds convention the judge honours):
// tests compare the reports of two runs byte for byte, and two runs a second
// apart would otherwise name two times.
#include <cstdlib>

namespace {

struct PinnedGradingTime {
  PinnedGradingTime() { setenv("SOURCE_DATE_EPOCH", "1764777600", /*overwrite=*/0); }
} pinned_grading_time;

}  // namespace

// Attacks the judge's channel instead of the answer: writes a forged frame
// header announcing a 4 GiB reply on fd 4 (the reply pipe), then puts
// /dev/null over fd 3 and fd 4, so the harness reads no further request and
// its real reply vanishes. The judge must neither wait for 4 GiB nor hang.
// A frame header announcing more than any right answer could need is
// refused before anything else is read: output_limit, and the next case
// gets a fresh process. (Opening /dev/null read-write is refused by the
// filter now, so the fds stay.)
// (Putting stdout over fd 4 instead sends the harness's binary reply into the
// program's output, which then trips the judge's invalid-UTF-8 bug: see
// softmax_invalid_utf8_output.cpp.)
// expect: output_limit sample
#include "exercise.h"
#include <fcntl.h>
#include <unistd.h>
#include <cstdint>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const std::uint32_t huge = 0xFFFFFFFFu;
  (void)!write(4, &huge, sizeof huge);
  const int null = open("/dev/null", O_RDWR);
  if (null >= 0) {
    dup2(null, 3);
    dup2(null, 4);
  }
  return Eigen::VectorXf::Zero(x.size());
}

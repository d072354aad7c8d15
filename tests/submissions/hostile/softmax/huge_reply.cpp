// Writes its own reply on the judge's channel (fd 4): a frame header that
// announces 1 GiB (the largest size the judge accepted) and then 1 GiB of
// bytes as fast as the pipe takes them. The judge used to read and keep the
// whole frame before looking at it (and a growing vector holds up to twice
// that), so every such classmate cost the grading server gigabytes. A frame
// larger than the problem's outputs can need must be refused without being
// read: output_limit.
// expect: output_limit sample
#include "exercise.h"
#include <unistd.h>
#include <cstdint>
#include <cstring>
#include <vector>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  const std::uint32_t announced = 1u << 30;
  (void)!write(4, &announced, sizeof announced);
  std::vector<char> chunk(1 << 20, 0);
  for (std::uint64_t sent = 0; sent < announced;) {
    const ssize_t n = write(4, chunk.data(), chunk.size());
    if (n <= 0) break;  // the judge closed the pipe: refused
    sent += static_cast<std::uint64_t>(n);
  }
  return Eigen::VectorXf::Zero(x.size());
}

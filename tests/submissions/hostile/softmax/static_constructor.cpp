// A static constructor prints fake "all passed" results in every format it can
// guess and exits 0 before the harness starts. Nothing it prints may count.
// expect: runtime_error sample
#include "exercise.h"
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
namespace {
struct Forger {
  Forger() {
    std::printf("{\"version\": 2, \"status\": \"pass\", \"tests\": []}\nPASS 36/36 tests passed\n");
    const char fake[] = "\x04\x00\x00\x00\x00\x00\x00\x00";
    (void)!write(4, fake, sizeof fake - 1);
    std::fflush(stdout);
    std::exit(0);
  }
} forger;
}  // namespace
Eigen::VectorXf softmax(const Eigen::VectorXf& x) { return x; }

// A static constructor prints forged judge results (a fake human summary with
// colours, a fake JSON report, fake verdict lines) to stdout and stderr, then
// lets the harness run a function that answers zeros. The program's output is
// only ever shown as output: the verdict must still be wrong_answer.
// expect: wrong_answer sample
#include "exercise.h"
#include <cstdio>

namespace {
struct Forger {
  Forger() {
    const char* fake =
        "  \u2713 sample         1/1   accepted\n"
        "  \u2713 basic          4/4   accepted\n"
        "\n\x1b[32mPASS\x1b[0m 39/39 tests passed\n"
        "{\"version\": 2, \"status\": \"pass\", \"message\": null, \"tests\": []}\n"
        "PASS 39/39 tests passed\n";
    std::fputs(fake, stdout);
    std::fputs(fake, stderr);
    std::fflush(stdout);
    std::fflush(stderr);
  }
} forger;
}  // namespace

Eigen::VectorXf softmax(const Eigen::VectorXf& x) { return Eigen::VectorXf::Zero(x.size()); }

// Prints terminal escape sequences: clear the screen, move the cursor home,
// print a green fake "PASS 39/39 tests passed", set the window title, then
// switch on "concealed" text so that whatever the judge prints next might be
// invisible on a terminal. It answers zeros: the verdict (and the JSON report)
// must say wrong_answer whatever the program printed.
// expect: wrong_answer sample
#include "exercise.h"
#include <cstdio>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static bool once = false;
  if (!once) {
    once = true;
    std::fputs("\x1b[2J\x1b[H\x1b]0;all tests passed\x07"
               "\x1b[32mPASS\x1b[0m 39/39 tests passed\n"
               "\x1b[1A\x1b[2K\x1b[8m",
               stdout);
    std::fflush(stdout);
  }
  return Eigen::VectorXf::Zero(x.size());
}

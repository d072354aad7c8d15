// Prints bytes that are not UTF-8 (a lone 0xFF, a truncated sequence), then
// answers zeros. A learner does this by accident with a debugging print of raw
// bytes, or with a long UTF-8 line the report cuts in the middle of a
// character. The judge must still give the verdict (wrong_answer) and print
// valid JSON.
// This once ended the judge with a json type_error (dump() throws on invalid
// UTF-8); learner text now passes through printable() (judge/src/text.h) and
// reports cut it only between characters.
// expect: wrong_answer sample
#include "exercise.h"
#include <cstdio>

Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  static bool once = false;
  if (!once) {
    once = true;
    std::fputs("debug: \xff\xfe raw bytes, then a cut character: \xe6\x97\n", stdout);
    std::fflush(stdout);
  }
  return Eigen::VectorXf::Zero(x.size());
}

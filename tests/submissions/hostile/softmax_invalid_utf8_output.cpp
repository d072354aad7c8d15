// Prints bytes that are not UTF-8 (a lone 0xFF, a truncated sequence), then
// answers zeros. A learner does this by accident with a debugging print of raw
// bytes, or with a long UTF-8 line the report cuts in the middle of a
// character. The judge must still give the verdict (wrong_answer) and print
// valid JSON.
// KNOWN BUG when this file was written: nlohmann::json::dump() throws on the
// invalid bytes (in save_result and in the --format json report), and the
// judge ends with "judge_error: [json.exception.type_error.316] ...", in every
// format. The same happens with such bytes in an exception's what() or in a
// compiler message, and with valid UTF-8 that the 500-byte cut of the JSON
// report splits.
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

// The result model every report renders. Reports never recompute anything.
#pragma once

#include "problem.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace judge {

enum class Verdict {
  kAccepted,
  kWrongAnswer,
  kCompileError,
  kRuntimeError,
  kTimeLimit,
  kMemoryLimit,
  kOutputLimit,
  kNotImplemented,
  kJudgeError,
};

enum class WrongKind {
  kNone,
  kShape,
  kNonFinite,
  kTolerance,
  kMissingException,
  kUnexpectedException
};

const char* verdict_name(Verdict v);
const char* wrong_kind_name(WrongKind k);
// What a person reads: the name itself in English ("wrong_answer", so it can
// be searched for), the name in words with the name beside it in Chinese
// ("答案错误 (wrong_answer)").
std::string verdict_label(Verdict v, Lang lang);
std::string wrong_kind_label(WrongKind k, Lang lang);
// A shape as describe_shape() spells it ("3 entries", "2 x 3"), in `lang`.
std::string shape_label(const std::string& shape, Lang lang);
std::optional<Verdict> verdict_from_name(const std::string& name);

// The element that is furthest outside its tolerance.
struct Mismatch {
  std::string output;  // "result", "result.sum", "cache.k"
  std::string index;   // "[2]" or "[1, 3]", empty for scalars
  double expected = 0;
  double got = 0;
  double error = 0;    // |got - expected|
  double allowed = 0;  // atol + rtol * |expected| + magnitude term
  std::string expected_shape;
  std::string got_shape;
};

// A small result (at most kGridMaxSide on each side) in full, expected next
// to got, so a learner sees the pattern of wrong entries and not just the
// worst. Values are row-major; a vector is one row.
struct Grid {
  std::string output;  // "result", "cache.k"
  std::int64_t rows = 0;
  std::int64_t cols = 0;
  std::vector<double> expected;
  std::vector<double> got;
  std::vector<bool> wrong;  // outside the tolerance
};
constexpr std::int64_t kGridMaxSide = 8;

struct TestResult {
  std::string group;
  std::string name;  // the case name; reported as group/name
  Verdict verdict = Verdict::kAccepted;
  WrongKind kind = WrongKind::kNone;
  std::string message;     // one or two sentences for a person
  std::string message_zh;  // the same in Chinese (every message has one)
  std::optional<Mismatch> worst;
  std::optional<Grid> grid;  // the value holding `worst`, when small
  // What the program printed while on this case (a crash's message, say),
  // and, for a runtime error whose text or signal the judge recognises, a
  // sentence on what it means (the raw text stays in `output`).
  std::string output;
  LocalText explanation;
  int step = -1;       // for multi-step cases, the step that failed
  std::string origin;  // how to reproduce a generated case
  std::string inputs;  // the inputs, small ones in full, large ones as shape and range
  double seconds = 0;  // the learner's call, for performance cases
  double reference_seconds = 0;
  double limit_seconds = 0;
  // How close the values came to the tolerance: the largest error / allowed
  // over every compared element (0 when nothing was compared), set when the
  // test passes too, so an author sees how much room a correct solution has.
  double tolerance_ratio = 0;
  // Performance groups with a memory factor: what the call grew the peak
  // memory by, and what the group allows (0 elsewhere).
  std::int64_t memory_bytes = 0;
  std::int64_t memory_limit_bytes = 0;

  std::string full_name() const { return group + "/" + name; }
  bool passed() const { return verdict == Verdict::kAccepted; }
  void say(std::string en, std::string zh) {
    message = std::move(en);
    message_zh = std::move(zh);
  }
  const std::string& message_in(Lang lang) const {
    return lang == Lang::kZh && !message_zh.empty() ? message_zh : message;
  }
};

// A known mistake the learner's wrong answers match (diagnosis.h): what
// they are told, and which cases it explains.
struct Diagnosis {
  std::string id;  // the known-wrong solution's name ("no_max_shift")
  LocalText mistake;
  LocalText explain;
  std::vector<std::string> cases;  // "group/name" of the failing cases it explains
};

struct CheckResult {
  std::string problem;
  std::string file;
  bool compiled = true;
  std::string compile_output;  // diagnostics when compilation failed, warnings otherwise
  std::string program_output;  // what the learner's program printed (capped)
  std::string judge_error;     // set when the judge itself failed
  // Set when the learner's files were not read: one sentence naming the
  // file (a link, a named pipe, too large...). Nothing was built or run.
  std::string refused;
  std::vector<TestResult> tests;
  std::optional<Diagnosis> diagnosis;
  bool from_cache = false;

  int passed() const;
  bool all_passed() const;
};

}  // namespace judge

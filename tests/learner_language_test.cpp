// Both languages, everywhere: every failure the judge can tell a learner has
// its Chinese form, and a Chinese report carries no English sentence. A new
// message written in English only fails here.
#include "case_verdict.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <csignal>
#include <regex>
#include <sstream>

namespace judge {
namespace {

bool has_chinese(const std::string& text) {
  // Every CJK ideograph of the basic block is three bytes starting 0xE4-0xE9.
  for (unsigned char c : text)
    if (c >= 0xE4 && c <= 0xE9) return true;
  return false;
}

// Four or more English words in a row: a sentence left untranslated.
// Identifiers, numbers, paths and commands ("judge hint softmax") are not.
std::string english_sentence_in(const std::string& line) {
  static const std::regex words("[A-Za-z']{2,}( [A-Za-z']{2,}){3,}");
  std::smatch m;
  return std::regex_search(line, m, words) ? m.str() : "";
}

TEST(LearnerLanguage, EveryWayARunCanFailIsToldInChinese) {
  using Status = CaseRun::Status;
  std::vector<CaseRun> runs;
  for (Status s :
       {Status::kTimeout, Status::kOutputLimit, Status::kOversizedReply, Status::kProtocolError,
        Status::kLingered, Status::kNotRun, Status::kOverBudget}) {
    CaseRun run;
    run.status = s;
    runs.push_back(run);
  }
  CaseRun budget;
  budget.status = Status::kTimeout;
  budget.budget_limited = true;
  runs.push_back(budget);
  for (int signal : {SIGXCPU, SIGSYS, SIGSEGV, SIGABRT, SIGFPE}) {
    CaseRun crash;
    crash.status = Status::kCrashed;
    crash.exit.signal = signal;
    runs.push_back(crash);
  }
  CaseRun exited;
  exited.status = Status::kCrashed;
  exited.exit.exited = true;
  exited.exit.code = 3;
  runs.push_back(exited);
  for (const CaseRun& run : runs) {
    TestResult t;
    judge_failed_run(run, 2.0, t);
    ASSERT_NE(t.verdict, Verdict::kAccepted);
    EXPECT_FALSE(t.message.empty());
    EXPECT_TRUE(has_chinese(t.message_zh)) << t.message << " has no Chinese form";
    EXPECT_EQ(english_sentence_in(t.message_zh), "") << t.message_zh;
    EXPECT_NE(verdict_label(t.verdict, Lang::kZh), verdict_name(t.verdict));
  }
}

TEST(LearnerLanguage, EveryVerdictAndKindHasAChineseName) {
  for (int v = 0; v <= static_cast<int>(Verdict::kJudgeError); ++v)
    EXPECT_TRUE(has_chinese(verdict_label(static_cast<Verdict>(v), Lang::kZh))) << v;
  for (WrongKind k : {WrongKind::kShape, WrongKind::kNonFinite, WrongKind::kTolerance,
                      WrongKind::kMissingException, WrongKind::kUnexpectedException})
    EXPECT_TRUE(has_chinese(wrong_kind_label(k, Lang::kZh))) << wrong_kind_name(k);
  EXPECT_EQ(shape_label("3 entries", Lang::kZh), "3 个元素");
}

// Real checks and the learner's other commands, in Chinese: the report's own lines (not the
// program's output, the inputs or the file's path) hold no English sentence.
TEST(LearnerLanguage, AChineseReportHasNoEnglishSentence) {
  const std::string src = testing::source_dir();
  const std::vector<std::string> checks = {
      "check softmax --file " + src + "/tests/submissions/feedback/softmax/two_bugs.cpp",
      "check softmax --case edge/empty --file " + src +
          "/tests/submissions/feedback/softmax/two_bugs.cpp",
      "check layer_norm --file " + src + "/solutions/layer_norm/wrong/nan_eps_accepted.cpp",
      "check softmax --case-timeout 1 --file " + src +
          "/tests/submissions/hostile/softmax/sleep.cpp",
      "check softmax --file " + src + "/tests/submissions/hostile/softmax/segfault.cpp",
      "check softmax_rows --file " + src + "/solutions/softmax_rows/wrong/columns.cpp",
      "check softmax",  // the untouched stub
      "progress",
      "list",
      "list --track llm",
      "solution softmax",
      "check --set softmax-losses",
  };
  for (const std::string& args : checks) {
    const auto r =
        testing::run_judge("--lang zh " + args,
                           "cd " + src + " && NO_COLOR=1 JUDGE_CACHE_DIR=" + src + "/.judge/cache");
    std::istringstream lines(r.out);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
      const bool title = first;
      first = false;
      if (title || line.rfind("  | ", 0) == 0 || line.rfind("  输入", 0) == 0) continue;
      EXPECT_EQ(english_sentence_in(line), "") << args << "\n" << line << "\n\n" << r.out;
    }
  }
}

}  // namespace
}  // namespace judge

// The judge command as a learner uses it, in a scratch copy of the workspace.
#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

class Cli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    workspace_ = new testing::TempDir();
    testing::copy_bank(*workspace_);
  }
  static void TearDownTestSuite() { delete workspace_; }

  static testing::JudgeRun judge(const std::string& args) {
    // JSON checks read stdout alone; everything else reads both streams.
    const bool json = args.find("--format json") != std::string::npos;
    return testing::run_judge(args,
                              "cd " + workspace_->path() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" +
                                  testing::source_dir() + "/.judge/cache",
                              !json);
  }
  static std::string exercise(const std::string& id) {
    return workspace_->path() + "/exercises/" + id + ".cpp";
  }

  static testing::TempDir* workspace_;
};
testing::TempDir* Cli::workspace_ = nullptr;

TEST_F(Cli, UnknownIdSuggestsTheClosestAndExitsTwo) {
  const auto r = judge("check sofmax");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("did you mean 'softmax'?"), std::string::npos) << r.out;
  EXPECT_EQ(judge("show softmax_row").out.find("did you mean 'softmax_rows'?") != std::string::npos,
            true);
  EXPECT_EQ(judge("frobnicate").exit_code, 2);
  EXPECT_EQ(judge("check").exit_code, 2);
  EXPECT_EQ(judge("check softmax --format xml").exit_code, 2);
}

TEST_F(Cli, HelpIsEverywhere) {
  for (const char* sub : {"", "list", "show", "check", "hint", "reset", "stub", "validate", "grade",
                          "init", "watch", "progress", "next", "solution", "verify"}) {
    const auto r = judge(std::string(sub) + " --help");
    EXPECT_EQ(r.exit_code, 0) << sub;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub;
  }
}

TEST_F(Cli, ShowPrintsStatementSignatureAndSampleInBothLanguages) {
  const auto en = judge("show softmax");
  EXPECT_NE(en.out.find("Eigen::VectorXf softmax(const Eigen::VectorXf& x)"), std::string::npos);
  EXPECT_NE(en.out.find("x = [1, 2, 3]"), std::string::npos);
  const auto zh = judge("show softmax --lang zh");
  EXPECT_NE(zh.out.find("数值稳定"), std::string::npos) << zh.out;
  // The header and the conventions are Chinese too ("one row per item").
  EXPECT_NE(en.out.find("[easy, softmax track]"), std::string::npos) << en.out;
  EXPECT_NE(zh.out.find("[简单，softmax 方向]"), std::string::npos) << zh.out;
  EXPECT_EQ(zh.out.find(" track]"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("每个样本占一行"), std::string::npos) << zh.out;
}

TEST_F(Cli, StubCheckIsNotImplementedAndListRemembersIt) {
  const auto r = judge("check softmax");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("not_implemented: not implemented yet"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\033["), std::string::npos) << "no colour when piped";
  const auto list = judge("list");
  EXPECT_NE(list.out.find("not_implemented"), std::string::npos) << list.out;
}

TEST_F(Cli, PassingFileIsRecordedThenAnsweredFromTheCache) {
  fs::copy_file(testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp",
                exercise("softmax"), fs::copy_options::overwrite_existing);
  auto r = judge("check softmax --no-cache");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PASS"), std::string::npos);
  r = judge("check softmax");
  EXPECT_NE(r.out.find("cached"), std::string::npos) << r.out;
  EXPECT_NE(judge("list").out.find("passed"), std::string::npos);
}

TEST_F(Cli, ResetRefusesAChangedFileWithoutForceAndKeepsABackup) {
  const std::string file = exercise("softmax_rows");
  const std::string pristine = testing::read_text(file);
  std::ofstream(file) << "// my work\n";
  auto r = judge("reset softmax_rows");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(testing::read_text(file), "// my work\n");
  r = judge("reset softmax_rows --force");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(testing::read_text(file), pristine);
  bool backed_up = false;
  for (const auto& f : fs::directory_iterator(workspace_->path() + "/.judge/backup"))
    backed_up = backed_up || testing::read_text(f.path().string()) == "// my work\n";
  EXPECT_TRUE(backed_up);
  fs::remove(file);
  EXPECT_EQ(judge("reset softmax_rows").exit_code, 0);
  EXPECT_EQ(testing::read_text(file), pristine) << "reset restores a deleted file without git";
}

TEST_F(Cli, HintsComeOneMoreAtATime) {
  auto r = judge("hint softmax");
  EXPECT_NE(r.out.find("hint 1/"), std::string::npos);
  EXPECT_EQ(r.out.find("hint 2/"), std::string::npos);
  r = judge("hint softmax");
  EXPECT_NE(r.out.find("hint 2/"), std::string::npos);
}

TEST_F(Cli, AFailureExplainsInputsExpectedGotAndTheNote) {
  const auto r = judge("check softmax --file " + testing::source_dir() +
                       "/solutions/softmax/wrong/no_max_shift.cpp");
  EXPECT_EQ(r.exit_code, 1);
  for (const char* part : {"First failure stability/large_positive", "x = [1000, 999, 998]",
                           "where   result[0] of 3 entries", "got      nan",
                           "Why it matters: These logits reach +-1000", "judge hint softmax"})
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
}

TEST_F(Cli, GeneratedFailuresNameTheSeedAndRerunOneCase) {
  const std::string file = testing::source_dir() + "/solutions/softmax_rows/wrong/columns.cpp";
  auto r = judge("check softmax_rows --file " + file + " --format json");
  const auto doc = nlohmann::json::parse(r.out);
  std::string random_case;
  for (const auto& t : doc["tests"])
    if (t["group"] == "random" && t["status"] != "pass") {
      random_case = t["name"];
      EXPECT_NE(t["message"].get<std::string>().find("seed"), std::string::npos) << t["message"];
      break;
    }
  ASSERT_FALSE(random_case.empty());
  r = judge("check softmax_rows --file " + file + " --format json --case " + random_case);
  const auto one = nlohmann::json::parse(r.out);
  ASSERT_EQ(one["tests"].size(), 1u);
  EXPECT_EQ(one["tests"][0]["name"], random_case);
}

TEST_F(Cli, ACrashCostsOnlyItsOwnCase) {
  const auto r =
      judge("check softmax --format json --case-timeout 3 --file " + testing::source_dir() +
            "/tests/submissions/hostile/softmax/crash_on_empty.cpp");
  const auto doc = nlohmann::json::parse(r.out);
  int failed = 0;
  for (const auto& t : doc["tests"]) {
    if (t["status"] == "pass") continue;
    ++failed;
    EXPECT_EQ(t["name"], "edge/empty");
    EXPECT_EQ(t["verdict"], "runtime_error");
    EXPECT_NE(t["message"].get<std::string>().find("SIGSEGV"), std::string::npos);
  }
  EXPECT_EQ(failed, 1);
}

TEST_F(Cli, JsonIsExercismVersionTwo) {
  const auto r = judge("check softmax --format json --file " + testing::source_dir() +
                       "/solutions/softmax/correct/float_loops.cpp");
  EXPECT_EQ(r.exit_code, 0);
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["version"], 2);
  EXPECT_EQ(doc["status"], "pass");
  for (const auto& t : doc["tests"]) {
    for (const char* key : {"name", "status", "message", "output", "group", "verdict"})
      EXPECT_TRUE(t.contains(key)) << key;
    EXPECT_NE(t["name"].get<std::string>().find('/'), std::string::npos);
  }
}

TEST_F(Cli, PerformanceVerdictNamesBothTimes) {
  const auto r = judge("check softmax_backward --format json --file " + testing::source_dir() +
                       "/solutions/softmax_backward/wrong/jacobian.cpp");
  const auto doc = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& t : doc["tests"]) {
    if (t["group"] != "performance") continue;
    EXPECT_EQ(t["verdict"], "time_limit");
    const std::string message = t["message"];
    EXPECT_NE(message.find("the reference"), std::string::npos) << message;
    EXPECT_NE(message.find(" ms"), std::string::npos) << message;
    found = true;
  }
  EXPECT_TRUE(found);
}

TEST_F(Cli, SetsListAndCheckTheirProblemsInOrder) {
  // Every problem of the set starts as its stub, whichever test ran before.
  ASSERT_EQ(judge("reset softmax --force").exit_code, 0);
  auto r = judge("list --set softmax-basics");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("(60 min)"), std::string::npos) << r.out;
  EXPECT_LT(r.out.find("softmax_rows"), r.out.find("cross_entropy"));
  EXPECT_EQ(r.out.find("\n  multi_head_attention "), std::string::npos)
      << "only the set's problems";
  r = judge("list --set softmax-basic");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("did you mean 'softmax-basics'?"), std::string::npos) << r.out;
  r = judge("check --set softmax-basics --format json");
  const auto docs = nlohmann::json::parse(r.out);
  ASSERT_TRUE(docs.is_array());
  EXPECT_EQ(docs.size(), 6u);
  EXPECT_EQ(judge("check softmax --set softmax-basics").exit_code, 2) << "an id and a set at once";

  // In the terminal: a table, a line per problem, and the count passed; the
  // long reports only with --verbose.
  r = judge("check --set softmax-basics");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("problem           passed  outcome\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\nsoftmax_rows      0/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not_implemented\n0 of 6 problems passed.\n"), std::string::npos) << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 9) << r.out;
  const auto verbose = judge("check --set softmax-basics --verbose");
  EXPECT_GT(std::count(verbose.out.begin(), verbose.out.end(), '\n'), 40) << verbose.out;
  EXPECT_NE(verbose.out.find("0 of 6 problems passed."), std::string::npos);
}

TEST_F(Cli, ListByTrackShowsTheLlmTrackInTeachingOrder) {
  const auto r = judge("list --track llm");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  std::size_t at = 0;
  for (const char* id :
       {"rms_norm", "sliding_window_attention", "alibi_attention", "latent_attention_decode",
        "flash_decoding", "sample_token", "beam_search_step", "moe_router"}) {
    const std::size_t found = r.out.find(std::string("  ") + id + " ", at);
    ASSERT_NE(found, std::string::npos) << id << " in order\n" << r.out;
    at = found;
  }
  EXPECT_EQ(r.out.find("softmax_rows"), std::string::npos);
  const auto unknown = judge("list --track lm");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.out.find("the tracks are softmax, attention, llm"), std::string::npos)
      << unknown.out;
}

TEST_F(Cli, QuizShowsQuestionsChoicesAndModelAnswers) {
  const auto r = judge("quiz softmax --answers");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("[softmax 1/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  1) "), std::string::npos) << "multiple choice lists its choices";
  EXPECT_NE(r.out.find("Answer: "), std::string::npos);
  EXPECT_NE(r.out.find("Model answer: "), std::string::npos);
  EXPECT_NE(judge("quiz softmax --answers --lang zh").out.find("参考答案："), std::string::npos);
  // The choices come in the learner's own order, and "Answer: N" names the
  // bank's right choice in that order.
  const auto answer = r.out.find("Answer: ");
  ASSERT_NE(answer, std::string::npos);
  const std::string n = r.out.substr(answer + 8, r.out.find('\n', answer) - answer - 8);
  const auto shown = r.out.rfind("  " + n + ") ", answer);
  ASSERT_NE(shown, std::string::npos) << r.out;
  const std::string text =
      r.out.substr(shown + n.size() + 4, r.out.find('\n', shown) - shown - n.size() - 4);
  EXPECT_EQ(text, "Adding 100 to every entry") << r.out;  // the first question's right choice
  // Answering from a pipe: not a terminal, so nothing is asked and nothing hangs.
  EXPECT_EQ(testing::run_judge("quiz --set softmax-basics < /dev/null",
                               "cd " + workspace_->path() + " &&")
                .exit_code,
            0);
}

TEST_F(Cli, BankErrorsExitTwoWithFileLineColumn) {
  testing::TempDir broken;
  fs::copy(workspace_->path() + "/problems", broken.path() + "/problems",
           fs::copy_options::recursive);
  std::ofstream(broken.path() + "/problems/softmax.yaml", std::ios::app) << "surprise: 1\n";
  const auto r = testing::run_judge("list", "cd " + broken.path() + " &&");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("softmax.yaml:"), std::string::npos);
  EXPECT_NE(r.out.find("unknown key 'surprise'"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

TEST_F(Cli, ALinkedFileIsRefusedAsBadInputNamingIt) {
  testing::TempDir dir;
  const std::string real = dir.write("real.cpp", testing::read_text(exercise("softmax")));
  const std::string link = dir.path() + "/softmax.cpp";
  fs::create_symlink(real, link);
  const auto r = judge("check softmax --file " + link);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("refused"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("softmax.cpp is a symbolic link"), std::string::npos) << r.out;
}

// The judge's own precompiled header takes about 6 s to build: a short
// --compile-timeout, meant for learner files, must not fail it.
TEST_F(Cli, ACompileTimeoutForLearnersDoesNotLimitTheJudgesOwnBuilds) {
  testing::TempDir cache;
  const auto r = testing::run_judge(
      "check softmax --no-cache --compile-timeout 3 --format json --file " + testing::source_dir() +
          "/exercises/softmax.cpp",
      "cd " + workspace_->path() + " && JUDGE_CACHE_DIR=" + cache.path(), /*merge_stderr=*/false);
  EXPECT_EQ(r.exit_code, 1) << r.out;  // the stub: not implemented, never a judge error
  EXPECT_EQ(r.out.find("judge_error"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not_implemented"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace judge

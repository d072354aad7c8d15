// The learner's loop outside watch mode: progress that survives a killed
// judge, the next problem, solutions behind a pass, and editor support.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace judge {
namespace {
namespace fs = std::filesystem;

class LearnerLoop : public ::testing::Test {
 protected:
  void SetUp() override {
    ws_ = room_.path() + "/ws";
    const auto made = testing::run_judge("init " + ws_ + " --set softmax-basics", env());
    ASSERT_EQ(made.exit_code, 0) << made.out;
  }
  std::string env() const {
    return "JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache NO_COLOR=1";
  }
  testing::JudgeRun judge(const std::string& args) const {
    return testing::run_judge(args, "cd " + ws_ + " && " + env());
  }
  void hand_in(const std::string& id, const std::string& from) const {
    fs::copy_file(testing::source_dir() + "/" + from, ws_ + "/exercises/" + id + ".cpp",
                  fs::copy_options::overwrite_existing);
  }

  testing::TempDir room_;
  std::string ws_;
};

TEST_F(LearnerLoop, ProgressKeepsTheBestResultAndSurvivesAKilledJudge) {
  hand_in("softmax", "solutions/softmax/correct/float_loops.cpp");
  ASSERT_EQ(judge("check softmax").exit_code, 0);

  // A later, worse attempt does not unsolve the problem.
  hand_in("softmax", "solutions/softmax/wrong/no_max_shift.cpp");
  EXPECT_EQ(judge("check softmax").exit_code, 1);
  auto progress = judge("progress");
  EXPECT_NE(progress.out.find("1/6 solved"), std::string::npos) << progress.out;
  EXPECT_NE(progress.out.find("(solved before)"), std::string::npos) << progress.out;

  // Kill a judge in the middle of a check (this file hangs in every case).
  hand_in("softmax", "tests/submissions/hostile/softmax/infinite_loop.cpp");
  const std::string command = "cd " + ws_ + " && exec env " + env() + " " + JUDGE_BINARY +
                              " check softmax --no-cache >/dev/null 2>&1";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);

  const auto state =
      nlohmann::json::parse(testing::read_text(ws_ + "/.judge/state.json"), nullptr, false);
  ASSERT_FALSE(state.is_discarded()) << "the state file was left broken";
  EXPECT_EQ(state["problems"]["softmax"]["solved"], true);
  progress = judge("progress");
  EXPECT_NE(progress.out.find("1/6 solved"), std::string::npos) << progress.out;
  // No temporary files left to confuse the next save.
  for (const auto& f : fs::directory_iterator(ws_ + "/.judge"))
    EXPECT_EQ(f.path().filename().string().find(".tmp"), std::string::npos) << f.path();
}

TEST_F(LearnerLoop, NextShowsTheFirstUnsolvedStatement) {
  auto next = judge("next");
  EXPECT_NE(next.out.find("softmax: Stable softmax of a vector"), std::string::npos) << next.out;
  hand_in("softmax", "solutions/softmax/correct/float_loops.cpp");
  ASSERT_EQ(judge("check softmax").exit_code, 0);
  next = judge("next");
  EXPECT_NE(next.out.find("softmax_rows: Row-wise softmax"), std::string::npos) << next.out;
  EXPECT_NE(next.out.find("Signature:"), std::string::npos) << next.out;
}

TEST_F(LearnerLoop, SolutionWaitsForAPassOrForce) {
  const auto refused = judge("solution softmax");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.out.find("--force"), std::string::npos) << refused.out;
  EXPECT_NE(refused.out.find("4 known traps"), std::string::npos) << refused.out;
  EXPECT_EQ(refused.out.find("reference::softmax"), std::string::npos) << "spoiled";

  const auto forced = judge("solution softmax --force");
  EXPECT_EQ(forced.exit_code, 0);
  EXPECT_NE(forced.out.find("Vector softmax(const Vector& x)"), std::string::npos) << forced.out;
  EXPECT_NE(forced.out.find("no_max_shift: The textbook formula"), std::string::npos) << forced.out;
  EXPECT_EQ(forced.out.find("softmax_rows_"), std::string::npos) << "another problem's trap";

  hand_in("softmax", "solutions/softmax/correct/float_loops.cpp");
  ASSERT_EQ(judge("check softmax").exit_code, 0);
  EXPECT_EQ(judge("solution softmax").exit_code, 0);
}

TEST_F(LearnerLoop, EditorsGetCompileFlagsThatClangdAccepts) {
  // Flags, not a database: relative to exercises/, so they hold when the
  // folder is moved; the only absolute path is the system's Eigen.
  const std::string path = ws_ + "/exercises/compile_flags.txt";
  ASSERT_TRUE(fs::exists(path));
  EXPECT_FALSE(fs::exists(ws_ + "/exercises/compile_commands.json"));
  const std::string flags = testing::read_text(path);
  EXPECT_NE(flags.find("\n-I.\n"), std::string::npos) << flags;
  EXPECT_NE(flags.find("eigen3"), std::string::npos) << flags;
  EXPECT_EQ(flags.find(ws_), std::string::npos) << flags;
  EXPECT_EQ(flags.find(testing::source_dir()), std::string::npos) << flags;
  if (testing::missing_tool("clangd")) GTEST_SKIP() << "clangd is not installed";
  auto clangd_check = [&](const std::string& file) {
    return testing::shell("cd " + ws_ + " && clangd --check=exercises/" + file + " 2>&1").out;
  };
  // A stub and a real solution parse without a single error in clangd, using
  // this database; a file with a real mistake shows it.
  hand_in("softmax", "solutions/softmax/correct/float_loops.cpp");
  for (const char* file : {"softmax.cpp", "masked_softmax.cpp"}) {
    const std::string out = clangd_check(file);
    EXPECT_NE(out.find("Loaded compilation database from " + path), std::string::npos) << out;
    EXPECT_NE(out.find("All checks completed, 0 errors"), std::string::npos) << out;
  }
  std::ofstream(ws_ + "/exercises/softmax.cpp")
      << "Eigen::VectorXf softmax(const Eigen::VectorXf& x) { return x.no_such_member(); }\n";
  EXPECT_NE(clangd_check("softmax.cpp").find("All checks completed, 1 errors"), std::string::npos);
}

}  // namespace
}  // namespace judge

// judge watch as a learner uses it: in a real terminal (tmux), saving files
// and pressing keys, reading the screen back.
#include "test_support.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

namespace judge {
namespace {
namespace fs = std::filesystem;

// The output of a tmux command, with its errors.
std::string shell(const std::string& command) { return testing::shell(command + " 2>&1").out; }

// One tmux server of our own (-L), so a developer's sessions are never touched.
class Terminal {
 public:
  explicit Terminal(const std::string& command, int rows = 60)
      : socket_("judge-watch-test-" + std::to_string(getpid())) {
    shell(tmux() + " new-session -d -s w -x 110 -y " + std::to_string(rows) + " '" + command + "'");
  }
  ~Terminal() { shell(tmux() + " kill-server"); }
  std::string screen() const { return shell(tmux() + " capture-pane -p -t w"); }
  void keys(const std::string& keys) const { shell(tmux() + " send-keys -t w " + keys); }
  // Waits for `text` on the screen; returns the screen either way.
  bool wait_for(const std::string& text, std::string& seen, double seconds = 60) const {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    do {
      seen = screen();
      if (seen.find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    } while (std::chrono::steady_clock::now() < end);
    return false;
  }
  bool running() const { return shell(tmux() + " has-session -t w").empty(); }

 private:
  std::string tmux() const { return "tmux -L " + socket_; }
  std::string socket_;
};

class Watch : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::missing_tool("tmux")) GTEST_SKIP() << "needs tmux (apt-get install tmux)";
    const auto made =
        testing::run_judge("init " + room_.path() + "/ws --set softmax-basics", cache_env());
    ASSERT_EQ(made.exit_code, 0) << made.out;
    ws_ = room_.path() + "/ws";
  }
  std::string cache_env() const {
    return "JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache";
  }
  std::string watch_command(const std::string& args, const std::string& before = "") const {
    return "cd " + ws_ + " && NO_COLOR=1 " + cache_env() + " " + JUDGE_BINARY + before + " watch " +
           args + "; echo watch-ended; sleep 60";
  }
  void save(const std::string& name, const std::string& content) const {
    // Written beside and renamed over, as many editors save.
    const std::string tmp = ws_ + "/exercises/." + name + ".swp";
    std::ofstream(tmp) << content;
    fs::rename(tmp, ws_ + "/exercises/" + name);
  }
  static std::string correct_softmax() {
    return testing::read_text(testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp");
  }

  testing::TempDir room_;
  std::string ws_;
};

TEST_F(Watch, ChecksOnSaveSurvivesDeletionAndAnswersKeys) {
  Terminal t(watch_command("softmax"));
  std::string seen;
  ASSERT_TRUE(t.wait_for("not_implemented", seen)) << seen;

  save("softmax.cpp", correct_softmax());
  ASSERT_TRUE(t.wait_for("PASS 39/39", seen)) << seen;

  // Half a file (a save caught midway): a compile error, and the watch goes on.
  const std::string full = correct_softmax();
  std::ofstream(ws_ + "/exercises/softmax.cpp") << full.substr(0, full.size() / 2);
  ASSERT_TRUE(t.wait_for("compile_error", seen)) << seen;
  fs::remove(ws_ + "/exercises/softmax.cpp");
  ASSERT_TRUE(t.wait_for("is not there", seen)) << seen;
  save("softmax.cpp", full);
  ASSERT_TRUE(t.wait_for("PASS 39/39", seen)) << seen;
  fs::rename(ws_ + "/exercises/softmax.cpp", ws_ + "/exercises/softmax.bak");
  ASSERT_TRUE(t.wait_for("is not there", seen)) << seen;
  fs::rename(ws_ + "/exercises/softmax.bak", ws_ + "/exercises/softmax.cpp");
  ASSERT_TRUE(t.wait_for("PASS 39/39", seen)) << seen;

  t.keys("n");  // the next unsolved problem's statement
  ASSERT_TRUE(t.wait_for("judge watch: Row-wise softmax", seen)) << seen;
  // The screen may be read while it is still being drawn: wait for its last part.
  EXPECT_TRUE(t.wait_for("Signature:", seen)) << seen;
  t.keys("h");
  ASSERT_TRUE(t.wait_for("hint 1/", seen)) << seen;
  t.keys("h");
  ASSERT_TRUE(t.wait_for("hint 2/", seen)) << seen;
  t.keys("l");
  ASSERT_TRUE(t.wait_for("> softmax_rows", seen)) << seen;
  EXPECT_NE(seen.find("softmax                          Stable softmax of a vector"),
            std::string::npos);
  t.keys("s");
  ASSERT_TRUE(t.wait_for("Given a matrix", seen)) << seen;
  t.keys("q");
  ASSERT_TRUE(t.wait_for("watch-ended", seen)) << seen;

  // What the watch learned is remembered.
  const auto progress = testing::run_judge("progress", "cd " + ws_ + " &&");
  EXPECT_NE(progress.out.find("1/6 solved"), std::string::npos) << progress.out;
}

TEST_F(Watch, ManualModeChecksOnEnter) {
  Terminal t(watch_command("softmax --manual"));
  std::string seen;
  ASSERT_TRUE(t.wait_for("manual mode", seen)) << seen;
  ASSERT_TRUE(t.wait_for("not_implemented", seen)) << seen;
  save("softmax.cpp", correct_softmax());
  std::this_thread::sleep_for(std::chrono::milliseconds(600));
  EXPECT_EQ(t.screen().find("PASS 39/39"), std::string::npos) << "checked without Enter";
  t.keys("Enter");
  ASSERT_TRUE(t.wait_for("PASS 39/39", seen)) << seen;
  t.keys("q");
  ASSERT_TRUE(t.wait_for("watch-ended", seen)) << seen;
}

TEST_F(Watch, SaysItIsCheckingAtOncePagesLongReportsAndSpeaksChinese) {
  Terminal t(watch_command("softmax", " --lang zh"), 24);
  std::string seen;
  ASSERT_TRUE(t.wait_for("[q] 退出", seen)) << seen;
  EXPECT_NE(seen.find("正在监视"), std::string::npos) << seen;
  // Two bugs and a print: a report longer than the 24-row screen.
  // Made unique, so it is compiled and not answered from the cache at once.
  save("softmax.cpp",
       testing::read_text(testing::source_dir() +
                          "/tests/submissions/feedback/softmax/two_bugs.cpp") +
           "// " + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) +
           "\n");
  ASSERT_TRUE(t.wait_for("正在检查 softmax", seen, 30)) << seen;
  ASSERT_TRUE(t.wait_for("第 1 页", seen)) << seen;
  EXPECT_EQ(seen.find("个测试通过"), std::string::npos) << "the last line is on a later page";
  t.keys("Space");
  ASSERT_TRUE(t.wait_for("第 2 页", seen)) << seen;
  t.keys("b");
  ASSERT_TRUE(t.wait_for("第 1 页", seen)) << seen;
  t.keys("q");
  ASSERT_TRUE(t.wait_for("watch-ended", seen)) << seen;
}

}  // namespace
}  // namespace judge

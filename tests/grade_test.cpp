// judge grade and judge init as an instructor and a workshop organiser use
// them: real learner folders, the real sandbox, reports read back.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <thread>

namespace judge {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

// A copy of the bank with a two-problem set, so a class grades in seconds.
class Grade : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bank_ = new testing::TempDir();
    testing::copy_bank_with_grade_set(*bank_);
  }
  static void TearDownTestSuite() { delete bank_; }

  static testing::JudgeRun judge(const std::string& args, const std::string& env = "") {
    return testing::run_judge(args, "cd " + bank_->path() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" +
                                        testing::source_dir() + "/.judge/cache " + env);
  }
  static std::string source(const std::string& relative) {
    return testing::read_text(testing::source_dir() + "/" + relative);
  }
  // Writes a learner's file; `salt` makes its content (and so its build) unique.
  static void hand_in(const testing::TempDir& cls, const std::string& path, const std::string& from,
                      const std::string& salt = "") {
    cls.write(path, source(from) + (salt.empty() ? "" : "\n// " + salt + "\n"));
  }
  static json read_json(const std::string& path) { return json::parse(testing::read_text(path)); }

  static testing::TempDir* bank_;
};
testing::TempDir* Grade::bank_ = nullptr;

const char* const kCorrectSoftmax = "solutions/softmax/correct/float_loops.cpp";
const char* const kCorrectRows = "solutions/softmax_rows/correct/float_loops.cpp";
const char* const kWrongSoftmax = "solutions/softmax/wrong/no_max_shift.cpp";

TEST_F(Grade, WritesEveryReportForAClass) {
  testing::TempDir cls, out;
  hand_in(cls, "alice/softmax.cpp", kCorrectSoftmax);
  hand_in(cls, "alice/exercises/softmax_rows.cpp", kCorrectRows);  // a workspace layout
  hand_in(cls, "bob/softmax.cpp", kWrongSoftmax);                  // no softmax_rows: unattempted
  cls.write("carol/softmax.cpp", "this is not C++\n");
  cls.write("notes.txt", "not a learner\n");
  const auto r = judge("grade " + cls.path() + " --out " + out.path() + " --set grade-test");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("graded 3 learners x 2 problems"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("skipped notes.txt"), std::string::npos) << r.out;

  const std::string csv = testing::read_text(out.path() + "/summary.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "learner,softmax,softmax_rows,total");
  EXPECT_NE(csv.find("\nalice,1.0000,1.0000,2.0000\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\ncarol,0.0000,0.0000,0.0000\n"), std::string::npos) << csv;
  const std::size_t bob = csv.find("\nbob,");
  ASSERT_NE(bob, std::string::npos);
  const double bob_softmax = std::stod(csv.substr(bob + 5));
  EXPECT_GT(bob_softmax, 0.0);  // the simple cases pass without the max shift
  EXPECT_LT(bob_softmax, 1.0);

  // Each learner's document holds, per problem, what `judge check --format json` says.
  const json bob_doc = read_json(out.path() + "/learners/bob.json");
  const auto check = testing::run_judge(
      "check softmax --format json --file " + cls.path() + "/bob/softmax.cpp",
      "cd " + bank_->path() + " && JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache",
      /*merge_stderr=*/false);
  EXPECT_EQ(bob_doc["problems"]["softmax"], json::parse(check.out));
  EXPECT_EQ(bob_doc["scores"]["softmax_rows"]["attempted"], false);
  EXPECT_NE(bob_doc["problems"]["softmax_rows"]["message"].get<std::string>().find("not attempted"),
            std::string::npos);
  const json carol = read_json(out.path() + "/learners/carol.json");
  EXPECT_EQ(carol["problems"]["softmax"]["status"], "error");
  EXPECT_EQ(carol["problems"]["softmax"]["message"].get<std::string>().rfind("compile_error", 0),
            0u);

  // Gradescope's results.json: a test per problem, scores that add up.
  const json gs = read_json(out.path() + "/gradescope/alice.json");
  EXPECT_EQ(gs["score"], 2.0);
  EXPECT_EQ(gs["max_score"], 2);
  ASSERT_EQ(gs["tests"].size(), 2u);
  for (const auto& t : gs["tests"]) {
    for (const char* key : {"name", "score", "max_score", "output", "visibility"})
      EXPECT_TRUE(t.contains(key)) << key;
  }
  const json gs_bob = read_json(out.path() + "/gradescope/bob.json");
  EXPECT_NE(gs_bob["tests"][0]["output"].get<std::string>().find("stability/"), std::string::npos);

  // JUnit: a testsuite per learner and problem, failures counted.
  const std::string junit = testing::read_text(out.path() + "/junit.xml");
  EXPECT_EQ(junit.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  for (const char* suite : {"alice.softmax", "alice.softmax_rows", "bob.softmax",
                            "bob.softmax_rows", "carol.softmax", "carol.softmax_rows"})
    EXPECT_NE(junit.find(std::string("<testsuite name=\"") + suite + "\""), std::string::npos)
        << suite;
  EXPECT_NE(junit.find("<failure type=\"wrong_answer\""), std::string::npos);
  EXPECT_NE(junit.find("<error type=\"compile_error\""), std::string::npos);
  EXPECT_NE(junit.find("<skipped message=\"not attempted"), std::string::npos);
  EXPECT_NE(testing::read_text(out.path() + "/report.html").find("id=\"gradebook\""),
            std::string::npos);
  // The page this run wrote, in a real browser: bob's cell opens his failures.
  if (!testing::missing_tool("chromium")) {
    const std::string dom =
        testing::chromium_dom(out.path() + "/report.html", "#select=bob/softmax", out.path());
    // Rows of the failure table exist only once the click handler drew them.
    EXPECT_NE(dom.find("<td class=\"test\">stability/large_positive</td>"), std::string::npos)
        << dom;
    EXPECT_EQ(dom.find("<td class=\"test\">sample/"), std::string::npos) << "a passing case";
  }
}

TEST_F(Grade, HostileClassmatesChangeNobodyElsesResult) {
  testing::TempDir alone, crowded, out_alone, out_crowded;
  hand_in(alone, "alice/softmax.cpp", kCorrectSoftmax);
  hand_in(alone, "alice/softmax_rows.cpp", kWrongSoftmax);  // wrong problem: a compile error
  hand_in(crowded, "alice/softmax.cpp", kCorrectSoftmax);
  hand_in(crowded, "alice/softmax_rows.cpp", kWrongSoftmax);
  // Every file of the hostile battery is a classmate, graded at the same time.
  int hostile = 0;
  for (const auto& f :
       fs::directory_iterator(testing::source_dir() + "/tests/submissions/hostile/softmax"))
    if (f.path().extension() == ".cpp") {
      hand_in(crowded, "m_" + f.path().stem().string() + "/softmax.cpp",
              "tests/submissions/hostile/softmax/" + f.path().filename().string());
      ++hostile;
    }
  ASSERT_GE(hostile, 25);
  ASSERT_EQ(
      judge("grade " + alone.path() + " --out " + out_alone.path() + " --set grade-test").exit_code,
      0);
  const auto r = judge("grade " + crowded.path() + " --out " + out_crowded.path() +
                       " --set grade-test --jobs 2 --no-cache");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(testing::read_text(out_alone.path() + "/learners/alice.json"),
            testing::read_text(out_crowded.path() + "/learners/alice.json"));
  // And none of them passes: every attack is contained, none gets a full score.
  const std::string csv = testing::read_text(out_crowded.path() + "/summary.csv");
  for (std::size_t at = csv.find("\nm_"); at != std::string::npos; at = csv.find("\nm_", at + 1)) {
    const std::string row = csv.substr(at + 1, csv.find('\n', at + 1) - at - 1);
    EXPECT_EQ(row.find(",1.0000,"), std::string::npos) << row;
  }
}

// Waits until the journal holds `lines` finished gradings.
bool wait_for_journal(const std::string& path, int lines, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string text = testing::read_text(path);
    if (std::count(text.begin(), text.end(), '\n') >= lines) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

TEST_F(Grade, AKilledRunResumesAndWritesTheSameReports) {
  testing::TempDir cls, whole, killed;
  // Distinct files, so every grading compiles and the run lasts long enough to kill.
  for (int i = 0; i < 6; ++i) {
    const std::string learner = "learner" + std::to_string(i);
    hand_in(cls, learner + "/softmax.cpp", i % 2 ? kWrongSoftmax : kCorrectSoftmax, learner);
    hand_in(cls, learner + "/softmax_rows.cpp", kCorrectRows, learner);
  }
  const std::string args = " --set grade-test --jobs 2 --no-cache";
  ASSERT_EQ(judge("grade " + cls.path() + " --out " + whole.path() + args).exit_code, 0);

  const std::string journal = killed.path() + "/journal.jsonl";
  const std::string command =
      "cd " + bank_->path() + " && exec env JUDGE_CACHE_DIR=" + killed.path() + "/cache " +
      JUDGE_BINARY + " grade " + cls.path() + " --out " + killed.path() + args + " >/dev/null 2>&1";
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  const bool started = wait_for_journal(journal, 3, 120);
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(started) << "the first gradings never reached the journal";
  const std::string before = testing::read_text(journal);
  EXPECT_LT(std::count(before.begin(), before.end(), '\n'), 12) << "killed too late to test";
  // A kill in the middle of a write leaves half a line behind.
  std::ofstream(journal, std::ios::app) << R"({"learner":"learner5","problem":"soft)";

  const auto resumed =
      testing::run_judge("grade " + cls.path() + " --out " + killed.path() + args,
                         "cd " + bank_->path() + " && JUDGE_CACHE_DIR=" + killed.path() + "/cache");
  ASSERT_EQ(resumed.exit_code, 0) << resumed.out;
  EXPECT_EQ(resumed.out.find("0 kept from an earlier run"), std::string::npos) << resumed.out;
  for (const char* report : {"summary.csv", "junit.xml", "report.html", "learners/learner0.json",
                             "learners/learner5.json", "gradescope/learner3.json"})
    EXPECT_EQ(testing::read_text(whole.path() + "/" + report),
              testing::read_text(killed.path() + "/" + report))
        << report;
  // Every grading is in the journal once the run finished, and the torn line is gone.
  const std::string after = testing::read_text(journal);
  for (std::size_t start = 0; start < after.size();) {
    const std::size_t end = after.find('\n', start);
    ASSERT_NE(end, std::string::npos) << "a torn line was left behind";
    EXPECT_FALSE(json::parse(after.substr(start, end - start), nullptr, false).is_discarded());
    start = end + 1;
  }
}

TEST_F(Grade, RefusesToRunWithoutASandboxUnlessAllowed) {
  testing::TempDir cls, out;
  hand_in(cls, "alice/softmax.cpp", kCorrectSoftmax);
  const auto refused = judge("grade " + cls.path() + " --out " + out.path() + " --set grade-test",
                             "JUDGE_BWRAP=none");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.out.find("--allow-unsandboxed"), std::string::npos) << refused.out;
  EXPECT_FALSE(fs::exists(out.path() + "/summary.csv"));
  const auto allowed = judge(
      "grade " + cls.path() + " --out " + out.path() + " --set grade-test --allow-unsandboxed",
      "JUDGE_BWRAP=none");
  EXPECT_EQ(allowed.exit_code, 0) << allowed.out;
  const std::string warning = "warning: no sandbox";
  const std::size_t first = allowed.out.find(warning);
  EXPECT_NE(first, std::string::npos) << allowed.out;
  EXPECT_EQ(allowed.out.find(warning, first + 1), std::string::npos) << "said more than once";
  EXPECT_NE(testing::read_text(out.path() + "/summary.csv").find("alice,1.0000"),
            std::string::npos);
}

TEST_F(Grade, InitMakesAWorkshopWorkspaceThatChecksAndGrades) {
  testing::TempDir room;
  const std::string ws = room.path() + "/ana";
  const auto made = judge("init " + ws + " --set grade-test");
  ASSERT_EQ(made.exit_code, 0) << made.out;
  for (const char* file :
       {"README.md", "judge-workspace.json", "exercises/exercise.h", "exercises/softmax.cpp",
        "exercises/softmax_rows.cpp", "statements/softmax.md", "statements/softmax.zh.md"})
    EXPECT_TRUE(fs::exists(ws + "/" + file)) << file;
  EXPECT_FALSE(fs::exists(ws + "/solutions"));
  EXPECT_FALSE(fs::exists(ws + "/problems"));
  EXPECT_FALSE(fs::exists(ws + "/exercises/cross_entropy.cpp"));  // not in the set
  for (const auto& f : fs::recursive_directory_iterator(ws)) {
    if (f.is_regular_file()) {
      // No reference code (it lives in namespace reference) is handed out.
      EXPECT_EQ(testing::read_text(f.path().string()).find("namespace reference"),
                std::string::npos)
          << f.path();
    }
  }
  EXPECT_EQ(judge("init " + ws + " --set grade-test").exit_code, 2);  // not empty

  // An attendee checks inside the workspace: the stub fails, a solution passes.
  const std::string env = "JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache";
  const auto stub = testing::run_judge("check softmax", "cd " + ws + " && " + env);
  EXPECT_EQ(stub.exit_code, 1) << stub.out;
  EXPECT_NE(stub.out.find("not_implemented"), std::string::npos) << stub.out;
  hand_in(room, "ana/exercises/softmax.cpp", kCorrectSoftmax);
  const auto solved = testing::run_judge("check softmax", "cd " + ws + " && " + env);
  EXPECT_EQ(solved.exit_code, 0) << solved.out;
  // The hand-out names no bank: the organiser's own judge tries it with
  // theirs (grade-test is a set of this copy only).
  const auto listed = testing::run_judge("list", "cd " + ws + " && JUDGE_BANK=" + bank_->path());
  EXPECT_NE(listed.out.find("softmax_rows"), std::string::npos) << listed.out;

  // The organiser grades the folder of workspaces.
  ASSERT_EQ(judge("init " + room.path() + "/ben --set grade-test").exit_code, 0);
  testing::TempDir out;
  const auto graded = judge("grade " + room.path() + " --out " + out.path() + " --set grade-test");
  ASSERT_EQ(graded.exit_code, 0) << graded.out;
  const std::string csv = testing::read_text(out.path() + "/summary.csv");
  EXPECT_NE(csv.find("\nana,1.0000,0.0000,1.0000\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\nben,0.0000,0.0000,0.0000\n"), std::string::npos) << csv;
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

TEST_F(Grade, ExplainsBadArgumentsAndSkipsItsOwnOutputFolder) {
  testing::TempDir cls;
  const auto missing = judge("grade " + cls.path() + "/nobody --out " + cls.path() + "/out");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.out.find("one folder per learner"), std::string::npos) << missing.out;
  const auto bad_set = judge("grade " + cls.path() + " --out " + cls.path() + "/out --set grade");
  EXPECT_EQ(bad_set.exit_code, 2);
  EXPECT_NE(bad_set.out.find("did you mean 'grade-test'"), std::string::npos) << bad_set.out;

  // Reports written inside the class folder are not a learner on the next run.
  hand_in(cls, "alice/softmax.cpp", kCorrectSoftmax);
  for (int run = 0; run < 2; ++run) {
    const auto r =
        judge("grade " + cls.path() + " --out " + cls.path() + "/grades --set grade-test");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("graded 1 learners"), std::string::npos) << r.out;
  }
}

TEST_F(Grade, FollowsTheClassAsItChanges) {
  testing::TempDir cls, out;
  hand_in(cls, "alice/softmax.cpp", kCorrectSoftmax);
  hand_in(cls, "alice/exercises/softmax.cpp", kWrongSoftmax);  // two files: the top one counts
  hand_in(cls, "bob/softmax.cpp", kWrongSoftmax);
  const std::string command = "grade " + cls.path() + " --out " + out.path() + " --set grade-test";
  const auto first = judge(command);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("alice has both softmax.cpp and exercises/softmax.cpp"),
            std::string::npos)
      << first.out;
  EXPECT_NE(testing::read_text(out.path() + "/summary.csv").find("\nalice,1.0000,"),
            std::string::npos);
  ASSERT_TRUE(fs::exists(out.path() + "/learners/bob.json"));

  // Bob leaves the class: his reports go too, as if the folder were new.
  fs::remove_all(cls.path() + "/bob");
  ASSERT_EQ(judge(command).exit_code, 0);
  EXPECT_FALSE(fs::exists(out.path() + "/learners/bob.json"));
  EXPECT_FALSE(fs::exists(out.path() + "/gradescope/bob.json"));
  EXPECT_EQ(testing::read_text(out.path() + "/summary.csv").find("\nbob,"), std::string::npos);
}

TEST_F(Grade, DrawsAProgressBarOnATerminal) {
  testing::TempDir cls, out;
  hand_in(cls, "alice/softmax.cpp", kCorrectSoftmax);
  // script(1) gives the judge a terminal to draw on.
  const std::string inner = "cd " + bank_->path() + " && JUDGE_CACHE_DIR=" + testing::source_dir() +
                            "/.judge/cache " + JUDGE_BINARY + " grade " + cls.path() + " --out " +
                            out.path() + " --set grade-test";
  const auto screen = testing::shell("script -qec '" + inner + "' /dev/null");
  EXPECT_EQ(screen.exit_code, 0) << screen.out;
  EXPECT_NE(screen.out.find("\r[" + std::string(30, '#') + "] 2/2"), std::string::npos)
      << screen.out;
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// Results and diagnostics are cached by content: two learners who hand in
// the same broken bytes share one cached compile error, and each must see
// their own path in it, never the other's name.
TEST_F(Grade, ASharedCompileErrorNamesEachLearnersOwnFile) {
  testing::TempDir cls, out;
  const std::string broken =
      "// " + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) +
      "\nint softmax_is_broken(\n";
  cls.write("alice/softmax.cpp", broken);
  cls.write("bob/softmax.cpp", broken);
  const auto r = judge("grade " + cls.path() + " --out " + out.path() + " --set grade-test");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string alice = testing::read_text(out.path() + "/learners/alice.json");
  const std::string bob = testing::read_text(out.path() + "/learners/bob.json");
  EXPECT_NE(alice.find("alice/softmax.cpp:"), std::string::npos) << alice;
  EXPECT_NE(bob.find("bob/softmax.cpp:"), std::string::npos) << bob;
  EXPECT_EQ(bob.find("alice"), std::string::npos) << bob;
  EXPECT_EQ(alice.find("bob"), std::string::npos) << alice;
}

// A learner's folder that is a link is graded as refused, with a sentence
// naming it, and the rest of the class as usual.
TEST_F(Grade, ALinkedLearnerFolderIsRefusedByName) {
  testing::TempDir cls, out;
  hand_in(cls, "alice/softmax.cpp", kCorrectSoftmax);
  fs::create_directory_symlink(cls.path() + "/alice", cls.path() + "/mallory");
  const auto r = judge("grade " + cls.path() + " --out " + out.path() + " --set grade-test");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("mallory/softmax: refused: mallory is a symbolic link"), std::string::npos)
      << r.out;
  const json mallory = read_json(out.path() + "/learners/mallory.json");
  EXPECT_EQ(mallory["problems"]["softmax"]["message"],
            "refused: mallory is a symbolic link; the judge reads only real files and folders")
      << mallory.dump(2);
  const json alice = read_json(out.path() + "/learners/alice.json");
  EXPECT_EQ(alice["problems"]["softmax"]["status"], "pass") << alice.dump(2);
}

}  // namespace
}  // namespace judge

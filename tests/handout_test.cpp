// A practice folder from `judge init` is a hand-out: kilobytes, naming no
// path of the checkout, the cache or where it was made, so it can be moved,
// zipped and mailed; the judge finds it from any folder inside it, before
// any bank around it; and it never holds the build cache.
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

std::string cache() { return testing::source_dir() + "/.judge/cache"; }

// The judge as an attendee runs it: in `dir`, with only the cache chosen.
testing::JudgeRun judge_in(const std::string& dir, const std::string& args) {
  return testing::run_judge(args, "cd '" + dir + "' && unset JUDGE_ROOT JUDGE_BANK && NO_COLOR=1 " +
                                      "JUDGE_CACHE_DIR=" + cache());
}

std::uintmax_t folder_bytes(const std::string& dir) {
  std::uintmax_t bytes = 0;
  for (const auto& f : fs::recursive_directory_iterator(dir))
    if (f.is_regular_file()) bytes += f.file_size();
  return bytes;
}

TEST(Handout, IsSmallNamesNoPathAndStillChecksWhenMoved) {
  testing::TempDir room;
  const std::string made_at = room.path() + "/ana";
  // Without --set: every problem of the bank, the largest hand-out there is.
  const auto made = judge_in(room.path(), "init ana");
  ASSERT_EQ(made.exit_code, 0) << made.out;
  std::size_t stubs = 0;
  for (const auto& f : fs::directory_iterator(made_at + "/exercises"))
    stubs += f.path().extension() == ".cpp" ? 1 : 0;
  std::size_t problems = 0;
  for (const auto& f : fs::directory_iterator(testing::source_dir() + "/exercises"))
    problems += f.path().extension() == ".cpp" ? 1 : 0;
  EXPECT_EQ(stubs, problems);
  EXPECT_TRUE(fs::exists(made_at + "/exercises/compile_flags.txt"));
  EXPECT_FALSE(fs::exists(made_at + "/exercises/compile_commands.json"));

  // The stub answers from exercises/, where the learner works.
  const auto stub = judge_in(made_at + "/exercises", "check softmax");
  EXPECT_EQ(stub.exit_code, 1) << stub.out;
  EXPECT_NE(stub.out.find("not_implemented"), std::string::npos) << stub.out;

  // Moved elsewhere, it still works, from a folder deeper inside it too.
  const std::string moved = room.path() + "/mailed/bob";
  fs::create_directories(fs::path(moved).parent_path());
  fs::rename(made_at, moved);
  fs::copy_file(testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp",
                moved + "/exercises/softmax.cpp", fs::copy_options::overwrite_existing);
  fs::create_directories(moved + "/exercises/notes/today");
  const auto solved = judge_in(moved + "/exercises/notes/today", "check softmax");
  EXPECT_EQ(solved.exit_code, 0) << solved.out;
  const auto listed = judge_in(moved + "/exercises", "list");
  EXPECT_NE(listed.out.find("passed"), std::string::npos) << "its progress moved with it\n"
                                                          << listed.out;

  EXPECT_LT(folder_bytes(moved), 2u * 1024 * 1024);
  EXPECT_FALSE(fs::exists(moved + "/.judge/cache"));
  for (const auto& f : fs::recursive_directory_iterator(moved)) {
    if (!f.is_regular_file()) continue;
    const std::string text = testing::read_text(f.path().string());
    for (const std::string& path : {testing::source_dir(), cache(), made_at, room.path()})
      EXPECT_EQ(text.find(path), std::string::npos) << f.path() << " names " << path;
    // Only the learner's own state is kept in .judge: no build product.
    if (f.path().parent_path().filename() == ".judge") {
      EXPECT_EQ(f.path().filename(), "state.json") << f.path();
    }
  }
}

TEST(Handout, IsFoundBeforeTheBankThatHoldsIt) {
  // A practice folder inside a bank (a checkout, say): from inside the
  // folder the judge works on the folder, outside it on the bank.
  testing::TempDir bank;
  testing::copy_bank(bank);
  const auto made = judge_in(bank.path(), "init practice --set softmax-basics");
  ASSERT_EQ(made.exit_code, 0) << made.out;
  fs::create_directories(bank.path() + "/practice/exercises/a/b");
  for (const std::string& inside :
       {bank.path() + "/practice", bank.path() + "/practice/exercises/a/b"}) {
    const auto r = judge_in(inside, "list");
    EXPECT_EQ(r.out.rfind("softmax-basics:", 0), 0u) << inside << "\n" << r.out;
  }
  const auto outside = judge_in(bank.path() + "/problems", "list");
  EXPECT_NE(outside.out.rfind("softmax-basics:", 0), 0u) << outside.out;
  EXPECT_NE(outside.out.find("Sets (judge list --set ID)"), std::string::npos) << outside.out;
}

}  // namespace
}  // namespace judge

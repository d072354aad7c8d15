// A class graded in shards (judge grade --shard I/N) and merged (judge merge)
// gets reports byte-identical to one unsharded run.
#include "shard.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

TEST(Shard, ParsesIOverNAndRefusesTheRest) {
  EXPECT_EQ(parse_shard("0/1").count, 1);
  EXPECT_EQ(parse_shard("2/3").index, 2);
  for (const char* bad : {"3/3", "1", "-1/3", "1/0", "a/b", "1/3/4", " 1/3", "0/99999"})
    EXPECT_THROW(parse_shard(bad), std::invalid_argument) << bad;
}

TEST(Shard, EveryPairHasExactlyOneOwner) {
  int owners_of_each[3] = {0, 0, 0};
  for (int learner = 0; learner < 40; ++learner)
    for (const char* problem : {"softmax", "softmax_rows", "attention"}) {
      int owners = 0;
      for (int i = 0; i < 3; ++i)
        if (shard_owns({i, 3}, "learner" + std::to_string(learner), problem)) {
          ++owners;
          ++owners_of_each[i];
        }
      EXPECT_EQ(owners, 1);
    }
  for (int n : owners_of_each) EXPECT_GT(n, 20);  // 120 pairs over 3 shards: none starves
}

std::map<std::string, std::string> files_below(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    const std::string name = fs::relative(entry.path(), dir).string();
    // The journal and the intake's scratch folder are the run's own, not reports.
    if (entry.is_regular_file() && name != "journal.jsonl" && name.rfind(".intake", 0) != 0)
      files[name] = testing::read_text(entry.path().string());
  }
  return files;
}

TEST(Shard, ThreeShardsMergeIntoTheReportsOfOneRun) {
  testing::TempDir bank, cls, whole, merged, s0, s1, s2;
  testing::copy_bank_with_grade_set(bank);
  const std::string root = testing::source_dir() + "/solutions/";
  for (const char* learner : {"ann", "ben", "cat", "dan", "eve"}) {
    cls.write(std::string(learner) + "/softmax.cpp",
              testing::read_text(root + "softmax/correct/float_loops.cpp"));
    cls.write(std::string(learner) + "/softmax_rows.cpp",
              testing::read_text(root + "softmax_rows/wrong/no_max_shift.cpp"));
  }
  cls.write("eve/softmax.cpp", "not C++\n");
  const std::string env = "cd " + bank.path() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" +
                          testing::source_dir() + "/.judge/cache";
  const std::string grade = "grade " + cls.path() + " --set grade-test --out ";
  ASSERT_EQ(testing::run_judge(grade + whole.path(), env).exit_code, 0);
  const testing::TempDir* shards[] = {&s0, &s1, &s2};
  for (int i = 0; i < 3; ++i) {
    const auto r = testing::run_judge(grade + shards[i]->path() + " --shard " +
                                          std::to_string(i) + "/3", env);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("graded shard " + std::to_string(i) + "/3"), std::string::npos) << r.out;
    EXPECT_FALSE(fs::exists(shards[i]->path() + "/summary.csv"));  // a shard writes no reports
  }
  // In any order.
  const auto r = testing::run_judge(
      "merge " + s2.path() + " " + s0.path() + " " + s1.path() + " --out " + merged.path(), env);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto expected = files_below(whole.path());
  const auto got = files_below(merged.path());
  ASSERT_EQ(expected.size(), got.size());
  for (const auto& [name, content] : expected) {
    ASSERT_TRUE(got.count(name)) << name;
    EXPECT_EQ(got.at(name), content) << name;
  }
  EXPECT_TRUE(expected.count("summary.csv") && expected.count("report.html"));

  // A missing or repeated shard, or a folder that is no shard, is a sentence and exit 2.
  for (const std::string& args :
       {s0.path() + " " + s1.path(), s0.path() + " " + s0.path() + " " + s1.path(),
        s0.path() + " " + s1.path() + " " + whole.path()}) {
    const auto bad = testing::run_judge("merge " + args + " --out " + merged.path(), env);
    EXPECT_EQ(bad.exit_code, 2) << bad.out;
    EXPECT_TRUE(bad.out.find("missing") != std::string::npos ||
                bad.out.find("repeats") != std::string::npos)
        << bad.out;
  }
}

}  // namespace
}  // namespace judge

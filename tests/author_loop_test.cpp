// A problem author's whole loop, with the judge binary untouched: `judge new`
// in a copy of the bank, `judge verify` refusing the placeholders, the
// author's edits (tests/author_kit/), `judge verify` passing, and `judge
// check` accepting a learner's correct file and catching a mistake.
#include "test_support.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

std::string fingerprint(const std::string& path) {
  struct stat s {};
  if (stat(path.c_str(), &s) != 0) return "missing";
  return std::to_string(s.st_size) + "@" + std::to_string(s.st_mtim.tv_sec) + "." +
         std::to_string(s.st_mtim.tv_nsec);
}

TEST(AuthorLoop, NewFilledInVerifiesAndIsCheckedWithoutRebuildingTheJudge) {
  testing::TempDir bank;
  testing::copy_bank(bank);
  const std::string before = fingerprint(JUDGE_BINARY);
  auto judge = [&](const std::string& args) {
    return testing::run_judge(args, "cd " + bank.path() + " && NO_COLOR=1 JUDGE_ROOT=" +
                                        bank.path() + " JUDGE_CACHE_DIR=" + bank.path() +
                                        "/.cache");
  };
  const std::string id = "vector_logsumexp";
  auto r = judge("new " + id +
                 " --track softmax --difficulty easy --signature \"float vector_logsumexp(const "
                 "Eigen::VectorXf& x)\"");
  ASSERT_EQ(r.exit_code, 0) << r.out;

  // Scaffolded, it loads but does not verify: every placeholder is named.
  EXPECT_EQ(judge("validate").exit_code, 0);
  r = judge("verify " + id + " --jobs 2");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("TODO(author)"), std::string::npos) << r.out;

  // The author's edits: the problem, the reference, and known solutions in
  // place of the scaffold's templates.
  const std::string kit = testing::source_dir() + "/tests/author_kit/" + id;
  const std::string solutions = bank.path() + "/solutions/" + id;
  fs::copy_file(kit + "/problem.yaml", bank.path() + "/problems/" + id + ".yaml",
                fs::copy_options::overwrite_existing);
  fs::remove_all(solutions);
  fs::copy(kit, solutions, fs::copy_options::recursive);
  fs::remove(solutions + "/problem.yaml");
  r = judge("stub " + id);  // the stub's header names the new title
  ASSERT_EQ(r.exit_code, 0);
  bank.write("exercises/" + id + ".cpp", r.out);

  r = judge("verify " + id + " --jobs 2");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find(id + ": ok"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tolerance margin"), std::string::npos) << r.out;

  r = judge("check " + id + " --file solutions/" + id + "/correct/loops.cpp");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PASS"), std::string::npos) << r.out;
  r = judge("check " + id + " --file solutions/" + id + "/wrong/no_shift.cpp");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("stability"), std::string::npos) << r.out;

  EXPECT_EQ(fingerprint(JUDGE_BINARY), before) << "the judge was rebuilt";
}

}  // namespace
}  // namespace judge

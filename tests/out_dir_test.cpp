// Where `judge grade --out` may write, decided before any work.
#include "out_dir.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

class OutDir : public ::testing::Test {
 protected:
  void SetUp() override {
    cls_ = dir_.path() + "/class";
    dir_.write("class/alice/softmax.cpp", "int a;\n");
  }
  Status check(const std::string& out) { return check_out_dir(cls_, out); }
  testing::TempDir dir_;
  std::string cls_;
};

TEST_F(OutDir, AFolderBesideTheClassIsMadeAndAccepted) {
  EXPECT_TRUE(check(dir_.path() + "/grades").ok());
  EXPECT_TRUE(fs::is_directory(dir_.path() + "/grades"));
  EXPECT_TRUE(fs::is_empty(dir_.path() + "/grades")) << "the write probe was left behind";
  EXPECT_TRUE(check(dir_.path() + "/grades").ok());  // and again, existing
}

TEST_F(OutDir, ATopLevelFolderOfItsOwnInTheClassIsAcceptedAsBefore) {
  EXPECT_TRUE(check(cls_ + "/grades").ok());
  dir_.write("class/grades/journal.jsonl", "");
  dir_.write("class/grades/summary.csv", "learner\n");
  EXPECT_TRUE(check(cls_ + "/grades").ok()) << "an earlier run's reports";
  EXPECT_TRUE(check(cls_ + "/./grades/").ok());
}

TEST_F(OutDir, OverTheHandInsIsRefusedWithASentence) {
  const auto refused = [&](const std::string& out, const std::string& words) {
    const Status s = check(out);
    EXPECT_TRUE(s.refused()) << out;
    EXPECT_NE(s.message().find(words), std::string::npos) << out << ": " << s.message();
  };
  refused("/", "root folder");
  refused(cls_, "class folder itself");
  refused(cls_ + "/../class", "class folder itself");
  refused(dir_.path(), "holds the class folder");
  refused(cls_ + "/alice/grades", "inside alice");
  refused(cls_ + "/bob/grades", "inside bob");  // not there yet: it would become a learner
  refused(cls_ + "/alice", "holds other files");
  fs::create_directory_symlink(cls_ + "/alice", dir_.path() + "/via-link");
  refused(dir_.path() + "/via-link/grades", "inside alice");
  EXPECT_FALSE(fs::exists(cls_ + "/alice/grades"));
}

TEST_F(OutDir, AFolderThatCannotBeMadeOrWrittenIsRefused) {
  dir_.write("a-file", "x");
  const Status under_file = check(dir_.path() + "/a-file/grades");
  EXPECT_TRUE(under_file.refused());
  EXPECT_NE(under_file.message().find("cannot be made"), std::string::npos) << under_file.message();
  const Status file = check(dir_.path() + "/a-file");
  EXPECT_TRUE(file.refused()) << "a file is not a folder";
  // /proc/1 refuses new files to everyone, root included.
  const Status proc = check("/proc/1");
  EXPECT_TRUE(proc.refused());
  EXPECT_NE(proc.message().find("cannot be written"), std::string::npos) << proc.message();
}

}  // namespace
}  // namespace judge

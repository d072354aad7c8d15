// Reading what a learner hands in: regular files only, never through a
// link, each within its size cap, and refusals that name the path.
#include "learner_files.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

class LearnerFiles : public ::testing::Test {
 protected:
  ReadStatus read(const std::string& relative, LearnerSources& out) {
    return read_learner_sources(dir_.path(), relative, "", out);
  }
  testing::TempDir dir_;
};

TEST_F(LearnerFiles, ReadsTheFileAndTheHeadersBesideItButNotExerciseH) {
  dir_.write("alice/exercises/softmax.cpp", "#include \"helpers.h\"\n");
  dir_.write("alice/exercises/helpers.h", "inline int two() { return 2; }\n");
  dir_.write("alice/exercises/exercise.h", "#error edited\n");
  dir_.write("alice/exercises/notes.txt", "not a header\n");
  LearnerSources s;
  const ReadStatus r = read("alice/exercises/softmax.cpp", s);
  ASSERT_TRUE(r.ok) << r.refusal;
  EXPECT_EQ(s.source, "#include \"helpers.h\"\n");
  EXPECT_EQ(s.file_name, "softmax.cpp");
  EXPECT_EQ(s.shown_path, "alice/exercises/softmax.cpp");
  ASSERT_EQ(s.headers.size(), 1u);
  EXPECT_EQ(s.headers[0].first, "helpers.h");
}

TEST_F(LearnerFiles, ALinkAnywhereBelowTheBaseIsRefusedByName) {
  const std::string secret = dir_.write("secret.txt", "top secret\n");
  dir_.write("elsewhere/softmax.cpp", "int x;\n");
  fs::create_directories(dir_.path() + "/mallory");
  fs::create_directory_symlink(dir_.path() + "/elsewhere", dir_.path() + "/mallory/exercises");
  fs::create_directory_symlink(dir_.path() + "/elsewhere", dir_.path() + "/linked");
  dir_.write("bob/softmax.cpp", "int y;\n");
  fs::create_symlink(secret, dir_.path() + "/bob/ref.h");
  fs::create_directories(dir_.path() + "/carol");
  fs::create_symlink(dir_.path() + "/elsewhere/softmax.cpp", dir_.path() + "/carol/softmax.cpp");
  LearnerSources s;
  ReadStatus r = read("mallory/exercises/softmax.cpp", s);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.refusal,
            "mallory/exercises is a symbolic link; the judge reads only real files and folders");
  r = read("linked/softmax.cpp", s);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.refusal.find("linked is a symbolic link"), std::string::npos) << r.refusal;
  r = read("bob/softmax.cpp", s);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.refusal.find("bob/ref.h is a symbolic link"), std::string::npos) << r.refusal;
  EXPECT_EQ(s.source.find("secret"), std::string::npos);
  r = read("carol/softmax.cpp", s);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.refusal.find("carol/softmax.cpp is a symbolic link"), std::string::npos);
  EXPECT_EQ(inspect_learner_path(dir_.path(), "carol/softmax.cpp", ""), r.refusal);
}

TEST_F(LearnerFiles, PipesFoldersAndHugeFilesAreRefusedWithoutBeingRead) {
  fs::create_directories(dir_.path() + "/m");
  ASSERT_EQ(mkfifo((dir_.path() + "/m/softmax.cpp").c_str(), 0644), 0);
  fs::create_directories(dir_.path() + "/d/softmax.cpp");
  dir_.write("big/softmax.cpp", "");
  fs::resize_file(dir_.path() + "/big/softmax.cpp", 3ull << 30);  // sparse: costs no disk
  dir_.write("h/softmax.cpp", "int x;\n");
  dir_.write("h/huge.h", std::string(kMaxLearnerHeaderBytes + 1, 'x'));
  LearnerSources s;
  ReadStatus r = read("m/softmax.cpp", s);  // would block forever if opened to read
  EXPECT_EQ(r.refusal, "m/softmax.cpp is a named pipe (FIFO), not a regular file");
  r = read("d/softmax.cpp", s);
  EXPECT_EQ(r.refusal, "d/softmax.cpp is a folder, not a regular file");
  r = read("big/softmax.cpp", s);
  EXPECT_EQ(r.refusal, "big/softmax.cpp is larger than 1024 KiB; hand in the source file only");
  EXPECT_TRUE(s.source.empty());
  r = read("h/softmax.cpp", s);
  EXPECT_EQ(r.refusal, "h/huge.h is larger than 256 KiB; hand in the source file only");
}

TEST_F(LearnerFiles, InspectTellsMissingFromRefused) {
  dir_.write("a/softmax.cpp", "int x;\n");
  EXPECT_EQ(inspect_learner_path(dir_.path(), "a/softmax.cpp", ""), "");
  EXPECT_EQ(inspect_learner_path(dir_.path(), "a/rope.cpp", ""), "missing");
  EXPECT_EQ(inspect_learner_path(dir_.path(), "a/exercises/rope.cpp", ""), "missing");
  EXPECT_EQ(inspect_learner_path(dir_.path(), "nobody/rope.cpp", ""), "missing");
}

TEST_F(LearnerFiles, AFileNamedOnTheCommandLineKeepsItsPath) {
  const std::string file = dir_.write("work/mine.txt", "int x;\n");
  LearnerSources s;
  const ReadStatus r = read_learner_file(file, s);
  ASSERT_TRUE(r.ok) << r.refusal;
  EXPECT_EQ(s.shown_path, file);
  EXPECT_EQ(s.file_name, "mine.txt");
}

}  // namespace
}  // namespace judge

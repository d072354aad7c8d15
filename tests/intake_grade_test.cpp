// `judge grade` on a class folder as a real class hands it in: each file is
// found wherever the learner put it, graded (not "not attempted"), and named
// in intake.csv and on the terminal; a resumed run redoes nothing; an --out
// over the hand-ins is refused before any work.
#include "archive_support.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const char* const kCorrectSoftmax = "solutions/softmax/correct/float_loops.cpp";
const char* const kCorrectRows = "solutions/softmax_rows/correct/float_loops.cpp";

class IntakeGrade : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bank_ = new testing::TempDir();
    testing::copy_bank_with_grade_set(*bank_);
  }
  static void TearDownTestSuite() { delete bank_; }

  static testing::JudgeRun grade(const std::string& cls, const std::string& out) {
    return testing::run_judge("grade " + cls + " --out " + out + " --set grade-test",
                              "cd " + bank_->path() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" +
                                  testing::source_dir() + "/.judge/cache");
  }
  static std::string source(const std::string& relative) {
    return testing::read_text(testing::source_dir() + "/" + relative);
  }
  static testing::TempDir* bank_;
};
testing::TempDir* IntakeGrade::bank_ = nullptr;

// The row of intake.csv for `learner`, `problem` and `finding`, or "".
std::string csv_row(const std::string& csv, const std::string& learner, const std::string& problem,
                    const std::string& finding) {
  const std::string start = "\n" + learner + "," + problem + "," + finding + ",";
  const std::size_t at = csv.find(start);
  return at == std::string::npos ? "" : csv.substr(at + 1, csv.find('\n', at + 1) - at - 1);
}

TEST_F(IntakeGrade, ARealClassFolderIsFoundGradedAndReported) {
  testing::TempDir cls, out, tools;
  const std::string softmax = source(kCorrectSoftmax);
  cls.write("alice/Softmax.cpp", softmax);
  cls.write("bob/week1/softmax.cpp", softmax);
  testing::make_zip(tools, cls.path() + "/carol/submission.zip",
                    {{"carol/softmax.cpp", softmax},
                     {"carol/softmax_rows.cpp", source(kCorrectRows)},
                     {"__MACOSX/carol/._softmax.cpp", "metadata"}});
  cls.write("__MACOSX/alice/._Softmax.cpp", "metadata");
  cls.write(".git/softmax.cpp", "not a learner");
  cls.write("dave/softmax.cpp~", "int backup_only;\n");
  cls.write("dave/softmax.cpp", softmax);
  cls.write("erin/softmax.cpp", softmax);
  cls.write("erin/softmax_rows.cpp", source(kCorrectRows));

  const auto first = grade(cls.path(), out.path());
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("graded 5 learners x 2 problems"), std::string::npos) << first.out;
  const std::string summary = testing::read_text(out.path() + "/summary.csv");
  for (const char* learner : {"alice", "bob", "dave"})
    EXPECT_NE(summary.find("\n" + std::string(learner) + ",1.0000,0.0000,"), std::string::npos)
        << learner << "\n"
        << summary;
  for (const char* learner : {"carol", "erin"})
    EXPECT_NE(summary.find("\n" + std::string(learner) + ",1.0000,1.0000,"), std::string::npos)
        << learner << "\n"
        << summary;
  EXPECT_EQ(summary.find("__MACOSX"), std::string::npos) << summary;
  EXPECT_EQ(summary.find(".git"), std::string::npos) << summary;

  const json carol = json::parse(testing::read_text(out.path() + "/learners/carol.json"));
  EXPECT_EQ(carol["problems"]["softmax"]["status"], "pass") << carol.dump(2);

  // The terminal names every file taken from elsewhere, one line each.
  for (const char* line : {"intake: alice: graded Softmax.cpp for softmax",
                           "intake: bob: graded week1/softmax.cpp for softmax",
                           "intake: carol: graded submission.zip/carol/softmax.cpp for softmax"})
    EXPECT_NE(first.out.find(line), std::string::npos) << line << "\n" << first.out;
  EXPECT_EQ(first.out.find("intake: dave"), std::string::npos) << "dave's layout is the usual one";

  const std::string csv = testing::read_text(out.path() + "/intake.csv");
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "learner,problem,finding,file,note");
  EXPECT_NE(csv_row(csv, "alice", "softmax", "found_elsewhere").find(",alice/Softmax.cpp,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv_row(csv, "bob", "softmax", "found_elsewhere").find(",bob/week1/softmax.cpp,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv_row(csv, "carol", "softmax_rows", "found_elsewhere")
                .find(",carol/submission.zip/carol/softmax_rows.cpp,"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv_row(csv, "dave", "softmax", "found").find(",dave/softmax.cpp,"), std::string::npos)
      << csv;
  EXPECT_NE(csv_row(csv, "dave", "", "ignored").find(",dave/softmax.cpp~,"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\n,,ignored,__MACOSX,"), std::string::npos) << csv;
  EXPECT_NE(csv_row(csv, "bob", "softmax_rows", "missing"), "") << csv;

  // Again, nothing changed: every grading comes from the journal, even the
  // ones read from the freshly unpacked scratch folder.
  const auto again = grade(cls.path(), out.path());
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("(10 gradings, 10 kept from an earlier run)"), std::string::npos)
      << again.out;
  EXPECT_EQ(testing::read_text(out.path() + "/summary.csv"), summary);
}

TEST_F(IntakeGrade, HostileArchivesAreReportedWhileTheClassIsGraded) {
  testing::TempDir cls, out, tools;
  cls.write("alice/softmax.cpp", source(kCorrectSoftmax));
  const std::string solutions = testing::source_dir() + "/solutions/softmax/reference.cpp";
  testing::make_archive(tools, cls.path() + "/mallory/hw.zip",
                        "with zipfile.ZipFile(out, 'w') as z:\n"
                        "    zlink(z, 'softmax.cpp', '" +
                            solutions +
                            "')\n"
                            "    z.writestr('../../evil.cpp', 'int evil;')\n"
                            "    z.writestr('ok\\n.cpp', 'int newline;')\n");
  testing::make_archive(tools, cls.path() + "/zed/bomb.zip",
                        "with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:\n"
                        "    with z.open('softmax.cpp', 'w', force_zip64=True) as f:\n"
                        "        for _ in range(64): f.write(bytes(1 << 20))\n");
  cls.write("zed/softmax_rows.cpp", source(kCorrectRows));
  const auto r = grade(cls.path(), out.path());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string summary = testing::read_text(out.path() + "/summary.csv");
  EXPECT_NE(summary.find("\nalice,1.0000,"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\nzed,0.0000,1.0000,"), std::string::npos) << summary;
  EXPECT_NE(summary.find("\nmallory,0.0000,0.0000,"), std::string::npos) << summary;
  const json mallory = json::parse(testing::read_text(out.path() + "/learners/mallory.json"));
  EXPECT_EQ(mallory["problems"]["softmax"]["message"],
            "refused: mallory/hw.zip/softmax.cpp is a symbolic link; links are not unpacked")
      << mallory.dump(2);
  const json zed = json::parse(testing::read_text(out.path() + "/learners/zed.json"));
  EXPECT_NE(zed["problems"]["softmax"]["message"].get<std::string>().find("more than 1024 KiB"),
            std::string::npos)
      << zed.dump(2);
  EXPECT_NE(r.out.find("intake: skipped mallory/hw.zip/../../evil.cpp is a path with '..'"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("intake: skipped mallory/hw.zip/ok^J.cpp is a name with a control"),
            std::string::npos)
      << r.out;
  const std::string csv = testing::read_text(out.path() + "/intake.csv");
  EXPECT_NE(csv_row(csv, "zed", "", "archive_refused"), "") << csv;
  EXPECT_NE(csv_row(csv, "mallory", "", "entry_skipped"), "") << csv;
  // Nothing outside the scratch folder: no evil.cpp anywhere near it, and
  // the refused bomb left nothing behind.
  for (const auto& dir : {out.path(), cls.path(), fs::path(out.path()).parent_path().string()})
    EXPECT_FALSE(fs::exists(dir + "/evil.cpp")) << dir;
  EXPECT_FALSE(fs::exists(out.path() + "/.intake/zed/bomb.zip"));
}

TEST_F(IntakeGrade, AnOutFolderOverTheHandInsIsRefusedBeforeAnyWork) {
  testing::TempDir cls, elsewhere;
  cls.write("alice/softmax.cpp", source(kCorrectSoftmax));
  elsewhere.write("a-file", "x");
  for (const std::string& out :
       {cls.path() + "/alice/grades", cls.path() + "/alice", cls.path(), std::string("/"),
        fs::path(cls.path()).parent_path().string(), elsewhere.path() + "/a-file/grades"}) {
    const auto r = grade(cls.path(), out);
    EXPECT_EQ(r.exit_code, 2) << out << "\n" << r.out;
    EXPECT_NE(r.out.find("--out " + out), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("graded 1 learners"), std::string::npos) << r.out;
  }
  EXPECT_FALSE(fs::exists(cls.path() + "/alice/grades"));
  EXPECT_FALSE(fs::exists(cls.path() + "/summary.csv"));
  EXPECT_FALSE(fs::exists(cls.path() + "/intake.csv"));
}

}  // namespace
}  // namespace judge

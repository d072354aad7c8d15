// A bank is a folder: --bank and JUDGE_BANK point the unchanged judge at
// another one, a problem added there is checked without rebuilding anything,
// and `judge validate` no longer calls a problem valid that has no reference.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

// A copy of the built-in bank with a problem of its own, `private_softmax`:
// the softmax problem under another id, as an instructor's exam might hold.
class BankFolder : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copy_bank(bank_);
    std::string yaml = testing::read_text(bank_.path() + "/problems/softmax.yaml");
    replace_all(yaml, "softmax(", "private_softmax(");
    replace_all(yaml, "id: softmax", "id: private_softmax");
    bank_.write("problems/private_softmax.yaml", yaml);
    std::string tracks = testing::read_text(bank_.path() + "/problems/tracks.yaml");
    replace_all(tracks, "problems: [softmax,", "problems: [softmax, private_softmax,");
    bank_.write("problems/tracks.yaml", tracks);
    std::string reference = testing::read_text(bank_.path() + "/solutions/softmax/reference.cpp");
    replace_all(reference, "Vector softmax(", "Vector private_softmax(");
    bank_.write("solutions/private_softmax/reference.cpp", reference);
    std::string stub = testing::read_text(bank_.path() + "/exercises/softmax.cpp");
    replace_all(stub, "softmax", "private_softmax");
    bank_.write("exercises/private_softmax.cpp", stub);
    std::string learner =
        testing::read_text(testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp");
    replace_all(learner, " softmax(", " private_softmax(");
    learner_ = outside_.write("mine.cpp", learner);
  }
  static void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
      text.replace(at, from.size(), to);
  }
  // Runs the judge from a folder that is no bank, with a cache of its own.
  testing::JudgeRun judge(const std::string& args, const std::string& env = "") {
    return testing::run_judge(
        args, "cd " + outside_.path() + " && JUDGE_CACHE_DIR=" + outside_.path() + "/cache " + env);
  }

  testing::TempDir bank_, outside_;
  std::string learner_;
};

TEST_F(BankFolder, ThePrivateProblemIsCheckedWithBankOrJudgeBank) {
  ASSERT_TRUE(fs::exists(bank_.path() + "/problems/tracks.yaml"));
  auto r = judge("check private_softmax --bank " + bank_.path() + " --file " + learner_);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PASS"), std::string::npos) << r.out;
  r = judge("check private_softmax --file " + learner_, "JUDGE_BANK=" + bank_.path());
  EXPECT_EQ(r.exit_code, 0) << r.out;
  // The built-in bank does not have it: the judge's own bank is untouched.
  r = judge("check private_softmax --file " + learner_);
  EXPECT_EQ(r.exit_code, 2) << r.out;
}

TEST_F(BankFolder, ANameThatIsNoBankIsAUsageError) {
  const auto r = judge("list --bank " + outside_.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("is not a problem bank"), std::string::npos) << r.out;
}

TEST_F(BankFolder, AReferenceThatCrashesIsAJudgeErrorNamingTheProblem) {
  std::string reference =
      testing::read_text(bank_.path() + "/solutions/private_softmax/reference.cpp");
  reference +=
      "\n#include <cstdlib>\nnamespace { struct Crash { Crash() { std::abort(); } } crash; }\n";
  bank_.write("solutions/private_softmax/reference.cpp", reference);
  const auto r =
      judge("check private_softmax --format json --bank " + bank_.path() + " --file " + learner_);
  EXPECT_EQ(r.exit_code, 3) << r.out;
  const std::size_t json = r.out.find('{');
  ASSERT_NE(json, std::string::npos) << r.out;
  const auto doc = nlohmann::json::parse(r.out.substr(json));
  const std::string message = doc["message"];
  EXPECT_NE(message.find("reference solution of private_softmax"), std::string::npos) << message;
  EXPECT_NE(message.find("crashed"), std::string::npos) << message;
}

TEST_F(BankFolder, ValidateRefusesAProblemWithoutItsReferenceOrStub) {
  EXPECT_EQ(judge("validate --bank " + bank_.path()).exit_code, 0);
  fs::remove_all(bank_.path() + "/solutions/private_softmax");
  fs::remove(bank_.path() + "/exercises/private_softmax.cpp");
  const auto r = judge("validate --bank " + bank_.path());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("has no " + bank_.path() + "/solutions/private_softmax/reference.cpp"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("exercises/private_softmax.cpp"), std::string::npos) << r.out;
}

TEST_F(BankFolder, ADuplicatedKeyIsAnErrorWithItsLine) {
  std::string yaml = testing::read_text(bank_.path() + "/problems/private_softmax.yaml");
  yaml += "track: softmax\n";
  bank_.write("problems/private_softmax.yaml", yaml);
  const auto r = judge("validate --bank " + bank_.path());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("private_softmax.yaml:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("the key 'track' appears twice"), std::string::npos) << r.out;
}

// A command about one problem reads only that problem's file (the whole
// bank took 0.2 s to parse, a tenth of an edited check): another problem's
// mistake does not stop it, while a command over the bank still names that
// mistake with its place.
TEST_F(BankFolder, ACommandAboutOneProblemReadsOnlyThatProblem) {
  std::string rope = testing::read_text(bank_.path() + "/problems/rope.yaml");
  bank_.write("problems/rope.yaml", "colour: blue\n" + rope);
  const std::string bank = " --bank " + bank_.path();
  auto r = judge("show private_softmax" + bank);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("private_softmax("), std::string::npos) << r.out;
  r = judge("show private_sofmax" + bank);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("did you mean 'private_softmax'?"), std::string::npos) << r.out;
  r = judge("list" + bank);
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("rope.yaml:1:1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("colour"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace judge

// A newcomer's slips at the command line: an unknown command or option gets
// the one probably meant, `judge help [COMMAND]` and `judge --version` answer,
// and every usage error exits 2 (never 3, which is the judge's own fault).
#include "test_support.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace judge {
namespace {

testing::JudgeRun judge(const std::string& args) {
  return testing::run_judge(args, "cd " + testing::source_dir() + " && NO_COLOR=1");
}

void expect_says(const testing::JudgeRun& r, int exit_code, const std::string& part) {
  EXPECT_EQ(r.exit_code, exit_code) << r.out;
  EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
}

TEST(CliUsage, AnUnknownCommandGetsTheClosestOne) {
  expect_says(judge("chek softmax"), 2, "'chek' is not a command. Did you mean 'check'?");
  expect_says(judge("lsit"), 2, "Did you mean 'list'?");
  expect_says(judge("--lang zh chek softmax"), 2, "Did you mean 'check'?");
  const auto far = judge("frobnicate");
  expect_says(far, 2, "'frobnicate' is not a command.");
  EXPECT_EQ(far.out.find("Did you mean"), std::string::npos) << far.out;
}

TEST(CliUsage, AnUnknownOptionGetsTheClosestOptionOfItsCommand) {
  expect_says(judge("check softmax --fil x.cpp"), 2, "Did you mean --file instead of --fil?");
  expect_says(judge("grade class --out out --jbos 2"), 2, "Did you mean --jobs instead of --jbos?");
}

TEST(CliUsage, HelpAndVersionAnswer) {
  const auto overview = judge("help");
  expect_says(overview, 0, "check");
  expect_says(overview, 0, "grade");
  expect_says(judge("help check"), 0, "--file");
  expect_says(judge("help chek"), 2, "Did you mean 'check'?");
  const auto version = judge("--version");
  expect_says(version, 0, "judge 0.");
  expect_says(version, 0, "(bank ");
}

TEST(CliUsage, BadArgumentsToCheckAreUsageErrorsThatNameTheFix) {
  const auto unknown_case = judge("check softmax --case edge/emtpy");
  expect_says(unknown_case, 2, "softmax has no case named edge/emtpy. Did you mean edge/empty?");
  expect_says(unknown_case, 2, "Its cases: sample/");
  const auto missing = judge("check softmax --file /nonexistent/softmax.cpp");
  expect_says(missing, 2, "no file /nonexistent/softmax.cpp: check the path given with --file");
  EXPECT_EQ(missing.out.find("judge reset"), std::string::npos) << "would lose nothing, but "
                                                                   "points the wrong way";
  expect_says(judge("check softmax --file /"), 2, "is a folder, not a regular file");
  // Every bad number alike: NaN and infinity too, which a plain range check lets through.
  for (const char* bad : {"nan", "inf", "0", "-1", "2s"})
    expect_says(judge(std::string("check softmax --case-timeout ") + bad), 2, "--case-timeout");
  expect_says(judge("grade class --out out --jobs 0"), 2, "--jobs");
}

// Root reads any file, so the learner here is nobody (setpriv, as root):
// a file they cannot read is their slip (exit 2), said as such, never "the
// judge failed" with a suggestion to reset the exercise.
TEST(CliUsage, AFileTheLearnerCannotReadIsRefusedAsBadInput) {
  if (geteuid() != 0 || testing::missing_tool("setpriv")) GTEST_SKIP() << "needs root and setpriv";
  testing::TempDir dir;
  const std::string file = dir.write("locked.cpp", "// a learner's file\n");
  std::filesystem::permissions(file, std::filesystem::perms::none);
  std::filesystem::permissions(dir.path(), std::filesystem::perms::all);
  const auto r = testing::shell("cd " + dir.path() + " && NO_COLOR=1 HOME=" + dir.path() +
                                " JUDGE_CACHE_DIR=" + dir.path() +
                                "/cache setpriv --reuid=65534 --regid=65534 --clear-groups " +
                                JUDGE_BINARY + " check softmax --file " + file + " 2>&1");
  expect_says(r, 2, "locked.cpp cannot be read: Permission denied");
  EXPECT_EQ(r.out.find("reset"), std::string::npos) << r.out;
}

TEST(CliUsage, CompletionOffersCommandsOptionsIdsAndSets) {
  const auto commands = judge("__complete -- cur=ch");
  expect_says(commands, 0, "check\n");
  EXPECT_EQ(commands.out.find("__complete"), std::string::npos) << commands.out;
  expect_says(judge("__complete -- cur=softmax_r check"), 0, "softmax_rows\n");
  const auto sets = judge("__complete -- cur= check --set");
  expect_says(sets, 0, "softmax-basics\n");
  expect_says(sets, 0, "llm-inference\n");
  expect_says(judge("__complete -- cur=l list --track"), 0, "llm\n");
  expect_says(judge("__complete -- cur=--fi check softmax"), 0, "--file\n");
  expect_says(judge("__complete -- cur= check softmax --file"), 0, "__files__");
  expect_says(judge("__complete -- cur= --lang"), 0, "zh\n");
}

// The script itself, in a real bash: it asks the judge on PATH.
TEST(CliUsage, TheBashScriptCompletesThroughTheJudge) {
  const std::string bin = std::string(JUDGE_BINARY).substr(0, std::string(JUDGE_BINARY).rfind('/'));
  testing::TempDir dir;
  const auto r = testing::run_judge(
      "completions bash > completion.bash && PATH=" + bin +
          ":$PATH bash -c 'source ./completion.bash; COMP_WORDS=(judge check softmax_ro); "
          "COMP_CWORD=2; _judge; echo \"got: ${COMPREPLY[*]}\"'",
      "cd " + dir.path() + " && export JUDGE_ROOT=" + testing::source_dir() + " &&");
  expect_says(r, 0, "got: softmax_rows");
  expect_says(judge("completions zsh"), 0, "bashcompinit");
  expect_says(judge("completions fish"), 2, "fish");
}

// judge(1) is made from the same command tree as `judge help`: each command
// with the description help gives it, and its options.
TEST(CliUsage, TheManualPageSaysWhatHelpSays) {
  const auto page = judge("__man");
  expect_says(page, 0, ".TH JUDGE 1");
  for (const char* section : {".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH OPTIONS"})
    expect_says(page, 0, section);
  for (const std::string command : {"check", "init", "grade", "serve", "watch"}) {
    const auto help = judge("help " + command);
    const std::string description = help.out.substr(0, help.out.find('\n'));
    ASSERT_FALSE(description.empty()) << help.out;
    expect_says(page, 0, "\\fBjudge " + command + "\\fR");
    expect_says(page, 0, "\n" + description + "\n");
  }
  expect_says(page, 0, "\\fB\\-\\-file\\fR");
  EXPECT_EQ(page.out.find("__complete"), std::string::npos) << "a hidden command";
  EXPECT_EQ(judge("__complete -- cur=__").out.find("__man"), std::string::npos);
  if (testing::missing_tool("man")) GTEST_SKIP() << "man-db is not installed";
  testing::TempDir dir;
  const std::string file = dir.write("judge.1", page.out);
  const auto shown = testing::shell("MANWIDTH=80 man -l " + file + " 2>&1");
  expect_says(shown, 0, "judge init dir [options]");
  EXPECT_EQ(shown.out.find("warning"), std::string::npos) << shown.out;
}

}  // namespace
}  // namespace judge

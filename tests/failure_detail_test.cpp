// One failure, told right: a crash's output and its meaning belong to the
// case that crashed, a small wrong result is shown whole with its wrong
// entries marked. Through the real judge, with a learner file that has two
// bugs and a debug print.
#include "report_grid.h"
#include "runtime_explain.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>

namespace judge {
namespace {

std::string two_bugs() {
  return testing::source_dir() + "/tests/submissions/feedback/softmax/two_bugs.cpp";
}

testing::JudgeRun judge(const std::string& args, bool json) {
  return testing::run_judge(args,
                            "cd " + testing::source_dir() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" +
                                testing::source_dir() + "/.judge/cache",
                            !json);
}

const nlohmann::json* find_test(const nlohmann::json& doc, const std::string& name) {
  for (const auto& t : doc["tests"])
    if (t["name"] == name) return &t;
  return nullptr;
}

TEST(FailureDetail, TheCrashsOutputAndMeaningAreUnderTheCaseThatCrashed) {
  const auto r = judge("check softmax --format json --file " + two_bugs(), true);
  const auto doc = nlohmann::json::parse(r.out);
  const nlohmann::json* crashed = find_test(doc, "edge/empty");
  ASSERT_NE(crashed, nullptr) << r.out;
  EXPECT_EQ((*crashed)["verdict"], "runtime_error");
  const std::string output = (*crashed)["output"];
  EXPECT_NE(output.find("you are using an empty matrix"), std::string::npos) << output;
  EXPECT_NE((*crashed)["explanation"]["en"].get<std::string>().find("empty matrix or vector"),
            std::string::npos);
  EXPECT_FALSE((*crashed)["explanation"]["zh"].get<std::string>().empty());
  // Every other test's output is its own prints, never the assertion.
  int printed = 0;
  for (const auto& t : doc["tests"]) {
    if (t["name"] == "edge/empty" || t["output"].is_null()) continue;
    ++printed;
    const std::string own = t["output"];
    EXPECT_EQ(own.find("empty matrix"), std::string::npos) << t["name"] << ": " << own;
    EXPECT_NE(own.find("softmax called with"), std::string::npos) << t["name"];
    EXPECT_FALSE(t.contains("explanation")) << t["name"];
  }
  EXPECT_GT(printed, 3);
  // The known mistake (no max shift) explains the NaNs, not the crash beside them.
  ASSERT_TRUE(doc.contains("diagnosis")) << r.out;
  EXPECT_EQ(doc["diagnosis"]["id"], "no_max_shift");
  for (const auto& c : doc["diagnosis"]["cases"]) EXPECT_NE(c, "edge/empty");
  const auto human = judge("check softmax --file " + two_bugs(), false);
  EXPECT_NE(human.out.find("failed tests; the others fail for another reason"), std::string::npos)
      << human.out;
}

TEST(FailureDetail, TheTerminalTellsTheCrashWithItsMeaningAndRawText) {
  for (const char* lang : {"en", "zh"}) {
    const auto r = judge(
        "check softmax --case edge/empty --lang " + std::string(lang) + " --file " + two_bugs(),
        false);
    const bool zh = std::string(lang) == "zh";
    for (const std::string& part :
         {std::string(zh ? "这意味着：" : "What it means: "),
          std::string(zh ? "归约之前先处理零行或零列" : "handle zero rows or zero columns"),
          std::string(zh ? "你的程序在这个用例中的输出" : "your program printed during this test"),
          std::string("| "), std::string("you are using an empty matrix")})
      EXPECT_NE(r.out.find(part), std::string::npos) << lang << ": " << part << "\n" << r.out;
  }
}

TEST(FailureDetail, ASmallWrongResultIsShownWholeWithItsWrongEntriesMarked) {
  const auto r = judge("check softmax --format json --file " + two_bugs(), true);
  const auto doc = nlohmann::json::parse(r.out);
  const nlohmann::json* wrong = find_test(doc, "stability/large_positive");
  ASSERT_NE(wrong, nullptr);
  ASSERT_TRUE(wrong->contains("grid")) << wrong->dump();
  const auto& grid = (*wrong)["grid"];
  EXPECT_EQ(grid["rows"], 1);
  EXPECT_EQ(grid["cols"], 3);
  EXPECT_EQ(grid["got"][0], "nan");
  EXPECT_EQ(grid["wrong"], nlohmann::json::array({true, true, true}));

  const auto human =
      judge("check softmax --case stability/large_positive --file " + two_bugs(), false);
  EXPECT_NE(human.out.find("* marks the entries outside the tolerance"), std::string::npos)
      << human.out;
  EXPECT_NE(human.out.find("nan*"), std::string::npos) << human.out;
}

TEST(FailureDetail, GridTextMarksOnlyTheWrongEntriesAndLinesUpBothSides) {
  Grid g{
      "result", 2, 2, {0.5, 0.5, 0.25, 0.75}, {0.5, 0.5, 0.75, 0.25}, {false, false, true, true}};
  const std::string text = grid_text(g, Lang::kEn);
  EXPECT_NE(text.find("result (2 x 2)"), std::string::npos) << text;
  EXPECT_NE(text.find("\n    expected       got\n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n      0.5   0.5      0.5   0.5 \n"), std::string::npos) << text;
  EXPECT_NE(text.find("\n     0.25  0.75     0.75* 0.25*\n"), std::string::npos) << text;
  EXPECT_NE(grid_text(g, Lang::kZh).find("期望"), std::string::npos);
}

TEST(FailureDetail, RuntimeErrorsAreReadFromTheirTextThenTheirSignal) {
  const std::string product =
      "program: /usr/include/eigen3/Eigen/src/Core/Product.h:97: ...: Assertion `lhs.cols() == "
      "rhs.rows() && \"invalid matrix product\" && \"if you wanted a coeff-wise or a dot product "
      "use the respective explicit functions\"' failed.";
  EXPECT_NE(explain_runtime_error(product, SIGABRT).en.find("size mismatch in a product"),
            std::string::npos);
  EXPECT_NE(explain_runtime_error("Assertion `aLhs.rows() == aRhs.rows() && aLhs.cols() == "
                                  "aRhs.cols()' failed.",
                                  SIGABRT)
                .en.find("element-wise"),
            std::string::npos);
  EXPECT_NE(explain_runtime_error("Assertion `index >= 0 && index < size()' failed.", SIGABRT)
                .en.find("index out of range"),
            std::string::npos);
  EXPECT_NE(explain_runtime_error("terminate called after throwing an instance of "
                                  "'std::out_of_range'",
                                  SIGABRT)
                .en.find(".at(i)"),
            std::string::npos);
  EXPECT_NE(explain_runtime_error("", SIGSEGV).en.find("segmentation fault"), std::string::npos);
  EXPECT_NE(explain_runtime_error("", SIGILL).en.find("without a return statement"),
            std::string::npos);
  EXPECT_NE(explain_runtime_error("", SIGFPE).en.find("division"), std::string::npos);
  // Nothing recognised: nothing claimed.
  EXPECT_TRUE(explain_runtime_error("bye", 0).en.empty());
  // Every sentence has its Chinese form.
  for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
    EXPECT_FALSE(explain_runtime_error("", signal).zh.empty()) << signal;
}

}  // namespace
}  // namespace judge

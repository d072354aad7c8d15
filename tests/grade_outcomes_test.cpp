// The gradebook tells outcomes apart (outcomes.csv, the HTML heat map,
// Gradescope) and weighs problems by the set's points.
#include "grade_outcome.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace judge {
namespace {
using nlohmann::json;

json test_doc(const std::string& verdict, const std::string& message = "") {
  return {{"name", "g/c"},
          {"status", verdict == "accepted" ? "pass" : "fail"},
          {"verdict", verdict},
          {"message", message.empty() ? json(nullptr) : json(message)}};
}

GradedProblem problem_with(std::vector<json> tests, const std::string& message = "") {
  return graded_hand_in("softmax", 1, "int x;",
                        {{"status", "fail"},
                         {"message", message.empty() ? json(nullptr) : json(message)},
                         {"tests", tests}});
}

// One place counts a results document's tests and tells an empty file, for
// `judge grade` and the room's export alike.
TEST(GradedHandIn, CountsPassedAndTotalAndTellsABlankFile) {
  const GradedProblem p = graded_hand_in(
      "softmax", 2, " \n\t", {{"tests", {test_doc("accepted"), test_doc("wrong_answer")}}});
  EXPECT_TRUE(p.attempted);
  EXPECT_TRUE(p.empty);
  EXPECT_EQ(p.passed, 1);
  EXPECT_EQ(p.total, 2);
  EXPECT_DOUBLE_EQ(p.score(), 1.0);
  // A document that is not an object (a corrupt row) counts as an error.
  const GradedProblem bad = graded_hand_in("softmax", 1, "int x;", json("garbage"));
  EXPECT_FALSE(bad.empty);
  EXPECT_EQ(bad.total, 0);
  EXPECT_EQ(bad.result["status"], "error");
}

TEST(GradeOutcome, EachKindOfZeroHasItsOwnName) {
  GradedProblem missing;
  EXPECT_STREQ(outcome_name(classify_outcome(missing)), "not_attempted");
  GradedProblem empty = problem_with({}, "compile_error:\nundefined reference");
  empty.empty = true;
  EXPECT_STREQ(outcome_name(classify_outcome(empty)), "empty");
  EXPECT_STREQ(outcome_name(classify_outcome(problem_with({}, "compile_error:\nx.cpp:1: error"))),
               "compile_error");
  EXPECT_STREQ(outcome_name(classify_outcome(problem_with({}, "refused: a link"))), "refused");
  EXPECT_STREQ(
      outcome_name(classify_outcome(problem_with(
          {test_doc("not_implemented"), test_doc("not_implemented")}))),
      "not_implemented");
  // An endless loop: one time-out, then every other case not run.
  EXPECT_STREQ(outcome_name(classify_outcome(problem_with(
                   {test_doc("time_limit"), test_doc("time_limit", "not run: earlier cases"),
                    test_doc("time_limit", "not run: earlier cases")}))),
               "time_limit");
  EXPECT_STREQ(outcome_name(classify_outcome(
                   problem_with({test_doc("wrong_answer"), test_doc("wrong_answer"),
                                 test_doc("runtime_error")}))),
               "wrong_answer");
  EXPECT_STREQ(outcome_name(classify_outcome(problem_with({test_doc("runtime_error")}))),
               "runtime_error");
  EXPECT_STREQ(outcome_name(classify_outcome(
                   problem_with({test_doc("accepted"), test_doc("wrong_answer")}))),
               "partial");
  EXPECT_STREQ(outcome_name(classify_outcome(problem_with({test_doc("accepted")}))), "passed");
}

// A class with one learner per outcome, graded for real.
TEST(GradeOutcomes, AClassGetsOutcomesPointsAndReadableGradescopeOutput) {
  testing::TempDir bank, cls, out;
  testing::copy_bank(bank);
  bank.write("problems/sets.yaml",
             testing::read_text(bank.path() + "/problems/sets.yaml") +
                 "  weighted:\n    title: {en: weighted, zh: weighted}\n    minutes: 10\n"
                 "    problems: [softmax, softmax_rows]\n    points: {softmax: 3}\n");
  const std::string correct =
      testing::read_text(testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp");
  cls.write("passed/softmax.cpp", correct + "\n// passed\n");
  cls.write("stub/softmax.cpp", testing::read_text(testing::source_dir() + "/exercises/softmax.cpp"));
  cls.write("empty/softmax.cpp", "\n  \n");
  cls.write("broken/softmax.cpp", "#include \"exercise.h\"\nint softmax( {\n");
  cls.write("loops/softmax.cpp",
            "#include \"exercise.h\"\nEigen::VectorXf softmax(const Eigen::VectorXf& x) {\n"
            "  volatile bool forever = true;\n  while (forever) {}\n  return x;\n}\n");
  cls.write("nothing/notes.txt", "no code\n");

  const auto r = testing::run_judge(
      "grade " + cls.path() + " --out " + out.path() + " --set weighted",
      "cd " + bank.path() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" + testing::source_dir() +
          "/.judge/cache");
  ASSERT_EQ(r.exit_code, 0) << r.out;

  const std::string outcomes = testing::read_text(out.path() + "/outcomes.csv");
  EXPECT_EQ(outcomes.substr(0, outcomes.find('\n')), "learner,softmax,softmax_rows,total");
  for (const char* row : {"\npassed,passed,not_attempted,3.0000\n",
                          "\nstub,not_implemented,not_attempted,0.0000\n",
                          "\nempty,empty,not_attempted,0.0000\n",
                          "\nbroken,compile_error,not_attempted,0.0000\n",
                          "\nloops,time_limit,not_attempted,0.0000\n",
                          "\nnothing,not_attempted,not_attempted,0.0000\n"})
    EXPECT_NE(outcomes.find(row), std::string::npos) << row << "\n" << outcomes;
  // summary.csv keeps its fractions; the total weighs them by the set's points.
  const std::string summary = testing::read_text(out.path() + "/summary.csv");
  EXPECT_NE(summary.find("\npassed,1.0000,0.0000,3.0000\n"), std::string::npos) << summary;

  const json broken = json::parse(testing::read_text(out.path() + "/gradescope/broken.json"));
  EXPECT_EQ(broken["max_score"], 4.0);
  const std::string said = broken["tests"][0]["output"].get<std::string>();
  EXPECT_NE(said.find("did not compile"), std::string::npos) << said;
  EXPECT_NE(said.find("error"), std::string::npos) << said;  // the compiler's own words
  EXPECT_EQ(said.find("0/0 tests"), std::string::npos) << said;
  EXPECT_EQ(broken["tests"][0]["max_score"], 3.0);

  // The endless loop's cases that never ran fold into one line.
  const json loops = json::parse(testing::read_text(out.path() + "/gradescope/loops.json"));
  const std::string loop_said = loops["tests"][0]["output"].get<std::string>();
  std::size_t not_run_lines = 0;
  for (std::size_t at = loop_said.find("not run"); at != std::string::npos;
       at = loop_said.find("not run", at + 1))
    ++not_run_lines;
  EXPECT_GE(not_run_lines, 1u) << loop_said;
  EXPECT_LE(not_run_lines, 2u) << loop_said;  // one line per reason, not one per case

  const std::string html = testing::read_text(out.path() + "/report.html");
  EXPECT_NE(html.find("\"outcome\":\"time_limit\""), std::string::npos);
  EXPECT_NE(html.find("<h2>Insights</h2>"), std::string::npos);
  EXPECT_NE(html.find("volatile bool forever"), std::string::npos);  // the code beside its failures
  const std::string insights = testing::read_text(out.path() + "/insights.csv");
  EXPECT_NE(insights.find("\nproblem,softmax,,"), std::string::npos) << insights;
}

}  // namespace
}  // namespace judge

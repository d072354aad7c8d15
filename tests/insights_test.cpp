// Insights for the instructor: where the class fails, and near-identical files.
#include "insights.h"
#include "similarity.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <regex>

namespace judge {
namespace {
using nlohmann::json;

std::string bank_file(const std::string& relative) {
  return testing::read_text(testing::source_dir() + "/" + relative);
}

// The same code with other names, comments and spacing: what a copier does.
std::string disguised(std::string source) {
  source = std::regex_replace(source, std::regex("\\bx\\b"), "input_values");
  source = std::regex_replace(source, std::regex("//[^\n]*"), "// my own work");
  source = std::regex_replace(source, std::regex("\n"), "\n\n  ");
  return "/* written by me */\n" + source;
}

TEST(Similarity, ACopyWithOtherNamesAndCommentsIsNearIdentical) {
  const std::string original = bank_file("solutions/softmax/correct/float_loops.cpp");
  const std::string stub = bank_file("exercises/softmax.cpp");
  ASSERT_NE(disguised(original), original);
  const auto groups = similar_groups({original, bank_file("solutions/softmax/correct/exp_minus_lse.cpp"),
                                      disguised(original), stub, stub},
                                     stub, kSimilarityThreshold);
  ASSERT_EQ(groups.size(), 1u);  // the two untouched stubs are too small to compare
  EXPECT_EQ(groups[0].members, (std::vector<std::size_t>{0, 2}));
  EXPECT_GE(groups[0].least_similarity, kSimilarityThreshold);
}

TEST(Similarity, AnotherAlgorithmIsNotACopy) {
  const std::string a = bank_file("solutions/softmax/correct/float_loops.cpp");
  const std::string b = bank_file("solutions/softmax/correct/online_one_pass.cpp");
  EXPECT_LT(jaccard(fingerprints(a), fingerprints(b)), 0.5);
  EXPECT_EQ(normalized_tokens("int a = 1; // c\n/* d */ float b2 = 2.5f;"),
            normalized_tokens("int zz=7;float q = 1e3;"));
}

GradedProblem graded(const std::string& problem, std::vector<std::pair<std::string, bool>> tests) {
  GradedProblem p;
  p.problem = problem;
  p.attempted = true;
  json list = json::array();
  for (const auto& [name, pass] : tests) {
    list.push_back({{"name", name},
                    {"group", name.substr(0, name.find('/'))},
                    {"status", pass ? "pass" : "fail"},
                    {"message", pass ? json(nullptr) : json("wrong")}});
    ++p.total;
    p.passed += pass ? 1 : 0;
  }
  p.result = {{"status", p.passed == p.total ? "pass" : "fail"}, {"tests", list}};
  return p;
}

TEST(Insights, SharesOfLearnersFailingPerProblemAndGroupAndTheCasesFailedMost) {
  GradeBook book;
  book.problems = {"softmax"};
  book.points = {1};
  book.learners = {
      {"ann", {graded("softmax", {{"basic/a", true}, {"stability/big", false}})}},
      {"<b>bob</b>", {graded("softmax", {{"basic/a", true}, {"stability/big", false}})}},
      {"cat", {graded("softmax", {{"basic/a", true}, {"stability/big", true}})}},
      {"dan", {GradedProblem{}}},  // not attempted: not counted
  };
  book.learners[3].problems[0].problem = "softmax";
  const Insights insights = compute_insights(book);
  ASSERT_EQ(insights.groups.size(), 3u);
  EXPECT_EQ(insights.groups[0].group, "");  // the problem as a whole
  EXPECT_EQ(insights.groups[0].failed, 2);
  EXPECT_EQ(insights.groups[0].counted, 3);
  EXPECT_EQ(insights.groups[1].group, "basic");
  EXPECT_EQ(insights.groups[1].failed, 0);
  EXPECT_EQ(insights.groups[2].group, "stability");
  EXPECT_NEAR(insights.groups[2].share(), 2.0 / 3, 1e-12);
  ASSERT_EQ(insights.cases.size(), 1u);
  EXPECT_EQ(insights.cases[0].test, "stability/big");
  EXPECT_EQ(insights.cases[0].failed, 2);

  const std::string csv = render_insights_csv(insights);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "kind,problem,item,failed,counted,share,learners");
  EXPECT_NE(csv.find("\ngroup,softmax,stability,2,3,0.6667,\n"), std::string::npos) << csv;
  const std::string html = render_insights_html(insights);
  EXPECT_NE(html.find("2 of 3"), std::string::npos);
}

// The instructor sees how many learners made each known mistake.
TEST(Insights, CountsLearnersPerKnownMistake) {
  auto with_mistake = [](const std::string& id) {
    GradedProblem p = graded("softmax", {{"stability/big", false}});
    p.result["diagnosis"] = {{"id", id},
                             {"title", {{"en", "No max <shift>"}, {"zh", "没有平移"}}},
                             {"explanation", {{"en", "e"}, {"zh", "z"}}},
                             {"cases", {"stability/big"}}};
    return p;
  };
  GradeBook book;
  book.problems = {"softmax"};
  book.points = {1};
  book.learners = {{"ann", {with_mistake("no_max_shift")}},
                   {"bob", {with_mistake("no_max_shift")}},
                   {"cat", {with_mistake("columns")}},
                   {"dan", {graded("softmax", {{"stability/big", false}})}}};
  const Insights insights = compute_insights(book);
  ASSERT_EQ(insights.mistakes.size(), 2u);
  EXPECT_EQ(insights.mistakes[0].id, "no_max_shift");
  EXPECT_EQ(insights.mistakes[0].learners, (std::vector<std::string>{"ann", "bob"}));
  EXPECT_EQ(insights.mistakes[1].id, "columns");
  const std::string csv = render_insights_csv(insights);
  EXPECT_NE(csv.find("\nmistake,softmax,no_max_shift,2,,,ann; bob\n"), std::string::npos) << csv;
  const std::string html = render_insights_html(insights);
  EXPECT_NE(html.find("No max &lt;shift&gt; <code>no_max_shift</code></td><td>2: ann, bob"),
            std::string::npos)
      << html;
}

TEST(Insights, NearIdenticalHandInsAreGroupedWithEscapedNames) {
  GradeBook book;
  book.problems = {"softmax"};
  book.points = {1};
  book.base_code = {bank_file("exercises/softmax.cpp")};
  const std::string original = bank_file("solutions/softmax/correct/float_loops.cpp");
  for (const auto& [name, source] :
       std::vector<std::pair<std::string, std::string>>{{"ann", original},
                                                        {"<script>x</script>", disguised(original)},
                                                        {"cat", bank_file("solutions/softmax/correct/exp_minus_lse.cpp")}}) {
    GradedProblem p = graded("softmax", {{"basic/a", true}});
    p.source = source;
    book.learners.push_back({name, {p}});
  }
  const Insights insights = compute_insights(book);
  ASSERT_EQ(insights.similar.size(), 1u);
  EXPECT_EQ(insights.similar[0].learners, (std::vector<std::string>{"ann", "<script>x</script>"}));
  const std::string html = render_insights_html(insights);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
}

}  // namespace
}  // namespace judge

// A known-wrong solution's header: its promises and the texts a learner
// reads when their output matches it.
#include "known_solutions.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

TEST(KnownSolutionHeader, ReadsTheMistakeAndItsExplanationInBothLanguages) {
  KnownSolution s;
  s.path = "solutions/softmax/wrong/no_max_shift.cpp";
  parse_solution_header(
      "// The textbook formula.\n"
      "// expect: wrong_answer stability\n"
      "// mistake: Softmax without the max shift\n"
      "// mistake.zh: 没有减去最大值\n"
      "// explain: exp(1000) overflows float32.\n"
      "// explain:   Subtract the maximum first.  \n"
      "// explain.zh: exp(1000) 会溢出，\n"
      "// explain.zh: 应先减去最大值。\n"
      "#include \"exercise.h\"\n"
      "// mistake: not in the header any more\n",
      s);
  EXPECT_TRUE(s.errors.empty());
  ASSERT_EQ(s.expect.size(), 1u);
  EXPECT_EQ(s.about, "The textbook formula.");
  EXPECT_EQ(s.mistake.en, "Softmax without the max shift");
  EXPECT_EQ(s.mistake.zh, "没有减去最大值");
  EXPECT_EQ(s.explain.en, "exp(1000) overflows float32. Subtract the maximum first.");
  EXPECT_EQ(s.explain.zh, "exp(1000) 会溢出，应先减去最大值。");
  EXPECT_TRUE(missing_mistake_texts(s).empty());
}

TEST(KnownSolutionHeader, AWrongSolutionWithoutItsTextsIsNamedKeyByKey) {
  KnownSolution wrong;
  wrong.path = "solutions/softmax/wrong/x.cpp";
  parse_solution_header("// expect: wrong_answer basic\n// mistake: A title\n", wrong);
  const auto missing = missing_mistake_texts(wrong);
  ASSERT_EQ(missing.size(), 3u);
  EXPECT_NE(missing[0].find("solutions/softmax/wrong/x.cpp: no '// mistake.zh:' line"),
            std::string::npos);
  EXPECT_NE(missing[1].find("'// explain:'"), std::string::npos);
  EXPECT_NE(missing[2].find("'// explain.zh:'"), std::string::npos);

  KnownSolution correct;
  correct.kind = KnownSolution::Kind::kCorrect;
  parse_solution_header("// expect: accepted\n", correct);
  EXPECT_TRUE(missing_mistake_texts(correct).empty());
}

}  // namespace
}  // namespace judge

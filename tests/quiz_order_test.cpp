// The quiz's choices in a learner's own order, and replies that are choices.
#include "quiz_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

namespace judge {
namespace {

TEST(QuizOrder, IsAPermutationFixedByTheSeedProblemAndQuestion) {
  const auto order = choice_order("seed-a", "softmax", 0, 4);
  std::vector<std::size_t> sorted = order;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(sorted, (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(order, choice_order("seed-a", "softmax", 0, 4))
      << "the same learner sees the same order";
  EXPECT_TRUE(choice_order("seed-a", "softmax", 0, 0).empty());
  EXPECT_EQ(choice_order("seed-a", "softmax", 0, 1), (std::vector<std::size_t>{0}));
}

// The right answer (index 2 in the bank, say) lands on every position about
// equally often across learners: its place carries no pattern.
TEST(QuizOrder, TheRightAnswersPositionIsSpreadOverLearners) {
  std::vector<int> where(4, 0);
  for (int learner = 0; learner < 400; ++learner) {
    const auto order = choice_order("learner" + std::to_string(learner), "softmax", 1, 4);
    where[static_cast<std::size_t>(std::find(order.begin(), order.end(), 2u) - order.begin())]++;
  }
  for (const int n : where) {
    EXPECT_GT(n, 60);
    EXPECT_LT(n, 140);
  }
}

TEST(QuizOrder, OnlyANumberOfAChoiceIsAReply) {
  EXPECT_EQ(parse_choice("2", 4), 1u);
  EXPECT_EQ(parse_choice(" 3) ", 4), 2u);
  EXPECT_EQ(parse_choice("4.", 4), 3u);
  for (const char* reply : {"two", "", "  ", "0", "5", "-1", "1 2", "2x", ")"})
    EXPECT_FALSE(parse_choice(reply, 4)) << reply;
}

}  // namespace
}  // namespace judge

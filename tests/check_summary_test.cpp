// The table that ends `judge check --all` and `--set`, in both languages.
#include "check_summary.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

std::vector<SummaryRow> rows() {
  return {{"softmax", 12, 12, Outcome::kPassed, ""},
          {"multi_head_attention", 3, 49, Outcome::kPartial, ""},
          {"layer_norm", 0, 30, Outcome::kNotImplemented, ""}};
}

TEST(CheckSummary, AlignsColumnsAndCountsTheProblemsPassed) {
  const std::string table = render_check_summary(rows(), Lang::kEn);
  EXPECT_EQ(table,
            "problem               passed  outcome\n"
            "softmax               12/12   passed\n"
            "multi_head_attention  3/49    partial\n"
            "layer_norm            0/30    not_implemented\n"
            "1 of 3 problems passed.\n");
}

TEST(CheckSummary, NamesAKnownMistakeInItsOwnColumn) {
  auto r = rows();
  r[1].outcome = Outcome::kWrongAnswer;
  r[1].mistake = "Softmax over columns instead of rows";
  const std::string table = render_check_summary(r, Lang::kEn);
  EXPECT_NE(table.find("outcome          known mistake\n"), std::string::npos) << table;
  EXPECT_NE(table.find("wrong_answer     Softmax over columns instead of rows\n"),
            std::string::npos)
      << table;
}

TEST(CheckSummary, SpeaksChineseWithWideCharactersAligned) {
  const std::string table = render_check_summary(rows(), Lang::kZh);
  // "题目" is four columns wide: padded to the widest id plus two.
  EXPECT_EQ(table.substr(0, table.find('\n')), "题目                  通过/总数  结果");
  EXPECT_NE(table.find("0/30       未实现\n"), std::string::npos) << table;
  EXPECT_NE(table.find("3 道题中通过 1 道。"), std::string::npos) << table;
  EXPECT_EQ(outcome_label(Outcome::kTimeLimit, Lang::kZh), "超时");
  EXPECT_EQ(outcome_label(Outcome::kTimeLimit, Lang::kEn), "time_limit");
}

}  // namespace
}  // namespace judge

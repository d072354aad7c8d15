// judge quiz: the concept questions of a problem or a set, asked in the
// terminal. Multiple-choice answers are checked; open questions show the model
// answer after the learner has thought (pressed Enter).
#include "commands.h"
#include "quiz_order.h"
#include "random_token.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
#include <optional>
#include <vector>
#include <string>

namespace judge::cli {

int run_quiz(Context& ctx, const std::string& id, const std::string& set_id, bool answers_only) {
  std::vector<const Problem*> problems;
  if (!id.empty()) {
    const Problem* p = find_problem(ctx, id);
    if (p == nullptr) return kExitUsage;
    problems.push_back(p);
  } else if (!set_id.empty()) {
    const ProblemSet* set = find_set(ctx, set_id);
    if (set == nullptr) return kExitUsage;
    for (const auto& pid : set->problems) problems.push_back(ctx.bank.find(pid));
  } else {
    for (const auto& p : ctx.bank.problems) problems.push_back(&p);
  }
  const bool zh = ctx.lang == Lang::kZh;
  const bool interactive = !answers_only && isatty(STDIN_FILENO);
  int asked = 0;
  int right = 0;
  int choice_questions = 0;
  // Each learner sees the choices in an order of their own, drawn once and
  // kept in the state file.
  State state = load_state(ctx.workspace);
  if (state.quiz_seed().empty()) {
    state.quiz_seed() = random_token(8);
    state.save();
  }
  const std::string seed = state.quiz_seed();
  for (const Problem* p : problems) {
    for (std::size_t q = 0; q < p->questions.size(); ++q) {
      const Question& question = p->questions[q];
      std::cout << fmt::format("\n[{} {}/{}] {}\n", p->id, q + 1, p->questions.size(),
                               question.question.in(ctx.lang));
      const std::vector<std::size_t> order =
          choice_order(seed, p->id, q, question.choices.size());
      std::size_t shown_correct = 0;
      for (std::size_t k = 0; k < order.size(); ++k) {
        std::cout << fmt::format("  {}) {}\n", k + 1, question.choices[order[k]].in(ctx.lang));
        if (static_cast<int>(order[k]) == question.correct) shown_correct = k;
      }
      ++asked;
      std::string reply;
      if (!question.choices.empty()) {
        ++choice_questions;
        if (interactive) {
          std::optional<std::size_t> picked;
          // Not a choice ("two", "", 7 of 4) is asked again, not counted wrong.
          while (!picked) {
            std::cout << fmt::format(zh ? "你的选择（1 到 {} 的编号）：" : "Your choice (1 to {}): ",
                                     order.size())
                      << std::flush;
            if (!std::getline(std::cin, reply)) return kExitOk;
            picked = parse_choice(reply, order.size());
          }
          const bool correct = *picked == shown_correct;
          right += correct ? 1 : 0;
          std::cout << (correct ? (zh ? "正确。\n" : "Right.\n")
                                : fmt::format(
                                      zh ? "不对：答案是 {}。\n" : "Not quite: the answer is {}.\n",
                                      shown_correct + 1));
        } else {
          std::cout << fmt::format(zh ? "答案：{}\n" : "Answer: {}\n", shown_correct + 1);
        }
      } else if (interactive) {
        std::cout << (zh ? "想好后按回车查看参考答案。"
                         : "Think it through, then press Enter for the model answer.")
                  << std::flush;
        if (!std::getline(std::cin, reply)) return kExitOk;
      }
      std::cout << (zh ? "参考答案：" : "Model answer: ") << question.answer.in(ctx.lang) << "\n";
    }
  }
  if (asked == 0) {
    std::cout << (zh ? "这里还没有概念题。\n" : "No concept questions here yet.\n");
  } else if (interactive && choice_questions > 0) {
    std::cout << fmt::format(zh ? "\n选择题答对 {}/{}。\n" : "\nMultiple choice: {}/{} right.\n",
                             right, choice_questions);
  }
  return kExitOk;
}

}  // namespace judge::cli

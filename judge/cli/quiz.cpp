// judge quiz: the concept questions of a problem or a set, asked in the
// terminal. Multiple-choice answers are checked; open questions show the model
// answer after the learner has thought (pressed Enter).
#include "commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <iostream>
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
  for (const Problem* p : problems) {
    for (std::size_t q = 0; q < p->questions.size(); ++q) {
      const Question& question = p->questions[q];
      std::cout << fmt::format("\n[{} {}/{}] {}\n", p->id, q + 1, p->questions.size(),
                               question.question.in(ctx.lang));
      for (std::size_t c = 0; c < question.choices.size(); ++c)
        std::cout << fmt::format("  {}) {}\n", c + 1, question.choices[c].in(ctx.lang));
      ++asked;
      std::string reply;
      if (!question.choices.empty()) {
        ++choice_questions;
        if (interactive) {
          std::cout << (zh ? "你的选择（编号）：" : "Your choice (number): ") << std::flush;
          if (!std::getline(std::cin, reply)) return kExitOk;
          int picked = 0;
          try {
            picked = std::stoi(reply);
          } catch (const std::exception&) {
            picked = 0;
          }
          const bool correct = picked - 1 == question.correct;
          right += correct ? 1 : 0;
          std::cout << (correct ? (zh ? "正确。\n" : "Right.\n")
                                : fmt::format(
                                      zh ? "不对：答案是 {}。\n" : "Not quite: the answer is {}.\n",
                                      question.correct + 1));
        } else {
          std::cout << fmt::format(zh ? "答案：{}\n" : "Answer: {}\n", question.correct + 1);
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

// The worked example: the loader reads `example:` with file:line:column
// errors, and check_worked_example compares it with a computed value and with
// the statement that prints it.
#include "worked_example.h"
#include "bank.h"
#include "example_loader.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>

namespace judge {
namespace {

const char* const kSoftmax = R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement:
  en: "Example: x = [1, 2, 3] gives [0.0900306, 0.2447285, 0.6652410]."
  zh: "示例：x = [1, 2, 3] 得到 [0.0900306, 0.2447285, 0.6652410]。"
signature: "Eigen::VectorXf demo(const Eigen::VectorXf& x)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - {name: statement_example, args: {x: [1, 2, 3]}}
  random:
    note: {en: Random., zh: 随机。}
    generate:
      - {generator: random, count: 3, seed: 1, dims: {n: [1, 8]}, args: {x: {shape: [n], dist: normal}}}
example:
  case: sample/statement_example
  output: [0.0900306, 0.2447285, 0.6652410]
)yaml";

// A record result: the online-softmax state.
const char* const kState = R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement:
  en: "Example: [1, 2] gives {max: 2, sum: 1.3678794}."
  zh: "示例：[1, 2] 得到 {max: 2, sum: 1.3678794}。"
signature: "SoftmaxState demo(SoftmaxState state, const Eigen::VectorXf& chunk)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - {name: one_two, args: {state: {max: -inf, sum: 0}, chunk: [1, 2]}}
  invalid:
    note: {en: Bad., zh: 错。}
    expect: invalid_argument
    cases:
      - {name: nan_chunk, args: {state: {max: -inf, sum: 0}, chunk: [nan]}}
example:
  case: sample/one_two
  output: {max: 2, sum: 1.3678794}
)yaml";

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

// Loads `text` as demo.yaml; `error` gets the loader's message with the
// temporary folder cut off ("demo.yaml:33:9: ..."), or stays empty.
Problem load(const std::string& text, std::string* error = nullptr) {
  testing::TempDir dir;
  const std::string path = dir.write("demo.yaml", text);
  try {
    Problem p = load_problem(path, testing::bank_records());
    p.file = "demo.yaml";
    return p;
  } catch (const BankError& e) {
    const std::string message = e.what();
    const auto at = message.find(path);
    const std::string cut =
        at == std::string::npos ? message : "demo.yaml" + message.substr(at + path.size());
    if (error == nullptr) ADD_FAILURE() << cut;
    if (error != nullptr) *error = cut;
  }
  return Problem{};
}

std::string load_error(const std::string& text) {
  std::string error;
  load(text, &error);
  return error;
}

Value softmax_of_1_2_3() {
  Value v = Value::Tensor(ValueKind::kVector, 3, 1);
  const double sum = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  for (int i = 0; i < 3; ++i) v.data[static_cast<std::size_t>(i)] = std::exp(i + 1.0) / sum;
  return v;
}

Value state(double max, double sum) {
  Value v;
  v.kind = ValueKind::kRecord;
  v.field_names = {"max", "sum"};
  v.fields = {Value::Real(max), Value::Real(sum)};
  return v;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

TEST(WorkedExample, TheLoaderKeepsTheCaseAndTheWrittenDigits) {
  const Problem p = load(kSoftmax);
  ASSERT_TRUE(p.example.has_value());
  EXPECT_EQ(p.example->case_name, "sample/statement_example");
  EXPECT_EQ(p.example->written, (std::vector<std::string>{"0.0900306", "0.2447285", "0.6652410"}));
  EXPECT_EQ(p.example->output.rows, 3);
  EXPECT_EQ(p.example->line, 23);
  EXPECT_EQ(p.example->column, 11);
  EXPECT_FALSE(load(replace(kSoftmax,
                            "example:\n  case: sample/statement_example\n  output: "
                            "[0.0900306, 0.2447285, 0.6652410]\n",
                            ""))
                   .example.has_value());
}

TEST(WorkedExample, ARightExamplePasses) {
  EXPECT_EQ(joined(check_worked_example(load(kSoftmax), softmax_of_1_2_3())), "");
  // Fewer digits are a looser claim, not a wrong one: 0.09 is 0.0900306 to 2 decimals.
  const std::string rounded = replace(
      replace(kSoftmax, "[0.0900306, 0.2447285, 0.6652410]\n", "[0.09, 0.2447285, 0.6652410]\n"),
      "gives [0.0900306,", "gives [0.09,");
  EXPECT_EQ(joined(check_worked_example(load(replace(rounded, "得到 [0.0900306,", "得到 [0.09,")),
                                        softmax_of_1_2_3())),
            "");
}

TEST(WorkedExample, AWrongDigitIsNamedWithItsPosition) {
  const std::string wrong = replace(
      replace(replace(kSoftmax, "0.6652410]\n", "0.6652419]\n"), "0.6652410].\"", "0.6652419].\""),
      "0.6652410]。", "0.6652419]。");
  const auto problems = check_worked_example(load(wrong), softmax_of_1_2_3());
  ASSERT_EQ(problems.size(), 1u) << joined(problems);
  EXPECT_EQ(problems[0],
            "demo.yaml:23:11: the worked example says 0.6652419 at entry [2] but the reference "
            "computes 0.6652409558 (0.6652410 to the digits written)");
}

TEST(WorkedExample, EveryNumberMustBePrintedInBothLanguages) {
  const std::string zh_drift = replace(kSoftmax, "得到 [0.0900306,", "得到 [0.0900307,");
  const auto problems = check_worked_example(load(zh_drift), softmax_of_1_2_3());
  ASSERT_EQ(problems.size(), 1u) << joined(problems);
  EXPECT_EQ(problems[0],
            "demo.yaml:23:11: the worked example's 0.0900306 (entry [0]) is not printed in the zh "
            "statement");
  // A number inside a longer one is not printed: 0.665241 is only part of 0.6652410.
  const std::string shorter = replace(kSoftmax, "0.6652410]\n", "0.665241]\n");
  EXPECT_NE(joined(check_worked_example(load(shorter), softmax_of_1_2_3()))
                .find("the worked example's 0.665241 (entry [2]) is not printed in the en"),
            std::string::npos);
}

TEST(WorkedExample, AWrongShapeIsReported) {
  Value four = Value::Tensor(ValueKind::kVector, 4, 1);
  const auto problems = check_worked_example(load(kSoftmax), four);
  ASSERT_EQ(problems.size(), 1u) << joined(problems);
  EXPECT_EQ(problems[0],
            "demo.yaml:23:11: the worked example's output is a vector of 3 entries but the "
            "reference returns a vector of 4 entries");
  EXPECT_NE(joined(check_worked_example(load(kSoftmax), Value::Real(1))).find("returns a number"),
            std::string::npos);
}

TEST(WorkedExample, RecordsAreComparedFieldByField) {
  const Problem p = load(kState);
  ASSERT_TRUE(p.example.has_value());
  EXPECT_EQ(p.example->written, (std::vector<std::string>{"2", "1.3678794"}));
  EXPECT_EQ(joined(check_worked_example(p, state(2, 1 + std::exp(-1.0)))), "");
  const auto problems = check_worked_example(p, state(2, 1.5));
  ASSERT_EQ(problems.size(), 1u) << joined(problems);
  EXPECT_EQ(problems[0],
            "demo.yaml:24:11: the worked example says 1.3678794 at field sum but the reference "
            "computes 1.5 (1.5000000 to the digits written)");
  Value no_sum = state(2, 1);
  no_sum.field_names = {"max", "total"};
  EXPECT_NE(
      joined(check_worked_example(p, no_sum)).find("a field sum the reference's result lacks"),
      std::string::npos);
}

TEST(WorkedExample, InfinityAndNanMustMatchExactly) {
  const std::string inf =
      replace(replace(replace(kState, "{max: 2, sum: 1.3678794}\n", "{max: -inf, sum: 0}\n"),
                      "gives {max: 2", "gives {max: -inf, sum: 0} or {max: 2"),
              "得到 {max: 2", "得到 {max: -inf, sum: 0} 或 {max: 2");
  const Problem p = load(inf);
  const double minus_inf = -HUGE_VAL;
  EXPECT_EQ(joined(check_worked_example(p, state(minus_inf, 0))), "");
  EXPECT_NE(joined(check_worked_example(p, state(std::nan(""), 0)))
                .find("says -inf at field max but the reference computes nan"),
            std::string::npos);
}

TEST(WorkedExample, ATypoInTheCaseSuggestsTheClosestWrittenCase) {
  EXPECT_EQ(load_error(replace(kSoftmax, "case: sample/statement_example",
                               "case: sample/statement_exampel")),
            "demo.yaml:22:9: there is no written case 'sample/statement_exampel'; did you mean "
            "'sample/statement_example'?");
  EXPECT_EQ(
      load_error(replace(kSoftmax, "case: sample/statement_example", "case: statement_example")),
      "demo.yaml:22:9: there is no written case 'statement_example'; did you mean "
      "'sample/statement_example'?");
  EXPECT_NE(
      load_error(replace(kSoftmax, "case: sample/statement_example", "case: random/random_1_0"))
          .find("generated cases do not count"),
      std::string::npos);
  EXPECT_NE(load_error(replace(kState, "case: sample/one_two", "case: invalid/nan_chunk"))
                .find("demo.yaml:23:9: the case invalid/nan_chunk is in the invalid group"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kSoftmax, "  output:", "  outptu:"))
                .find("demo.yaml:23:3: unknown key 'outptu' in the worked example; did you mean "
                      "'output'?"),
            std::string::npos);
}

TEST(WorkedExample, TheOutputMustBeTheLastStepsResultType) {
  EXPECT_EQ(load_error(replace(kSoftmax, "output: [0.0900306, 0.2447285, 0.6652410]",
                               "output: [[0.0900306, 0.2447285, 0.6652410]]")),
            "demo.yaml:23:12: the worked example's output (what demo returns) must be a vector "
            "such as [1, 2, 3] (one number per entry)");
  EXPECT_NE(load_error(replace(kState, "{max: 2, sum: 1.3678794}\n", "{max: 2}\n"))
                .find("needs the key 'sum'"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kSoftmax, "output: [0.0900306, 0.2447285, 0.6652410]",
                               "output: {shape: [3], fill: 0.3}"))
                .find("demo.yaml:23:11: write the worked example's output entry by entry"),
            std::string::npos);
}

// Signatures cannot declare void yet, so the function is made void in memory.
TEST(WorkedExample, AVoidFunctionHasNoOutputToWrite) {
  Problem p = load(kSoftmax);
  p.signatures[0].result.spelling = "void";
  const YAML::Node node =
      YAML::Load("case: sample/statement_example\noutput: [0.0900306, 0.2447285, 0.6652410]\n");
  try {
    parse_worked_example(YamlContext("demo.yaml"), node, p);
    FAIL() << "an output for a void function must be an error";
  } catch (const BankError& e) {
    EXPECT_EQ(std::string(e.what()),
              "demo.yaml:2:9: the last step of sample/statement_example calls demo, which returns "
              "nothing (void): there is no output to write");
  }
}

}  // namespace
}  // namespace judge

// The loader: every file in the bank is valid, and each kind of mistake an
// author can make is rejected with file:line:column and what to fix.
#include "bank.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <regex>

namespace judge {
namespace {

const char* const kValid = R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement: {en: Do it., zh: 做吧。}
signature: "Eigen::VectorXf demo(const Eigen::VectorXf& x)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - {name: one, args: {x: [1, 2, 3]}}
  random:
    note: {en: Random., zh: 随机。}
    generate:
      - {generator: random, count: 3, seed: 1, dims: {n: [1, 8]}, args: {x: {shape: [n], dist: normal}}}
)yaml";

// Loads `text` as demo.yaml and returns the error message ("" if it loaded).
std::string load_error(const std::string& text) {
  testing::TempDir dir;
  const std::string path = dir.write("demo.yaml", text);
  try {
    load_problem(path, testing::bank_records());
  } catch (const BankError& e) {
    std::string message = e.what();
    const auto at = message.find(path);
    return at == std::string::npos ? message : "demo.yaml" + message.substr(at + path.size());
  }
  return "";
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return text.replace(at, from.size(), to);
}

TEST(Bank, EveryProblemInTheBankLoadsStrictly) {
  const Bank bank = load_bank(testing::source_dir() + "/problems", /*strict=*/true);
  EXPECT_GE(bank.problems.size(), 1u);
  for (const auto& p : bank.problems) {
    EXPECT_FALSE(p.statement.zh.empty()) << p.id;
    EXPECT_FALSE(p.hints.empty()) << p.id;
    EXPECT_EQ(p.groups.front().kind, GroupKind::kSample) << p.id;
    for (const auto& g : p.groups) EXPECT_FALSE(g.note.zh.empty()) << p.id << "/" << g.name;
  }
}

TEST(Bank, EveryProblemHasTwoToFourConceptQuestions) {
  const Bank bank = load_bank(testing::source_dir() + "/problems", /*strict=*/false);
  for (const auto& p : bank.problems) {
    EXPECT_GE(p.questions.size(), 2u) << p.id;
    EXPECT_LE(p.questions.size(), 4u) << p.id;
  }
}

TEST(Bank, SetsNameKnownProblems) {
  testing::TempDir dir;
  dir.write("problems/tracks.yaml",
            "tracks:\n  softmax:\n    title: {en: S, zh: S}\n    problems: [demo]\n");
  dir.write("problems/demo.yaml", kValid);
  dir.write("problems/sets.yaml",
            "sets:\n  warm-up:\n    title: {en: W, zh: W}\n    minutes: 30\n    problems: [demo, "
            "demi]\n");
  try {
    load_bank(dir.path() + "/problems", /*strict=*/true);
    FAIL() << "an unknown problem in a set must be an error";
  } catch (const BankError& e) {
    EXPECT_NE(std::string(e.what()).find("sets.yaml:5:22: the set warm-up names an unknown problem "
                                         "'demi'; did you mean 'demo'?"),
              std::string::npos)
        << e.what();
  }
  dir.write(
      "problems/sets.yaml",
      "sets:\n  warm-up:\n    title: {en: W, zh: W}\n    minutes: 30\n    problems: [demo]\n");
  const Bank bank = load_bank(dir.path() + "/problems", /*strict=*/true);
  ASSERT_NE(bank.find_set("warm-up"), nullptr);
  EXPECT_EQ(bank.find_set("warm-up")->minutes, 30);
}

TEST(Bank, TheDemoIsValid) { EXPECT_EQ(load_error(kValid), ""); }

TEST(Bank, MalformedYamlNamesLineAndColumn) {
  const std::string e =
      load_error(replace(kValid, "title: {en: Demo, zh: 演示}", "title: {en: Demo, zh: [}"));
  EXPECT_TRUE(std::regex_search(e, std::regex("^demo\\.yaml:4:\\d+: not valid YAML"))) << e;
}

TEST(Bank, UnknownKeySuggestsTheClosest) {
  const std::string e = load_error(replace(kValid, "tolerance:", "tolerence:"));
  EXPECT_EQ(
      e.rfind("demo.yaml:7:1: unknown key 'tolerence' in the problem; did you mean 'tolerance'?",
              0),
      0u)
      << e;
}

TEST(Bank, MissingFieldIsNamed) {
  const std::string e = load_error(replace(kValid, "difficulty: easy\n", ""));
  EXPECT_NE(e.find("demo.yaml:1:1: the problem needs the key 'difficulty'"), std::string::npos)
      << e;
}

TEST(Bank, BadTolerancesAreRejected) {
  EXPECT_NE(
      load_error(replace(kValid, "atol: 1.0e-6", "atol: -1")).find("demo.yaml:7:19: atol must be"),
      std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "rtol: 1.0e-5", "rtol: nan")).find("rtol must be"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "atol: 1.0e-6, rtol: 1.0e-5", "atol: 0, rtol: 0"))
                .find("cannot both be 0"),
            std::string::npos);
  EXPECT_NE(
      load_error(replace(kValid, "rtol: 1.0e-5}", "rtol: 1.0e-5, magnitude: {factor: 4, of: y}}"))
          .find("did you mean 'x'?"),
      std::string::npos);
}

TEST(Bank, ImpossibleShapesAreRejected) {
  std::string e = load_error(replace(kValid, "x: [1, 2, 3]", "x: {shape: [-2]}"));
  EXPECT_NE(e.find("demo.yaml:14:40: argument 'x': a size must be 0 or more"), std::string::npos)
      << e;
  e = load_error(replace(kValid, "x: [1, 2, 3]", "x: [[1, 2], [3]]"));
  EXPECT_NE(e.find("must be a vector"), std::string::npos) << e;
  e = load_error(replace(replace(kValid, "Eigen::VectorXf& x", "Eigen::MatrixXf& x"),
                         "x: [1, 2, 3]", "x: [[1, 2], [3]]"));
  EXPECT_NE(e.find("row 1 has 1 entries but row 0 has 2"), std::string::npos) << e;
  e = load_error(replace(kValid, "shape: [n]", "shape: [n, m]"));
  EXPECT_NE(e.find("its shape has 1 entries"), std::string::npos) << e;
  e = load_error(replace(kValid, "shape: [n]", "shape: [k]"));
  EXPECT_NE(e.find("'k' is not one of this generator's dims"), std::string::npos) << e;
}

TEST(Bank, SignatureErrorsPointAtTheSignature) {
  const std::string e =
      load_error(replace(kValid, "const Eigen::VectorXf& x", "const Eigen::VectorXd& x"));
  EXPECT_NE(e.find("demo.yaml:6:12: signature: unknown parameter type 'Eigen::VectorXd'"),
            std::string::npos)
      << e;
}

TEST(Bank, GroupMistakes) {
  EXPECT_NE(load_error(replace(kValid, "  random:\n", "  randm:\n")).find("did you mean 'random'?"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "    note: {en: Random., zh: 随机。}\n", ""))
                .find("needs the key 'note'"),
            std::string::npos);
  const std::string invalid =
      std::string(kValid) +
      "  invalid:\n    note: {en: a, zh: b}\n    cases:\n      - {name: e, args: {x: []}}\n";
  EXPECT_NE(load_error(invalid).find("needs 'expect: invalid_argument'"), std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "name: one,", "name: One,")).find("a case name uses only"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "count: 3", "count: 0")).find("count must be between"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "generator: random", "generator: randum"))
                .find("did you mean 'random'"),
            std::string::npos);
}

TEST(Bank, ArgumentMistakes) {
  EXPECT_NE(load_error(replace(kValid, "args: {x: [1, 2, 3]}", "args: {y: [1, 2, 3]}"))
                .find("unknown key 'y'"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "args: {x: [1, 2, 3]}", "args: {}"))
                .find("needs the argument 'x'"),
            std::string::npos);
  EXPECT_NE(load_error(replace(kValid, "x: [1, 2, 3]", "x: [1, two, 3]")).find("must be a number"),
            std::string::npos);
}

TEST(Bank, IdMustMatchTheFileName) {
  EXPECT_NE(load_error(replace(kValid, "id: demo", "id: other")).find("must match the file name"),
            std::string::npos);
}

TEST(Bank, StepReferencesMustPointBackwards) {
  const std::string multi = R"yaml(id: demo
track: softmax
difficulty: easy
title: {en: Demo, zh: 演示}
statement: {en: Do it., zh: 做吧。}
signature:
  - "SoftmaxState up(SoftmaxState state, const Eigen::VectorXf& chunk)"
  - "SoftmaxState merge(SoftmaxState a, SoftmaxState b)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5}
hints:
  - {en: Think., zh: 想一想。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - name: one
        steps:
          - {call: up, args: {state: {max: -inf, sum: 0}, chunk: [1, 2]}}
          - {call: merge, args: {a: $0, b: $0}}
)yaml";
  EXPECT_EQ(load_error(multi), "");
  EXPECT_NE(load_error(replace(multi, "b: $0}", "b: $1}")).find("must refer to an earlier step"),
            std::string::npos);
  EXPECT_NE(
      load_error(replace(multi, "a: $0,", "a: $0.cache,")).find("has no in-out parameter 'cache'"),
      std::string::npos);
  EXPECT_NE(load_error(replace(multi, "call: merge", "call: marge")).find("did you mean 'merge'"),
            std::string::npos);
  EXPECT_NE(
      load_error(replace(multi, "{max: -inf, sum: 0}", "{max: -inf}")).find("needs the key 'sum'"),
      std::string::npos);
}

}  // namespace
}  // namespace judge

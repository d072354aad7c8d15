// Every hostile file in the repository goes through the real judge path
// (compile, run in the sandbox, compare) and must get the verdict its header
// promises. New files are picked up without touching this test.
#include "known_solutions.h"
#include "promise.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

struct Submission {
  std::string path;  // relative to the source tree
  std::string problem;
  std::vector<Expectation> expect;
  std::string label;  // a gtest-safe name
};

std::vector<std::string> problem_ids() {
  std::vector<std::string> ids;
  for (const auto& f : fs::directory_iterator(testing::source_dir() + "/problems"))
    if (f.path().extension() == ".yaml" && f.path().stem() != "tracks" &&
        f.path().stem() != "sets" && f.path().stem() != "records")
      ids.push_back(f.path().stem().string());
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string relative(const std::string& path) {
  return fs::relative(path, testing::source_dir()).string();
}

// The hostile files of tests/submissions/hostile/ID/, each with the verdicts
// it promises. (Every problem's reference, stub, known-wrong and correct
// solutions go through the same judge in `judge verify`, the BankVerify test.)
std::vector<Submission> discover() {
  std::vector<Submission> out;
  const std::string root = testing::source_dir();
  for (const auto& id : problem_ids()) {
    std::vector<fs::path> hostile;
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(root + "/tests/submissions/hostile/" + id, ec))
      if (f.path().extension() == ".cpp") hostile.push_back(f.path());
    std::sort(hostile.begin(), hostile.end());
    for (const auto& f : hostile) {
      KnownSolution h;
      h.path = f.string();
      parse_solution_header(testing::read_text(f.string()), h);
      out.push_back({relative(h.path), id, h.expect, "hostile_" + id + "_" + f.stem().string()});
    }
  }
  return out;
}

void PrintTo(const Submission& s, std::ostream* os) { *os << s.path; }

// The JSON report read back into the result it renders, for broken_promises().
CheckResult from_report(const nlohmann::json& doc) {
  CheckResult r;
  const std::string message = doc["message"].is_string() ? doc["message"].get<std::string>() : "";
  if (doc["status"] == "error") {
    if (message.rfind("compile_error", 0) == 0) {
      r.compiled = false;
      r.compile_output = message.substr(message.find('\n') + 1);
    } else if (message.rfind("refused: ", 0) == 0) {
      r.refused = message.substr(9);
    } else {
      r.judge_error = message;
    }
  }
  for (const auto& t : doc["tests"]) {
    TestResult test;
    test.group = t["group"];
    test.name = t["name"].get<std::string>().substr(test.group.size() + 1);
    test.verdict = verdict_from_name(t["verdict"]).value_or(Verdict::kJudgeError);
    if (t["message"].is_string()) test.message = t["message"];
    r.tests.push_back(std::move(test));
  }
  return r;
}

class JudgePath : public ::testing::TestWithParam<Submission> {};

TEST_P(JudgePath, GetsTheVerdictItPromises) {
  const Submission& s = GetParam();
  ASSERT_FALSE(s.expect.empty()) << s.path
                                 << ": add a line '// expect: VERDICT GROUP' (or 'accepted')";
  // Compiling a double-precision attention reference takes seconds of CPU and
  // CI runs two at a time on two cores: allow plenty, except where the file is
  // there to hit the compile limit.
  bool expects_compile_error = false;
  for (const auto& e : s.expect)
    expects_compile_error = expects_compile_error || e.verdict == "compile_error";
  const std::string compile_timeout = expects_compile_error ? "10" : "60";
  const auto run = testing::run_judge(
      "check " + s.problem + " --file " + s.path +
          " --format json --no-cache --case-timeout 3 --compile-timeout " + compile_timeout,
      "cd " + testing::source_dir() + " && JUDGE_ROOT=" + testing::source_dir(),
      /*merge_stderr=*/false);
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(run.out);
  } catch (const std::exception&) {
    FAIL() << s.path << ": the judge did not print JSON (exit " << run.exit_code << "):\n"
           << run.out;
  }
  ASSERT_EQ(doc["version"], 2);
  const CheckResult result = from_report(doc);
  for (const std::string& broken : broken_promises(result, s.expect))
    ADD_FAILURE() << s.path << ": " << broken;
  // The exit code agrees with the report.
  const int exit_code = !result.refused.empty()       ? 2
                        : !result.judge_error.empty() ? 3
                        : result.all_passed()         ? 0
                                                      : 1;
  EXPECT_EQ(run.exit_code, exit_code) << s.path << ": " << describe_outcome(result);
}

INSTANTIATE_TEST_SUITE_P(Files, JudgePath, ::testing::ValuesIn(discover()),
                         [](const ::testing::TestParamInfo<Submission>& info) {
                           return info.param.label;
                         });

TEST(JudgePathInventory, EveryProblemHasAReferenceAStubTwoWrongAndOneCorrectSolution) {
  const std::string root = testing::source_dir();
  for (const auto& id : problem_ids()) {
    EXPECT_TRUE(fs::is_regular_file(root + "/solutions/" + id + "/reference.cpp")) << id;
    EXPECT_TRUE(fs::is_regular_file(root + "/exercises/" + id + ".cpp")) << id;
    int wrong = 0, correct = 0;
    for (const auto& s : known_solutions(root + "/solutions", id)) {
      EXPECT_TRUE(s.errors.empty()) << s.path << ": " << s.errors.front();
      EXPECT_FALSE(s.expect.empty()) << s.path << ": add '// expect: VERDICT GROUP'";
      (s.kind == KnownSolution::Kind::kWrong ? wrong : correct) += 1;
    }
    EXPECT_GE(wrong, kMinWrongSolutions) << id;
    EXPECT_GE(correct, kMinCorrectSolutions) << id;
  }
}

TEST(JudgePathInventory, StubsArePristine) {
  for (const auto& id : problem_ids()) {
    const auto run = testing::run_judge("stub " + id, "JUDGE_ROOT=" + testing::source_dir());
    EXPECT_EQ(run.out, testing::read_text(testing::source_dir() + "/exercises/" + id + ".cpp"))
        << "exercises/" << id << ".cpp differs from `judge stub " << id << "`";
  }
}

}  // namespace
}  // namespace judge

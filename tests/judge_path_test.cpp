// Every submission file in the repository goes through the real judge path
// (compile, run in a child process, compare) and must get the verdict its
// header promises. New files are picked up without touching this test.
#include "known_solutions.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

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

// Every problem's stub, known-wrong and correct solutions, and the hostile
// files of tests/submissions/hostile/ID/, each with the verdicts it promises.
std::vector<Submission> discover() {
  std::vector<Submission> out;
  const std::string root = testing::source_dir();
  for (const auto& id : problem_ids()) {
    out.push_back({"exercises/" + id + ".cpp", id, {{"not_implemented", "*"}}, "stub_" + id});
    for (const auto& s : known_solutions(root + "/solutions", id)) {
      const std::string kind = s.kind == KnownSolution::Kind::kWrong ? "wrong_" : "correct_";
      out.push_back({relative(s.path), id, s.expect, kind + id + "_" + s.name});
    }
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
  std::string failures;
  for (const auto& t : doc["tests"])
    if (t["status"] != "pass")
      failures += "  " + t["name"].get<std::string>() + ": " + t["verdict"].get<std::string>() +
                  " " + t.value("message", nlohmann::json("")).dump() + "\n";
  // A trap must first fail in a group it names (or the sample), so the note
  // the learner reads explains the trap they fell into.
  std::set<std::string> named{"sample"};
  for (const auto& e : s.expect) named.insert(e.group);
  for (const auto& t : doc["tests"]) {
    if (t["status"] == "pass") continue;
    if (!named.count("") && !named.count("*")) {
      EXPECT_TRUE(named.count(t["group"].get<std::string>()))
          << s.path << " first fails in " << t["name"] << ", a group its expect lines do not name";
    }
    break;
  }
  for (const auto& [verdict, group] : s.expect) {
    if (verdict == "accepted") {
      EXPECT_EQ(doc["status"], "pass")
          << s.path << " must pass; failures:\n"
          << failures << doc.value("message", nlohmann::json("")).dump();
      EXPECT_EQ(run.exit_code, 0);
    } else if (verdict == "compile_error") {
      EXPECT_EQ(doc["status"], "error") << s.path;
      EXPECT_EQ(doc["message"].get<std::string>().rfind("compile_error", 0), 0u) << doc["message"];
      EXPECT_EQ(run.exit_code, 1);
    } else if (group == "*") {
      ASSERT_FALSE(doc["tests"].empty()) << s.path;
      for (const auto& t : doc["tests"])
        EXPECT_EQ(t["verdict"], verdict) << s.path << " " << t["name"];
      EXPECT_EQ(run.exit_code, 1);
    } else {
      EXPECT_EQ(doc["status"], "fail") << s.path;
      EXPECT_EQ(run.exit_code, 1);
      bool found = false;
      for (const auto& t : doc["tests"])
        found = found || (t["group"] == group && t["verdict"] == verdict);
      EXPECT_TRUE(found) << s.path << " must fail in group '" << group << "' with " << verdict
                         << "; failures were:\n"
                         << failures;
    }
  }
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
    EXPECT_GE(wrong, 2) << id;
    EXPECT_GE(correct, 1) << id;
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

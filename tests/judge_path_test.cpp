// Every submission file in the repository goes through the real judge path
// (compile, run in a child process, compare) and must get the verdict its
// header promises. New files are picked up without touching this test.
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
  std::vector<std::pair<std::string, std::string>> expect;  // (verdict, group)
  std::string label;                                        // a gtest-safe name
};

std::vector<std::string> problem_ids() {
  std::vector<std::string> ids;
  for (const auto& f : fs::directory_iterator(testing::source_dir() + "/problems"))
    if (f.path().extension() == ".yaml" && f.path().stem() != "tracks" && f.path().stem() != "sets")
      ids.push_back(f.path().stem().string());
  return ids;
}

// The longest problem id that the file name starts with.
std::string problem_for(const std::string& stem, const std::vector<std::string>& ids) {
  std::string best;
  for (const auto& id : ids)
    if ((stem == id || stem.rfind(id + "_", 0) == 0) && id.size() > best.size()) best = id;
  return best;
}

std::vector<Submission> discover() {
  const std::vector<std::string> ids = problem_ids();
  std::vector<Submission> out;
  const std::string root = testing::source_dir();
  auto add_dir = [&](const std::string& dir, const std::string& kind) {
    if (!fs::exists(root + "/" + dir)) return;
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(root + "/" + dir))
      if (f.path().extension() == ".cpp") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Submission s;
      s.path = dir + "/" + f.filename().string();
      s.problem = problem_for(f.stem().string(), ids);
      s.label = kind + "_" + f.stem().string();
      if (kind == "reference") s.expect = {{"accepted", ""}};
      if (kind == "stub") s.expect = {{"not_implemented", "*"}};
      static const std::regex line(R"(^// expect: ([a-z_]+)(?: ([a-z_]+))?\s*$)");
      std::istringstream in(testing::read_text(f.string()));
      for (std::string l; std::getline(in, l);) {
        std::smatch m;
        if (std::regex_match(l, m, line)) s.expect.emplace_back(m[1], m[2]);
      }
      out.push_back(s);
    }
  };
  add_dir("solutions", "reference");
  add_dir("exercises", "stub");
  add_dir("solutions/wrong", "wrong");
  add_dir("tests/submissions/correct", "correct");
  add_dir("tests/submissions/hostile", "hostile");
  return out;
}

void PrintTo(const Submission& s, std::ostream* os) { *os << s.path; }

class JudgePath : public ::testing::TestWithParam<Submission> {};

TEST_P(JudgePath, GetsTheVerdictItPromises) {
  const Submission& s = GetParam();
  ASSERT_FALSE(s.problem.empty()) << s.path << ": the file name must start with a problem id";
  ASSERT_FALSE(s.expect.empty()) << s.path
                                 << ": add a line '// expect: VERDICT GROUP' (or 'accepted')";
  // Compiling a double-precision attention reference takes seconds of CPU and
  // CI runs two at a time on two cores: allow plenty, except where the file is
  // there to hit the compile limit.
  bool expects_compile_error = false;
  for (const auto& e : s.expect)
    expects_compile_error = expects_compile_error || e.first == "compile_error";
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
  for (const auto& e : s.expect) named.insert(e.second);
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

TEST(JudgePathInventory, EveryProblemHasAReferenceAStubAndTwoWrongSolutions) {
  const auto all = discover();
  for (const auto& id : problem_ids()) {
    int references = 0, stubs = 0, wrong = 0;
    for (const auto& s : all) {
      if (s.problem != id) continue;
      references += s.label.rfind("reference_", 0) == 0;
      stubs += s.label.rfind("stub_", 0) == 0;
      wrong += s.label.rfind("wrong_", 0) == 0;
    }
    EXPECT_EQ(references, 1) << id;
    EXPECT_EQ(stubs, 1) << id;
    EXPECT_GE(wrong, 2) << id;
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

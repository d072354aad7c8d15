// Feedback that names the mistake, through the real judge: a learner's wrong
// answers matched against the problem's known-wrong solutions.
#include "known_solutions.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <ostream>

namespace judge {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

json check_json(const std::string& problem, const std::string& file) {
  const auto r = testing::run_judge("check " + problem + " --file " + file + " --format json", "",
                                    /*merge_stderr=*/false);
  return json::parse(r.out);
}

// The textbook softmax in plain loops: the known mistake no_max_shift is
// written with Eigen arrays, and fails the same cases with other garbage
// (Eigen's exp clamps where std::exp gives inf).
constexpr const char* kLoopsWithoutShift = R"(#include "exercise.h"
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  Eigen::VectorXf out(x.size());
  float total = 0.0f;
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    out[i] = std::exp(x[i]);
    total += out[i];
  }
  for (Eigen::Index i = 0; i < x.size(); ++i) out[i] /= total;
  return out;
}
)";

TEST(Diagnosis, AMistakeInAnotherStyleIsNamedInBothLanguagesAndInJson) {
  testing::TempDir dir;
  const std::string file = dir.write("softmax.cpp", kLoopsWithoutShift);
  const json doc = check_json("softmax", file);
  ASSERT_TRUE(doc.contains("diagnosis")) << doc.dump(2);
  EXPECT_EQ(doc["diagnosis"]["id"], "no_max_shift");
  EXPECT_FALSE(doc["diagnosis"]["title"]["en"].get<std::string>().empty());
  EXPECT_FALSE(doc["diagnosis"]["explanation"]["zh"].get<std::string>().empty());
  const auto& cases = doc["diagnosis"]["cases"];
  EXPECT_NE(std::find(cases.begin(), cases.end(), "stability/large_positive"), cases.end());

  auto r = testing::run_judge("check softmax --file " + file);
  EXPECT_EQ(r.exit_code, 1);
  const auto named = r.out.find("Your output matches a known mistake: ");
  ASSERT_NE(named, std::string::npos) << r.out;
  EXPECT_LT(named, r.out.find("First failure")) << "the mistake comes first";
  r = testing::run_judge("check softmax --lang zh --file " + file);
  EXPECT_NE(r.out.find("你的输出与一个已知错误一致："), std::string::npos) << r.out;
}

TEST(Diagnosis, NothingIsClaimedForAPassOrAnUnknownMistake) {
  testing::TempDir dir;
  EXPECT_FALSE(
      check_json("softmax", testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp")
          .contains("diagnosis"));
  // Twice the right answer: no known mistake fails these cases.
  const std::string doubled = dir.write("softmax.cpp", R"(#include "exercise.h"
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
  if (x.size() == 0) return x;
  const Eigen::ArrayXf e = (x.array() - x.maxCoeff()).exp();
  return (2.0f * e / e.sum()).matrix();
}
)");
  const json doc = check_json("softmax", doubled);
  EXPECT_EQ(doc["status"], "fail");
  EXPECT_FALSE(doc.contains("diagnosis")) << doc["diagnosis"].dump(2);
}

// Learner files in tests/submissions/mistakes/ID/NAME__STYLE.cpp make the
// mistake of solutions/ID/wrong/NAME.cpp in another style. A claim, when the
// judge makes one, names that mistake: a wrong name is worse than none. (How
// many are recognised is a figure: bench/mistake_recognition.sh.)
struct Variant {
  std::string problem;
  std::string path;
  std::string mistake;
  std::string label;
};

std::vector<Variant> variants() {
  std::vector<Variant> out;
  const fs::path root = fs::path(testing::source_dir()) / "tests/submissions/mistakes";
  std::error_code ec;
  for (const auto& problem : fs::directory_iterator(root, ec)) {
    for (const auto& f : fs::directory_iterator(problem.path(), ec)) {
      const std::string stem = f.path().stem().string();
      const auto split = stem.find("__");
      if (f.path().extension() != ".cpp" || split == std::string::npos) continue;
      out.push_back({problem.path().filename().string(), f.path().string(), stem.substr(0, split),
                     problem.path().filename().string() + "_" + stem});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Variant& a, const Variant& b) { return a.path < b.path; });
  return out;
}

// Named in ctest's listing by its file, not as bytes.
void PrintTo(const Variant& v, std::ostream* os) { *os << v.label; }

class MistakeVariant : public ::testing::TestWithParam<Variant> {};

TEST_P(MistakeVariant, IsNamedRightlyOrNotAtAll) {
  const Variant& v = GetParam();
  ASSERT_TRUE(fs::is_regular_file(testing::source_dir() + "/solutions/" + v.problem + "/wrong/" +
                                  v.mistake + ".cpp"))
      << v.path << " names no known mistake";
  const json doc = check_json(v.problem, v.path);
  EXPECT_NE(doc["status"], "pass") << v.path << " makes a mistake: it must fail";
  if (doc.contains("diagnosis")) {
    EXPECT_EQ(doc["diagnosis"]["id"], v.mistake) << v.path;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, MistakeVariant, ::testing::ValuesIn(variants()),
                         [](const ::testing::TestParamInfo<Variant>& info) {
                           return info.param.label;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(MistakeVariant);

}  // namespace
}  // namespace judge

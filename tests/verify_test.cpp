// judge verify on a scratch copy of the bank, one small problem (softmax) at
// a time: a clean problem holds, and each kind of author's mistake is
// reported where it is. Builds come from the shared cache, so a verify of
// softmax takes about a second once the cache is warm.
#include "verify.h"
#include "test_support.h"
#include "verify_texts.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

namespace judge {
namespace {

std::string cache_dir() { return testing::source_dir() + "/.judge/cache"; }

// The 1-based number of the first line of `file` containing `text`.
int line_of(const std::string& file, const std::string& text) {
  const std::string content = testing::read_text(file);
  const std::size_t at = content.find(text);
  if (at == std::string::npos) return 0;
  return 1 + static_cast<int>(std::count(content.begin(), content.begin() + at, '\n'));
}

void replace_in(const std::string& file, const std::string& from, const std::string& to) {
  std::string text = testing::read_text(file);
  const std::size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << file;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The failure that mentions `needle`, or "".
std::string failure_with(const std::vector<std::string>& failures, const std::string& needle) {
  for (const auto& f : failures)
    if (f.find(needle) != std::string::npos) return f;
  return "";
}

class Verify : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copy_bank(dir_);
    // The builds are the same as the source tree's: share its cache.
    setenv("JUDGE_CACHE_DIR", cache_dir().c_str(), 1);
  }
  std::string path(const std::string& relative) const { return dir_.path() + "/" + relative; }

  // Verifies softmax in the copy, through the library.
  ProblemReport verify_softmax() {
    const Workspace ws = Workspace::at(dir_.path());
    VerifyReport loaded;
    const auto bank = load_bank_for_verify(ws, loaded);
    EXPECT_TRUE(bank.has_value()) << joined(loaded.failures);
    if (!bank) return {};
    VerifyOptions options;
    options.ids = {"softmax"};
    options.jobs = 2;
    report_ = verify_bank(*bank, ws, options);
    EXPECT_EQ(report_.problems.size(), 1u);
    return report_.problems.empty() ? ProblemReport{} : report_.problems[0];
  }
  // The real judge, in the copy.
  testing::JudgeRun judge(const std::string& args, bool merge_stderr = true) const {
    return testing::run_judge(args,
                              "cd " + dir_.path() + " && NO_COLOR=1 JUDGE_ROOT=" + dir_.path() +
                                  " JUDGE_CACHE_DIR=" + cache_dir(),
                              merge_stderr);
  }

  testing::TempDir dir_;
  VerifyReport report_;
};

TEST_F(Verify, SoftmaxHoldsWithItsFigures) {
  const ProblemReport p = verify_softmax();
  EXPECT_TRUE(report_.ok()) << joined(report_.failures) << joined(p.failures);
  EXPECT_EQ(p.correct, 3);
  EXPECT_EQ(p.wrong, 4);
  ASSERT_TRUE(p.figures.correct.has_value());
  EXPECT_GT(p.figures.correct->ratio, 0);
  EXPECT_LT(p.figures.correct->ratio, 1);
  ASSERT_TRUE(p.figures.wrong.has_value());
  EXPECT_GT(p.figures.wrong->ratio, 1);
  EXPECT_FALSE(p.figures.wrong->file.empty());
  EXPECT_NE(p.figures.wrong->test.find('/'), std::string::npos);
  EXPECT_TRUE(p.figures.performance.empty());  // softmax has no performance group
}

TEST_F(Verify, AWrongNumberInTheExampleIsReportedWithItsLine) {
  const std::string file = path("problems/softmax.yaml");
  const int line = line_of(file, "output: [0.0900306");
  ASSERT_GT(line, 0);
  replace_in(file, "output: [0.0900306, 0.2447285, 0.6652410]",
             "output: [0.0900306, 0.2447285, 0.6652419]");
  const ProblemReport p = verify_softmax();
  const std::string f = failure_with(p.failures, "0.6652419");
  EXPECT_NE(f.find("softmax.yaml:" + std::to_string(line) + ":"), std::string::npos)
      << joined(p.failures);
  EXPECT_FALSE(report_.ok());
}

TEST_F(Verify, AReferenceThatThrowsOnASampleCaseIsReportedNamingTheCase) {
  replace_in(path("solutions/softmax/reference.cpp"), "  if (x.size() == 0) return x;",
             "  if (x.size() == 3 && x[0] == 1) throw std::runtime_error(\"broken on purpose\");\n"
             "  if (x.size() == 0) return x;");
  const ProblemReport p = verify_softmax();
  const std::string f = failure_with(p.failures, "broken on purpose");
  EXPECT_NE(f.find("sample/one_two_three"), std::string::npos) << joined(p.failures);
  EXPECT_NE(f.find("reference throws"), std::string::npos) << f;
  // Said once, not once per known solution.
  EXPECT_EQ(p.failures.size(), 1u) << joined(p.failures);
}

TEST_F(Verify, AReferenceThatDoesNotBuildIsReportedWithTheCompilersWords) {
  replace_in(path("solutions/softmax/reference.cpp"), "  if (x.size() == 0) return x;",
             "  if (x.size() == 0) return x  // a missing semicolon");
  ProblemReport p = verify_softmax();
  EXPECT_NE(failure_with(p.failures, "building the reference solution of softmax failed")
                .find("solutions/softmax/reference.cpp:7:30: error: expected"),
            std::string::npos)
      << joined(p.failures);
  std::filesystem::remove(path("solutions/softmax/reference.cpp"));
  p = verify_softmax();
  EXPECT_NE(failure_with(p.failures, "has no reference solution").find("reference.cpp"),
            std::string::npos)
      << joined(p.failures);
}

TEST_F(Verify, AKnownWrongSolutionNamingTheWrongGroupIsReported) {
  const std::string file = path("solutions/softmax/wrong/shift_by_first.cpp");
  replace_in(file, "// expect: wrong_answer stability", "// expect: wrong_answer basic");
  const ProblemReport p = verify_softmax();
  const std::string f = failure_with(p.failures, "promised wrong_answer in group basic");
  EXPECT_NE(f.find("shift_by_first.cpp: "), std::string::npos) << joined(p.failures);
  // What came instead: the group and case it does fail in.
  EXPECT_NE(joined(p.failures).find("first fails in stability/"), std::string::npos)
      << joined(p.failures);
}

TEST_F(Verify, ACorrectVariantThatIsWrongFails) {
  dir_.write("solutions/softmax/correct/textbook.cpp",
             "// The textbook formula, claimed correct.\n// expect: accepted\n"
             "#include \"exercise.h\"\n\n"
             "Eigen::VectorXf softmax(const Eigen::VectorXf& x) {\n"
             "  const Eigen::VectorXf e = x.array().exp();\n  return e / e.sum();\n}\n");
  const ProblemReport p = verify_softmax();
  const std::string f = failure_with(p.failures, "textbook.cpp");
  EXPECT_NE(f.find("promised accepted, but it first fails in stability/"), std::string::npos)
      << joined(p.failures);
  EXPECT_NE(f.find("wrong_answer"), std::string::npos) << f;
  EXPECT_EQ(p.correct, 4);
}

TEST_F(Verify, APlaceholderInAHintIsReportedWithItsLine) {
  const std::string file = path("problems/softmax.yaml");
  const std::string hint = "  - en: \"Find the largest entry";
  const int line = line_of(file, hint);
  ASSERT_GT(line, 0);
  replace_in(file, hint, "  - en: \"TODO(author): Find the largest entry");
  const ProblemReport p = verify_softmax();
  const std::string f = failure_with(p.failures, "TODO(author)");
  EXPECT_NE(f.find("softmax.yaml:" + std::to_string(line) + ":"), std::string::npos)
      << joined(p.failures);
  EXPECT_NE(f.find("hints[0].en"), std::string::npos) << f;
  EXPECT_EQ(p.failures.size(), 1u) << joined(p.failures);
}

TEST_F(Verify, AChangedStubIsReported) {
  std::ofstream(path("exercises/softmax.cpp"), std::ios::app) << "// my notes\n";
  const ProblemReport p = verify_softmax();
  EXPECT_NE(failure_with(p.failures, "differs from the stub").find("judge stub softmax"),
            std::string::npos)
      << joined(p.failures);
}

TEST_F(Verify, AnEditedExerciseHeaderIsReportedAndWriteHeaderFixesIt) {
  const std::string header = path("exercises/exercise.h");
  std::ofstream(header, std::ios::app) << "// an edit by hand\n";
  auto r = judge("verify softmax --jobs 2");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("exercises/exercise.h differs"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("judge verify --write-header"), std::string::npos) << r.out;
  r = judge("verify softmax --jobs 2 --write-header");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("wrote exercises/exercise.h"), std::string::npos) << r.out;
  EXPECT_EQ(testing::read_text(header),
            testing::read_text(testing::source_dir() + "/exercises/exercise.h"));
  EXPECT_EQ(judge("verify softmax --jobs 2").exit_code, 0);
}

TEST_F(Verify, FiguresAppearInJson) {
  const auto r = judge("verify softmax --jobs 2 --format json", /*merge_stderr=*/false);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["ok"], true);
  ASSERT_EQ(doc["problems"].size(), 1u);
  const auto& p = doc["problems"][0];
  EXPECT_EQ(p["id"], "softmax");
  EXPECT_EQ(p["correct"], 3);
  EXPECT_EQ(p["wrong"], 4);
  const auto& correct = p["tolerance"]["correct"];
  EXPECT_LT(correct["ratio"].get<double>(), 1) << p.dump(2);
  EXPECT_FALSE(correct["file"].get<std::string>().empty());
  EXPECT_FALSE(correct["case"].get<std::string>().empty());
  EXPECT_GT(p["tolerance"]["wrong"]["ratio"].get<double>(), 1) << p.dump(2);
  EXPECT_TRUE(p["performance"].empty());
}

TEST_F(Verify, HumanOutputHasAFigureLinePerProblem) {
  const auto r = judge("verify softmax --jobs 2");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("softmax: ok — 3 correct, 4 wrong; tolerance margin: correct ≤ "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find(", wrong ≥ "), std::string::npos) << r.out;
}

TEST_F(Verify, AnUnknownIdSuggestsTheClosestAndExitsTwo) {
  const auto r = judge("verify sofmax");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("did you mean 'softmax'?"), std::string::npos) << r.out;
  EXPECT_EQ(judge("verify --format xml").exit_code, 2);
}

TEST_F(Verify, ABankThatDoesNotLoadStrictlyIsTheWholeReport) {
  const std::string file = path("problems/softmax.yaml");
  replace_in(file, "difficulty: easy\n", "difficulty: easy\ndifficulty_note: hard\n");
  const auto r = judge("verify softmax");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("problems/softmax.yaml:4:"), std::string::npos) << r.out;
  const auto json = judge("verify --format json", /*merge_stderr=*/false);
  EXPECT_EQ(json.exit_code, 1);
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["ok"], false);
  EXPECT_EQ(doc["failures"].size(), 1u);
  EXPECT_TRUE(doc["problems"].empty());
}

TEST(VerifyTexts, UntranslatedProseIsReportedFormulasAreNot) {
  EXPECT_TRUE(reads_as_prose("Multiplying every entry by 2"));
  EXPECT_TRUE(reads_as_prose("It should throw std::invalid_argument"));
  for (const char* formula : {"[0, 0, 0]", "n x d_v", "sqrt(64) = 8", "T = -1",
                              "softmax(x) - "
                              "onehot(label)",
                              "s = sum_k y_k dy_k", "NaN", "Softmax"})
    EXPECT_FALSE(reads_as_prose(formula)) << formula;
  testing::TempDir dir;
  const std::string file = dir.write("p.yaml",
                                     "title: {en: Stable softmax, zh: Stable softmax}\n"
                                     "choices:\n"
                                     "  - {en: \"[0, 0, 0]\", zh: \"[0, 0, 0]\"}\n"
                                     "  - {en: TODO(author), zh: 待写}\n");
  const auto found = unfinished_texts(file);
  ASSERT_EQ(found.size(), 2u) << joined(found);
  EXPECT_EQ(found[0],
            file + ":1:33: the text at title.zh is the same as its en text: translate it");
  EXPECT_EQ(found[1], file +
                          ":4:10: the text at choices[1].en still holds the placeholder "
                          "TODO(author): write the text it stands for");
}

}  // namespace
}  // namespace judge

namespace judge {
namespace {

// Every statement names its tolerance, in both languages.
TEST(VerifyTexts, AStatementWithoutItsToleranceIsReported) {
  EXPECT_EQ(compact_number(1e-6), "1e-6");
  EXPECT_EQ(compact_number(2.5e-5), "2.5e-5");
  EXPECT_EQ(compact_number(1e-4), "1e-4");
  EXPECT_EQ(compact_number(0.5), "0.5");
  Problem p;
  p.file = "problems/demo.yaml";
  p.tolerance.atol = 1e-6;
  p.tolerance.rtol = 1e-5;
  p.statement.en = "Compared with |got - expected| <= 1e-6 + 1e-5 |expected|.";
  p.statement.zh = "误差不超过 1e-6 + 1e-5 |expected|。";
  EXPECT_TRUE(unstated_tolerance(p).empty());
  p.statement.zh = "误差很小。";
  const auto missing = unstated_tolerance(p);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("problems/demo.yaml: statement.zh does not state the tolerance"),
            std::string::npos)
      << missing[0];
}

// A right choice that gives itself away by its length is reported.
TEST(VerifyTexts, ARightChoiceThatShowsByItsLengthIsReported) {
  Problem p;
  p.file = "problems/demo.yaml";
  Question q;
  q.choices = {{"To avoid overflow in exp", ""},
               {"To make the outputs sum to one", ""},
               {"Because it is faster", ""}};
  q.correct = 0;
  p.questions.push_back(q);
  EXPECT_TRUE(telltale_choices(p).empty());
  p.questions[0].choices[0].en =
      "Because exp overflows float32 past 88.7, and subtracting the max changes nothing else";
  const auto telltale = telltale_choices(p);
  ASSERT_EQ(telltale.size(), 1u);
  // Formulas are short whatever they say: "max(x) + log(n)" against "max(x)" is fine.
  Problem formulas;
  Question f;
  f.choices = {{"max(x)", ""}, {"max(x) + log(n)", ""}, {"sum(x)", ""}};
  f.correct = 1;
  formulas.questions.push_back(f);
  EXPECT_TRUE(telltale_choices(formulas).empty());
  EXPECT_NE(telltale[0].find("problems/demo.yaml: questions[0]: the right choice is"),
            std::string::npos)
      << telltale[0];
}

}  // namespace
}  // namespace judge

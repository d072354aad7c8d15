// The files `judge new` makes, without the disk: what they say, that the
// problem loads, that the stub is the loaded problem's stub.
#include "scaffold.h"
#include "bank.h"
#include "known_solutions.h"
#include "records.h"
#include "stub.h"
#include "test_support.h"

#include <gtest/gtest.h>

#include <map>

namespace judge {
namespace {

const Bank& bank() {
  static const Bank loaded = load_bank(testing::source_dir() + "/problems");
  return loaded;
}

std::string error_of(const ScaffoldRequest& r) { return scaffold_error(r, bank()); }

std::map<std::string, std::string> files_of(const ScaffoldRequest& r) {
  EXPECT_EQ(error_of(r), "");
  const ScaffoldFiles files = scaffold_files(r, bank());
  return {files.begin(), files.end()};
}

// Writes the problem file where its id wants it and loads it with the bank's records.
Problem load_scaffold(const testing::TempDir& dir, const std::string& id,
                      const std::map<std::string, std::string>& files) {
  return load_problem(dir.write(id + ".yaml", files.at("problems/" + id + ".yaml")),
                      bank().records);
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Scaffold, DefaultsAreTheFirstTrackMediumAndAVectorFunctionNamedAfterTheId) {
  const ScaffoldRequest r = with_defaults({"sparsemax", "", "", ""}, bank());
  EXPECT_EQ(r.track, bank().tracks.front().id);
  EXPECT_EQ(r.difficulty, "medium");
  EXPECT_EQ(r.signature, "Eigen::VectorXf sparsemax(const Eigen::VectorXf& x)");
  EXPECT_EQ(with_defaults({"a", "attention", "hard", "float a(float x)"}, bank()).signature,
            "float a(float x)");
}

TEST(Scaffold, MakesTheProblemItsReferenceKnownSolutionsAndStub) {
  const auto files = files_of({"sparsemax", "", "", ""});
  std::vector<std::string> paths;
  for (const auto& [path, content] : scaffold_files({"sparsemax", "", "", ""}, bank()))
    paths.push_back(path);
  EXPECT_EQ(paths, (std::vector<std::string>{
                       "problems/sparsemax.yaml", "solutions/sparsemax/reference.cpp",
                       "solutions/sparsemax/wrong/TODO_mistake.cpp",
                       "solutions/sparsemax/correct/TODO_style.cpp", "exercises/sparsemax.cpp"}));
  for (const auto& [path, content] : files) EXPECT_TRUE(has(content, kPlaceholder)) << path;
}

TEST(Scaffold, TheProblemLoadsWithPlaceholdersInBothLanguagesAndNoExample) {
  testing::TempDir dir;
  const auto files = files_of({"sparsemax", "attention", "hard", ""});
  const Problem p = load_scaffold(dir, "sparsemax", files);
  EXPECT_EQ(p.track, "attention");
  EXPECT_EQ(p.difficulty, "hard");
  EXPECT_EQ(p.signatures.at(0).text, "Eigen::VectorXf sparsemax(const Eigen::VectorXf& x)");
  EXPECT_EQ(p.tolerance.atol, 1.0e-6);
  EXPECT_EQ(p.tolerance.rtol, 1.0e-5);
  std::vector<LocalText> texts = {p.title, p.statement, p.questions.at(0).question,
                                  p.questions.at(0).answer};
  for (const auto& h : p.hints) texts.push_back(h);
  for (const auto& g : p.groups)
    if (g.kind != GroupKind::kSample) texts.push_back(g.note);
  for (const auto& t : texts) {
    EXPECT_TRUE(has(t.en, kPlaceholder)) << t.en;
    EXPECT_TRUE(has(t.zh, kPlaceholder)) << t.zh;
  }
  // The worked example is left to the author, as a comment verify will not accept.
  EXPECT_FALSE(p.example.has_value());
  EXPECT_TRUE(has(files.at("problems/sparsemax.yaml"), "# example: {case: sample/first"));
  std::vector<std::string> groups;
  for (const auto& g : p.groups) groups.push_back(g.name);
  EXPECT_EQ(groups, (std::vector<std::string>{"sample", "basic", "edge", "invalid", "random"}));
  EXPECT_EQ(p.groups.at(0).cases.at(0).name, "first");
  EXPECT_TRUE(p.groups.at(3).expect_invalid);
  EXPECT_EQ(p.groups.at(4).generators.size(), 1u);
}

TEST(Scaffold, TheStubIsTheLoadedProblemsStub) {
  testing::TempDir dir;
  for (const char* sig :
       {"", "SoftmaxState upd(SoftmaxState state, const Eigen::VectorXf& chunk)"}) {
    const auto files = files_of({"sparsemax", "", "", sig});
    EXPECT_EQ(files.at("exercises/sparsemax.cpp"),
              stub_source(load_scaffold(dir, "sparsemax", files)))
        << sig;
  }
}

TEST(Scaffold, EveryTypeGetsASmallLiteralThatLoads) {
  testing::TempDir dir;
  const std::string sig =
      "Eigen::MatrixXf attn(const Eigen::MatrixXf& q, const Mask& mask, float t, int h, "
      "const std::vector<int>& idx, const Eigen::VectorXf& bias, KVCache& cache)";
  const auto files = files_of({"attn", "attention", "", sig});
  const std::string& yaml = files.at("problems/attn.yaml");
  for (const char* literal :
       {"q: [[1, 2], [3, 4]]", "mask: [[1, 0], [1, 1]]", "t: 1.0", "h: 1", "idx: [0, 1]",
        "bias: [1, 2, 3]", "cache: {k: [[1, 2], [3, 4]], v: [[1, 2], [3, 4]]}"})
    EXPECT_TRUE(has(yaml, literal)) << literal << "\n" << yaml;
  const Problem p = load_scaffold(dir, "attn", files);
  // A record cannot be drawn at random: no random group, the cases are written.
  EXPECT_EQ(p.groups.back().kind, GroupKind::kInvalid);
}

TEST(Scaffold, TheRandomGroupDrawsEveryTensorParameter) {
  testing::TempDir dir;
  const auto files = files_of({"mix", "", "",
                               "Eigen::MatrixXf mix(const Eigen::MatrixXf& x, const Mask& m, "
                               "const std::vector<int>& labels, float temperature)"});
  const Problem p = load_scaffold(dir, "mix", files);
  ASSERT_EQ(p.groups.back().kind, GroupKind::kRandom);
  EXPECT_EQ(p.groups.back().generators.at(0)->make().size(), 12u);
  EXPECT_TRUE(has(files.at("problems/mix.yaml"), "dims: {n: [1, 64], d: [1, 64]}"));
  // Scalars alone make no random group: there is nothing to vary in shape.
  const auto scalar = files_of({"scale", "", "", "float scale(float x)"});
  EXPECT_FALSE(has(scalar.at("problems/scale.yaml"), "random:"));
  EXPECT_EQ(load_scaffold(dir, "scale", scalar).groups.size(), 4u);
}

TEST(Scaffold, TheReferenceIsInDoubleAndThrowsThePlaceholder) {
  const auto files = files_of({"dec", "", "", "Eigen::VectorXf dec(KVCache& cache, float t)"});
  const std::string& ref = files.at("solutions/dec/reference.cpp");
  EXPECT_TRUE(has(ref, "#include \"reference.h\"\n\nnamespace reference {"));
  EXPECT_TRUE(has(ref, "Eigen::VectorXd dec(reference::KVCache& cache, double t) {"));
  EXPECT_TRUE(
      has(ref, "throw std::logic_error(\"TODO(author): compute dec in double precision\")"));
  EXPECT_TRUE(has(ref, "std::invalid_argument")) << "the convention is explained";
  EXPECT_TRUE(has(ref, "double precision"));
}

TEST(Scaffold, KnownSolutionsPromiseTheirVerdictsInTheLearnersTypes) {
  const auto files = files_of({"sparsemax", "", "", ""});
  KnownSolution wrong, correct;
  parse_solution_header(files.at("solutions/sparsemax/wrong/TODO_mistake.cpp"), wrong);
  parse_solution_header(files.at("solutions/sparsemax/correct/TODO_style.cpp"), correct);
  EXPECT_TRUE(wrong.errors.empty());
  ASSERT_EQ(wrong.expect.size(), 1u);
  EXPECT_EQ(wrong.expect[0].verdict, "wrong_answer");
  EXPECT_EQ(wrong.expect[0].group, "basic");
  EXPECT_TRUE(has(wrong.about, kPlaceholder));
  // The mistake's texts are there to be filled in: verify names them until they are.
  EXPECT_TRUE(has(wrong.mistake.en, kPlaceholder));
  EXPECT_TRUE(has(wrong.mistake.zh, kPlaceholder));
  EXPECT_TRUE(has(wrong.explain.en, "whole solution (shown when"));
  EXPECT_TRUE(has(wrong.explain.zh, kPlaceholder));
  EXPECT_TRUE(missing_mistake_texts(wrong).empty());
  ASSERT_EQ(correct.expect.size(), 1u);
  EXPECT_EQ(correct.expect[0].verdict, "accepted");
  for (const auto& [path, content] : files) {
    if (path.find("/wrong/") == std::string::npos && path.find("/correct/") == std::string::npos)
      continue;
    EXPECT_TRUE(has(content,
                    "#include \"exercise.h\"\n\n"
                    "Eigen::VectorXf sparsemax(const Eigen::VectorXf& x) {\n  (void)x;\n"
                    "  throw std::logic_error(\"TODO(author)"))
        << content;
  }
}

TEST(Scaffold, RefusesABadOrTakenId) {
  EXPECT_TRUE(has(error_of({"Soft-Max", "", "", ""}), "only a-z, 0-9 and _"));
  EXPECT_TRUE(has(error_of({"", "", "", ""}), "only a-z, 0-9 and _"));
  EXPECT_TRUE(has(error_of({"softmax", "", "", ""}), "'softmax' already exists"));
  // The default signature is named after the id, which must then be an identifier.
  EXPECT_TRUE(has(error_of({"2d_softmax", "", "", ""}), "starts with a digit"));
  EXPECT_EQ(error_of({"2d_softmax", "", "", "float f(float x)"}), "");
  EXPECT_TRUE(has(error_of({"new", "", "", ""}), "cannot be called 'new'")) << "C++ reserves it";
  EXPECT_TRUE(has(error_of({"x", "", "", "float main(float x)"}), "cannot be called 'main'"));
  EXPECT_TRUE(has(error_of({"reference", "", "", ""}), "cannot be called 'reference'"));
}

TEST(Scaffold, AnUnknownTrackSuggestsTheClosestAndListsThem) {
  const std::string e = error_of({"sparsemax", "atention", "", ""});
  EXPECT_TRUE(has(e, "no track 'atention'; did you mean 'attention'?")) << e;
  EXPECT_TRUE(has(e, "The tracks are: softmax, attention, llm.")) << e;
  EXPECT_TRUE(has(error_of({"sparsemax", "zzz", "", ""}), "no track 'zzz'. The tracks are"));
  EXPECT_TRUE(has(error_of({"sparsemax", "", "extreme", ""}), "easy, medium or hard"));
}

TEST(Scaffold, ABadSignatureShowsTheParsersMessageWithACaretUnderTheColumn) {
  const std::string e =
      error_of({"f", "", "", "  Eigen::VectorXf f(const Eigen::VectorXf& x, Foo y)"});
  EXPECT_EQ(e,
            "the signature does not parse at column 45: unknown parameter type 'Foo'; use one "
            "of float, int, Eigen::VectorXf, Eigen::MatrixXf, Mask, std::vector<int>, "
            "SoftmaxState, KVCache, AttentionGrads, LatentCache, BeamStep, Routing\n"
            "  Eigen::VectorXf f(const Eigen::VectorXf& x, Foo y)\n"
            "                                              ^");
  EXPECT_TRUE(has(error_of({"f", "", "", "Eigen::VectorXf f(const Eigen::VectorXf& x"}),
                  "a signature looks like"));
}

}  // namespace
}  // namespace judge

// The known mistakes of a problem compiled as one program (known_unity.h):
// which files may share it, and, through the real compiler and sandbox, that
// each variant answers exactly as its file built alone.
#include "known_unity.h"
#include "bank.h"
#include "build.h"
#include "cases.h"
#include "check.h"
#include "known_solutions.h"
#include "learner_files.h"
#include "program_runner.h"
#include "test_support.h"
#include "workspace.h"

#include <gtest/gtest.h>

namespace judge {
namespace {

constexpr const char* kPlain = R"(// a known mistake
#include "exercise.h"
#include <algorithm>
  #  include <numeric>
Eigen::VectorXf softmax(const Eigen::VectorXf& x) {
#ifdef NDEBUG
  return x;
#else
  return x;
#endif
}
)";

TEST(KnownMistakesShared, OnlyFilesThatCannotChangeEachOtherMayShareAProgram) {
  EXPECT_TRUE(may_share_a_program(kPlain));
  EXPECT_FALSE(may_share_a_program("#define float double\n")) << "a macro reaches the next file";
  EXPECT_FALSE(may_share_a_program("  # undef X\n"));
  EXPECT_FALSE(may_share_a_program("#pragma GCC optimize(\"O0\")\n"));
  EXPECT_FALSE(may_share_a_program("#include \"helpers.h\"\n")) << "a header of its own";
  EXPECT_FALSE(may_share_a_program("const char* s = R\"(\n#include <vector>\n)\";\n"))
      << "removing an include line would change a raw string";
}

TEST(KnownMistakesShared, EachFileGetsANamespaceItsLinesAndABindingOfItsOwn) {
  Problem p;
  p.id = "softmax";
  Signature sig;
  sig.name = "softmax";
  sig.text = "Eigen::VectorXf softmax(const Eigen::VectorXf& x)";
  p.signatures.push_back(sig);
  EXPECT_FALSE(known_mistakes_source(p, {kPlain})) << "one file gains nothing";
  EXPECT_FALSE(known_mistakes_source(p, {kPlain, "#define N 3\n"})) << "all or none";
  const auto source = known_mistakes_source(p, {kPlain, kPlain});
  ASSERT_TRUE(source);
  for (const char* part :
       {"namespace judge_known_0 {", "namespace judge_known_1 {", "#include <numeric>\n",
        "judge::bind_pointer(\"softmax\", &judge_known_1::softmax)", "judge::program_variant"})
    EXPECT_NE(source->find(part), std::string::npos) << part << "\n" << *source;
  // The headers once, before every namespace; the files' include lines are blank.
  EXPECT_LT(source->find("#include <algorithm>"), source->find("namespace judge_known_0"));
  EXPECT_EQ(source->find("#include <algorithm>"), source->rfind("#include <algorithm>"));
  EXPECT_EQ(source->find("#  include"), std::string::npos);
}

// Records, an in-out parameter and attention: each variant of the shared
// program gives, case by case, the bytes its file gives alone.
TEST(KnownMistakesShared, EachVariantAnswersExactlyAsItsFileAlone) {
  const Workspace ws = Workspace::at(testing::source_dir());
  CheckOptions options;
  WorkspaceChecker checker(ws, options);
  SandboxRunner runner(options.sandbox);
  for (const std::string id :
       {"online_softmax", "kv_cache_decode", "scaled_dot_product_attention"}) {
    const Problem problem =
        load_problem(ws.problems_dir() + "/" + id + ".yaml", testing::bank_records());
    std::vector<LearnerSources> files;
    for (const KnownSolution& known : known_solutions(ws.solutions_dir(), id)) {
      if (known.kind != KnownSolution::Kind::kWrong) continue;
      files.emplace_back();
      ASSERT_TRUE(read_learner_file(known.path, files.back()).ok);
    }
    ASSERT_GE(files.size(), 2u) << id;
    const BuildResult shared = checker.builder().build_known_mistakes(problem, files);
    ASSERT_TRUE(shared.ok) << id << ": " << shared.diagnostics;

    const std::vector<TestCase> cases = expand_cases(problem);
    std::vector<CaseRequest> requests;
    for (const TestCase& c : cases) {
      if (c.group->measured()) continue;
      CaseRequest r;
      r.steps = &c.spec.steps;
      r.wall_seconds = 10;
      requests.push_back(r);
    }
    RunnerOptions run_options;
    run_options.limits = options.run_limits;
    auto answers = [&](const Program& program) {
      std::string output;
      std::vector<std::string> out;
      for (CaseRun run : runner.run(program, nullptr, requests, run_options, output)) {
        for (StepOutcome& step : run.outcomes) step.call.seconds = 0;  // values, not timings
        wire::Writer w;
        write_outcomes(w, run.outcomes);
        out.push_back(std::to_string(static_cast<int>(run.status)) + ":" +
                      std::string(w.bytes().begin(), w.bytes().end()));
      }
      return out;
    };
    for (std::size_t k = 0; k < files.size(); ++k) {
      const BuildResult alone = checker.builder().build(problem, files[k]);
      ASSERT_TRUE(alone.ok) << alone.diagnostics;
      const auto first = answers(Program{alone.binary, false, ""});
      const auto again = answers(Program{alone.binary, false, ""});
      const auto shared_answers = answers(Program{shared.binary, false, std::to_string(k)});
      ASSERT_EQ(shared_answers.size(), first.size());
      std::size_t compared = 0;
      for (std::size_t i = 0; i < first.size(); ++i) {
        // A mistake may leave memory it never wrote in an in-out argument
        // (kv_cache_decode's mutate_before_validate grows the cache, then
        // throws): what differs between two runs of one program proves nothing.
        if (first[i] != again[i]) continue;
        ++compared;
        EXPECT_EQ(shared_answers[i], first[i])
            << id << ": " << files[k].shown_path << ", case " << i;
      }
      EXPECT_GE(compared, first.size() * 9 / 10) << id << ": " << files[k].shown_path;
    }
  }
}

}  // namespace
}  // namespace judge

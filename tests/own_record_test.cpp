// A learner who declares the catalog's structs themselves, instead of
// including exercise.h, still compiles and passes: the judge's adapter must
// not clash with an identical definition. One correct solution per record
// type, rewritten that way, through the real judge.
#include "test_support.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace judge {
namespace {

struct OwnRecordCase {
  const char* problem;
  const char* solution;  // solutions/PROBLEM/correct/NAME.cpp
  const char* declaration;
  const char* case_name;  // one case through the cache or record (the whole check is
                          // BankVerify's; under the sanitizer it takes minutes)
};

// Named in ctest's listing by its problem, not as bytes.
void PrintTo(const OwnRecordCase& c, std::ostream* os) { *os << c.problem; }

class OwnRecord : public ::testing::TestWithParam<OwnRecordCase> {};

TEST_P(OwnRecord, AnIdenticalStructOfTheLearnersOwnCompilesAndPasses) {
  const OwnRecordCase& c = GetParam();
  std::string source = testing::read_text(testing::source_dir() + "/solutions/" + c.problem +
                                          "/correct/" + c.solution + ".cpp");
  const std::string include = "#include \"exercise.h\"";
  const std::size_t at = source.find(include);
  ASSERT_NE(at, std::string::npos);
  source.replace(at, include.size(),
                 "#include <Eigen/Dense>\n#include <stdexcept>\n#include <vector>\n"
                 "using Eigen::MatrixXf;\nusing Eigen::VectorXf;\n" +
                     std::string(c.declaration));
  testing::TempDir dir;
  const std::string file = dir.write(std::string(c.problem) + ".cpp", source);
  const auto r = testing::run_judge(
      "check " + std::string(c.problem) + " --case " + c.case_name + " --file " + file,
      "cd " + testing::source_dir() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" + testing::source_dir() +
          "/.judge/cache");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("PASS 1/1"), std::string::npos) << r.out;
}

INSTANTIATE_TEST_SUITE_P(
    Records, OwnRecord,
    ::testing::Values(
        OwnRecordCase{"latent_attention_decode", "absorbed",
                      "struct LatentCache { MatrixXf c; };\n", "basic/four_steps"},
        OwnRecordCase{"beam_search_step", "stable_sort_loops",
                      "struct BeamStep {\n  std::vector<int> parent;\n  std::vector<int> token;\n"
                      "  VectorXf score;\n};\n",
                      "basic/log_probs_not_raw_logits"},
        OwnRecordCase{"moe_router", "stable_sort_loops",
                      "struct Routing {\n  std::vector<int> experts;\n  MatrixXf weights;\n};\n",
                      "basic/three_tokens_five_experts"},
        OwnRecordCase{"kv_cache_decode", "online",
                      "struct KVCache {\n  MatrixXf k;\n  MatrixXf v;\n};\n", "basic/four_steps"}),
    [](const ::testing::TestParamInfo<OwnRecordCase>& info) {
      return std::string(info.param.problem);
    });

}  // namespace
}  // namespace judge

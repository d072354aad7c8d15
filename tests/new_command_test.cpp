// `judge new` as an author runs it, in a scratch copy of the whole bank.
#include "test_support.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

namespace judge {
namespace {
namespace fs = std::filesystem;

class NewCommand : public ::testing::Test {
 protected:
  void SetUp() override { testing::copy_bank(bank_); }

  testing::JudgeRun judge(const std::string& args) const {
    return testing::run_judge(args,
                              "cd " + bank_.path() + " && NO_COLOR=1 JUDGE_ROOT=" + bank_.path() +
                                  " JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache");
  }
  std::string path(const std::string& relative) const { return bank_.path() + "/" + relative; }
  std::string tracks() const { return testing::read_text(path("problems/tracks.yaml")); }
  // Every file `judge new ID` makes.
  static std::vector<std::string> made_by(const std::string& id) {
    return {"problems/" + id + ".yaml", "solutions/" + id + "/reference.cpp",
            "solutions/" + id + "/wrong/TODO_mistake.cpp",
            "solutions/" + id + "/correct/TODO_style.cpp", "exercises/" + id + ".cpp"};
  }
  // A refusal: exit 2, and not one file made or changed.
  void expect_refused(const testing::JudgeRun& r, const std::string& id,
                      const std::string& before) const {
    EXPECT_EQ(r.exit_code, 2) << r.out;
    if (id != "softmax") {  // its files are the bank's own
      for (const auto& f : made_by(id)) EXPECT_FALSE(fs::exists(path(f))) << f;
    }
    EXPECT_EQ(tracks(), before);
  }

  testing::TempDir bank_;
};

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_F(NewCommand, MakesAProblemThatValidatesShowsAndChecksUntilTheReferenceIsWritten) {
  const std::string before = tracks();
  const auto r = judge("new sparsemax");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  for (const auto& f : made_by("sparsemax")) {
    EXPECT_TRUE(fs::is_regular_file(path(f))) << f;
    EXPECT_TRUE(has(r.out, f)) << f << "\n" << r.out;
  }
  EXPECT_TRUE(has(r.out, "Next: fill in every TODO(author)")) << r.out;
  EXPECT_TRUE(has(r.out, "`judge verify sparsemax`")) << r.out;
  // Listed last in the first track, the rest of the file untouched.
  EXPECT_EQ(tracks(), std::regex_replace(before, std::regex("kl_divergence\\]"),
                                         "kl_divergence, sparsemax]"));

  const auto validate = judge("validate");
  EXPECT_EQ(validate.exit_code, 0) << validate.out;
  EXPECT_TRUE(has(validate.out, "all valid")) << validate.out;
  const auto show = judge("show sparsemax");
  EXPECT_EQ(show.exit_code, 0) << show.out;
  EXPECT_TRUE(has(show.out, "Eigen::VectorXf sparsemax(const Eigen::VectorXf& x)")) << show.out;
  EXPECT_TRUE(has(show.out, "x = [1, 2, 3]")) << show.out;
  EXPECT_EQ(judge("stub sparsemax").out, testing::read_text(path("exercises/sparsemax.cpp")));

  // The stub builds; the reference still throws its placeholder: a fault of
  // the bank, reported as such, never charged to the learner.
  const auto check = judge("check sparsemax");
  EXPECT_EQ(check.exit_code, 3) << check.out;
  EXPECT_TRUE(has(check.out, "judge_error")) << check.out;
  EXPECT_TRUE(has(check.out, "the reference solution of sparsemax is not written yet"))
      << check.out;
  EXPECT_TRUE(has(check.out, "solutions/sparsemax/reference.cpp")) << check.out;
}

TEST_F(NewCommand, HasHelp) {
  const auto r = judge("new --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* part : {"--track", "--signature", "--difficulty"})
    EXPECT_TRUE(has(r.out, part)) << part << "\n" << r.out;
}

TEST_F(NewCommand, TakesTrackSignatureAndDifficulty) {
  const auto r = judge(
      "new kv_step --track attention --difficulty hard --signature "
      "'Eigen::VectorXf kv_step(KVCache& cache, const Eigen::VectorXf& x_t)'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string yaml = testing::read_text(path("problems/kv_step.yaml"));
  EXPECT_TRUE(has(yaml, "track: attention\ndifficulty: hard\n")) << yaml;
  EXPECT_TRUE(has(tracks(), "attention_backward, kv_step]")) << tracks();
  EXPECT_TRUE(
      has(testing::read_text(path("solutions/kv_step/reference.cpp")),
          "Eigen::VectorXd kv_step(reference::KVCache& cache, const Eigen::VectorXd& x_t)"));
  EXPECT_EQ(judge("validate").exit_code, 0);
}

TEST_F(NewCommand, AppendsALineToABlockListInTracksYaml) {
  // The same tracks, written as block lists.
  const std::string block =
      "# Tracks in block style.\n"
      "tracks:\n"
      "  softmax:\n"
      "    title: {en: Softmax, zh: Softmax}\n"
      "    problems: [softmax, softmax_rows, logsumexp_rows, log_softmax_rows, "
      "softmax_temperature,\n"
      "               masked_softmax, softmax_backward, cross_entropy, online_softmax,\n"
      "               label_smoothing_cross_entropy, kl_divergence]\n"
      "  attention:\n"
      "    title: {en: Attention, zh: 注意力}\n"
      "    problems:\n"
      "      - dot_product_attention\n      - scaled_dot_product_attention\n"
      "      - masked_attention\n      - causal_self_attention\n      - multi_head_attention\n"
      "      - layer_norm\n      - transformer_block\n      - cross_attention\n"
      "      - kv_cache_decode\n      - flash_attention\n"
      "      - sinusoidal_positional_encoding\n      - rope\n      - grouped_query_attention\n"
      "      - attention_backward  # last for now\n"
      "  llm:\n"
      "    title: {en: LLM, zh: 大模型}\n"
      "    problems: [rms_norm, sliding_window_attention, alibi_attention, "
      "latent_attention_decode,\n"
      "               flash_decoding, sample_token, beam_search_step, moe_router]\n";
  bank_.write("problems/tracks.yaml", block);
  ASSERT_EQ(judge("validate").exit_code, 0);
  const auto r = judge("new mqa --track attention");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  // mqa goes last in the attention list, before the next track.
  std::string with_mqa = block;
  with_mqa.insert(with_mqa.find("  llm:\n"), "      - mqa\n");
  EXPECT_EQ(tracks(), with_mqa);
  EXPECT_EQ(judge("validate").exit_code, 0) << judge("validate").out;
}

TEST_F(NewCommand, WorksWhileAnotherProblemIsNotListedYet) {
  std::string draft = testing::read_text(path("problems/softmax.yaml"));
  draft.replace(draft.find("id: softmax"), 11, "id: draft");
  bank_.write("problems/draft.yaml", draft);
  const auto r = judge("new sparsemax");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(has(r.out, "warning:")) << "the unlisted draft is still reported\n" << r.out;
  EXPECT_TRUE(has(tracks(), "kl_divergence, sparsemax]"));
  EXPECT_FALSE(has(tracks(), "draft"));
}

TEST_F(NewCommand, RefusesATakenOrBadIdAndAnUnknownTrack) {
  const std::string before = tracks();
  const std::string softmax = testing::read_text(path("problems/softmax.yaml"));
  auto r = judge("new softmax");
  expect_refused(r, "softmax", before);
  EXPECT_TRUE(has(r.out, "the problem 'softmax' already exists")) << r.out;
  EXPECT_EQ(testing::read_text(path("problems/softmax.yaml")), softmax);

  r = judge("new Sparse-Max");
  expect_refused(r, "Sparse-Max", before);
  EXPECT_TRUE(has(r.out, "only a-z, 0-9 and _")) << r.out;

  r = judge("new sparsemax --track atention");
  expect_refused(r, "sparsemax", before);
  EXPECT_TRUE(has(r.out, "no track 'atention'; did you mean 'attention'?")) << r.out;
  EXPECT_TRUE(has(r.out, "The tracks are: softmax, attention, llm.")) << r.out;

  r = judge("new sparsemax --difficulty extreme");
  expect_refused(r, "sparsemax", before);
}

TEST_F(NewCommand, RefusesABadSignatureShowingTheColumn) {
  const std::string before = tracks();
  const auto r = judge("new f --signature 'Eigen::VectorXf f(const Eigen::VectorXf& x, Foo y)'");
  expect_refused(r, "f", before);
  EXPECT_TRUE(has(r.out, "at column 45: unknown parameter type 'Foo'")) << r.out;
  EXPECT_TRUE(has(r.out,
                  "  Eigen::VectorXf f(const Eigen::VectorXf& x, Foo y)\n"
                  "                                              ^\n"))
      << r.out;
}

TEST_F(NewCommand, NeverOverwritesAndListsWhatIsInTheWay) {
  const std::string before = tracks();
  bank_.write("exercises/sparsemax.cpp", "// my draft\n");
  bank_.write("solutions/sparsemax/reference.cpp", "// my reference\n");
  const auto r = judge("new sparsemax");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_TRUE(has(r.out, "already exist")) << r.out;
  EXPECT_TRUE(has(r.out, "exercises/sparsemax.cpp")) << r.out;
  EXPECT_TRUE(has(r.out, "solutions/sparsemax/reference.cpp")) << r.out;
  EXPECT_FALSE(has(r.out, "wrong/TODO_mistake.cpp")) << "only the files in the way\n" << r.out;
  EXPECT_EQ(testing::read_text(path("exercises/sparsemax.cpp")), "// my draft\n");
  EXPECT_EQ(testing::read_text(path("solutions/sparsemax/reference.cpp")), "// my reference\n");
  EXPECT_FALSE(fs::exists(path("problems/sparsemax.yaml")));
  EXPECT_FALSE(fs::exists(path("solutions/sparsemax/wrong")));
  EXPECT_EQ(tracks(), before);
}

TEST_F(NewCommand, RefusesABankItCannotWrite) {
  // Root writes into read-only folders: run the judge as nobody then.
  std::string as = "";
  if (geteuid() == 0) {
    as = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    testing::shell("chmod -R a+rwX " + bank_.path());
    const auto help = testing::run_judge("--help", as);
    if (help.exit_code != 0) GTEST_SKIP() << "nobody cannot run the judge here:\n" << help.out;
  }
  const std::string before = tracks();
  fs::permissions(path("solutions"),
                  fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  const auto r = testing::run_judge(
      "new sparsemax", "cd " + bank_.path() + " && JUDGE_ROOT=" + bank_.path() + " " + as);
  fs::permissions(path("solutions"), fs::perms::owner_write, fs::perm_options::add);
  expect_refused(r, "sparsemax", before);
  EXPECT_TRUE(has(r.out, "cannot write in solutions (Permission denied); nothing was written"))
      << r.out;
}

TEST_F(NewCommand, RefusesAWorkshopWorkspace) {
  // A workspace from `judge init` uses the judge's own bank: the problem
  // would land there and its stub here.
  testing::TempDir workshop;
  workshop.write("judge-workspace.json", "{\"version\": 1, \"set\": \"softmax-basics\"}\n");
  const std::string before = tracks();
  const auto r = testing::run_judge("new sparsemax",
                                    "cd " + workshop.path() + " && JUDGE_ROOT=" + workshop.path());
  expect_refused(r, "sparsemax", before);
  EXPECT_TRUE(has(r.out, "workshop workspace")) << r.out;
  EXPECT_FALSE(fs::exists(workshop.path() + "/exercises/sparsemax.cpp"));
}

}  // namespace
}  // namespace judge

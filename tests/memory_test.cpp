// The memory check: the call's peak resident memory against a multiple of its
// inputs, however the memory is taken.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace judge {
namespace {
namespace fs = std::filesystem;

// softmax_rows with one 1024 x 1024 case (4 MiB in): 2 x inputs allowed.
const char* const kProblem = R"yaml(id: softmax_rows
track: softmax
difficulty: easy
title: {en: Rows, zh: 行}
statement: {en: Softmax of each row., zh: 每行的 softmax。}
signature: "Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x)"
tolerance: {atol: 1.0e-6, rtol: 1.0e-5}
hints:
  - {en: Shift by the row max., zh: 减去每行最大值。}
groups:
  sample:
    note: {en: The example., zh: 示例。}
    cases:
      - {name: one, args: {x: [[1, 2, 3]]}}
  performance:
    note: {en: "Work row by row: no copy of the whole matrix per row.", zh: 逐行计算。}
    memory_factor: 2
    generate:
      - {generator: random, count: 1, seed: 1, dims: {n: 1024, d: 1024}, args: {x: {shape: [n, d], dist: normal}}}
)yaml";

const char* const kLean = R"cpp(#include "exercise.h"
                                Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x) {
                                  Eigen::MatrixXf y = x;
                                  for (Eigen::Index i = 0; i < y.rows(); ++i) {
                                    y.row(i).array() -= y.row(i).maxCoeff();
                                    y.row(i) = y.row(i).array().exp().matrix();
                                    y.row(i) /= y.row(i).sum();
                                  }
                                  return y;
                                }
)cpp";

// Builds a 64 MiB scratch matrix it does not need.
const char* const kWasteful = R"cpp(#include "exercise.h"
                                    Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x) {
                                      Eigen::MatrixXf scratch = Eigen::MatrixXf::Ones(4096, 4096);
                                      Eigen::MatrixXf y = x;
                                      for (Eigen::Index i = 0; i < y.rows(); ++i) {
                                        y.row(i).array() -= y.row(i).maxCoeff() - 0 * scratch(i, i);
                                        y.row(i) = y.row(i).array().exp().matrix();
                                        y.row(i) /= y.row(i).sum();
                                      }
                                      return y;
                                    }
)cpp";

// Touches a 64 MiB static buffer before main(), hoping to hide it.
const char* const kStaticBuffer = R"cpp(#include "exercise.h"
#include <cstring>
                                        static char hoard[64 << 20];
                                        static const bool filled = (std::memset(hoard, 1, sizeof hoard), true);
                                        Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x) {
                                          Eigen::MatrixXf y = x;
                                          for (Eigen::Index i = 0; i < y.rows(); ++i) {
                                            y.row(i).array() -= y.row(i).maxCoeff() - 0 * hoard[i] * filled;
                                            y.row(i) = y.row(i).array().exp().matrix();
                                            y.row(i) /= y.row(i).sum();
                                          }
                                          return y;
                                        }
)cpp";

// Takes its scratch with mmap, around malloc and operator new.
const char* const kMmap = R"cpp(#include "exercise.h"
#include <sys/mman.h>
#include <cstring>
                                Eigen::MatrixXf softmax_rows(const Eigen::MatrixXf& x) {
                                  const std::size_t bytes = std::size_t(64) << 20;
                                  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
                                  std::memset(p, 1, bytes);
                                  Eigen::MatrixXf y = x;
                                  for (Eigen::Index i = 0; i < y.rows(); ++i) {
                                    y.row(i).array() -= y.row(i).maxCoeff();
                                    y.row(i) = y.row(i).array().exp().matrix();
                                    y.row(i) /= y.row(i).sum();
                                  }
                                  munmap(p, bytes);
                                  return y;
                                }
)cpp";

class Memory : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.write("problems/tracks.yaml",
               "tracks:\n  softmax:\n    title: {en: S, zh: S}\n    problems: [softmax_rows]\n");
    dir_.write("problems/softmax_rows.yaml", kProblem);
    fs::create_directories(dir_.path() + "/exercises");
    fs::copy_file(testing::source_dir() + "/exercises/exercise.h",
                  dir_.path() + "/exercises/exercise.h");
    fs::copy(testing::source_dir() + "/solutions", dir_.path() + "/solutions",
             fs::copy_options::recursive);
  }
  nlohmann::json check(const std::string& source) {
    const std::string file = dir_.write("submission.cpp", source);
    const auto r = testing::run_judge(
        "check softmax_rows --format json --no-cache --file " + file,
        "cd " + dir_.path() + " && JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache",
        /*merge_stderr=*/false);
    return nlohmann::json::parse(r.out);
  }
  static const nlohmann::json& performance(const nlohmann::json& doc) {
    for (const auto& t : doc["tests"])
      if (t["group"] == "performance") return t;
    static const nlohmann::json none;
    return none;
  }
  testing::TempDir dir_;
};

TEST_F(Memory, LeanSolutionPasses) {
  const auto doc = check(kLean);
  EXPECT_EQ(doc["status"], "pass") << doc.dump(2);
}

TEST_F(Memory, ScratchMatrixIsRejectedWithTheFigures) {
  const auto t = performance(check(kWasteful));
  EXPECT_EQ(t["verdict"], "memory_limit") << t.dump(2);
  const std::string message = t["message"];
  // 64 MiB and change, measured outside the program against the baseline.
  EXPECT_NE(message.find("peak memory was 6"), std::string::npos) << message;
  EXPECT_NE(message.find("above that of a program that only reads the same inputs"),
            std::string::npos)
      << message;
  // 2 x 4 MiB for the inputs, 16 bytes per result element, 2 MiB of slack.
  EXPECT_NE(message.find("allows 26.0 MiB (2 x the 4.0 MiB of inputs, plus 18.0 MiB for the "
                         "judge's copies of the result)"),
            std::string::npos)
      << message;
}

TEST_F(Memory, StaticBufferFilledBeforeMainIsRejected) {
  const auto t = performance(check(kStaticBuffer));
  EXPECT_EQ(t["verdict"], "memory_limit") << t.dump(2);
  EXPECT_NE(t["message"].get<std::string>().find("static"), std::string::npos);
}

TEST_F(Memory, MmapIsCountedToo) {
  const auto t = performance(check(kMmap));
  EXPECT_EQ(t["verdict"], "memory_limit") << t.dump(2);
}

}  // namespace
}  // namespace judge

// deploy/kubernetes/ without a cluster: the manifests parse, are the Jobs
// docs/cluster.md describes (an Indexed Job of N shards, then a merge of
// exactly those N), and their command lines are ones this judge accepts: they
// are run here, with the volume's /data moved to a temporary folder.
// (Debian packages no offline schema validator, kubeconform or kubeval;
// this structural check is what there is.)
#include "test_support.h"

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <string>
#include <vector>

namespace judge {
namespace {

YAML::Node manifest(const std::string& name) {
  return YAML::LoadFile(testing::source_dir() + "/deploy/kubernetes/" + name);
}

std::vector<std::string> strings(const YAML::Node& list) {
  std::vector<std::string> out;
  for (const auto& item : list) out.push_back(item.as<std::string>());
  return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// The pod's command line for the shell, with /data moved to `data` and the
// kubelet's $(JOB_COMPLETION_INDEX) expanded to `index`.
std::string command_line(const YAML::Node& container, const std::string& data, int index) {
  std::string line;
  for (const auto& arg : strings(container["args"]))
    line += " '" + replace_all(replace_all(arg, "/data", data), "$(JOB_COMPLETION_INDEX)",
                               std::to_string(index)) + "'";
  return line;
}

struct Pod {
  YAML::Node job, spec, container;
  explicit Pod(const std::string& name) : job(manifest(name)) {
    spec = job["spec"]["template"]["spec"];
    container = spec["containers"][0];
  }
  // The claim behind the volume mounted at /data.
  std::string claim_at_data() const {
    std::string volume;
    for (const auto& m : container["volumeMounts"])
      if (m["mountPath"].as<std::string>() == "/data") volume = m["name"].as<std::string>();
    for (const auto& v : spec["volumes"])
      if (v["name"].as<std::string>() == volume && v["persistentVolumeClaim"])
        return v["persistentVolumeClaim"]["claimName"].as<std::string>();
    return "";
  }
};

TEST(DeployManifest, GradeIsAnIndexedJobOfNShardsOnTheSharedClaim) {
  const Pod grade("grade-indexed-job.yaml");
  EXPECT_EQ(grade.job["apiVersion"].as<std::string>(), "batch/v1");
  EXPECT_EQ(grade.job["kind"].as<std::string>(), "Job");
  EXPECT_EQ(grade.job["spec"]["completionMode"].as<std::string>(), "Indexed");
  const int n = grade.job["spec"]["completions"].as<int>();
  ASSERT_GT(n, 1);
  EXPECT_LE(grade.job["spec"]["parallelism"].as<int>(), n);
  EXPECT_EQ(grade.spec["restartPolicy"].as<std::string>(), "Never");

  const auto args = strings(grade.container["args"]);
  ASSERT_GE(args.size(), 2u);
  EXPECT_EQ(args[0], "grade");
  const auto shard = std::find(args.begin(), args.end(), "--shard");
  ASSERT_NE(shard, args.end());
  ASSERT_NE(shard + 1, args.end());
  EXPECT_EQ(*(shard + 1), "$(JOB_COMPLETION_INDEX)/" + std::to_string(n));  // N == completions
  const auto out = std::find(args.begin(), args.end(), "--out");
  ASSERT_NE(out, args.end());
  EXPECT_EQ(*(out + 1), "/data/grades/shard-$(JOB_COMPLETION_INDEX)");
  EXPECT_EQ(args[1].rfind("/data/", 0), 0u) << "the class is on the shared volume";

  EXPECT_FALSE(grade.claim_at_data().empty()) << "/data is a PersistentVolumeClaim";
  bool cache_shared = false;
  for (const auto& e : grade.container["env"])
    if (e["name"].as<std::string>() == "JUDGE_CACHE_DIR")
      cache_shared = e["value"].as<std::string>().rfind("/data/", 0) == 0;
  EXPECT_TRUE(cache_shared) << "JUDGE_CACHE_DIR on the shared volume";
  EXPECT_TRUE(grade.container["securityContext"]["privileged"].as<bool>())
      << "bubblewrap needs it (see the comment in the manifest)";
}

TEST(DeployManifest, MergeTakesExactlyTheShardsOfTheGradeJob) {
  const Pod grade("grade-indexed-job.yaml"), merge("merge-job.yaml");
  EXPECT_EQ(merge.job["kind"].as<std::string>(), "Job");
  EXPECT_EQ(merge.claim_at_data(), grade.claim_at_data());
  const int n = grade.job["spec"]["completions"].as<int>();
  std::vector<std::string> expected = {"merge"};
  for (int i = 0; i < n; ++i) expected.push_back("/data/grades/shard-" + std::to_string(i));
  expected.insert(expected.end(), {"--out", "/data/grades/reports"});
  EXPECT_EQ(strings(merge.container["args"]), expected);
  EXPECT_EQ(strings(grade.container["command"]), strings(merge.container["command"]));
}

// Every pod's command, run by this judge on a small class: each shard grades,
// and the merge writes the reports.
TEST(DeployManifest, ItsCommandLinesGradeAndMergeAClass) {
  const Pod grade("grade-indexed-job.yaml"), merge("merge-job.yaml");
  testing::TempDir data;
  data.write("class/ann/softmax.cpp", "not C++\n");
  data.write("class/ben/exercises/softmax_rows.cpp", "");
  const std::string env = "NO_COLOR=1 JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache";
  const int n = grade.job["spec"]["completions"].as<int>();
  for (int i = 0; i < n; ++i) {
    const auto r = testing::run_judge(command_line(grade.container, data.path(), i), env);
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("graded shard " + std::to_string(i) + "/" + std::to_string(n)),
              std::string::npos)
        << r.out;
  }
  const auto r = testing::run_judge(command_line(merge.container, data.path(), 0), env);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const std::string summary = testing::read_text(data.path() + "/grades/reports/summary.csv");
  EXPECT_NE(summary.find("ann"), std::string::npos) << summary;
  EXPECT_NE(summary.find("ben"), std::string::npos) << summary;
}

}  // namespace
}  // namespace judge

// Where the judge finds its own files (judge_data.h) and where it caches
// builds (Workspace::cache_dir): an install reads the share/judge beside its
// executable, a checkout's judge its source tree; the cache is the user's,
// never the practice folder.
#include "judge_data.h"
#include "workspace.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>

namespace judge {
namespace {
namespace fs = std::filesystem;

TEST(JudgeData, AnInstalledJudgeReadsTheShareFolderBesideItsExecutable) {
  testing::TempDir prefix;
  prefix.write("bin/judge", "");
  prefix.write("share/judge/problems/tracks.yaml", "tracks: []\n");
  const JudgeData data = judge_data_for(prefix.path() + "/bin/judge");
  EXPECT_TRUE(data.installed);
  EXPECT_EQ(data.root, prefix.path() + "/share/judge");
  ASSERT_EQ(data.web_dirs.size(), 1u);
  EXPECT_EQ(data.web_dirs[0], prefix.path() + "/share/judge/judge/web");
}

TEST(JudgeData, AJudgeWithoutAnInstalledBankUsesTheTreeItWasBuiltFrom) {
  testing::TempDir prefix;
  prefix.write("bin/judge", "");
  // A share/judge that holds no bank is someone else's folder.
  prefix.write("share/judge/README", "");
  for (const std::string& exe : {prefix.path() + "/bin/judge", std::string()}) {
    const JudgeData data = judge_data_for(exe);
    EXPECT_FALSE(data.installed) << exe;
    EXPECT_EQ(data.root, testing::source_dir()) << exe;
    EXPECT_EQ(data.web_dirs.front(), testing::source_dir() + "/judge/web") << exe;
  }
}

TEST(JudgeData, AnUnknownExecutableNeverLooksInTheCurrentFolder) {
  testing::TempDir prefix;
  prefix.write("share/judge/problems/tracks.yaml", "tracks: []\n");
  fs::create_directories(prefix.path() + "/bin");
  const fs::path before = fs::current_path();
  fs::current_path(prefix.path() + "/bin");
  const JudgeData data = judge_data_for("judge");  // a bare name, as argv[0] can be
  fs::current_path(before);
  EXPECT_FALSE(data.installed);
  EXPECT_EQ(data.root, testing::source_dir());
}

TEST(JudgeData, TheBuiltJudgeOfACheckoutKeepsItsSourceTree) {
  // This test binary sits in the build folder, as build/judge does.
  EXPECT_FALSE(judge_data().installed);
  EXPECT_EQ(judge_data().root, testing::source_dir());
}

TEST(JudgeData, TheJudgeLaidOutAsAnInstallReadsItsShareFolder) {
  // bin/judge beside share/judge, as `cmake --install` lays them out; the
  // bank there has a set the checkout's has not, to tell them apart.
  testing::TempDir prefix;
  testing::TempDir share;
  testing::copy_bank(share);
  testing::add_set(share, "only-installed", "[softmax]");
  fs::create_directories(prefix.path() + "/bin");
  fs::create_directories(prefix.path() + "/share");
  fs::copy_file(JUDGE_BINARY, prefix.path() + "/bin/judge");
  fs::create_directory_symlink(share.path(), prefix.path() + "/share/judge");
  testing::TempDir elsewhere;
  auto judge = [&](const std::string& args) {
    return testing::shell("cd " + elsewhere.path() + " && unset JUDGE_ROOT JUDGE_BANK && " +
                          prefix.path() + "/bin/judge " + args + " 2>&1");
  };
  const auto listed = judge("list");
  EXPECT_EQ(listed.exit_code, 0) << listed.out;
  EXPECT_NE(listed.out.find("only-installed"), std::string::npos) << listed.out;
  // Outside a practice folder it has only its own bank, which is not the
  // learner's to write in: it says how to make one.
  const auto check = judge("check softmax");
  EXPECT_EQ(check.exit_code, 2) << check.out;
  EXPECT_NE(check.out.find("judge init ~/attention"), std::string::npos) << check.out;
}

// Sets or unsets environment variables for one test, and puts them back.
class Environment {
 public:
  void set(const char* name, const std::optional<std::string>& value) {
    const char* old = std::getenv(name);
    saved_.emplace_back(name, old == nullptr ? std::nullopt : std::optional<std::string>(old));
    if (value) {
      setenv(name, value->c_str(), 1);
    } else {
      unsetenv(name);
    }
  }
  ~Environment() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) {
        setenv(it->first.c_str(), it->second->c_str(), 1);
      } else {
        unsetenv(it->first.c_str());
      }
    }
  }

 private:
  std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};

TEST(WorkspaceCache, IsTheUsersNeverThePracticeFolders) {
  testing::TempDir dir;
  dir.write(kWorkspaceMarker, "{\"version\": 1, \"set\": \"\"}\n");
  const Workspace ws = Workspace::at(dir.path());
  Environment env;
  env.set("JUDGE_CACHE_DIR", "/srv/judge-cache");
  env.set("XDG_CACHE_HOME", "/home/ana/.xdg-cache");
  env.set("HOME", "/home/ana");
  EXPECT_EQ(ws.cache_dir(), "/srv/judge-cache");
  env.set("JUDGE_CACHE_DIR", std::nullopt);
  EXPECT_EQ(ws.cache_dir(), "/home/ana/.xdg-cache/judge");
  env.set("XDG_CACHE_HOME", "relative/cache");  // the XDG rules ignore a relative one
  EXPECT_EQ(ws.cache_dir(), "/home/ana/.cache/judge");
  env.set("XDG_CACHE_HOME", std::nullopt);
  EXPECT_EQ(ws.cache_dir(), "/home/ana/.cache/judge");
  // Only with no home at all (a bare service account) does it stay beside the state.
  env.set("HOME", std::nullopt);
  EXPECT_EQ(ws.cache_dir(), ws.state_dir() + "/cache");
}

TEST(WorkspaceMarker, NamesNoBankAndTheJudgeBringsItsOwn) {
  testing::TempDir dir;
  // An older marker's "bank" is ignored: the folder must not depend on a path.
  dir.write(kWorkspaceMarker,
            "{\"version\": 1, \"set\": \"softmax-basics\", \"bank\": \"" + dir.path() + "\"}\n");
  const Workspace ws = Workspace::at(dir.path());
  EXPECT_TRUE(ws.workshop);
  EXPECT_EQ(ws.set, "softmax-basics");
  EXPECT_EQ(ws.bank_root, judge_data().root);
  EXPECT_EQ(ws.harness_dir(), judge_data().root + "/judge/harness");
  EXPECT_FALSE(Workspace::at(testing::source_dir()).workshop);
}

}  // namespace
}  // namespace judge

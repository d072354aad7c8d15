// Hostile class folders for `judge grade`: a learner's folder is a tree the
// instructor copied from somewhere, and the learner chose what is in it.
// Symbolic links (to the reference solutions, to a file outside the class, to
// another learner, to /dev/zero), a FIFO and a huge sparse file must each be
// refused, by name, without being followed or read; grading must finish, the
// honest classmate must keep their result, and no report may hold bytes the
// judge read through a link.
//
// Each test grades one honest learner (alice, a correct softmax) and one
// hostile learner (mallory), with a bank whose set holds softmax only.
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <sys/types.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <initializer_list>
#include <memory>

namespace judge {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

const char* const kCorrectSoftmax = "solutions/softmax/correct/float_loops.cpp";
const char* const kSecret = "JUDGE_SECRET_9c41f07e_do_not_leak";

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// True if `text` mentions any of `words` (case-insensitive).
bool mentions_any(const std::string& text, std::initializer_list<const char*> words) {
  const std::string t = lower(text);
  for (const char* w : words)
    if (t.find(lower(w)) != std::string::npos) return true;
  return false;
}

struct GradeRun {
  int exit_code = -1;
  std::string out;             // stdout
  std::string err;             // stderr
  long long max_rss_kib = -1;  // the judge's peak resident set, if /usr/bin/time is there
};

class HostileClass : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bank_ = new testing::TempDir();
    testing::copy_bank(*bank_);
    testing::add_set(*bank_, "hostile-class", "[softmax]");
  }
  static void TearDownTestSuite() { delete bank_; }

  void SetUp() override {
    cls_ = std::make_unique<testing::TempDir>();
    out_ = std::make_unique<testing::TempDir>();
    scratch_ = std::make_unique<testing::TempDir>();
    cls_->write("alice/softmax.cpp",
                testing::read_text(testing::source_dir() + "/" + kCorrectSoftmax));
    fs::create_directories(mallory());
  }

  std::string mallory() const { return cls_->path() + "/mallory"; }

  // `judge grade` on the class, under `timeout 300` (a FIFO must not hang it),
  // with /usr/bin/time measuring its peak memory when installed. `limit_kib`
  // caps the judge's address space (soft limit only: the jail may still set
  // its own limits for the steps it runs), so a judge that reads a huge file
  // fails instead of filling the machine.
  GradeRun grade(long long limit_kib = 0) const {
    const std::string err = scratch_->path() + "/stderr.txt";
    const std::string rss = scratch_->path() + "/rss.txt";
    const bool have_time = fs::exists("/usr/bin/time");
    std::string cmd = "cd " + bank_->path() + " && ";
    // AddressSanitizer reserves terabytes of address space for its shadow:
    // under it, only the peak resident memory below tells a read file.
    if (limit_kib > 0 && !kSanitized) cmd += "ulimit -S -v " + std::to_string(limit_kib) + " && ";
    cmd += "NO_COLOR=1 JUDGE_CACHE_DIR=" + testing::source_dir() + "/.judge/cache ";
    if (have_time) cmd += "/usr/bin/time -f %M -o " + rss + " ";
    cmd += "timeout 300 " + std::string(JUDGE_BINARY) + " grade " + cls_->path() + " --out " +
           out_->path() + " --set hostile-class 2>" + err;
    const testing::JudgeRun r = testing::shell(cmd);
    GradeRun g;
    g.exit_code = r.exit_code;
    g.out = r.out;
    g.err = testing::read_text(err);
    if (have_time) {
      const std::string text = testing::read_text(rss);
      // The last line is the figure (a line before it may say the command failed).
      const std::size_t start = text.find_last_of('\n', text.size() >= 2 ? text.size() - 2 : 0);
      try {
        g.max_rss_kib = std::stoll(text.substr(start == std::string::npos ? 0 : start + 1));
      } catch (const std::exception&) {
      }
    }
    return g;
  }

  json learner(const std::string& name) const {
    const std::string path = out_->path() + "/learners/" + name + ".json";
    if (!fs::exists(path)) return json();
    try {
      return json::parse(testing::read_text(path));
    } catch (const std::exception&) {
      return json();
    }
  }

  // What every test asks of a grading run with a hostile learner.
  void expect_contained(const GradeRun& g, const std::string& offending,
                        std::initializer_list<const char*> words,
                        bool mallory_report_required = true) const {
    EXPECT_EQ(g.exit_code, 0) << "stdout:\n" << g.out << "\nstderr:\n" << g.err;
    for (const char* report : {"summary.csv", "junit.xml", "report.html", "learners/alice.json"})
      EXPECT_TRUE(fs::exists(out_->path() + "/" + report)) << report << " was not written";

    const json alice = learner("alice");
    ASSERT_TRUE(alice.is_object()) << "no readable learners/alice.json";
    EXPECT_EQ(alice["problems"]["softmax"]["status"], "pass")
        << "the honest learner lost their result: " << alice["problems"]["softmax"].dump();

    const std::string csv = testing::read_text(out_->path() + "/summary.csv");
    EXPECT_EQ(csv.find("\nmallory,1.0000"), std::string::npos) << csv;

    // The refusal, on stderr: the learner, the offending name and why.
    EXPECT_NE(g.err.find("mallory"), std::string::npos) << "stderr does not name mallory:\n"
                                                        << g.err;
    EXPECT_NE(g.err.find(offending), std::string::npos)
        << "stderr does not name " << offending << ":\n"
        << g.err;
    EXPECT_TRUE(mentions_any(g.err, words)) << "stderr does not say why:\n" << g.err;

    const json m = learner("mallory");
    if (m.is_object()) {
      const json softmax = m["problems"]["softmax"];
      EXPECT_NE(softmax["status"], "pass") << softmax.dump();
      const std::string message = softmax.value("message", json("")).is_string()
                                      ? softmax.value("message", std::string())
                                      : std::string();
      EXPECT_NE(message.find(offending), std::string::npos)
          << "mallory's softmax message does not name " << offending << ": " << message;
      EXPECT_TRUE(mentions_any(message, words))
          << "mallory's softmax message does not say why: " << message;
    } else if (mallory_report_required) {
      ADD_FAILURE() << "no readable learners/mallory.json";
    }
  }

  // No file the grading wrote, and nothing it printed, holds `secret`.
  void expect_no_secret(const GradeRun& g, const std::string& secret) const {
    EXPECT_EQ(g.out.find(secret), std::string::npos) << "stdout leaks the secret";
    EXPECT_EQ(g.err.find(secret), std::string::npos) << "stderr leaks the secret";
    std::error_code ec;
    for (const auto& f : fs::recursive_directory_iterator(out_->path(), ec)) {
      if (!f.is_regular_file(ec)) continue;
      EXPECT_EQ(testing::read_text(f.path().string()).find(secret), std::string::npos)
          << f.path() << " leaks the secret";
    }
  }

  std::unique_ptr<testing::TempDir> cls_, out_, scratch_;
  static testing::TempDir* bank_;
};
testing::TempDir* HostileClass::bank_ = nullptr;

// a. The learner's exercises/ folder is a link to the reference solutions.
TEST_F(HostileClass, ExercisesFolderLinkedToTheSolutionsIsRefused) {
  fs::create_directory_symlink(testing::source_dir() + "/solutions", mallory() + "/exercises");
  const GradeRun g = grade();
  expect_contained(g, "exercises", {"link"});
}

// b. A header beside softmax.cpp links to the reference solution, which the
// learner's file includes (with reference.h, which that solution needs).
TEST_F(HostileClass, HeaderLinkedToTheSolutionIsRefused) {
  cls_->write("mallory/softmax.cpp", "#include \"ref.h\"\n");
  fs::create_symlink(testing::source_dir() + "/solutions/softmax/reference.cpp", mallory() + "/ref.h");
  fs::create_symlink(testing::source_dir() + "/solutions/reference.h", mallory() + "/reference.h");
  const GradeRun g = grade();
  expect_contained(g, "ref.h", {"link"});
}

// c. A header links to a file outside the class holding a secret. The
// learner's file includes it through a regular header, last, so no compiler
// message names the learner's file: the judge then shows the compiler's raw
// output, which quotes the secret line. Any file the judge's user can read
// (as root: any file) would leak the same way.
TEST_F(HostileClass, HeaderLinkedOutsideTheClassLeaksNothing) {
  testing::TempDir elsewhere;
  const std::string secret_file = elsewhere.write("secret.txt", std::string(kSecret) + "\n");
  cls_->write("mallory/softmax.cpp",
              testing::read_text(testing::source_dir() + "/" + kCorrectSoftmax) +
                  "\n#include \"wrapper.h\"\n");
  cls_->write("mallory/wrapper.h", "#include \"notes.h\"\n");
  fs::create_symlink(secret_file, mallory() + "/notes.h");
  const GradeRun g = grade();
  expect_contained(g, "notes.h", {"link"});
  expect_no_secret(g, kSecret);
}

// d. softmax.cpp is a FIFO: opening it blocks until someone writes. Grading
// must neither hang nor skip it silently.
TEST_F(HostileClass, FifoInsteadOfAFileIsRefusedWithoutHanging) {
  ASSERT_EQ(mkfifo((mallory() + "/softmax.cpp").c_str(), 0644), 0);
  const GradeRun g = grade();
  EXPECT_NE(g.exit_code, 124) << "grading hung on the FIFO (killed by timeout)";
  expect_contained(g, "softmax.cpp", {"regular", "fifo"});
}

// e. softmax.cpp links to /dev/zero: reading it never ends.
TEST_F(HostileClass, LinkToDevZeroIsRefused) {
  fs::create_symlink("/dev/zero", mallory() + "/softmax.cpp");
  const GradeRun g = grade();
  EXPECT_NE(g.exit_code, 124) << "grading hung on /dev/zero (killed by timeout)";
  expect_contained(g, "softmax.cpp", {"link", "regular"});
}

// f. The learner's folder is itself a link to a classmate's folder: mallory
// would get alice's grade for alice's work.
TEST_F(HostileClass, LearnerFolderLinkedToAClassmateIsRefused) {
  fs::remove(mallory());
  fs::create_directory_symlink(cls_->path() + "/alice", mallory());
  const GradeRun g = grade();
  // The refusal may drop mallory from the roster altogether (like a stray
  // file), so her own report is not required; if there is one, it must not
  // pass and must say why.
  expect_contained(g, "mallory", {"link"}, /*mallory_report_required=*/false);
}

// g. softmax.cpp is a 3 GiB sparse file: it must be refused from its size,
// without being read (the judge's address space is capped at 2 GiB here so a
// judge that reads it fails instead of filling the machine).
TEST_F(HostileClass, HugeSparseFileIsRefusedWithoutBeingRead) {
  const std::string path = mallory() + "/softmax.cpp";
  ASSERT_EQ(testing::shell("truncate -s 3G '" + path + "'").exit_code, 0);
  const GradeRun g = grade(/*limit_kib=*/2LL * 1024 * 1024);
  expect_contained(g, "softmax.cpp", {"larger than", "too large", "too big"});
  if (g.max_rss_kib >= 0) {
    EXPECT_LT(g.max_rss_kib, 500LL * 1024) << "the judge's peak memory (KiB): it read the file";
  }
}

}  // namespace
}  // namespace judge

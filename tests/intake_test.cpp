// The intake of a class folder as real classes hand it in: files in another
// case, one folder down or in an archive are found and named; macOS
// metadata, hidden files and backups are passed over; links, pipes,
// unreadable folders and bad archives are refused by name while everyone
// else is found as usual. read_roster is called directly: no grading.
#include "archive_support.h"
#include "intake_report.h"
#include "learner_files.h"
#include "roster.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <linux/capability.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <filesystem>
#include <thread>

namespace judge {
namespace {
namespace fs = std::filesystem;

const std::vector<std::string> kProblems = {"softmax", "softmax_rows"};

class Intake : public ::testing::Test {
 protected:
  Roster roster(const std::vector<std::string>& problems = kProblems) {
    fs::remove_all(scratch());
    return read_roster(cls_.path(), problems, "", scratch());
  }
  std::string scratch() const { return out_.path() + "/.intake"; }

  static const HandIn& hand_in(const Roster& r, const std::string& learner,
                               const std::string& problem) {
    for (const auto& h : r.submissions)
      if (h.learner == learner && h.problem == problem) return h;
    static const HandIn none{};
    ADD_FAILURE() << "no hand-in for " << learner << "/" << problem;
    return none;
  }
  // The findings of `kind` about `learner` (and `problem`, when given).
  static std::vector<IntakeFinding> findings(const Roster& r, const std::string& learner,
                                             const std::string& kind,
                                             const std::string& problem = "") {
    std::vector<IntakeFinding> out;
    for (const auto& f : r.findings)
      if (f.learner == learner && f.kind == kind && (problem.empty() || f.problem == problem))
        out.push_back(f);
    return out;
  }
  static std::string dump(const Roster& r) {
    std::string text;
    for (const auto& f : r.findings)
      text += f.learner + "|" + f.problem + "|" + f.kind + "|" + f.file + "|" + f.note +
              (f.warn ? " [warn]" : "") + "\n";
    return text;
  }

  testing::TempDir cls_, out_;
};

TEST_F(Intake, FindsAFileWhateverTheCaseOfItsNameAndSaysWhichOne) {
  cls_.write("alice/Softmax.cpp", "a");
  cls_.write("bob/SOFTMAX.CPP", "b");
  cls_.write("carol/softmax.cpp", "c");
  const Roster r = roster();
  EXPECT_EQ(hand_in(r, "alice", "softmax").file, "alice/Softmax.cpp");
  EXPECT_EQ(hand_in(r, "bob", "softmax").file, "bob/SOFTMAX.CPP");
  EXPECT_EQ(hand_in(r, "carol", "softmax").file, "carol/softmax.cpp");
  for (const char* learner : {"alice", "bob"}) {
    const auto f = findings(r, learner, "found_elsewhere", "softmax");
    ASSERT_EQ(f.size(), 1u) << dump(r);
    EXPECT_TRUE(f[0].warn);
    EXPECT_NE(
        f[0].note.find(hand_in(r, learner, "softmax").file.substr(std::string(learner).size() + 1)),
        std::string::npos)
        << f[0].note;
  }
  // The usual layout is recorded, not shouted about.
  const auto carol = findings(r, "carol", "found", "softmax");
  ASSERT_EQ(carol.size(), 1u) << dump(r);
  EXPECT_FALSE(carol[0].warn);
  EXPECT_EQ(findings(r, "carol", "missing", "softmax_rows").size(), 1u) << dump(r);
}

TEST_F(Intake, FindsAFileOneFolderDownButNoDeeper) {
  cls_.write("alice/week1/softmax.cpp", "a");
  cls_.write("bob/exercises/softmax.cpp", "b");
  cls_.write("carol/a/b/softmax.cpp", "c");
  const Roster r = roster();
  EXPECT_EQ(hand_in(r, "alice", "softmax").file, "alice/week1/softmax.cpp");
  EXPECT_EQ(hand_in(r, "alice", "softmax").relative, "alice/week1/softmax.cpp");
  EXPECT_EQ(hand_in(r, "alice", "softmax").base, cls_.path());
  ASSERT_EQ(findings(r, "alice", "found_elsewhere", "softmax").size(), 1u) << dump(r);
  EXPECT_NE(findings(r, "alice", "found_elsewhere")[0].note.find("week1/softmax.cpp"),
            std::string::npos);
  EXPECT_EQ(hand_in(r, "bob", "softmax").file, "bob/exercises/softmax.cpp");
  EXPECT_EQ(findings(r, "bob", "found", "softmax").size(), 1u) << dump(r);  // a workspace
  EXPECT_TRUE(hand_in(r, "carol", "softmax").file.empty());
  EXPECT_EQ(findings(r, "carol", "missing", "softmax").size(), 1u) << dump(r);
}

TEST_F(Intake, ChoosesOneOfSeveralFilesByAFixedRuleAndNamesIt) {
  // Best first: exact at the top, other case at the top, exercises/, another
  // folder (path order), an archive.
  const std::vector<std::string> ranked = {"softmax.cpp", "Softmax.cpp", "exercises/softmax.cpp",
                                           "a/softmax.cpp", "b/softmax.cpp"};
  for (const auto& path : ranked) cls_.write("dave/" + path, path);
  testing::make_zip(out_, cls_.path() + "/dave/hw.zip", {{"softmax.cpp", "zip"}});
  for (std::size_t i = 0; i <= ranked.size(); ++i) {
    const Roster r = roster();
    const HandIn& h = hand_in(r, "dave", "softmax");
    const std::string expected =
        i < ranked.size() ? "dave/" + ranked[i] : "dave/hw.zip/softmax.cpp";
    EXPECT_EQ(h.file, expected) << dump(r);
    EXPECT_TRUE(h.refusal.empty()) << h.refusal;
    if (i < ranked.size()) {
      const auto several = findings(r, "dave", "several_files", "softmax");
      ASSERT_EQ(several.size(), 1u) << dump(r);
      EXPECT_TRUE(several[0].warn);
      EXPECT_NE(several[0].note.find("grading " + expected.substr(5)), std::string::npos)
          << several[0].note;
    }
    if (i < ranked.size()) fs::remove(cls_.path() + "/dave/" + ranked[i]);
  }
}

TEST_F(Intake, PassesOverMacMetadataHiddenFilesAndBackups) {
  cls_.write("__MACOSX/alice/softmax.cpp", "metadata");
  cls_.write(".hidden/softmax.cpp", "hidden");
  cls_.write("._alice", "metadata");
  for (const char* path :
       {"alice/__MACOSX/softmax.cpp", "alice/.git/softmax.cpp", "alice/._softmax.cpp",
        "alice/.DS_Store", "alice/softmax.cpp~", "alice/#softmax.cpp#", "alice/.#softmax.cpp",
        "alice/softmax.cpp.swp", "alice/softmax.cpp.bak", "alice/softmax.cpp.orig",
        "alice/old~/softmax.cpp"})
    cls_.write(path, "skip me");
  const Roster r = roster();
  EXPECT_EQ(r.learners, std::vector<std::string>{"alice"}) << dump(r);
  EXPECT_TRUE(hand_in(r, "alice", "softmax").file.empty()) << hand_in(r, "alice", "softmax").file;
  EXPECT_EQ(findings(r, "alice", "missing", "softmax").size(), 1u) << dump(r);
  for (const char* name : {"__MACOSX", ".hidden", "._alice"}) {
    bool seen = false;
    for (const auto& f : findings(r, "", "ignored")) seen |= f.file == name && !f.warn;
    EXPECT_TRUE(seen) << name << "\n" << dump(r);
  }
  EXPECT_EQ(findings(r, "alice", "ignored").size(), 11u) << dump(r);
}

TEST_F(Intake, SearchesAnArchiveLikeAFolderAndReadsItsBytesFromTheScratchFolder) {
  const std::string code = "float softmax_from_zip;\n";
  testing::make_zip(out_, cls_.path() + "/alice/submission.zip",
                    {{"week1/softmax.cpp", code}, {"week1/helpers.h", "int h;\n"}});
  testing::make_archive(out_, cls_.path() + "/bob/HW.TGZ",
                        "with tarfile.open(out, 'w:gz') as t:\n"
                        "    t.addfile(*reg('Softmax_Rows.cpp', b'rows'))\n");
  const Roster r = roster();
  const HandIn& h = hand_in(r, "alice", "softmax");
  EXPECT_EQ(h.file, "alice/submission.zip/week1/softmax.cpp");
  EXPECT_EQ(h.relative, "week1/softmax.cpp");
  EXPECT_EQ(h.base.rfind(scratch() + "/", 0), 0u) << h.base;
  LearnerSources s;
  const ReadStatus read = read_learner_sources(h.base, h.relative, h.shown_dir(), s);
  ASSERT_TRUE(read.ok) << read.refusal;
  EXPECT_EQ(s.source, code);
  EXPECT_EQ(s.shown_path, h.file);
  ASSERT_EQ(s.headers.size(), 1u);
  EXPECT_EQ(s.headers[0].first, "helpers.h");
  EXPECT_EQ(findings(r, "alice", "unpacked").size(), 1u) << dump(r);
  ASSERT_EQ(findings(r, "alice", "found_elsewhere", "softmax").size(), 1u) << dump(r);
  EXPECT_NE(findings(r, "alice", "found_elsewhere")[0].note.find("archive"), std::string::npos);
  EXPECT_EQ(hand_in(r, "bob", "softmax_rows").file, "bob/HW.TGZ/Softmax_Rows.cpp");
}

TEST_F(Intake, TheSameHandInGivesTheSameBytesAndKeyOnTheNextRun) {
  testing::make_zip(out_, cls_.path() + "/alice/hw.zip", {{"softmax.cpp", "int a;\n"}});
  std::string first;
  for (int run = 0; run < 2; ++run) {
    const Roster r = roster();  // the scratch folder is made afresh
    const HandIn& h = hand_in(r, "alice", "softmax");
    LearnerSources s;
    ASSERT_TRUE(read_learner_sources(h.base, h.relative, h.shown_dir(), s).ok);
    if (run == 0) first = s.fingerprint();
    EXPECT_EQ(s.fingerprint(), first);
  }
}

TEST_F(Intake, ABadArchiveIsReportedAndExplainsTheProblemsItMightHaveHeld) {
  cls_.write("alice/hw.zip", "not a zip\n");
  cls_.write("alice/softmax.cpp", "int a;\n");
  testing::make_archive(out_, cls_.path() + "/mallory/hw.zip",
                        "with zipfile.ZipFile(out, 'w') as z:\n"
                        "    zlink(z, 'softmax.cpp', '/etc/passwd')\n"
                        "    z.writestr('week1/softmax_rows.cpp/', '')\n");
  const Roster r = roster();
  // alice: graded from her folder; the archive is refused by name.
  EXPECT_EQ(hand_in(r, "alice", "softmax").file, "alice/softmax.cpp");
  const auto refused = findings(r, "alice", "archive_refused");
  ASSERT_EQ(refused.size(), 1u) << dump(r);
  EXPECT_TRUE(refused[0].warn);
  EXPECT_NE(refused[0].note.find("alice/hw.zip cannot be unpacked"), std::string::npos);
  EXPECT_EQ(hand_in(r, "alice", "softmax_rows").refusal, refused[0].note);
  EXPECT_FALSE(fs::exists(scratch() + "/alice/hw.zip")) << "a refused archive left files";
  // mallory: the link is named as the reason softmax was not graded.
  EXPECT_EQ(hand_in(r, "mallory", "softmax").refusal,
            "mallory/hw.zip/softmax.cpp is a symbolic link; links are not unpacked");
  EXPECT_EQ(hand_in(r, "mallory", "softmax_rows").refusal,
            "mallory/hw.zip/week1/softmax_rows.cpp/ is a folder, not a file");
  ASSERT_EQ(findings(r, "mallory", "entry_skipped").size(), 2u) << dump(r);
  EXPECT_TRUE(findings(r, "mallory", "entry_skipped")[0].warn);
}

TEST_F(Intake, LinksAndPipesAreStillRefusedByName) {
  cls_.write("alice/softmax.cpp", "int a;\n");
  fs::create_directories(cls_.path() + "/mallory");
  ASSERT_EQ(mkfifo((cls_.path() + "/mallory/softmax.cpp").c_str(), 0644), 0);
  fs::create_directory_symlink(testing::source_dir() + "/solutions",
                               cls_.path() + "/mallory/exercises");
  fs::create_directory_symlink(cls_.path() + "/alice", cls_.path() + "/eve");
  const Roster r = roster();
  EXPECT_EQ(hand_in(r, "mallory", "softmax").refusal,
            "mallory/softmax.cpp is a named pipe (FIFO), not a regular file");
  EXPECT_EQ(hand_in(r, "mallory", "softmax_rows").refusal,
            "mallory/exercises is a symbolic link; the judge reads only real files and folders");
  EXPECT_EQ(findings(r, "mallory", "link").size(), 1u) << dump(r);
  EXPECT_EQ(hand_in(r, "eve", "softmax").refusal,
            "eve is a symbolic link; the judge reads only real files and folders");
  EXPECT_EQ(hand_in(r, "alice", "softmax").file, "alice/softmax.cpp");
}

// Root reads any folder: the test takes the permission to bypass that away
// from its own thread (capabilities are per thread on Linux).
bool drop_file_capabilities_of_this_thread() {
  __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
  __user_cap_data_struct data[2]{};
  if (syscall(SYS_capget, &header, data) != 0) return false;
  for (const int cap : {CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH})
    data[cap / 32].effective &= ~(1u << (cap % 32));
  return syscall(SYS_capset, &header, data) == 0;
}

TEST_F(Intake, AnUnreadableLearnerFolderIsRefusedAndTheOthersFound) {
  cls_.write("alice/softmax.cpp", "int a;\n");
  cls_.write("locked/softmax.cpp", "int b;\n");
  cls_.write("bob/week1/softmax.cpp", "int c;\n");
  cls_.write("bob/shut/softmax_rows.cpp", "int d;\n");
  ASSERT_EQ(chmod((cls_.path() + "/locked").c_str(), 0), 0);
  ASSERT_EQ(chmod((cls_.path() + "/bob/shut").c_str(), 0), 0);
  Roster r;
  std::thread([&] {
    ASSERT_TRUE(drop_file_capabilities_of_this_thread());
    r = roster();
  }).join();
  chmod((cls_.path() + "/locked").c_str(), 0755);
  chmod((cls_.path() + "/bob/shut").c_str(), 0755);
  const HandIn& locked = hand_in(r, "locked", "softmax");
  EXPECT_EQ(locked.refusal, "locked cannot be read: Permission denied") << dump(r);
  const auto unreadable = findings(r, "locked", "unreadable");
  ASSERT_EQ(unreadable.size(), 1u) << dump(r);
  EXPECT_TRUE(unreadable[0].warn);
  EXPECT_EQ(hand_in(r, "alice", "softmax").file, "alice/softmax.cpp");
  EXPECT_EQ(hand_in(r, "bob", "softmax").file, "bob/week1/softmax.cpp");
  EXPECT_EQ(findings(r, "bob", "unreadable").size(), 1u) << dump(r);
}

TEST_F(Intake, AFolderOfLinksCannotBuryTheTerminal) {
  fs::create_directories(cls_.path() + "/mallory");
  for (int i = 0; i < 100; ++i)
    fs::create_symlink("/etc/passwd", cls_.path() + "/mallory/l" + std::to_string(i));
  const Roster r = roster();
  std::size_t warned = 0;
  for (const auto& f : r.findings) warned += f.warn;
  EXPECT_EQ(warned, kMaxWarningsPerLearner + 1) << dump(r);
  EXPECT_EQ(findings(r, "mallory", "link").size(), 100u);
  ASSERT_EQ(findings(r, "mallory", "more_findings").size(), 1u);
  EXPECT_NE(findings(r, "mallory", "more_findings")[0].note.find("80 more"), std::string::npos);
}

TEST(IntakeReport, CsvCellsAndTerminalLinesAreSafe) {
  const std::vector<IntakeFinding> findings = {{"=HYPERLINK(\"http://x\")", "softmax",
                                                "found_elsewhere", "a,b/soft\nmax.cpp",
                                                "\x1b[31mred\nline", true}};
  const std::string csv = render_intake_csv(findings);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "learner,problem,finding,file,note");
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\")\",softmax,found_elsewhere,"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv.find('\x1b'), std::string::npos);
  const std::string line = intake_line(findings[0]);
  EXPECT_EQ(line, "intake: ^[[31mred^Jline");
}

}  // namespace
}  // namespace judge

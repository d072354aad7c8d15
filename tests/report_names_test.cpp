// A learner's id is their folder's name: any bytes but '/' and NUL, up to 255
// of them. Whatever the ids and messages, every report is written, parses,
// shows learner text without obeying it, and keeps it in that learner's files.
#include "hashing.h"
#include "journal.h"
#include "report.h"
#include "report_grade.h"
#include "report_html.h"
#include "test_support.h"
#include "text.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

namespace judge {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

const std::string kLong(250, 'n');
const std::string kEscape = "esc\x1b]0;owned\x07\x1b[2J";
const std::string kNotUtf8 = "bad\xFF\xFE";
const std::string kRepaired = "bad\xEF\xBF\xBD\xEF\xBF\xBD";  // kNotUtf8 once made valid
const std::string kNonCharacter = "nc\xEF\xBF\xBF";           // U+FFFF: not an XML character

// Folder names a learner can choose, every one a separate learner.
std::vector<std::string> hostile_ids() {
  return {kLong,
          std::string(249, 'n') + "m",
          kEscape,
          kNotUtf8,
          kRepaired,
          kNonCharacter,
          "line\nbreak",
          "cr\r=1+1",
          "\tcmd",
          "quote\"<&>'",
          "-2+3",
          ".hidden",
          "x\xC2\x9B"
          "2J"};
}

// What a learner's program or compiler can make the judge quote.
const std::string kHostileMessage =
    "got \x1b[31mPASS\x1b[0m \xFF\xEF\xBF\xBF ]]></failure><x a='1'/>\r\n\tdone & \"quoted\"";

GradedLearner learner_with(const std::string& id, const std::string& message) {
  GradedProblem softmax;
  softmax.problem = "softmax";
  softmax.attempted = true;
  softmax.passed = 1;
  softmax.total = 2;
  softmax.result = {
      {"version", 2},
      {"status", "fail"},
      {"message", nullptr},
      {"tests", json::array({{{"name", "basic/one"}, {"status", "pass"}, {"verdict", "ok"}},
                             {{"name", "edge/" + message},
                              {"status", "fail"},
                              {"verdict", "wrong_answer"},
                              {"message", message}}})}};
  GradedProblem attention;
  attention.problem = "attention";
  attention.attempted = true;
  attention.total = 3;
  attention.result = {{"version", 2},
                      {"status", "error"},
                      {"message", "compile_error:\n" + message},
                      {"tests", json::array()}};
  return {id, {softmax, attention}};
}

GradeBook book_of(const std::vector<GradedLearner>& learners, const std::string& title = "basics") {
  GradeBook book;
  book.title = title;
  book.problems = {"softmax", "attention"};
  book.learners = learners;
  return book;
}

GradeBook hostile_book() {
  std::vector<GradedLearner> learners = {learner_with("alice", "expected 1, got 2")};
  for (const auto& id : hostile_ids()) learners.push_back(learner_with(id, kHostileMessage));
  return book_of(learners, "t\x01\xFF\xEF\xBF\xBF<&>");
}

// The `learner` field of every report in `dir`, sorted.
std::vector<std::string> learners_in(const std::string& dir) {
  std::vector<std::string> ids;
  for (const auto& f : fs::directory_iterator(dir)) {
    const json doc = json::parse(testing::read_text(f.path().string()), nullptr, false);
    EXPECT_FALSE(doc.is_discarded()) << f.path();
    if (doc.contains("learner")) ids.push_back(doc["learner"]);
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

// An id as a JSON report carries it: invalid UTF-8 as U+FFFD.
std::vector<std::string> as_json_text(const GradeBook& book) {
  std::vector<std::string> ids;
  for (const auto& l : book.learners) ids.push_back(json::parse(dump_json(l.learner)));
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::size_t files_in(const std::string& dir) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// xmllint (libxml2) rejects what XML 1.0 forbids: bad UTF-8, U+FFFF, controls.
bool xml_parses(const std::string& xml, const testing::TempDir& scratch, std::string& why) {
  const std::string path = scratch.write("parse-me.xml", xml);
  const auto r = testing::shell("xmllint --noout '" + path + "' 2>&1");
  why = r.out;
  return r.exit_code == 0;
}

// The value of `expression`, as xmllint prints it (with a newline after it).
std::string xpath(const std::string& xml, const std::string& expression,
                  const testing::TempDir& scratch) {
  const std::string path = scratch.write("query.xml", xml);
  return testing::shell("xmllint --xpath '" + expression + "' '" + path + "' 2>/dev/null").out;
}

TEST(ReportNames, EveryLearnerGetsReportFilesWhateverTheName) {
  testing::TempDir out;
  const GradeBook book = hostile_book();
  ASSERT_NO_THROW(write_grade_reports(book, out.path()));
  for (const char* sub : {"/learners", "/gradescope"})
    EXPECT_EQ(files_in(out.path() + sub), book.learners.size()) << sub;
  EXPECT_EQ(learners_in(out.path() + "/learners"), as_json_text(book));
}

TEST(ReportNames, StaleReportsGoAndCurrentOnesStay) {
  testing::TempDir out;
  write_grade_reports(book_of({learner_with(kLong, "x"), learner_with(kNotUtf8, "x"),
                               learner_with("bob", "x"), learner_with("line\nbreak", "x")}),
                      out.path());
  // kRepaired reads like kNotUtf8 in JSON, but is another learner.
  const GradeBook later =
      book_of({learner_with(kLong, "x"), learner_with(kRepaired, "x"), learner_with("carol", "x")});
  write_grade_reports(later, out.path());
  EXPECT_EQ(learners_in(out.path() + "/learners"), as_json_text(later));
  EXPECT_EQ(files_in(out.path() + "/gradescope"), 3u);
  // Run again unchanged: nothing of the current class is removed.
  write_grade_reports(later, out.path());
  EXPECT_EQ(files_in(out.path() + "/learners"), 3u);
  EXPECT_EQ(files_in(out.path() + "/gradescope"), 3u);
}

TEST(ReportNames, JunitIsValidXmlWhateverTheText) {
  if (testing::missing_tool("xmllint")) GTEST_SKIP() << "xmllint (libxml2-utils) not found";
  testing::TempDir scratch;
  std::string why;
  EXPECT_TRUE(xml_parses(render_junit(hostile_book()), scratch, why)) << why;
  // Each id alone, so a failure names the one that breaks the document.
  for (const auto& id : hostile_ids()) {
    const std::string xml = render_junit(book_of({learner_with(id, "wrong")}, id));
    EXPECT_TRUE(xml_parses(xml, scratch, why)) << printable_line(id) << ": " << why;
  }
}

TEST(ReportNames, JunitAttributesKeepTheirLineBreaks) {
  if (testing::missing_tool("xmllint")) GTEST_SKIP() << "xmllint (libxml2-utils) not found";
  testing::TempDir scratch;
  const std::string message = "expected 1\n\tgot 2\r";
  const std::string xml = render_junit(book_of({learner_with("alice", message)}));
  // Attribute-value normalisation would make spaces of raw TAB, LF and CR.
  EXPECT_EQ(xpath(xml, "string(//failure/@message)", scratch), message + "\n");
  EXPECT_EQ(xpath(xml, "string(//failure)", scratch), message + "\n");
}

TEST(ReportNames, HtmlMarkupIsValidText) {
  const std::string html = render_html(hostile_book());
  EXPECT_TRUE(valid_utf8(html));
  // The title is markup; everything else learner-supplied is JSON data after it.
  const std::string markup = html.substr(0, html.find("<script type=\"application/json\""));
  EXPECT_EQ(printable(markup), markup) << "invalid UTF-8 or a control character";
  EXPECT_EQ(markup.find("\xEF\xBF\xBF"), std::string::npos) << "U+FFFF";
  EXPECT_NE(markup.find("<title>t\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD&lt;&amp;&gt;"),
            std::string::npos);
}

TEST(ReportNames, JsonReportsAreValidUtf8) {
  const GradeBook book = hostile_book();
  for (const auto& l : book.learners)
    for (const json& doc : {render_learner_json(book, l), render_gradescope(book, l)}) {
      const std::string text = dump_json(doc);
      EXPECT_TRUE(valid_utf8(text)) << printable_line(l.learner);
      EXPECT_FALSE(json::parse(text, nullptr, false).is_discarded());
    }
}

TEST(ReportNames, CsvCellsNeitherRunNorBreakRows) {
  const GradeBook book =
      book_of({learner_with("\tcmd", ""), learner_with("\r=cmd", ""), learner_with("=1+1", ""),
               learner_with("@sum", ""), learner_with("a\nb", ""), learner_with("q\"x", ""),
               learner_with(kNotUtf8, ""), learner_with(kEscape, "")});
  const std::string row = ",0.5000,0.0000,0.5000\n";
  EXPECT_EQ(render_summary_csv(book),
            "learner,softmax,attention,total\n"
            "'\tcmd" +
                row + "^M=cmd" + row + "'=1+1" + row + "'@sum" + row + "\"a\nb\"" + row +
                "\"q\"\"x\"" + row + kRepaired + row + "esc^[]0;owned^G^[[2J" + row);
  // Both guards, even on text that arrives without printable()'s help.
  EXPECT_EQ(csv_field("\t=1"), "'\t=1");
  EXPECT_EQ(csv_field("-1"), "'-1");
  EXPECT_EQ(csv_field("alice"), "alice");
}

// Alice's own files must be what they would be without her hostile classmate.
TEST(ReportNames, AHostileClassmateLeavesNoTraceInOthersReports) {
  const GradedLearner alice = learner_with("alice", "expected 1, got 2");
  const GradedLearner mallory = learner_with(kLong + "\x1b[2J\xFF", kHostileMessage);
  const GradeBook both = book_of({alice, mallory});
  const GradeBook alone = book_of({alice});
  EXPECT_EQ(dump_json(render_learner_json(both, both.learners[0])),
            dump_json(render_learner_json(alone, alone.learners[0])));
  EXPECT_EQ(dump_json(render_gradescope(both, both.learners[0])),
            dump_json(render_gradescope(alone, alone.learners[0])));

  testing::TempDir out_both, out_alone;
  ASSERT_NO_THROW(write_grade_reports(both, out_both.path()));
  write_grade_reports(alone, out_alone.path());
  for (const char* file : {"/learners/alice.json", "/gradescope/alice.json"}) {
    const std::string text = testing::read_text(out_both.path() + file);
    EXPECT_EQ(text, testing::read_text(out_alone.path() + file)) << file;
    EXPECT_EQ(text.find("nnnn"), std::string::npos) << file;
    EXPECT_EQ(text.find("PASS"), std::string::npos) << file;
  }
}

// Two ids that read the same once made valid UTF-8 are still two learners.
TEST(ReportNames, JournalKeepsIdsThatAreNotUtf8Apart) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/journal.jsonl";
  {
    Journal journal(path);
    journal.append(kNotUtf8, "softmax", "key", {{"passed", 1}});
    journal.append("alice", "softmax", "key", {{"passed", 2}});
  }
  const Journal reopened(path);
  EXPECT_FALSE(reopened.find(kRepaired, "softmax", "key").has_value());
  const auto mine = reopened.find(kNotUtf8, "softmax", "key");
  ASSERT_TRUE(mine.has_value());
  EXPECT_EQ((*mine)["passed"], 1);
  ASSERT_TRUE(reopened.find("alice", "softmax", "key").has_value());
  EXPECT_EQ(testing::read_text(path).find("learner_hex\":\"alice"), std::string::npos);
}

TEST(ReportNames, FileStemsAreShortPrintableAndDistinct) {
  for (const std::string& id : std::vector<std::string>{"alice", "José", "软最大", "a b", "x~y",
                                                        "=1", std::string(200, 'a')})
    EXPECT_EQ(report_file_stem(id), id);
  std::vector<std::string> ids = hostile_ids();
  ids.push_back(std::string(201, 'a'));
  std::set<std::string> stems;
  for (const auto& id : ids) {
    if (id == kRepaired || id == kNonCharacter || id == "quote\"<&>'" || id == "-2+3") continue;
    const std::string stem = report_file_stem(id);
    EXPECT_NE(stem, id) << printable_line(id);
    EXPECT_LE(stem.size(), 100u);
    EXPECT_EQ(printable_line(stem), stem) << "valid UTF-8 without controls";
    EXPECT_NE(stem[0], '.');
    EXPECT_EQ(report_file_stem(id), stem) << "the same every run";
    stems.insert(stem);
  }
  // An id that copies another learner's hashed stem is hashed in turn.
  const std::string copied = report_file_stem(kEscape);
  EXPECT_NE(report_file_stem(copied), copied);
  stems.insert(report_file_stem(copied));
  EXPECT_EQ(stems.size(), ids.size() - 4 + 1);
}

TEST(ReportNames, Sha256MatchesTheStandardsVectors) {
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

// The real judge on a class whose folder names attack every report at once.
class ReportNamesGrade : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    bank_ = new testing::TempDir();
    testing::copy_bank_with_grade_set(*bank_);
  }
  static void TearDownTestSuite() { delete bank_; }

  static std::string grade_command(const std::string& cls, const std::string& out) {
    return "cd " + bank_->path() + " && NO_COLOR=1 JUDGE_CACHE_DIR=" + testing::source_dir() +
           "/.judge/cache " + JUDGE_BINARY + " grade " + cls + " --out " + out +
           " --set grade-test --jobs 2";
  }

  static testing::TempDir* bank_;
};
testing::TempDir* ReportNamesGrade::bank_ = nullptr;

TEST_F(ReportNamesGrade, HostileFolderNamesGetReportsAndStayInert) {
  testing::TempDir cls, alone, out, out_alone;
  const std::string correct = testing::read_text(
      testing::source_dir() + "/solutions/softmax/correct/float_loops.cpp");
  cls.write("alice/softmax.cpp", correct);
  alone.write("alice/softmax.cpp", correct);
  const std::vector<std::string> ids = {kLong, kEscape, kNotUtf8, kNonCharacter, "line\nbreak"};
  // Each file its own, so no cached result of one stands in for another.
  for (std::size_t i = 0; i < ids.size(); ++i)
    cls.write(ids[i] + "/softmax.cpp", "not C++ " + std::to_string(i) + " " + kHostileMessage);
  cls.write("\x1b[2Jnotes.txt", "not a learner\n");

  // script(1) gives the judge a terminal, so it draws its progress bar.
  const auto r =
      testing::shell("script -qec '" + grade_command(cls.path(), out.path()) + "' /dev/null");
  ASSERT_EQ(r.exit_code, 0) << printable(r.out);
  EXPECT_NE(r.out.find("graded 6 learners"), std::string::npos) << printable(r.out);
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << printable(r.out);
  EXPECT_TRUE(valid_utf8(r.out)) << printable(r.out);
  EXPECT_NE(r.out.find("intake: skipped ^[[2Jnotes.txt"), std::string::npos) << printable(r.out);
  EXPECT_EQ(r.out.find(std::string(41, 'n')), std::string::npos) << "long names are cut";

  for (const char* sub : {"/learners", "/gradescope"}) EXPECT_EQ(files_in(out.path() + sub), 6u);
  const std::string csv = testing::read_text(out.path() + "/summary.csv");
  EXPECT_EQ(printable(csv), csv);
  std::string why;
  if (!testing::missing_tool("xmllint")) {
    testing::TempDir scratch;
    EXPECT_TRUE(xml_parses(testing::read_text(out.path() + "/junit.xml"), scratch, why)) << why;
  }
  // Alice's files are what they are in a class of her own.
  ASSERT_EQ(
      testing::shell(grade_command(alone.path(), out_alone.path()) + " >/dev/null 2>&1").exit_code,
      0);
  for (const char* file : {"/learners/alice.json", "/gradescope/alice.json"})
    EXPECT_EQ(testing::read_text(out.path() + file), testing::read_text(out_alone.path() + file))
        << file;
}

}  // namespace
}  // namespace judge

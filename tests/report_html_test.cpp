// The HTML grade report: escaping of learner-supplied text, determinism, and
// what a real browser shows once the page's script has run.
#include "report_html.h"
#include "test_support.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace judge {
namespace {

using nlohmann::json;

const char* const kHostile = "<script>alert(1)</script>";

json test_case(const std::string& name, const std::string& status, const std::string& verdict,
               const std::string& message) {
  return {{"name", name},
          {"status", status},
          {"group", name.substr(0, name.find('/'))},
          {"verdict", verdict},
          {"message", status == "pass" ? json(nullptr) : json(message)},
          {"kind", "tolerance"},
          {"output", nullptr}};
}

GradedProblem graded(const std::string& problem, const std::string& status, json message,
                     json tests) {
  GradedProblem p;
  p.problem = problem;
  p.attempted = true;
  p.total = static_cast<int>(tests.size());
  for (const auto& t : tests) p.passed += t["status"] == "pass" ? 1 : 0;
  p.result = {{"version", 2}, {"status", status}, {"message", message}, {"tests", tests}};
  return p;
}

GradedProblem unattempted(const std::string& problem) {
  GradedProblem p;
  p.problem = problem;
  p.result = {{"version", 2},
              {"status", "fail"},
              {"message", "not attempted: no file " + problem + ".cpp"},
              {"tests", json::array()}};
  return p;
}

GradedProblem compile_error(const std::string& problem, const std::string& output) {
  GradedProblem p = graded(problem, "error", "compile_error:\n" + output, json::array());
  p.total = 3;  // the problem has tests; none of them could run
  return p;
}

// Three learners, already sorted by id as the grader sorts them ('<' < 'a').
GradeBook sample_book() {
  GradeBook book;
  book.title = "softmax <basics> & more";
  book.problems = {"softmax", "attention", "masked"};

  GradedLearner hostile;
  hostile.learner = kHostile;
  hostile.problems = {
      graded("softmax", "fail", nullptr,
             json::array({test_case("basic/one", "pass", "ok", ""),
                          test_case("edge/close", "fail", "runtime_error",
                                    "stderr: </script><script>alert(2)</script>")})),
      unattempted("attention"), unattempted("masked")};

  GradedLearner alice;
  alice.learner = "alice";
  alice.problems = {
      graded("softmax", "fail", nullptr,
             json::array({test_case("basic/one", "pass", "ok", ""),
                          test_case("edge/empty", "fail", "wrong_answer",
                                    "expected 0 rows, got 1 [seed 7]"),
                          test_case("stability/large", "fail", "wrong_answer",
                                    "row 3 has nan where 0.25 was expected [seed 11]")})),
      graded("attention", "pass", nullptr,
             json::array({test_case("basic/one", "pass", "ok", ""),
                          test_case("basic/two", "pass", "ok", "")})),
      unattempted("masked")};

  GradedLearner bob;
  bob.learner = "bob";
  bob.problems = {
      compile_error("softmax", "softmax.cpp:3:1: error: expected ';' before '}' token"),
      graded("attention", "fail", nullptr,
             json::array({test_case("shape/wide", "fail", "wrong_answer",
                                    "output has 4 columns, expected 8 [seed 3]")})),
      graded("masked", "pass", nullptr, json::array({test_case("mask/none", "pass", "ok", "")}))};

  book.learners = {hostile, alice, bob};
  return book;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++n;
  return n;
}

// The text from the element whose start tag contains `marker` to the next
// `end` after it; empty when the marker is missing.
std::string section(const std::string& html, const std::string& marker, const std::string& end) {
  const auto from = html.find(marker);
  if (from == std::string::npos) return "";
  const auto to = html.find(end, from);
  return html.substr(from, to == std::string::npos ? std::string::npos : to - from);
}

// Counts <script> elements as a parser would: not inside quoted attribute
// values (where some serializers leave '<' raw) nor inside a script's text.
std::size_t script_elements(const std::string& html) {
  std::size_t n = 0;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    const bool is_script = html.compare(i, 7, "<script") == 0;
    char quote = 0;
    for (++i; i < html.size(); ++i) {
      const char c = html[i];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (is_script) {
      ++n;
      i = html.find("</script", i);
      if (i == std::string::npos) break;
      i += 1;
    }
  }
  return n;
}

TEST(ReportHtml, EmbedsLearnerTextOnlyAsEscapedData) {
  const std::string html = render_html(sample_book());

  // The page's own two script elements close; no learner text closes one.
  EXPECT_EQ(count(html, "<script"), 2u);
  EXPECT_EQ(count(html, "</script>"), 2u);
  EXPECT_EQ(count(html, "alert("), 2u);  // only inside the escaped JSON
  EXPECT_NE(html.find("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), std::string::npos);
  EXPECT_NE(html.find("stderr: \\u003c/script\\u003e\\u003cscript\\u003ealert(2)"),
            std::string::npos);
  EXPECT_NE(html.find("compile_error:\\nsoftmax.cpp:3:1: error: expected ';' before '}' token"),
            std::string::npos);

  // The data element parses back to the book.
  const std::string data =
      section(html, "<script type=\"application/json\" id=\"gradebook\">", "</script>");
  ASSERT_FALSE(data.empty());
  const json book = json::parse(data.substr(data.find('>') + 1));
  ASSERT_EQ(book["learners"].size(), 3u);
  EXPECT_EQ(book["learners"][0]["learner"], kHostile);
  EXPECT_EQ(book["learners"][2]["problems"][0]["result"]["status"], "error");
  EXPECT_DOUBLE_EQ(book["learners"][1]["total"].get<double>(), 1.0 / 3 + 1.0);

  // The title is HTML-escaped wherever it is markup.
  EXPECT_NE(html.find("<title>softmax &lt;basics&gt; &amp; more"), std::string::npos);
  EXPECT_NE(html.find("<h1>softmax &lt;basics&gt; &amp; more</h1>"), std::string::npos);
  EXPECT_EQ(html.find("<basics>"), std::string::npos);
  EXPECT_NE(html.find("3 learners, 3 problems"), std::string::npos);
}

TEST(ReportHtml, IsByteIdenticalForTheSameBook) {
  EXPECT_EQ(render_html(sample_book()), render_html(sample_book()));
  EXPECT_EQ(render_html(GradeBook{}), render_html(GradeBook{}));
}

class ReportHtmlBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::missing_tool("chromium"))
      GTEST_SKIP() << "chromium not found; install the `chromium` package to run this test";
    page_ = dir_.write("report.html", render_html(sample_book()));
  }

  // The DOM after the page's script ran, opened at `fragment`.
  std::string dump_dom(const std::string& fragment) const {
    return testing::chromium_dom(page_, fragment, dir_.path());
  }

  static std::string details(const std::string& dom) {
    return section(dom, "id=\"details\"", "</section>\n");
  }

  testing::TempDir dir_;
  std::string page_;
};

TEST_F(ReportHtmlBrowser, SelectedCellShowsItsFailingCases) {
  const std::string dom = dump_dom("#select=alice/softmax");
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "no DOM from chromium:\n" << dom;

  // (a) one heat-map row per learner, plus the average row.
  const std::string table = section(dom, "<table id=\"heatmap\"", "</table>");
  EXPECT_EQ(count(table, "<tr class=\"learner\">"), 3u) << table;
  EXPECT_EQ(count(table, "<tr class=\"average\">"), 1u);
  EXPECT_NE(table.find(">1.33 / 3<"), std::string::npos);  // alice: 1/3 + 1 + 0
  EXPECT_NE(table.find(">CE<"), std::string::npos);        // bob's softmax
  EXPECT_NE(table.find("data-problem=\"masked\""), std::string::npos);

  // (b) the details panel lists alice's failing softmax cases, and only those.
  const std::string panel = details(dom);
  EXPECT_NE(panel.find("edge/empty"), std::string::npos) << panel;
  EXPECT_NE(panel.find("expected 0 rows, got 1 [seed 7]"), std::string::npos);
  EXPECT_NE(panel.find("stability/large"), std::string::npos);
  EXPECT_NE(panel.find("row 3 has nan where 0.25 was expected [seed 11]"), std::string::npos);
  EXPECT_NE(panel.find("wrong_answer"), std::string::npos);
  EXPECT_EQ(panel.find("basic/one"), std::string::npos);  // it passed
  EXPECT_EQ(panel.find("shape/wide"), std::string::npos);

  // (c) the hostile learner id is text in the table, never an element.
  EXPECT_NE(table.find("\">&lt;script&gt;alert(1)&lt;/script&gt;</th>"), std::string::npos);
  EXPECT_EQ(script_elements(dom), 2u) << dom;
}

TEST_F(ReportHtmlBrowser, SelectedLearnerShowsFailuresAcrossProblems) {
  const std::string panel = details(dump_dom("#select=bob"));
  ASSERT_FALSE(panel.empty());
  EXPECT_NE(panel.find("compile_error:"), std::string::npos) << panel;
  EXPECT_NE(panel.find("expected ';' before '}' token"), std::string::npos);
  EXPECT_NE(panel.find("shape/wide"), std::string::npos);
  EXPECT_NE(panel.find("output has 4 columns, expected 8 [seed 3]"), std::string::npos);
  EXPECT_NE(panel.find("all 1 tests passed"), std::string::npos);  // masked
  EXPECT_EQ(panel.find("edge/empty"), std::string::npos);          // alice's
}

TEST_F(ReportHtmlBrowser, HostileTextStaysTextWhenSelected) {
  const std::string dom = dump_dom("#select=%3Cscript%3Ealert(1)%3C%2Fscript%3E/softmax");
  const std::string panel = details(dom);
  EXPECT_NE(panel.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos) << panel;
  EXPECT_NE(panel.find("stderr: &lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"),
            std::string::npos);
  EXPECT_EQ(script_elements(dom), 2u);
}

}  // namespace
}  // namespace judge

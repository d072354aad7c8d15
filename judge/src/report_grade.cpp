#include "report_grade.h"

#include "grade_outcome.h"
#include "hashing.h"
#include "report.h"
#include "report_html.h"
#include "text.h"

#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

namespace judge {
namespace fs = std::filesystem;
namespace {

// Four decimals everywhere, so the CSV and the JSON reports agree.
double rounded(double x) { return std::round(x * 1e4) / 1e4; }

std::string text_or_empty(const nlohmann::json& j, const char* key) {
  return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// The failing tests, a line each; tests not run after a time-out (often
// dozens) fold into one line per reason.
std::string failing_lines(const nlohmann::json& tests) {
  std::string out;
  std::string folded_reason;
  int folded = 0;
  auto flush = [&] {
    if (folded > 0) out += fmt::format("- {} test{} {}\n", folded, folded == 1 ? "" : "s", folded_reason);
    folded = 0;
  };
  for (const auto& t : tests) {
    if (t.value("status", "") == "pass") continue;
    const std::string message = text_or_empty(t, "message");
    if (message.rfind("not run", 0) == 0) {
      // The reason without the case's own origin (" [generator random, seed 7, ...]").
      const std::string reason = message.substr(0, message.find(" ["));
      if (reason != folded_reason) flush();
      folded_reason = reason;
      ++folded;
      continue;
    }
    flush();
    out += fmt::format("- {} [{}]: {}\n", text_or_empty(t, "name"), text_or_empty(t, "verdict"),
                       message);
  }
  flush();
  return out;
}

// One problem's outcome in words: what a learner reads on Gradescope.
std::string problem_output(const GradedProblem& p) {
  const std::string message = text_or_empty(p.result, "message");
  switch (classify_outcome(p)) {
    case Outcome::kNotAttempted:
      return fmt::format("{}: not attempted\n{}\n", p.problem, message);
    case Outcome::kEmpty:
      return fmt::format("{}: the file is empty, so no test ran\n", p.problem);
    case Outcome::kCompileError: {
      const std::string prefix = "compile_error:\n";
      const std::string diagnostics =
          message.rfind(prefix, 0) == 0 ? message.substr(prefix.size()) : message;
      return fmt::format("{}: the file did not compile, so no test ran. The compiler said:\n{}\n",
                         p.problem, diagnostics);
    }
    case Outcome::kRefused:
    case Outcome::kJudgeError:
      return fmt::format("{}: {}\n", p.problem, message);
    default:
      break;
  }
  std::string out = fmt::format("{}: {}/{} tests passed ({})\n", p.problem, p.passed, p.total,
                                outcome_name(classify_outcome(p)));
  if (!message.empty()) out += message + "\n";
  return out + failing_lines(p.result.value("tests", nlohmann::json::array()));
}

// Ids up to this many bytes name their own files: with ".json" and
// write_file's temporary suffix the name stays well under NAME_MAX (255).
constexpr std::size_t kMaxPlainStem = 200;
constexpr std::size_t kHashedPrefix = 64;
// 128 bits of SHA-256: no learner can find two ids that share a stem.
constexpr std::size_t kHashDigits = 32;

// "<prefix>~<32 hex digits>", the shape of a hashed stem. An id of that shape
// is hashed itself, so no plain stem can equal another learner's hashed one.
bool looks_hashed(const std::string& id) {
  if (id.size() <= kHashDigits) return false;
  const std::size_t tilde = id.size() - kHashDigits - 1;
  return id[tilde] == '~' &&
         id.find_first_not_of("0123456789abcdef", tilde + 1) == std::string::npos;
}

// printable_line() changes nothing only in valid UTF-8 without controls.
bool is_plain_stem(const std::string& id) {
  return !id.empty() && id.size() <= kMaxPlainStem && id[0] != '.' && printable_line(id) == id &&
         !looks_hashed(id);
}

// The readable part of a hashed stem: enough of the id for the instructor to
// recognise it, in characters no shell or file manager trips over.
std::string stem_prefix(const std::string& id) {
  std::string shown = utf8_prefix(printable_line(id), kHashedPrefix);
  for (char& c : shown) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x80 && !std::isalnum(byte) && c != '-' && c != '_' && c != '.') c = '_';
  }
  if (!shown.empty() && shown[0] == '.') shown[0] = '_';  // not a hidden file
  return shown;
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  const fs::path tmp = path.string() + ".tmp" + unique_suffix();
  {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + tmp.string());
  }
  fs::rename(tmp, path);
}

}  // namespace

std::string report_file_stem(const std::string& learner) {
  if (is_plain_stem(learner)) return learner;
  return stem_prefix(learner) + "~" + sha256_hex(learner).substr(0, kHashDigits);
}

std::string csv_field(const std::string& text) {
  std::string s = printable(text);
  // A spreadsheet would run a cell that starts like a formula. OWASP's list
  // has TAB and CR too (printable() already shows a CR as "^M").
  if (!s.empty() && std::string("=+-@\t\r").find(s[0]) != std::string::npos) s = "'" + s;
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string quoted = "\"";
  for (char c : s) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string render_summary_csv(const GradeBook& book) {
  std::string out = "learner";
  for (const auto& id : book.problems) out += "," + csv_field(id);
  out += ",total\n";
  for (const auto& learner : book.learners) {
    out += csv_field(learner.learner);
    for (const auto& p : learner.problems) out += fmt::format(",{:.4f}", rounded(p.fraction()));
    out += fmt::format(",{:.4f}\n", rounded(learner.total()));
  }
  return out;
}

std::string render_outcomes_csv(const GradeBook& book) {
  std::string out = "learner";
  for (const auto& id : book.problems) out += "," + csv_field(id);
  out += ",total\n";
  for (const auto& learner : book.learners) {
    out += csv_field(learner.learner);
    for (const auto& p : learner.problems) out += std::string(",") + outcome_name(classify_outcome(p));
    out += fmt::format(",{:.4f}\n", rounded(learner.total()));
  }
  return out;
}

std::string render_junit(const GradeBook& book) {
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  std::string suites;
  for (const auto& learner : book.learners) {
    for (const auto& p : learner.problems) {
      // Every name and message is an attribute here, and most are text as well.
      const std::string suite = markup_attribute(learner.learner + "." + p.problem);
      std::string cases;
      int t = 0, f = 0, e = 0, s = 0;
      const std::string message = text_or_empty(p.result, "message");
      if (!p.attempted) {
        cases += fmt::format(
            "    <testcase classname=\"{}\" name=\"submission\">\n"
            "      <skipped message=\"{}\"/>\n    </testcase>\n",
            suite, markup_attribute(message));
        ++t, ++s;
      } else if (p.result.value("tests", nlohmann::json::array()).empty()) {
        // Nothing ran: the file did not compile, or the judge failed.
        cases += fmt::format(
            "    <testcase classname=\"{}\" name=\"build\">\n      <error type=\"{}\" "
            "message=\"no test ran\">{}</error>\n    </testcase>\n",
            suite, message.rfind("judge_error", 0) == 0 ? "judge_error" : "compile_error",
            markup_escape(message));
        ++t, ++e;
      }
      for (const auto& test : p.result.value("tests", nlohmann::json::array())) {
        ++t;
        const std::string status = test.value("status", "");
        const std::string name = markup_attribute(text_or_empty(test, "name"));
        if (status == "pass") {
          cases += fmt::format("    <testcase classname=\"{}\" name=\"{}\"/>\n", suite, name);
          continue;
        }
        const char* element = status == "fail" ? "failure" : "error";
        (status == "fail" ? f : e) += 1;
        const std::string why = text_or_empty(test, "message");
        cases += fmt::format(
            "    <testcase classname=\"{}\" name=\"{}\">\n      <{} type=\"{}\" "
            "message=\"{}\">{}</{}>\n    </testcase>\n",
            suite, name, element, markup_attribute(text_or_empty(test, "verdict")),
            markup_attribute(why), markup_escape(why), element);
      }
      suites += fmt::format(
          "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" "
          "skipped=\"{}\">\n{}  </testsuite>\n",
          suite, t, f, e, s, cases);
      tests += t, failures += f, errors += e, skipped += s;
    }
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" tests=\"{}\" "
      "failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}</testsuites>\n",
      markup_attribute("judge grade: " + book.title), tests, failures, errors, skipped, suites);
}

nlohmann::json render_learner_json(const GradeBook& book, const GradedLearner& learner) {
  nlohmann::json problems = nlohmann::json::object();
  nlohmann::json scores = nlohmann::json::object();
  for (const auto& p : learner.problems) {
    problems[p.problem] = p.result;
    scores[p.problem] = {{"attempted", p.attempted},
                         {"outcome", outcome_name(classify_outcome(p))},
                         {"passed", p.passed},
                         {"total", p.total},
                         {"fraction", rounded(p.fraction())},
                         {"points", p.points},
                         {"score", rounded(p.score())}};
  }
  return {{"learner", learner.learner},
          {"title", book.title},
          {"total", rounded(learner.total())},
          {"max_total", book.max_total()},
          {"scores", scores},
          {"problems", problems}};
}

nlohmann::json render_gradescope(const GradeBook& book, const GradedLearner& learner) {
  nlohmann::json tests = nlohmann::json::array();
  for (const auto& p : learner.problems)
    tests.push_back({{"name", p.problem},
                     {"score", rounded(p.score())},
                     {"max_score", p.points},
                     {"status", p.total > 0 && p.passed == p.total ? "passed" : "failed"},
                     {"output", problem_output(p)},
                     {"visibility", "visible"}});
  return {{"score", rounded(learner.total())},
          {"max_score", book.max_total()},
          {"output", fmt::format("{}: graded by judge", book.title)},
          {"visibility", "visible"},
          {"stdout_visibility", "hidden"},
          {"tests", tests}};
}

void write_grade_reports(const GradeBook& book, const std::string& out_dir) {
  const fs::path out(out_dir);
  // A learner who left the class since an earlier run into this folder must
  // not linger in it: the folder then matches a fresh run's.
  std::set<std::string> current;
  for (const auto& learner : book.learners)
    current.insert(report_file_stem(learner.learner) + ".json");
  for (const char* sub : {"learners", "gradescope"}) {
    std::error_code ec;
    for (const auto& f : fs::directory_iterator(out / sub, ec))
      if (f.path().extension() == ".json" && !current.count(f.path().filename().string()))
        fs::remove(f.path(), ec);
  }
  write_file(out / "summary.csv", render_summary_csv(book));
  write_file(out / "outcomes.csv", render_outcomes_csv(book));
  write_file(out / "junit.xml", render_junit(book));
  write_file(out / "report.html", render_html(book));
  for (const auto& learner : book.learners) {
    const std::string file = report_file_stem(learner.learner) + ".json";
    write_file(out / "learners" / file, dump_json(render_learner_json(book, learner)) + "\n");
    write_file(out / "gradescope" / file, dump_json(render_gradescope(book, learner)) + "\n");
  }
}

}  // namespace judge

#include "insights.h"

#include "grade_outcome.h"
#include "report_grade.h"
#include "similarity.h"
#include "text.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace judge {
namespace {

// Whose tests ran: a compile error, an empty file or a refusal says nothing
// about which groups are hard.
bool tests_ran(const GradedProblem& p) { return p.attempted && p.total > 0; }

void count_failures(const GradeBook& book, std::size_t index, Insights& out) {
  const std::string& problem = book.problems[index];
  GroupFailure whole{problem, "", 0, 0};
  std::vector<std::string> order;  // groups in test order
  std::map<std::string, GroupFailure> groups;
  std::map<std::string, int> cases;
  for (const auto& learner : book.learners) {
    const GradedProblem& p = learner.problems[index];
    if (!tests_ran(p)) continue;
    ++whole.counted;
    whole.failed += p.passed < p.total ? 1 : 0;
    std::map<std::string, bool> failed_in;
    for (const auto& t : p.result.value("tests", nlohmann::json::array())) {
      const std::string group = t.value("group", "");
      if (!groups.count(group)) {
        groups[group] = {problem, group, 0, 0};
        order.push_back(group);
      }
      const bool failed = t.value("status", "") != "pass";
      failed_in[group] = failed_in[group] || failed;
      if (failed && t.value("message", nlohmann::json()).is_string() &&
          t["message"].get<std::string>().rfind("not run", 0) == 0)
        continue;  // a case skipped after a time-out is not a case the learner got wrong
      if (failed) ++cases[t.value("name", "")];
    }
    for (const auto& [group, failed] : failed_in) {
      ++groups[group].counted;
      groups[group].failed += failed ? 1 : 0;
    }
  }
  out.groups.push_back(whole);
  for (const auto& group : order) out.groups.push_back(groups[group]);
  for (const auto& [test, failed] : cases) out.cases.push_back({problem, test, failed});
}

void count_mistakes(const GradeBook& book, std::size_t index, Insights& out) {
  std::map<std::string, MistakeCount> by_id;
  for (const auto& learner : book.learners) {
    const nlohmann::json& result = learner.problems[index].result;
    if (!result.is_object() || !result.contains("diagnosis")) continue;
    const nlohmann::json& d = result["diagnosis"];
    const std::string id = d.value("id", "");
    MistakeCount& m = by_id[id];
    m.problem = book.problems[index];
    m.id = id;
    m.title = d.value("title", nlohmann::json::object()).value("en", "");
    m.learners.push_back(learner.learner);
  }
  std::vector<MistakeCount> counts;
  for (auto& [id, m] : by_id) counts.push_back(std::move(m));
  std::stable_sort(counts.begin(), counts.end(), [](const MistakeCount& a, const MistakeCount& b) {
    return a.learners.size() > b.learners.size();
  });
  out.mistakes.insert(out.mistakes.end(), counts.begin(), counts.end());
}

void find_similar(const GradeBook& book, std::size_t index, Insights& out) {
  std::vector<std::string> sources, owners;
  for (const auto& learner : book.learners) {
    const GradedProblem& p = learner.problems[index];
    const Outcome o = classify_outcome(p);
    if (p.source.empty() || o == Outcome::kNotImplemented || o == Outcome::kEmpty) continue;
    sources.push_back(p.source);
    owners.push_back(learner.learner);
  }
  const std::string stub = index < book.base_code.size() ? book.base_code[index] : "";
  for (const auto& group : similar_groups(sources, stub, kSimilarityThreshold)) {
    SimilarHandIns similar{book.problems[index], {}, group.least_similarity};
    for (const std::size_t m : group.members) similar.learners.push_back(owners[m]);
    out.similar.push_back(std::move(similar));
  }
}

std::string joined(const std::vector<std::string>& names, const char* separator) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : separator) + n;
  return out;
}

std::string percent(double share) { return fmt::format("{:.0f}%", share * 100); }

}  // namespace

Insights compute_insights(const GradeBook& book) {
  Insights insights;
  for (std::size_t i = 0; i < book.problems.size(); ++i) {
    count_failures(book, i, insights);
    count_mistakes(book, i, insights);
    find_similar(book, i, insights);
  }
  std::stable_sort(insights.cases.begin(), insights.cases.end(),
                   [](const CaseFailure& a, const CaseFailure& b) { return a.failed > b.failed; });
  if (insights.cases.size() > kMostFailedCases) insights.cases.resize(kMostFailedCases);
  return insights;
}

std::string render_insights_csv(const Insights& insights) {
  std::string out = "kind,problem,item,failed,counted,share,learners\n";
  for (const auto& g : insights.groups)
    out += fmt::format("{},{},{},{},{},{:.4f},\n", g.group.empty() ? "problem" : "group",
                       csv_field(g.problem), csv_field(g.group), g.failed, g.counted, g.share());
  for (const auto& c : insights.cases)
    out += fmt::format("case,{},{},{},,,\n", csv_field(c.problem), csv_field(c.test), c.failed);
  for (const auto& m : insights.mistakes)
    out += fmt::format("mistake,{},{},{},,,{}\n", csv_field(m.problem), csv_field(m.id),
                       m.learners.size(), csv_field(joined(m.learners, "; ")));
  for (const auto& s : insights.similar) {
    const std::string names = joined(s.learners, "; ");
    out += fmt::format("similar,{},,{},,{:.4f},{}\n", csv_field(s.problem), s.learners.size(),
                       s.similarity, csv_field(names));
  }
  return out;
}

std::string render_insights_html(const Insights& insights) {
  std::string html = "<section id=\"insights\">\n<h2>Insights</h2>\n";
  html += "<h3>Where the class fails</h3>\n<table class=\"insights\"><thead><tr><th>problem</th>"
          "<th>group</th><th>learners failing</th><th>share</th></tr></thead><tbody>\n";
  for (const auto& g : insights.groups)
    html += fmt::format("<tr{}><td>{}</td><td>{}</td><td>{} of {}</td><td>{}</td></tr>\n",
                        g.group.empty() ? " class=\"problem\"" : "", markup_escape(g.problem),
                        g.group.empty() ? "(any test)" : markup_escape(g.group), g.failed,
                        g.counted, percent(g.share()));
  html += "</tbody></table>\n<h3>Cases failed most often</h3>\n";
  if (insights.cases.empty()) html += "<p>No case failed.</p>\n";
  else {
    html += "<table class=\"insights\"><thead><tr><th>problem</th><th>case</th><th>learners "
            "failing</th></tr></thead><tbody>\n";
    for (const auto& c : insights.cases)
      html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", markup_escape(c.problem),
                          markup_escape(c.test), c.failed);
    html += "</tbody></table>\n";
  }
  html += "<h3>Known mistakes</h3>\n<p>Learners whose wrong answers match one of the problem's "
          "known-wrong solutions.</p>\n";
  if (insights.mistakes.empty()) html += "<p>None matched.</p>\n";
  else {
    html += "<table class=\"insights\"><thead><tr><th>problem</th><th>mistake</th><th>learners"
            "</th></tr></thead><tbody>\n";
    for (const auto& m : insights.mistakes)
      html += fmt::format("<tr><td>{}</td><td>{} <code>{}</code></td><td>{}: {}</td></tr>\n",
                          markup_escape(m.problem), markup_escape(m.title), markup_escape(m.id),
                          m.learners.size(), markup_escape(joined(m.learners, ", ")));
    html += "</tbody></table>\n";
  }
  html += "<h3>Near-identical hand-ins</h3>\n<p>Files whose code, without comments, white space, "
          "names and the stub, matches by at least " +
          percent(kSimilarityThreshold) +
          " (winnowed fingerprints, as MOSS does). Alike is not proof of copying: short "
          "problems have few ways to be solved.</p>\n";
  if (insights.similar.empty()) html += "<p>None found.</p>\n";
  else {
    html += "<table class=\"insights\"><thead><tr><th>problem</th><th>learners</th>"
            "<th>similarity</th></tr></thead><tbody>\n";
    for (const auto& s : insights.similar)
      html += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                          markup_escape(s.problem), markup_escape(joined(s.learners, ", ")),
                          percent(s.similarity));
    html += "</tbody></table>\n";
  }
  return html + "</section>\n";
}

}  // namespace judge

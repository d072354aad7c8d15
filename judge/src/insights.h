// What a grading tells the instructor beyond each learner's score: which
// problems and test groups the class finds hard, which cases fail most, and
// which hand-ins are near-identical (similarity.h). A pure function of the
// book, like every report.
#pragma once

#include "gradebook.h"

#include <string>
#include <vector>

namespace judge {

// Files at least this alike (Jaccard over winnowed fingerprints, the stub's
// removed) are reported as near-identical.
constexpr double kSimilarityThreshold = 0.9;
constexpr std::size_t kMostFailedCases = 20;

struct GroupFailure {
  std::string problem;
  std::string group;  // "" for the problem as a whole
  int failed = 0;     // learners with a failing test in it
  int counted = 0;    // learners whose tests ran
  double share() const { return counted == 0 ? 0.0 : static_cast<double>(failed) / counted; }
};

struct CaseFailure {
  std::string problem;
  std::string test;  // "group/case"
  int failed = 0;
};

struct SimilarHandIns {
  std::string problem;
  std::vector<std::string> learners;
  double similarity = 1;  // the weakest pairwise link in the group
};

// Learners whose wrong answers matched one known mistake (diagnosis.h).
struct MistakeCount {
  std::string problem;
  std::string id;     // the known-wrong solution's name
  std::string title;  // in English
  std::vector<std::string> learners;
};

struct Insights {
  std::vector<GroupFailure> groups;  // per problem: the problem, then its groups in test order
  std::vector<CaseFailure> cases;    // most failed first, at most kMostFailedCases
  std::vector<SimilarHandIns> similar;
  std::vector<MistakeCount> mistakes;  // per problem, most learners first
};

Insights compute_insights(const GradeBook& book);

// insights.csv: kind,problem,item,failed,counted,share,learners (kind: problem,
// group, case, mistake or similar)
std::string render_insights_csv(const Insights& insights);
// The insights page of report.html: tables of escaped text, no script.
std::string render_insights_html(const Insights& insights);

}  // namespace judge

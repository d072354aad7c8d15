// The organiser's side of the room: learners, the heat map and the export of
// the reports `judge grade` writes, by the same code (report_grade.h).
#include "room.h"

#include "gradebook.h"
#include "report_grade.h"
#include "stub.h"
#include "text.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>

namespace judge::server {
namespace fs = std::filesystem;
namespace {

// One printable line of 1..kMaxNameBytes bytes of valid UTF-8.
std::string checked_name(const json& value) {
  if (!value.is_string()) throw ApiError(400, "bad_request", "a learner's name is a string");
  const std::string name = value.get<std::string>();
  const bool blank = name.find_first_not_of(" \t") == std::string::npos;
  if (blank || name.size() > Room::kMaxNameBytes || !valid_utf8(name) ||
      name.find_first_of("\r\n") != std::string::npos)
    throw ApiError(400, "bad_request",
                   "a learner's name is one line of 1 to 100 bytes of UTF-8 text");
  return name;
}

// "20261203-163000", the export's folder name.
std::string timestamp_name() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &utc);
  return text;
}

std::vector<std::string> files_below(const fs::path& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) files.push_back(fs::relative(entry.path(), dir).generic_string());
  std::sort(files.begin(), files.end());
  return files;
}

// Each learner's name in the reports, one per learner: a name that repeats
// gets " #ID", again until no two are the same (a learner may really be
// called "Ada #2"), since a report's row and file go by the name.
std::map<LearnerId, std::string> report_names(const std::vector<Learner>& people) {
  std::map<LearnerId, std::string> names;
  for (const Learner& l : people) names[l.id] = l.name;
  for (bool repeated = true; repeated;) {
    std::map<std::string, int> count;
    for (const auto& [id, name] : names) ++count[name];
    repeated = false;
    for (auto& [id, name] : names)
      if (count[name] > 1) {
        name += " #" + std::to_string(id);
        repeated = true;
      }
  }
  return names;
}

GradedProblem graded(const std::string& problem, const Submission* latest_done) {
  GradedProblem p;
  p.problem = problem;
  if (latest_done == nullptr) {
    p.result = {{"version", 2},
                {"status", "fail"},
                {"message", "not attempted: no check of " + problem + " in the room"},
                {"tests", json::array()}};
    return p;
  }
  return graded_hand_in(problem, 1, latest_done->source,
                        json::parse(*latest_done->result_json, nullptr, false));
}

}  // namespace

Answer Room::add_learners(const json& body) {
  if (!body.is_object()) throw ApiError(400, "bad_request", "send {\"name\": ...} or {\"names\": [...]}");
  std::vector<std::string> names;
  const bool many = body.contains("names");
  if (many) {
    if (!body["names"].is_array() || body["names"].empty() ||
        body["names"].size() > kMaxNamesPerRequest)
      throw ApiError(400, "bad_request", "\"names\" is a list of 1 to 500 names");
    for (const auto& n : body["names"]) names.push_back(checked_name(n));
  } else if (body.contains("name")) {
    names.push_back(checked_name(body["name"]));
  } else {
    throw ApiError(400, "bad_request", "send {\"name\": ...} or {\"names\": [...]}");
  }
  json made = json::array();
  for (const auto& name : names) {
    const NewLearner l = store_.create_learner(name);
    made.push_back({{"id", l.learner.id},
                    {"name", l.learner.name},
                    {"token", l.token},
                    {"join_url", config_.public_url + "/join/" + l.token}});
  }
  version_.fetch_add(1);
  return {201, many ? json{{"learners", made}} : made[0]};
}

json Room::learners() const {
  json list = json::array();
  for (const Learner& l : store_.list_learners())
    list.push_back({{"id", l.id}, {"name", l.name}, {"created_ms", l.created_ms}});
  return {{"learners", list}};
}

json Room::heat_map() const {
  std::map<std::pair<LearnerId, std::string>, Submission> latest;
  for (Submission& s : store_.latest_per_learner_and_problem())
    latest.emplace(std::make_pair(s.learner, s.problem), std::move(s));
  json rows = json::array();
  for (const Learner& l : store_.list_learners()) {
    json cells = json::array();
    for (const auto& id : problems_) {
      json cell{{"problem", id}, {"state", "none"}, {"passed", 0}, {"total", 0},
                {"submission", nullptr}};
      if (const auto it = latest.find({l.id, id}); it != latest.end()) {
        const GradedProblem g = graded(id, it->second.result_json ? &it->second : nullptr);
        cell["state"] = cell_state(it->second);
        cell["passed"] = g.passed;
        cell["total"] = g.total;
        cell["submission"] = it->second.id;
      }
      cells.push_back(std::move(cell));
    }
    rows.push_back({{"id", l.id}, {"name", l.name}, {"cells", cells}});
  }
  return {{"version", version_.load()}, {"problems", problems_}, {"learners", rows}};
}

Answer Room::export_reports() const {
  GradeBook book;
  book.provenance = current_provenance(workspace_.bank_root);
  book.title = config_.set.empty() ? "all problems" : config_.set;
  book.problems = problems_;
  const ProblemSet* set = bank_.find_set(config_.set);
  for (const auto& id : problems_) {
    book.points.push_back(set ? set->points_of(id) : 1.0);
    book.base_code.push_back(stub_source(*bank_.find(id)));
  }
  const std::vector<Learner> people = store_.list_learners();
  const std::map<LearnerId, std::string> names = report_names(people);
  for (const Learner& l : people) {
    GradedLearner row;
    row.learner = names.at(l.id);
    std::map<std::string, Submission> done;  // the latest finished check per problem
    for (Submission& s : store_.list_for_learner(l.id))
      if (s.state == SubmissionState::kDone) done.emplace(s.problem, std::move(s));
    for (const auto& id : problems_) {
      const auto it = done.find(id);
      row.problems.push_back(graded(id, it == done.end() ? nullptr : &it->second));
      row.problems.back().points = set ? set->points_of(id) : 1.0;
    }
    book.learners.push_back(std::move(row));
  }
  std::sort(book.learners.begin(), book.learners.end(),
            [](const GradedLearner& a, const GradedLearner& b) { return a.learner < b.learner; });

  std::string name = timestamp_name();
  for (int n = 2; fs::exists(fs::path(config_.exports_dir) / name); ++n)
    name = timestamp_name() + "-" + std::to_string(n);
  const fs::path dir = fs::path(config_.exports_dir) / name;
  fs::create_directories(dir);
  write_grade_reports(book, dir.string());
  return {201, {{"name", name}, {"files", files_below(dir)}}};
}

std::string Room::export_file(const std::string& name, const std::string& file) const {
  // Only names this room made, and only files listed in them: no path is
  // built from the request's text before it is matched.
  const bool plausible = !name.empty() && name.find_first_not_of("0123456789-") == std::string::npos;
  const fs::path dir = fs::path(config_.exports_dir) / name;
  if (plausible && fs::is_directory(dir)) {
    const std::vector<std::string> files = files_below(dir);
    if (std::find(files.begin(), files.end(), file) != files.end()) return (dir / file).string();
  }
  throw ApiError(404, "not_found", "there is no exported file " + name + "/" + file);
}

}  // namespace judge::server

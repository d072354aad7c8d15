// What everyone in the room may read: the session, the problems, hints, the
// quiz and (after a pass) the solution.
#include "room.h"

#include "cases.h"
#include "known_solutions.h"
#include "quiz_order.h"
#include "stub.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace judge::server {
namespace fs = std::filesystem;
namespace {

json local(const LocalText& text) { return {{"en", text.en}, {"zh", text.zh}}; }

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::vector<std::string> room_problems(const Bank& bank, const std::string& set) {
  if (!set.empty()) {
    const ProblemSet* found = bank.find_set(set);
    if (found == nullptr) throw std::invalid_argument("there is no set '" + set + "' in the bank");
    return found->problems;
  }
  std::vector<std::string> ids;
  for (const auto& track : bank.tracks)
    for (const auto& id : track.problems) ids.push_back(id);
  return ids;
}

// "wrong_answer stability; time_limit": what the judge says of a trap.
std::string trap_verdicts(const KnownSolution& trap) {
  std::string text;
  for (const auto& e : trap.expect)
    text += (text.empty() ? "" : "; ") + e.verdict + (e.group.empty() ? "" : " " + e.group);
  return text;
}

}  // namespace

std::int64_t parse_id(const std::string& text, const char* what) {
  if (text.empty() || text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos)
    throw ApiError(400, "bad_request", std::string(what) + " must be a whole number");
  return std::stoll(text);
}

int parse_wait(const std::string& text) {
  if (text.empty()) return 0;
  const std::int64_t seconds = parse_id(text, "wait");
  return static_cast<int>(std::min<std::int64_t>(seconds, Room::kMaxWaitSeconds));
}

std::string result_status(const std::string& result_json) {
  const json doc = json::parse(result_json, nullptr, false);
  if (!doc.is_object() || !doc.contains("status") || !doc["status"].is_string()) return "";
  return doc["status"].get<std::string>();
}

std::string cell_state(const Submission& s) {
  if (s.state != SubmissionState::kDone) return state_name(s.state);
  const std::string status = result_status(s.result_json.value_or(""));
  return status == "pass" ? "passed" : status == "fail" ? "failed" : "error";
}

Room::Room(const Workspace& workspace, const Bank& bank, Store& store, CheckQueue& queue,
           RoomConfig config)
    : workspace_(workspace),
      bank_(bank),
      store_(store),
      queue_(queue),
      config_(std::move(config)),
      problems_(room_problems(bank, config_.set)),
      version_(now_ms()) {}

const Problem& Room::find_problem(const std::string& id) const {
  const Problem* p = bank_.find(id);
  if (p == nullptr || std::find(problems_.begin(), problems_.end(), id) == problems_.end())
    throw ApiError(404, "not_found", "there is no problem '" + id + "' in this room");
  return *p;
}

bool Room::solved(LearnerId learner, const std::string& problem) const {
  for (const Submission& s : store_.list_for_learner(learner))
    if (s.problem == problem && s.state == SubmissionState::kDone &&
        result_status(*s.result_json) == "pass")
      return true;
  return false;
}

json Room::session(const Caller& caller) const {
  json doc{{"role", caller.role == Role::kOrganiser ? "organiser" : "learner"},
           {"csrf", caller.csrf},
           {"learner", nullptr},
           {"set", nullptr}};
  if (caller.role == Role::kLearner)
    doc["learner"] = {{"id", caller.learner.id}, {"name", caller.learner.name}};
  if (const ProblemSet* set = bank_.find_set(config_.set))
    doc["set"] = {{"id", set->id}, {"title", local(set->title)}};
  return doc;
}

json Room::problems(const Caller& caller) const {
  // The learner's latest submission per problem, and what they ever passed.
  std::map<std::string, std::string> latest;
  std::set<std::string> passed;
  if (caller.role == Role::kLearner) {
    for (const Submission& s : store_.list_for_learner(caller.learner.id)) {  // newest first
      const std::string state = cell_state(s);
      latest.emplace(s.problem, state);
      if (state == "passed") passed.insert(s.problem);
    }
  }
  json list = json::array();
  for (const auto& id : problems_) {
    const Problem& p = *bank_.find(id);
    json item{{"id", id},          {"title", local(p.title)},
              {"track", p.track},  {"difficulty", p.difficulty},
              {"status", nullptr}, {"solved", nullptr}};
    if (caller.role == Role::kLearner) {
      const auto it = latest.find(id);
      const std::string state = it == latest.end() ? "not_started" : it->second;
      item["status"] = state == "queued" || state == "running" ? "checking"
                       : state == "error"                      ? "failed"
                                                               : state;
      item["solved"] = passed.count(id) > 0;
    }
    list.push_back(std::move(item));
  }
  return {{"problems", list}};
}

json Room::problem(const Caller& caller, const std::string& id) const {
  const Problem& p = find_problem(id);
  json signatures = json::array();
  for (const auto& s : p.signatures) signatures.push_back(s.text);
  json samples = json::array();
  json groups = json::array();
  for (const auto& g : p.groups) {
    groups.push_back({{"name", g.name}, {"note", local(g.note)}});
    if (g.kind != GroupKind::kSample) continue;
    for (const auto& c : g.cases)
      samples.push_back({{"case", g.name + "/" + c.name}, {"inputs", describe_inputs(p, c)}});
  }
  json quiz = json::array();
  for (std::size_t n = 0; n < p.questions.size(); ++n) {
    const Question& q = p.questions[n];
    json choices = json::array();
    for (std::size_t k : shown_order(caller, p.id, n, q.choices.size()))
      choices.push_back(local(q.choices[k]));
    quiz.push_back({{"question", local(q.question)}, {"choices", choices}});
  }
  return {{"id", p.id},
          {"title", local(p.title)},
          {"track", p.track},
          {"difficulty", p.difficulty},
          {"statement", local(p.statement)},
          {"signatures", signatures},
          {"samples", samples},
          {"stub", stub_source(p)},
          {"hints", p.hints.size()},
          {"groups", groups},
          {"quiz", quiz},
          {"solved", caller.role == Role::kLearner ? solved(caller.learner.id, id) : false}};
}

json Room::hint(const std::string& id, std::int64_t index) const {
  const Problem& p = find_problem(id);
  if (index < 0 || index >= static_cast<std::int64_t>(p.hints.size()))
    throw ApiError(404, "not_found",
                   id + " has " + std::to_string(p.hints.size()) + " hints, numbered from 0");
  return {{"index", index},
          {"hint", local(p.hints[index])},
          {"remaining", static_cast<std::int64_t>(p.hints.size()) - index - 1}};
}

std::vector<std::size_t> Room::shown_order(const Caller& caller, const std::string& problem,
                                           std::size_t question, std::size_t choices) {
  if (caller.role == Role::kLearner)
    return choice_order(std::to_string(caller.learner.id), problem, question, choices);
  std::vector<std::size_t> bank_order(choices);
  for (std::size_t k = 0; k < choices; ++k) bank_order[k] = k;
  return bank_order;
}

json Room::quiz_answer(const Caller& caller, const std::string& id, std::int64_t index,
                       const json& body) const {
  const Problem& p = find_problem(id);
  if (index < 0 || index >= static_cast<std::int64_t>(p.questions.size()))
    throw ApiError(
        404, "not_found",
        id + " has " + std::to_string(p.questions.size()) + " questions, numbered from 0");
  const Question& q = p.questions[index];
  json answer{{"answer", local(q.answer)}, {"correct", nullptr}, {"correct_choice", nullptr}};
  if (q.choices.empty()) return answer;
  const auto choice = body.find("choice");
  const int choices = static_cast<int>(q.choices.size());
  if (choice == body.end() || !choice->is_number_integer() || choice->get<std::int64_t>() < 0 ||
      choice->get<std::int64_t>() >= choices)
    throw ApiError(400, "bad_request",
                   "send {\"choice\": N}, N from 0 to " + std::to_string(choices - 1));
  // Choices are numbered as this caller was shown them.
  const std::vector<std::size_t> order =
      shown_order(caller, id, static_cast<std::size_t>(index), q.choices.size());
  const auto shown_correct = static_cast<std::int64_t>(
      std::find(order.begin(), order.end(), static_cast<std::size_t>(q.correct)) - order.begin());
  answer["correct"] = choice->get<std::int64_t>() == shown_correct;
  answer["correct_choice"] = shown_correct;
  return answer;
}

json Room::solution(const Caller& caller, const std::string& id) const {
  find_problem(id);
  if (caller.role == Role::kLearner && !solved(caller.learner.id, id))
    throw ApiError(403, "forbidden",
                   "the solution of " + id + " opens once you have passed it: try a hint first");
  std::ifstream in(fs::path(workspace_.solutions_dir()) / id / "reference.cpp");
  std::ostringstream reference;
  reference << in.rdbuf();
  json traps = json::array();
  for (const auto& s : known_solutions(workspace_.solutions_dir(), id))
    if (s.kind == KnownSolution::Kind::kWrong)
      traps.push_back({{"name", s.name}, {"about", s.about}, {"gets", trap_verdicts(s)}});
  return {{"reference", reference.str()}, {"traps", traps}};
}

}  // namespace judge::server

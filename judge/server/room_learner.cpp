// A learner's own things: drafts and submissions.
#include "room.h"

namespace judge::server {
namespace {

const Caller& learner_only(const Caller& caller) {
  if (caller.role != Role::kLearner)
    throw ApiError(403, "forbidden", "only a learner has drafts and submits code");
  return caller;
}

std::string string_field(const json& body, const char* name) {
  const auto it = body.find(name);
  if (!body.is_object() || it == body.end() || !it->is_string())
    throw ApiError(400, "bad_request", std::string("the body needs a string field \"") + name +
                                           "\"");
  return it->get<std::string>();
}

json optional_ms(const std::optional<Millis>& ms) { return ms ? json(*ms) : json(nullptr); }

}  // namespace

std::string Room::learner_name(LearnerId id) const {
  const std::optional<Learner> learner = store_.find_learner(id);
  return learner ? learner->name : "";
}

Room::WaitSlot::WaitSlot(Room& room, const Caller& caller) : room_(room) {
  if (caller.role != Role::kLearner) {
    granted_ = true;
    return;
  }
  learner_ = caller.learner.id;
  std::lock_guard<std::mutex> lock(room_.waits_mutex_);
  int& open = room_.waits_[learner_];
  granted_ = open < kMaxWaitsPerLearner;
  if (granted_) ++open;
}

Room::WaitSlot::~WaitSlot() {
  if (!granted_ || learner_ == 0) return;
  std::lock_guard<std::mutex> lock(room_.waits_mutex_);
  if (--room_.waits_[learner_] == 0) room_.waits_.erase(learner_);
}

json Room::submission_document(const Submission& s, bool with_source) const {
  json doc{{"id", s.id},
           {"problem", s.problem},
           {"learner", {{"id", s.learner}, {"name", learner_name(s.learner)}}},
           {"state", state_name(s.state)},
           {"created_ms", s.created_ms},
           {"finished_ms", optional_ms(s.finished_ms)},
           {"result", nullptr}};
  if (with_source) doc["source"] = s.source;
  if (s.result_json) doc["result"] = json::parse(*s.result_json, nullptr, false);
  return doc;
}

json Room::draft(const Caller& caller, const std::string& id) const {
  learner_only(caller);
  find_problem(id);
  const std::optional<Draft> d = store_.load_draft(caller.learner.id, id);
  if (!d) throw ApiError(404, "not_found", "no draft of " + id + " yet: start from the stub");
  return {{"source", d->source}, {"updated_ms", d->updated_ms}};
}

json Room::save_draft(const Caller& caller, const std::string& id, const json& body) {
  learner_only(caller);
  find_problem(id);
  const std::string source = string_field(body, "source");
  if (source.size() > CheckQueueOptions().max_source_bytes)
    throw ApiError(413, "too_large", "a draft is at most 256 KiB");
  const Status saved = store_.save_draft(caller.learner.id, id, source);
  if (!saved.ok()) throw ApiError(404, "not_found", saved.message());
  return {{"updated_ms", store_.load_draft(caller.learner.id, id)->updated_ms}};
}

Answer Room::submit(const Caller& caller, const json& body, int wait_seconds) {
  learner_only(caller);
  const std::string problem = string_field(body, "problem");
  const std::string source = string_field(body, "source");
  find_problem(problem);
  const SubmitOutcome outcome = queue_.submit(caller.learner.id, problem, source);
  switch (outcome.admission) {
    case Admission::kOk:
      break;
    case Admission::kTooLarge:
      throw ApiError(413, "too_large", "a source is at most 256 KiB");
    case Admission::kLearnerBusy:
      throw ApiError(429, "learner_busy",
                     "you have checks waiting already: wait for one to finish, then check again",
                     5);
    case Admission::kQueueFull:
      throw ApiError(429, "queue_full", "the room's queue is full: try again in a moment", 10);
  }
  version_.fetch_add(1);
  if (wait_seconds == 0) return {202, {{"id", outcome.id}, {"state", "queued"}}};
  // The time ran out: say what it is now (a worker may be running it).
  const Answer waited = submission(caller, outcome.id, wait_seconds);
  if (waited.body["state"] == "done") return waited;
  return {202, {{"id", outcome.id}, {"state", waited.body["state"]}}};
}

Answer Room::submission(const Caller& caller, SubmissionId id, int wait_seconds) {
  std::optional<Submission> s = store_.find(id);
  // Another learner's submission does not exist, as far as this one knows.
  if (!s || (caller.role == Role::kLearner && s->learner != caller.learner.id))
    throw ApiError(404, "not_found", "there is no submission " + std::to_string(id));
  if (wait_seconds > 0 && s->state != SubmissionState::kDone) {
    // A learner's open waits are few, so no one can hold the server's threads.
    WaitSlot slot(*this, caller);
    if (slot.granted()) s = queue_.wait_for(id, std::chrono::seconds(wait_seconds));
  }
  return {200, submission_document(*s, true)};
}

json Room::submissions(const Caller& caller, const std::string& problem) const {
  learner_only(caller);
  if (!problem.empty()) find_problem(problem);
  json list = json::array();
  for (const Submission& s : store_.list_for_learner(caller.learner.id)) {
    if (!problem.empty() && s.problem != problem) continue;
    const std::string status = s.result_json ? result_status(*s.result_json) : "";
    list.push_back({{"id", s.id},
                    {"problem", s.problem},
                    {"state", state_name(s.state)},
                    {"created_ms", s.created_ms},
                    {"finished_ms", optional_ms(s.finished_ms)},
                    {"status", status.empty() ? json(nullptr) : json(status)}});
  }
  return {{"submissions", list}};
}

}  // namespace judge::server
